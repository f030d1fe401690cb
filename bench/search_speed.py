"""Search speed on the pooled+news archive (47,950 documents), beside ripgrep.

1. In-process latency: every evaluation question (4,023) through
   ``Archive.search(plain=True, limit=10)`` with snippets; p50, p95, mean.
2. End to end from the shell: ``archive-search search WORD`` (process start to
   exit, top 10) as a person runs it (the default output, on a
   pseudo-terminal) and as a script does (``-f jsonl`` into a pipe),
   against ``rg -l WORD DIR`` over the same documents written out as text
   files, all run alternately in the same invocation; median and min of the
   runs.

    python bench/search_speed.py --index /tmp/pooled-news-index   # built by export_speed.py if missing
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.evalsets import RETRIEVAL_SETS, load_retrieval_set  # noqa: E402
from bench.export_speed import pooled_news_index  # noqa: E402


def in_process(index: Path) -> None:
    from archive_search import Archive

    questions = [text for name in RETRIEVAL_SETS for text in load_retrieval_set(name).queries.values()]
    latencies = []
    with Archive(index) as archive:
        archive.search("تجربة", limit=1)  # open the index outside the timing
        for text in questions:
            t0 = time.perf_counter()
            archive.search(text, plain=True, limit=10)
            latencies.append(time.perf_counter() - t0)
    latencies.sort()
    p = lambda f: latencies[min(len(latencies) - 1, int(len(latencies) * f))] * 1000  # noqa: E731
    print(f"in-process, {len(latencies)} questions, top 10 with snippets: p50 {p(0.5):.1f} ms, "
          f"p95 {p(0.95):.1f} ms, mean {statistics.mean(latencies) * 1000:.1f} ms", flush=True)


def write_text_files(index: Path, target: Path) -> int:
    """The archive's documents as one text file each (for ripgrep)."""
    from archive_search import Archive

    target.mkdir()
    count = 0
    with Archive(index) as archive:
        for article in archive.searcher().articles():
            count += 1
            (target / f"{count:06d}.txt").write_text(f"{article.title}\n{article.body}", encoding="utf-8")
    return count


def time_runs(command: list[str], runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - t0)
    return seconds


def end_to_end(index: Path, words: list[str], runs: int) -> None:
    from tests.terminal import run_on_terminal  # the same pseudo-terminal as the tests use

    rg = shutil.which("rg")
    cli = shutil.which("archive-search") or str(Path(sys.executable).parent / "archive-search")

    def on_terminal(word: str) -> float:
        t0 = time.perf_counter()
        run_on_terminal("--index", index, "search", word, command=[cli])
        return time.perf_counter() - t0

    with tempfile.TemporaryDirectory(prefix="archive-search-rg-") as tmp:
        files = Path(tmp) / "docs"
        count = write_text_files(index, files) if rg else 0
        for word in words:
            jsonl = [cli, "--index", str(index), "search", word, "-f", "jsonl", "--limit", "10"]
            time_runs(jsonl, 1)
            shown, piped, theirs = [], [], []
            for _ in range(runs):
                shown.append(on_terminal(word))
                piped += time_runs(jsonl, 1)
                if rg:
                    theirs += time_runs([rg, "-l", word, str(files)], 1)
            line = (f"end to end, {word!r}: archive-search on a terminal median {statistics.median(shown) * 1000:.0f} ms "
                    f"(min {min(shown) * 1000:.0f}), -f jsonl median {statistics.median(piped) * 1000:.0f} ms "
                    f"(min {min(piped) * 1000:.0f})")
            if rg:
                line += (f"; rg -l over {count:,} files median {statistics.median(theirs) * 1000:.0f} ms "
                         f"(min {min(theirs) * 1000:.0f}); ratios {statistics.median(shown) / statistics.median(theirs):.2f}"
                         f" and {statistics.median(piped) / statistics.median(theirs):.2f}")
            print(line, flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True, help="pooled+news archive index (built if missing)")
    parser.add_argument("--words", nargs="*", default=["الحكومة", "مخيم", "الكهرباء"])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    with pooled_news_index(args.index, args.jobs, "search_speed") as (index, _scratch):
        in_process(index)
        end_to_end(index, args.words, args.runs)


if __name__ == "__main__":
    main()
