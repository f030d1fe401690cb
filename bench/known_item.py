"""Known-item search on the news corpora, beside the Lucene peer.

A held-out check that is not the tuning data: every news article (45,969) is
indexed by its body alone, and for a fixed sample of 1,000 articles (by a
hash of the id) the headline is the query; the article it belongs to is the
one relevant document. Prints MRR@10 and Recall@10/100 for archive-search and,
with --lucene, for Lucene's ArabicAnalyzer (one field) in the same run.

    python bench/known_item.py --lucene --workers 2
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.evalsets import EvalSet, load_news, metrics  # noqa: E402
from bench.quality import FULL, build_index, lucene_run, print_table, run_queries  # noqa: E402

SAMPLE_EVERY = 46  # about 1,000 of the 45,969 articles


def known_item_set() -> EvalSet:
    evalset = EvalSet("news known-item")
    for article in load_news():
        evalset.docs.append({"id": article["id"], "title": "", "body": article["body"]})
        if article["title"] and zlib.crc32(article["id"].encode("utf-8")) % SAMPLE_EVERY == 0:
            evalset.queries[article["id"]] = article["title"]
            evalset.qrels[article["id"]] = {article["id"]}
    return evalset


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lucene", action="store_true")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    evalset = known_item_set()
    print(f"# {len(evalset.docs):,} articles, {len(evalset.queries):,} headline queries", file=sys.stderr)
    rows = []
    with tempfile.TemporaryDirectory(prefix="archive-search-known-item-") as tmp:
        directory = Path(tmp) / "ix"
        directory.mkdir()
        build_index(evalset.docs, FULL, str(directory))
        run, latencies = run_queries(str(directory), evalset, FULL, workers=args.workers)
        rows.append((evalset.name, FULL.name, metrics(run, evalset.qrels, evalset.queries)))
        if args.lucene:
            run, _seconds = lucene_run(evalset, Path(tmp))
            rows.append((evalset.name, "lucene arabic, one field", metrics(run, evalset.qrels, evalset.queries)))
    print_table(rows)


if __name__ == "__main__":
    main()
