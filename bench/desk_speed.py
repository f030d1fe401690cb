"""The desk commands on the pooled+news archive (47,950 documents): timeline and workbook export.

1. ``archive-search timeline WORD`` end to end (process start to exit, the
   default bar chart on a pseudo-terminal, as a person runs it), and with
   ``--format csv``, for common words: median and min of the runs.
2. Every hit for a common word exported as CSV and as a workbook (.xlsx)
   in a fresh process each: rows/s and peak RSS (the workbook is streamed:
   its memory should not follow the number of rows).

    python bench/desk_speed.py --index /tmp/pooled-news-index   # built as export_speed.py builds it, if missing
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.export_speed import pooled_news_index  # noqa: E402

WORDS = ["الحكومة", "ترامب", "الكهرباء"]
# A few thousand hits, and enough for a workbook of tens of thousands of rows.
EXPORT_QUERIES = ["مخيم", "الحكومة OR الرئيس OR وزير OR قال"]


def timeline_runs(index: Path, word: str, runs: int, extra: list[str]) -> list[float]:
    from tests.terminal import run_on_terminal  # the pseudo-terminal the tests use

    seconds = []
    for _ in range(runs):
        t0 = time.perf_counter()
        code, _output = run_on_terminal("--index", index, "timeline", word, *extra)
        seconds.append(time.perf_counter() - t0)
        if code not in (0, 1):
            raise SystemExit(f"desk_speed: timeline {word} failed with exit code {code}")
    return seconds


def _child(index: str, query: str, target: str) -> None:
    from archive_search import Archive

    t0 = time.perf_counter()
    with Archive(index) as archive:
        rows = archive.export(query, target)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": rows, "seconds": seconds, "peak_kb": peak, "bytes": Path(target).stat().st_size}))


def export_run(index: Path, query: str, suffix: str, folder: Path) -> dict:
    target = folder / f"hits{suffix}"
    args = [sys.executable, __file__, "--child", str(index), query, str(target)]
    out = subprocess.run(args, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, help="archive index to use (built there if missing)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(*args.child)
    with pooled_news_index(args.index, args.jobs, "desk_speed") as (index, scratch):
        print("timeline WORD, end to end (median / min of runs):")
        for word in WORDS:
            chart = timeline_runs(index, word, args.runs, [])
            table = timeline_runs(index, word, args.runs, ["--by", "week", "--format", "csv"])
            print(f"  {word}: chart {statistics.median(chart) * 1000:.0f} / {min(chart) * 1000:.0f} ms, "
                  f"weeks as CSV {statistics.median(table) * 1000:.0f} / {min(table) * 1000:.0f} ms")
        print("export of every hit, each in a fresh process:")
        for query in EXPORT_QUERIES:
            for suffix in (".csv", ".xlsx"):
                figures = export_run(index, query, suffix, scratch)
                print(f"  {query!r} {suffix}: {figures['rows']:,} rows in {figures['seconds']:.1f} s, "
                      f"{figures['rows'] / figures['seconds']:,.0f} rows/s, {figures['bytes'] / 1e6:.1f} MB, "
                      f"peak RSS {figures['peak_kb'] / 1024:.0f} MB")


if __name__ == "__main__":
    main()
