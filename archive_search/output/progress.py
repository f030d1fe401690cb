"""Progress on stderr: a Rich bar on a terminal, a plain line every few seconds otherwise."""

from __future__ import annotations

import sys
import time
from typing import Iterable, Iterator

from archive_search.output.console import make_console

# A plain progress line at most this often when stderr is not a terminal.
LINE_SECONDS = 5
# An export shows progress from this many hits on.
EXPORT_PROGRESS_FROM = 1000


def _line(prog: str, message: str) -> None:
    sys.stderr.write(f"{prog}: {message}\n")


class IndexingProgress:
    """Shows an indexing run's :class:`~archive_search.index.progress.Progress`; use as a context manager."""

    def __init__(self, label: str, prog: str, color: str = "auto"):
        self.label = label
        self.prog = prog
        self.color = color
        self.bar = None
        self.task = None
        self.last_line = 0.0
        self.finished = False
        self.tty = sys.stderr.isatty()

    def __enter__(self):
        if self.tty:
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                TextColumn("{task.fields[articles]:,} articles"),
                TextColumn("{task.fields[rate]:,.0f}/s"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=make_console(stderr=True, color=self.color),
                transient=True,
            )
            self.bar.__enter__()
            self.task = self.bar.add_task(self.label, total=None, articles=0, rate=0.0)
        return self

    def __call__(self, progress) -> None:
        rate = progress.articles / progress.elapsed if progress.elapsed > 0 else 0.0
        if self.bar is not None:
            self.bar.update(self.task, total=self._total(progress), completed=progress.articles,
                            articles=progress.articles, rate=rate)
            return
        finished = progress.articles == progress.articles_expected
        if finished and not self.finished or progress.elapsed - self.last_line >= LINE_SECONDS:
            self.last_line, self.finished = progress.elapsed, finished
            _line(self.prog, f"{self.label}: {progress.articles:,} articles, "
                             f"{progress.files_done}/{progress.files_total} files, {rate:,.0f} articles/s")

    def _total(self, progress) -> int | None:
        """The bar's total: the articles expected, moved only when the estimate
        shifts by over 5 % or becomes a count (Rich forgets the speed behind
        its time-remaining column whenever the total changes)."""
        total, expected = self.bar.tasks[0].total, progress.articles_expected
        exact = progress.files_done >= progress.files_total
        if total is None or exact or expected is None or abs(expected - total) > 0.05 * total:
            return expected
        return total

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)


def export_progress(hits: Iterable, total: int, prog: str, color: str = "auto") -> Iterator:
    """Pass hits through, showing progress on stderr for a large export."""
    if total < EXPORT_PROGRESS_FROM:
        yield from hits
        return
    if sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(console=make_console(stderr=True, color=color), transient=True) as bar:
            task = bar.add_task("exporting", total=total)
            for n, hit in enumerate(hits, 1):
                yield hit
                if n % 100 == 0:
                    bar.update(task, completed=n)
        return
    started = last = time.monotonic()
    for n, hit in enumerate(hits, 1):
        yield hit
        now = time.monotonic()
        if now - last >= LINE_SECONDS:
            last = now
            _line(prog, f"exporting: {n:,}/{total:,} hits, {n / (now - started):,.0f}/s")
