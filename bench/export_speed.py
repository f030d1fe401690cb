"""Export speed: every hit for a common word in the pooled+news archive.

Builds (or reuses, with --index) an archive of the pooled retrieval passages
plus every news article (47,950 documents) through the real indexer, then
exports every hit for a common word as CSV to /dev/null in a fresh process and
prints rows/s and peak RSS.

    python bench/export_speed.py --index /tmp/pooled-news-index --word الحكومة
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.evalsets import RETRIEVAL_SETS, load_news, load_retrieval_set, shared_dir  # noqa: E402


def write_corpus(target: Path) -> int:
    """The pooled passages and the news articles as one JSON Lines corpus file."""
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    with open(target / "pooled-news.jsonl", "w", encoding="utf-8") as f:
        docs = [d for name in RETRIEVAL_SETS for d in load_retrieval_set(name).docs] + load_news()
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
            count += 1
    return count


def build(index: Path, jobs: int) -> None:
    from archive_search import Archive

    with tempfile.TemporaryDirectory(prefix="archive-search-corpus-") as tmp:
        count = write_corpus(Path(tmp))
        t0 = time.perf_counter()
        with Archive(index, corpus_dir=tmp) as archive:
            report = archive.rebuild(jobs=jobs)
        print(f"built the archive: {report.articles:,} of {count:,} documents in {time.perf_counter() - t0:.0f} s",
              flush=True)


@contextmanager
def pooled_news_index(index: Path | None, jobs: int, bench: str):
    """The pooled+news archive's index and a scratch folder: ``index`` if
    given (built there if missing), else one built in the scratch folder;
    the bench exits with one line where the shared corpora are absent."""
    if not (shared_dir() / "corpora").is_dir():
        sys.exit(f"{bench}: no shared corpora at {shared_dir() / 'corpora'}")
    from archive_search import Archive

    with tempfile.TemporaryDirectory(prefix=f"archive-search-{bench}-") as tmp:
        chosen = index or Path(tmp) / "index"
        if not Archive(chosen).exists():
            build(chosen, jobs)
        yield chosen, Path(tmp)


def _child(index: str, word: str) -> None:
    from archive_search import Archive

    t0 = time.perf_counter()
    with Archive(index) as archive, open("/dev/null", "w", encoding="utf-8") as out:
        rows = archive.export(word, out)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": rows, "seconds": seconds, "peak_kb": peak}))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, help="archive index to use (built there if missing)")
    parser.add_argument("--word", default="الحكومة", help="the query to export")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(*args.child)
    with pooled_news_index(args.index, args.jobs, "export_speed") as (index, _scratch):
        out = subprocess.run([sys.executable, __file__, "--child", str(index), args.word],
                             check=True, capture_output=True, text=True)
        figures = json.loads(out.stdout)
        print(f"export of every hit for {args.word!r}: {figures['rows']:,} rows in {figures['seconds']:.1f} s, "
              f"{figures['rows'] / figures['seconds']:,.0f} rows/s, peak RSS {figures['peak_kb'] / 1024:.0f} MB")


if __name__ == "__main__":
    main()
