"""Speaker extraction against hand annotations of real news articles.

``bench/data/speakers.jsonl`` lists, for 42 articles of the shared news corpora
(their ``sample_200.jsonl`` files; the articles themselves are not copied
here), the people quoted or reported as saying something — 25 of them with
nobody quoted. The extractor's rules were developed looking at these.
``bench/data/speakers_heldout.jsonl`` annotates 21 further articles (11 with
nobody quoted) that were annotated after the rules were written and not used
to change them. This prints precision, recall and F1 of
``archive_search.articles.speakers.find_speakers`` over all (article, person) pairs, for
each file and both together.

A found name matches an annotated one when, after Arabic normalization, one is
the other or its words run inside the other's (a name given with or without a
middle name: "أحمد الجروان" for "أحمد بن محمد الجروان" does not count, "محمد
الجروان" does).

    python bench/speakers.py --verbose
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from archive_search.articles.speakers import find_speakers  # noqa: E402
from archive_search.text.normalize import normalize  # noqa: E402
from bench.evalsets import shared_dir  # noqa: E402


def _words(name: str) -> list[str]:
    return normalize(name).split()


def same_person(found: str, gold: str) -> bool:
    a, b = _words(found), _words(gold)
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def load_articles(corpora: set[str]) -> dict[str, dict]:
    articles = {}
    for name in corpora:
        with open(shared_dir() / "corpora" / "news" / name / "sample_200.jsonl", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                articles[record["id"]] = record
    return articles


def score(gold: list[dict], articles: dict[str, dict], verbose: bool) -> tuple[int, int, int]:
    true_positive = found_total = gold_total = 0
    for entry in gold:
        record = articles[entry["id"]]
        found = find_speakers(f"{record.get('title') or ''}\n{record.get('body') or ''}")
        hits = sum(1 for f in found if any(same_person(f, g) for g in entry["speakers"]))
        true_positive += hits
        found_total += len(found)
        gold_total += len(entry["speakers"])
        if verbose and (hits != len(found) or hits != len(entry["speakers"])):
            print(f"  {entry['id']}: found {found}, annotated {entry['speakers']}")
    return true_positive, found_total, gold_total


def report(label: str, gold: list[dict], counts: tuple[int, int, int]) -> None:
    true_positive, found_total, gold_total = counts
    precision = true_positive / found_total if found_total else 1.0
    recall = true_positive / gold_total if gold_total else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    nobody = sum(1 for g in gold if not g["speakers"])
    print(f"{label}: {len(gold)} articles ({nobody} with nobody quoted), {gold_total} annotated, "
          f"{found_total} found, {true_positive} right: precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true", help="print every article with a mistake")
    args = parser.parse_args(argv)
    if not (shared_dir() / "corpora" / "news").is_dir():
        sys.exit(f"speakers: no news corpora at {shared_dir() / 'corpora' / 'news'}")
    sets = {}
    for label, name in (("development", "speakers.jsonl"), ("held out", "speakers_heldout.jsonl")):
        sets[label] = [json.loads(line) for line in (HERE / "data" / name).read_text(encoding="utf-8").splitlines()]
    articles = load_articles({g["corpus"] for gold in sets.values() for g in gold})
    totals = [0, 0, 0]
    for label, gold in sets.items():
        counts = score(gold, articles, args.verbose)
        report(label, gold, counts)
        totals = [a + b for a, b in zip(totals, counts)]
    report("all", [g for gold in sets.values() for g in gold], tuple(totals))


if __name__ == "__main__":
    main()
