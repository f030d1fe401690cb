"""Speaker finding against hand annotations of real news articles.

Thirty-two files in ``bench/data`` annotate, for articles of the shared news corpora
(``../shared/corpora/news``; the articles are not copied here), the people
each article reports as saying something, under the guideline in
``bench/data/SPEAKERS.md``:

=============================  ===========  =====================================
file                           role         articles
=============================  ===========  =====================================
``speakers_news_dev.jsonl``    development  210 drawn from the whole corpora
``speakers_news_dev2.jsonl``   development  102, a second draw (another seed)
``speakers_news_dev3.jsonl``   development  36, a third draw (another seed)
``speakers_news_dev4.jsonl``   development  90, a fourth draw (another seed)
``speakers_news_dev5.jsonl``   development  108, a fifth draw (another seed)
``speakers_news_dev6.jsonl``   development  108, a sixth draw (another seed)
``speakers_news_dev7.jsonl``   development  108, a seventh draw (another seed)
``speakers_news_dev8.jsonl``   development  108, an eighth draw (another seed)
``speakers_news_dev9.jsonl``   development  108, a ninth draw (another seed)
``speakers_news_dev10.jsonl``  development  108, a tenth draw (another seed)
``speakers_news_dev11.jsonl``  development  108, an eleventh draw (another seed)
``speakers_news_dev12.jsonl``  development  108, a twelfth draw (another seed)
``speakers_news_dev13.jsonl``  development  108, a thirteenth draw (another seed)
``speakers_news_dev14.jsonl``  development  108, a fourteenth draw (another seed)
``speakers_news_dev15.jsonl``  development  108, a fifteenth draw (another seed)
``speakers_news_dev16.jsonl``  development  108, a sixteenth draw (another seed)
``speakers_news_dev17.jsonl``  development  108, a seventeenth draw (another seed)
``speakers_news_dev18.jsonl``  development  108, an eighteenth draw (another seed)
``speakers_news_dev19.jsonl``  development  108, a nineteenth draw (another seed)
``speakers_news_dev20.jsonl``  development  108, a twentieth draw (another seed)
``speakers_news_dev21.jsonl``  development  108, a twenty-first draw (another seed)
``speakers_news_dev22.jsonl``  development  108, a twenty-second draw (another seed)
``speakers_news_dev23.jsonl``  development  108, a twenty-third draw (another seed)
``speakers_news_dev24.jsonl``  development  108, a twenty-fourth draw (another seed)
``speakers_news_dev25.jsonl``  development  108, a twenty-fifth draw (another seed)
``speakers_news_dev26.jsonl``  development  108, a twenty-sixth draw (another seed)
``speakers_news_dev27.jsonl``  fresh        108, a twenty-seventh draw (another seed)
``speakers_news_dev28.jsonl``  fresh        108, a twenty-eighth draw (another seed)
``speakers.jsonl``             development  42 of the corpora's ``sample_200.jsonl``
``speakers_heldout.jsonl``     held out     21 of the same samples
``speakers_news_test.jsonl``   test         135, the first draw's next articles
=============================  ===========  =====================================

The development files were read and the finder's rules and lexicons changed
on their errors (``dev2`` to ``dev26`` were first scored untouched: see SPEAKERS.md);
``dev27`` and ``dev28``, drawn last, have been scored and not read; the
test file is scored only with ``--test``, once, and ``--verbose`` never
prints its articles; the held-out file was scored, its errors not read.

For each file this prints precision, recall and F1 over (article, person)
pairs for the finder before issue 14 (``bench/speakers_before.py``) and
after (``archive_search.articles.speakers.find_speakers``), the latter
without and with :class:`~archive_search.articles.speakers.KnownNames`
observed over the sample of the three news corpora that a rebuild observes
(:func:`archive_search.index.known_names.sample`). Then the cost over every
article of the corpora: CPU µs an article for each finder and for
``observe``, and the size of the evidence as JSON.

A found name matches an annotated one when, after Arabic normalization (and
عبد joined to the word after it: عبد الرحمن is عبدالرحمن), one is the other or
its words run inside the other's ("محمد الجروان" matches "أحمد بن محمد
الجروان"; "أحمد الجروان" does not).

    python bench/speakers.py --verbose      # development files, mistakes shown
    python bench/speakers.py --test         # and the test file, once at the end
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from archive_search.articles.readers import read_file  # noqa: E402
from archive_search.articles.speakers import KnownNames, find_speakers  # noqa: E402
from archive_search.index.known_names import observe, sample  # noqa: E402
from archive_search.text.normalize import normalize  # noqa: E402
from bench.evalsets import NEWS_SETS, read_jsonl, shared_dir  # noqa: E402
from bench.speakers_before import find_speakers as find_before  # noqa: E402

DEVELOPMENT = "development (read, tuned on)"
UNREAD = "fresh, drawn last (scored untouched; its errors not read, --verbose does not print them)"
NEWS = "articles.jsonl.gz"
FILES = (
    ("speakers_news_dev.jsonl", DEVELOPMENT, NEWS),
    # dev2 to dev26: each scored untouched before it was read (SPEAKERS.md)
    *((f"speakers_news_dev{n}.jsonl", DEVELOPMENT + "; scored untouched first", NEWS) for n in range(2, 27)),
    *((f"speakers_news_dev{n}.jsonl", UNREAD, NEWS) for n in (27, 28)),
    ("speakers.jsonl", DEVELOPMENT, "sample_200.jsonl"),
    ("speakers_heldout.jsonl", "held out (scored, errors not read)", "sample_200.jsonl"),
    ("speakers_news_test.jsonl", "TEST (never read; scored with --test only)", NEWS),
)
TEST = "speakers_news_test.jsonl"


_ABD = normalize("عبد")


def _words(name: str) -> list[str]:
    """The name's words after normalization, عبد joined to the word after it
    (عبد الرحمن and عبدالرحمن are one word written two ways)."""
    words: list[str] = []
    for word in normalize(name).split():
        if words and words[-1] == _ABD:
            words[-1] += word
        else:
            words.append(word)
    return words


def same_person(found: str, gold: str) -> bool:
    """The benchmark's matching rule: equal, or one's words run inside the other's."""
    a, b = _words(found), _words(gold)
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def _text(record: dict) -> str:
    return f"{record.get('title') or ''}\n{record.get('body') or ''}"


