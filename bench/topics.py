"""Topic prediction accuracy on held-out news articles.

For each labelled news corpus (ant_multisource_v2_1, ant_jawharafm_v1_1), a
fixed fifth of the articles (by a hash of the id) is held out; the model of
``archive_search.articles.topics`` is trained on the rest and its accuracy on the held-out
articles is printed, with the majority-class baseline and per-topic recall.

    python bench/topics.py
"""

from __future__ import annotations

import gzip
import json
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive_search.articles.topics import TopicModel, article_terms  # noqa: E402
from bench.evalsets import shared_dir  # noqa: E402

SETS = ("ant_multisource_v2_1", "ant_jawharafm_v1_1")


def held_out(article_id: str) -> bool:
    return zlib.crc32(article_id.encode("utf-8")) % 5 == 0


def evaluate(name: str) -> None:
    path = shared_dir() / "corpora" / "news" / name / "articles.jsonl.gz"
    model, test = TopicModel(), []
    t0 = time.perf_counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            terms = article_terms(record.get("title") or "", record.get("body") or "")
            if held_out(record["id"]):
                test.append((terms, record["topic"]))
            else:
                model.add(terms, record["topic"])
    model.finish()
    train_seconds = time.perf_counter() - t0
    correct, per_topic, totals = 0, Counter(), Counter(topic for _, topic in test)
    for terms, topic in test:
        predicted, _probability = model.predict(terms)
        if predicted == topic:
            correct += 1
            per_topic[topic] += 1
    majority = totals.most_common(1)[0][1] / len(test)
    print(f"{name}: accuracy {correct / len(test):.4f} on {len(test):,} held-out articles "
          f"(trained on {model.trained_on:,}; majority class {majority:.4f}; {train_seconds:.0f} s to read and train)")
    for topic, total in totals.most_common():
        print(f"  {topic:<20} recall {per_topic[topic] / total:.3f} ({total})")


def main() -> None:
    if not (shared_dir() / "corpora" / "news").is_dir():
        sys.exit(f"topics: no news corpora at {shared_dir() / 'corpora' / 'news'}")
    for name in SETS:
        evaluate(name)


if __name__ == "__main__":
    main()
