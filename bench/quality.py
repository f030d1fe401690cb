"""Retrieval quality of archive-search on the shared Arabic evaluation sets.

Indexes each evaluation set with our analyzer through Whoosh (BM25F over title
and body), runs its queries as plain words, and prints MRR@10, nDCG@10,
Recall@10 and Recall@100 — per set, pooled (the four sets together) and
pooled+news (the pooled passages among every news article as distractors).
With --lucene the Lucene reference peer (ArabicAnalyzer + BM25, title and body
in one field) runs on the same data in the same invocation, side by side.

    python bench/quality.py                 # pooled + each set, full configuration
    python bench/quality.py --ablation      # normalization only, + stemming, + exact, + stopwords
    python bench/quality.py --news --lucene # pooled+news too, with the Lucene peer
    python bench/quality.py --ablation --news --lucene --workers 2   # everything, in one run
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whoosh import index as whoosh_index  # noqa: E402

from archive_search.index.bulk import build_segment  # noqa: E402
from archive_search.index.schema import build_schema, text_fields  # noqa: E402
from archive_search.search.collecting import collect  # noqa: E402
from archive_search.search.spelling import QuerySpelling  # noqa: E402
from archive_search.search.weighting import Ranking, weighting  # noqa: E402
from archive_search.search.word_queries import plain_query  # noqa: E402
from bench.evalsets import (  # noqa: E402
    RETRIEVAL_SETS,
    EvalSet,
    load_news,
    load_retrieval_set,
    metrics,
    pooled,
    shared_dir,
)


@dataclass(frozen=True)
class Config:
    name: str
    stemming: bool = True
    keep_exact: bool = True
    index_stopwords: bool = True  # drop stopwords when indexing
    query_stopwords: bool = True  # drop stopwords from queries
    substitutes: bool = True  # search words the index lacks by their substitutes
    ranking: Ranking = Ranking()
    weighting: object = field(default_factory=weighting)

    @property
    def index_key(self):
        return (self.stemming, self.keep_exact, self.index_stopwords)


FULL = Config("full (archive-search)")
ABLATION = (
    Config("normalization only", stemming=False, keep_exact=False, index_stopwords=False,
           query_stopwords=False, ranking=Ranking(exact_boost=0), substitutes=False),
    Config("+ stemming", keep_exact=False, index_stopwords=False, query_stopwords=False,
           ranking=Ranking(exact_boost=0), substitutes=False),
    Config("+ exact-form boost", index_stopwords=False, query_stopwords=False, substitutes=False),
    Config("+ stopwords, proximity", substitutes=False),
    FULL,
)


def build_index(docs: list[dict], config: Config, directory: str) -> float:
    """Index the documents as a rebuild does (one segment, bulk-written)."""
    schema = build_schema(config.stemming, config.keep_exact, config.index_stopwords)
    t0 = time.perf_counter()
    with build_segment(directory, schema) as build:
        for d in docs:
            build.add({"id": d["id"], **text_fields(d["title"], d["body"])})
        build.finish()
    return time.perf_counter() - t0


_worker = {}


def _init_worker(directory: str, config: Config):
    _worker["searcher"] = whoosh_index.open_dir(directory).searcher(weighting=config.weighting)
    _worker["config"] = config


def _search_chunk(items):
    searcher, config = _worker["searcher"], _worker["config"]
    out = []
    for qid, text, k in items:
        t0 = time.perf_counter()
        spelling = QuerySpelling.of_reader(searcher.reader()) if config.substitutes else None
        query = plain_query(text, config.ranking, config.query_stopwords, config.stemming, spelling)
        ranked = collect(searcher, query, k)
        ids = [searcher.stored_fields(ranked.docnum(i))["id"] for i in range(len(ranked))]
        out.append((qid, ids, time.perf_counter() - t0))
    return out


def run_queries(directory: str, evalset: EvalSet, config: Config, k: int = 100, workers: int = 1):
    """Run every query of evalset (in ``workers`` processes); the run and sorted latencies."""
    items = [(qid, text, k) for qid, text in evalset.queries.items()]
    chunks = [items[i : i + 50] for i in range(0, len(items), 50)]
    if workers > 1:
        with multiprocessing.Pool(workers, _init_worker, (directory, config)) as pool:
            results = [r for chunk in pool.imap(_search_chunk, chunks) for r in chunk]
    else:
        _init_worker(directory, config)
        results = [r for chunk in chunks for r in _search_chunk(chunk)]
        _worker["searcher"].close()
    run = {qid: ids for qid, ids, _ in results}
    return run, sorted(seconds for _, _, seconds in results)


def lucene_run(evalset: EvalSet, workdir: Path, k: int = 100):
    """Index and search evalset with the Lucene peer (one field); returns the run."""
    peer = shared_dir() / "peers" / "lucene" / "run"
    docs = workdir / "docs.jsonl"
    queries = workdir / "queries.tsv"
    import json

    with docs.open("w", encoding="utf-8") as f:
        for d in evalset.docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with queries.open("w", encoding="utf-8") as f:
        for qid, text in evalset.queries.items():
            f.write(f"{qid}\t{' '.join(text.split())}\n")
    env = dict(os.environ, LUCENE_PEER_FIELDS="all")
    index_dir = workdir / "lucene-index"
    t0 = time.perf_counter()
    subprocess.run([str(peer), "index", str(docs), str(index_dir)], env=env, check=True,
                   stderr=subprocess.DEVNULL)
    index_seconds = time.perf_counter() - t0
    out = subprocess.run([str(peer), "search", str(index_dir), str(queries), str(k)], env=env,
                         check=True, capture_output=True, text=True)
    run: dict[str, list[str]] = {}
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            run.setdefault(parts[0], []).append(parts[2])
    return run, index_seconds


def print_table(rows: list[tuple[str, str, dict]]):
    print(f"{'set':<24} {'system':<28} {'MRR@10':>7} {'nDCG@10':>8} {'R@10':>7} {'R@100':>7}")
    for set_name, system, m in rows:
        print(f"{set_name:<24} {system:<28} {m['MRR@10']:7.4f} {m['nDCG@10']:8.4f} "
              f"{m['R@10']:7.4f} {m['R@100']:7.4f}")
    sys.stdout.flush()


def evaluate(evalset: EvalSet, parts: list[EvalSet], configs, lucene: bool, workers: int):
    rows = []
    indexes: dict = {}
    with tempfile.TemporaryDirectory(prefix="archive-search-quality-") as tmp:
        for config in configs:
            if config.index_key not in indexes:
                directory = os.path.join(tmp, f"ix{len(indexes)}")
                os.mkdir(directory)
                seconds = build_index(evalset.docs, config, directory)
                print(f"# indexed {len(evalset.docs)} docs ({config.name}) in {seconds:.1f} s: "
                      f"{len(evalset.docs) / seconds:.0f} docs/s", file=sys.stderr)
                indexes[config.index_key] = directory
            run, lat = run_queries(indexes[config.index_key], evalset, config, workers=workers)
            print(f"# {config.name}: {len(lat)} queries, p50 {lat[len(lat) // 2] * 1000:.1f} ms, "
                  f"p95 {lat[int(len(lat) * 0.95)] * 1000:.1f} ms", file=sys.stderr)
            rows.append((evalset.name, config.name, metrics(run, evalset.qrels, evalset.queries)))
            if len(parts) > 1:
                for part in parts:
                    rows.append((f"  {part.name}", config.name, metrics(run, part.qrels, part.queries)))
        if lucene:
            run, seconds = lucene_run(evalset, Path(tmp))
            print(f"# lucene indexed {len(evalset.docs)} docs in {seconds:.1f} s (whole process)",
                  file=sys.stderr)
            rows.append((evalset.name, "lucene arabic, one field", metrics(run, evalset.qrels, evalset.queries)))
            if len(parts) > 1:
                for part in parts:
                    rows.append((f"  {part.name}", "lucene arabic, one field",
                                 metrics(run, part.qrels, part.queries)))
    print_table(rows)
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--news", action="store_true", help="also evaluate pooled+news (47,950 documents)")
    parser.add_argument("--news-only", action="store_true", help="evaluate pooled+news only")
    parser.add_argument("--ablation", action="store_true", help="print the ablation configurations too (pooled)")
    parser.add_argument("--news-ablation", action="store_true", help="the ablation on pooled+news too (slow)")
    parser.add_argument("--lucene", action="store_true", help="run the Lucene peer on the same data")
    parser.add_argument("--workers", type=int, default=1, help="processes running queries")
    args = parser.parse_args(argv)

    if not (shared_dir() / "corpora").is_dir():
        sys.exit(f"quality: no evaluation data at {shared_dir() / 'corpora'}")
    configs = ABLATION if args.ablation else (FULL,)
    parts = [load_retrieval_set(name) for name in RETRIEVAL_SETS]
    if not args.news_only:
        evaluate(pooled(parts, "pooled"), parts, configs, args.lucene, args.workers)
    if args.news or args.news_only:
        news_configs = ABLATION if args.news_ablation else (FULL,)
        evaluate(pooled(parts, "pooled+news", load_news()), parts, news_configs, args.lucene, args.workers)


if __name__ == "__main__":
    main()