def load_texts(wanted: dict[str, set[str]]) -> tuple[dict[tuple[str, str], str], list[str]]:
    """The texts of the wanted articles ({source file: ids}), by (file, id), and
    the text of every article of the three news corpora."""
    texts: dict[tuple[str, str], str] = {}
    every: list[str] = []
    for corpus in NEWS_SETS:
        base = shared_dir() / "corpora" / "news" / corpus
        for source in ("articles.jsonl.gz", "sample_200.jsonl"):
            for record in read_jsonl(base / source):
                text = _text(record)
                if source == "articles.jsonl.gz":
                    every.append(text)
                if record["id"] in wanted.get(source, ()):
                    texts[source, record["id"]] = text
    return texts, every


def score(gold: list[dict], texts: list[str], finder, show=None) -> tuple[int, int, int]:
    """(right, found, annotated) over the file; ``show`` prints each article with a mistake."""
    right = found_total = gold_total = 0
    for entry, text in zip(gold, texts):
        found = finder(text)
        hits = sum(1 for f in found if any(same_person(f, g) for g in entry["speakers"]))
        missed = [g for g in entry["speakers"] if not any(same_person(f, g) for f in found)]
        right += hits
        found_total += len(found)
        gold_total += len(entry["speakers"])
        if show is not None and (hits != len(found) or missed):
            show(f"  {entry['id']}: found {found}, annotated {entry['speakers']}")
    return right, found_total, gold_total


def figures(counts: tuple[int, int, int]) -> str:
    right, found, annotated = counts
    precision = right / found if found else 1.0
    recall = right / annotated if annotated else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  ({right} right of {found} found, {annotated} annotated)"


def cost(finder, texts: list[str]) -> float:
    """CPU µs an article, the best of two runs."""
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        for text in texts:
            finder(text)
        best = min(best, time.process_time() - start)
    return best / len(texts) * 1e6


def gather() -> tuple[KnownNames, int, float]:
    """KnownNames observed over the sample a rebuild of the three news
    corpora observes, the articles in it and its CPU µs an article."""
    files = sorted(shared_dir() / "corpora" / "news" / corpus / "articles.jsonl.gz" for corpus in NEWS_SETS)
    articles = list(sample(files, lambda path: read_file(path, path.parent.name, lambda skipped: None)))
    start = time.process_time()
    known = observe(KnownNames(), articles)
    spent = time.process_time() - start
    return known.finish(), len(articles), spent / max(1, len(articles)) * 1e6


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true", help="print every development article with a mistake")
    parser.add_argument("--test", action="store_true", help="score the test file too (once, at the end of a change)")
    parser.add_argument("--no-cost", action="store_true", help="skip the timing over every article")
    args = parser.parse_args(argv)
    if not (shared_dir() / "corpora" / "news").is_dir():
        sys.exit(f"speakers: no news corpora at {shared_dir() / 'corpora' / 'news'}")
    files = [f for f in FILES if args.test or f[0] != TEST]
    golds = {name: [json.loads(line) for line in (HERE / "data" / name).read_text(encoding="utf-8").splitlines()
                    if line.strip()] for name, _, _ in files}
    wanted: dict[str, set[str]] = {}
    for name, _, source in files:
        wanted.setdefault(source, set()).update(g["id"] for g in golds[name])
    texts, every = load_texts(wanted)
    known, sampled, observe_us = gather()
    stored = json.dumps(known.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with_known = lambda text: find_speakers(text, known)  # noqa: E731
    finders = (("before (the finder before issue 14)", find_before),
               ("after, without KnownNames", find_speakers),
               ("after, with KnownNames (as a rebuild)", with_known))
    for name, role, source in files:
        gold = golds[name]
        file_texts = [texts[source, g["id"]] for g in gold]
        nobody = sum(1 for g in gold if not g["speakers"])
        print(f"{name}: {role}; {len(gold)} articles, {nobody} with nobody quoted")
        for label, finder in finders:
            show = print if args.verbose and role.startswith("development") and finder is with_known else None
            print(f"  {label:38} {figures(score(gold, file_texts, finder, show))}")
    print(f"KnownNames: {known!r}, observed over a sample of {sampled:,} articles; "
          f"{len(stored) / 1024:.0f} KiB as JSON")
    if args.no_cost:
        return
    print(f"cost over the {len(every):,} news articles (CPU µs an article):")
    for label, finder in finders:
        print(f"  {label:38} {cost(finder, every):6.0f}")
    print(f"  {'KnownNames.observe (over the sample)':38} {observe_us:6.0f}")


if __name__ == "__main__":
    main()
