"""A trained tagger for speakers, measured beside the rule-based finder.

Issue 14 asked whether a small trained tagger (a CRF over the tokens, with
the finder's lexicons as features) finds speakers better than the rules.
This trains one with python-crfsuite on the development parts of
``bench/data`` and measures it; the archive does not use it (see the
figures in ``bench/data/SPEAKERS.md``: the tagger and the finder together
gain on some parts and lose on others, and the tagger costs several times
the finder an article, more than a rebuild can spare).

The tagger reads the words around each trigger of the finder (eight
before, sixteen after) and tags the tokens of the speakers' names (B/I/O).
Its features: each token's lexicon class and folded form, its first and
last letters, the classes and words around it, whether it is a trigger and
how far the nearest trigger is. Its labels come from the annotations: the
tokens where an annotated speaker's name (two or more of its words, or its
last word) stands in those windows.

For each development part, a tagger trained on the other parts is scored
alone, and with the finder (the finder's names, then the tagger's names
with a marginal probability of at least 0.9 that are none of them). The
finder was tuned on these parts, so the second figure flatters the finder;
the honest comparison is on parts the finder had not seen (SPEAKERS.md) and
on the test part: ``--test`` trains on every development part read and
scores the fresh parts (scored, never read) and the test part, once. Then
the tagger's cost, CPU µs an article, beside the finder's, over a sample of
the news corpora.

    pip install python-crfsuite
    python bench/speakers_tagger.py          # development parts, cross-validated
    python bench/speakers_tagger.py --test   # and the test part
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from archive_search.articles.speakers import find_speakers, same_person  # noqa: E402
from archive_search.articles.speakers.attribution import strip_marks  # noqa: E402
from archive_search.articles.speakers.tokens import Line, split_words  # noqa: E402
from archive_search.articles.speakers.triggers import TRIGGER_SURFACES  # noqa: E402
from archive_search.text.person_names import clean_name  # noqa: E402
from bench.evalsets import read_jsonl  # noqa: E402
from bench.speakers import FILES, TEST, UNREAD, figures, load_texts, score  # noqa: E402

BEFORE, AFTER = 8, 16
THRESHOLD = 0.9
COST_SAMPLE = 3000


def windows(text: str) -> list[tuple[Line, set[int]]]:
    """The words around the article's triggers (merged where they overlap), with the triggers' tokens."""
    out = []
    for raw in strip_marks(text).split("\n"):
        words = split_words(raw)
        if TRIGGER_SURFACES.isdisjoint(words):
            continue
        at = [i for i, w in enumerate(words) if w in TRIGGER_SURFACES]
        spans: list[list[int]] = []
        for i in at:
            lo, hi = max(0, i - BEFORE), min(len(words), i + AFTER)
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = hi
            else:
                spans.append([lo, hi])
        for lo, hi in spans:
            line, starts = Line.with_starts(words[lo:hi])
            out.append((line, {starts[i - lo] for i in at if lo <= i < hi}))
    return out


def features(line: Line, triggers: set[int]) -> list[list[str]]:
    n, cls, bare = len(line.toks), line.cls, line.bare
    since, until = [99] * n, [99] * n
    last = None
    for k in range(n):
        last = k if k in triggers else last
        since[k] = min(9, k - last) if last is not None else 99
    following = None
    for k in range(n - 1, -1, -1):
        following = k if k in triggers else following
        until[k] = min(9, following - k) if following is not None else 99
    rows = []
    for k in range(n):
        word = bare[k]
        row = ["bias", f"c={cls[k]}", f"w={word}", f"p2={word[:2]}", f"s2={word[-2:]}", f"s3={word[-3:]}",
               f"since={since[k]}", f"until={until[k]}"]
        if line.conj[k]:
            row.append("conj")
        if k in triggers:
            row.append("trigger")
        for o in (-3, -2, -1, 1, 2, 3):
            row.append(f"c{o}={cls[k + o] if 0 <= k + o < n else 'X'}")
        for o in (-2, -1, 1, 2):
            row.append(f"w{o}={bare[k + o] if 0 <= k + o < n else 'X'}")
        row.append(f"cc={cls[k - 1] if k else 'X'}_{cls[k]}")
        row.append(f"cn={cls[k]}_{cls[k + 1] if k + 1 < n else 'X'}")
        rows.append(row)
    return rows


def labels(line: Line, names: list[tuple[str, ...]]) -> list[str]:
    """B/I on the tokens of an annotated name: two or more of its words in a row, or its last word."""
    n, bare = len(line.toks), line.bare
    tags = ["O"] * n
    for name in names:
        for p in range(n):
            longest = 0
            for a in range(len(name)):
                m = 0
                while p + m < n and a + m < len(name) and bare[p + m] == name[a + m]:
                    m += 1
                if m >= 2 or m == 1 and a == len(name) - 1:
                    longest = max(longest, m)
            if longest and all(t == "O" for t in tags[p:p + longest]):
                tags[p:p + longest] = ["B"] + ["I"] * (longest - 1)
    return tags


def train(articles: list[tuple[str, list[str]]], path: str):
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for text, speakers in articles:
        names = [Line.of_words(split_words(s)).bare for s in speakers]
        for line, triggers in windows(text):
            trainer.append(features(line, triggers), labels(line, names))
    trainer.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True})
    trainer.train(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def tagged_names(tagger, text: str, threshold: float = THRESHOLD) -> list[str]:
    """The names the tagger finds, each with every token's marginal probability at least ``threshold``."""
    found: list[str] = []
    for line, triggers in windows(text):
        tagger.set(features(line, triggers))
        tags = tagger.tag()
        k = 0
        while k < len(tags):
            if tags[k] != "B":
                k += 1
                continue
            end = k + 1
            while end < len(tags) and tags[end] == "I":
                end += 1
            if min(tagger.marginal(tags[q], q) for q in range(k, end)) >= threshold:
                toks = line.toks[k:end]
                if line.conj[k]:
                    toks[0] = toks[0][1:]
                name = clean_name(" ".join(toks))
                if name and not any(same_person(name, other) for other in found):
                    found.append(name)
            k = end
    return found


