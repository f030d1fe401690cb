"""How the news articles of the speaker benchmark were drawn (run once; kept to show it).

From each of the three news corpora of ``../shared/corpora/news`` (their whole
``articles.jsonl.gz``), the articles whose text holds a verb of saying (the
verbs below, bare or after و/ف, with any hamza spelling) and whose body is
at most 6,000 characters (97 % of them; long opinion columns left out so
that every article can be read whole when annotating) are shuffled with a
fixed seed, the articles of the older benchmark files left out, and the
first 70 of each corpus go to the development part, the next 45 to the
test part. Only ids are written (``bench/data/speakers_news_{dev,test}.jsonl``
hold them with their annotations); the articles stay in ``../shared``.

``--part dev2`` to ``--part dev22`` draw the later development
parts the same way, each with its own seed and size (:data:`LATER_PARTS`),
leaving out every article of any file in ``bench/data`` at the time
(``speakers_news_dev2.jsonl`` to ``speakers_news_dev28.jsonl`` hold their
annotations).

    python bench/speakers_draw.py --out /tmp/draw
    python bench/speakers_draw.py --part dev2 --out /tmp/draw2
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.evalsets import NEWS_SETS, shared_dir  # noqa: E402

SEED = 20261201
DEV_PER_CORPUS, TEST_PER_CORPUS = 70, 45
# Later development parts: (seed, articles a corpus).
LATER_PARTS = {"dev2": (20261215, 34), "dev3": (20261216, 12), "dev4": (20261217, 30),
               "dev5": (20261218, 36), "dev6": (20261219, 36),
               "dev7": (20261220, 36), "dev8": (20261221, 36),
               "dev9": (20261222, 36), "dev10": (20261223, 36),
               "dev11": (20261224, 36), "dev12": (20261225, 36),
               "dev13": (20261226, 36), "dev14": (20261227, 36),
               "dev15": (20261228, 36), "dev16": (20261229, 36),
               "dev17": (20261230, 36), "dev18": (20261231, 36),
               "dev19": (20270101, 36), "dev20": (20270102, 36),
               "dev21": (20270103, 36), "dev22": (20270104, 36),
               "dev23": (20270105, 36), "dev24": (20270106, 36),
               "dev25": (20270107, 36), "dev26": (20270108, 36),
               "dev27": (20270109, 36), "dev28": (20270110, 36)}
MAX_BODY = 6000
VERBS = """قال قالت أكد أكدت أوضح أوضحت أشار أشارت صرح صرحت أعلن أعلنت شدد شددت ذكر ذكرت
أفاد أفادت أضاف أضافت اعتبر اعتبرت حذر حذرت دعا دعت كشف كشفت أعرب أعربت نفى نفت""".split()
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
_VERB = re.compile(r"(?<![\u0621-\u064a])[وف]?(?:" + "|".join(v.translate(_FOLD) for v in VERBS)
                   + r")(?![\u0621-\u064a])")


def has_speech_verb(text: str) -> bool:
    return _VERB.search(text.translate(_FOLD)) is not None


def _ids_in(names) -> set[str]:
    ids = set()
    for name in names:
        ids |= {json.loads(line)["id"] for line in (HERE / "data" / name).read_text(encoding="utf-8").splitlines()
                if line.strip()}
    return ids


def draw(part: str = "dev") -> dict[str, list[dict]]:
    if part in LATER_PARTS:
        older = _ids_in(sorted(p.name for p in (HERE / "data").glob("*.jsonl")))
        seed, per_corpus = LATER_PARTS[part]
        sizes = ((part, 0, per_corpus),)
    else:
        older = _ids_in(("speakers.jsonl", "speakers_heldout.jsonl"))
        seed = SEED
        sizes = (("dev", 0, DEV_PER_CORPUS), ("test", DEV_PER_CORPUS, DEV_PER_CORPUS + TEST_PER_CORPUS))
    parts: dict[str, list[dict]] = {part: [] for part, _, _ in sizes}
    for corpus in NEWS_SETS:
        with gzip.open(shared_dir() / "corpora" / "news" / corpus / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
            records = [json.loads(line) for line in f]
        eligible = [r for r in records if r["id"] not in older and len(r.get("body") or "") <= MAX_BODY
                    and has_speech_verb(f"{r.get('title') or ''}\n{r.get('body') or ''}")]
        eligible.sort(key=lambda r: r["id"])
        random.Random(f"{seed}-{corpus}").shuffle(eligible)
        for part, start, end in sizes:
            parts[part].extend({"corpus": corpus, **r} for r in eligible[start:end])
    return parts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="folder for the drawn articles (full text)")
    parser.add_argument("--part", choices=("dev", *LATER_PARTS), default="dev",
                        help="dev: the first development and test parts; dev2 to dev28: a later development part")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for part, records in draw(args.part).items():
        with open(args.out / f"{part}.jsonl", "w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{part}: {len(records)} articles → {args.out / (part + '.jsonl')}")


if __name__ == "__main__":
    main()