def together(finder_names: list[str], tagger_names: list[str]) -> list[str]:
    return finder_names + [n for n in tagger_names if not any(same_person(n, f) for f in finder_names)]


def _parts(test: bool):
    """The parts scored: the read development parts, then (with ``test``) the
    fresh parts and the test part, which no tagger is trained on."""
    wanted: dict[str, set[str]] = {}
    parts = []
    for name, role, source in FILES:
        if (name == TEST or role == UNREAD) and not test or "held out" in role:
            continue
        gold = list(read_jsonl(HERE / "data" / name))
        wanted.setdefault(source, set()).update(g["id"] for g in gold)
        parts.append((name, source, gold))
    texts, every = load_texts(wanted)
    return [(name, gold, [texts[source, g["id"]] for g in gold]) for name, source, gold in parts], every


def cost(tagger, sample: list[str]) -> tuple[float, float]:
    """CPU µs an article: the finder, the tagger."""
    start = time.process_time()
    for text in sample:
        find_speakers(text)
    middle = time.process_time()
    for text in sample:
        tagged_names(tagger, text)
    end = time.process_time()
    return 1e6 * (middle - start) / len(sample), 1e6 * (end - middle) / len(sample)


def _report(heading: str, gold: list[dict], texts: list[str], tagger, finder_label: str) -> None:
    print(heading)
    print(f"  {finder_label:<34}", figures(score(gold, texts, find_speakers)))
    print(f"  {'the tagger alone':<34}", figures(score(gold, texts, lambda t: tagged_names(tagger, t))))
    print(f"  {'the finder, then the tagger':<34}", figures(score(
        gold, texts, lambda t: together(find_speakers(t), tagged_names(tagger, t)))))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--test", action="store_true",
                        help="also score the test part, trained on every development part")
    args = parser.parse_args(argv)
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        sys.exit("speakers_tagger: python-crfsuite is not installed (pip install python-crfsuite)")
    parts, every = _parts(args.test)
    unseen = {name for name, role, _ in FILES if name == TEST or role == UNREAD}
    development = [p for p in parts if p[0] not in unseen]
    with tempfile.TemporaryDirectory() as tmp:
        for name, gold, texts in development:
            rest = [(t, g["speakers"]) for other, golds, ts in development if other != name for g, t in zip(golds, ts)]
            tagger = train(rest, f"{tmp}/{name}.crf")
            _report(f"{name}: tagger trained on the other development parts", gold, texts, tagger,
                    "the finder (tuned on this part)")
        everything = [(t, g["speakers"]) for _, golds, ts in development for g, t in zip(golds, ts)]
        tagger = train(everything, f"{tmp}/all.crf")
        for name, gold, texts in parts:
            if name in unseen:
                _report(f"{name}: {'TEST (never read)' if name == TEST else 'fresh (not read)'}; tagger trained "
                        "on every development part", gold, texts, tagger, "the finder")
        sample = random.Random(14).sample(every, min(COST_SAMPLE, len(every)))
        finder_us, tagger_us = cost(tagger, sample)
        print(f"cost over {len(sample):,} news articles (CPU µs an article): the finder {finder_us:.0f}, "
              f"the tagger {tagger_us:.0f} ({tagger_us / finder_us:.1f}× the finder)")


if __name__ == "__main__":
    main()
