"""One pass over a corpus folder's files, with progress reported as it goes."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator

from archive_search.articles.article import Article, SkipHandler, Skipped
from archive_search.articles.readers import corpus_files, read_file
from archive_search.errors import CorpusMissing
from archive_search.index.progress import IndexReport, Progress, ProgressHandler

# Progress is reported at most this often (and at the end of each file).
REPORT_SECONDS = 0.1


def file_signature(path: Path) -> str:
    """What tells a changed file from an unchanged one without reading it: size and mtime."""
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


class CorpusPass:
    """The files of a corpus folder, read one after another, and the report of the run.

    :raises CorpusMissing: when the folder does not exist or cannot be listed.
    """

    def __init__(self, corpus_dir: Path, on_progress: ProgressHandler | None, on_skip: SkipHandler | None):
        corpus_dir = Path(corpus_dir)
        if not corpus_dir.is_dir():
            raise CorpusMissing(f"no corpus folder at {corpus_dir}")
        try:
            self.files = corpus_files(corpus_dir)
        except OSError as exc:
            raise CorpusMissing(f"cannot read the corpus folder {corpus_dir}: {exc.strerror}") from None
        self.root = corpus_dir
        self.report = IndexReport(files=len(self.files))
        self.progress = Progress(files_total=len(self.files))
        self.sizes = {}
        for path in self.files:
            try:
                self.sizes[path] = path.stat().st_size
            except OSError:
                self.sizes[path] = 0
        self.progress.bytes_total = sum(self.sizes.values())
        self._on_progress = on_progress or (lambda progress: None)
        self._on_skip = on_skip or (lambda skipped: None)
        self._file_base = 0
        self._last_report = 0.0

    def skip(self, skipped: Skipped) -> None:
        self.report.skipped.append(skipped)
        self._on_skip(skipped)

    def rel(self, path: Path) -> str:
        """A file's path relative to the corpus folder, as ids and the manifest name it."""
        return path.relative_to(self.root).as_posix()

    def articles(self, path: Path) -> Iterator[Article]:
        """The articles of one file as read (metadata not yet completed), with
        progress reported as they come."""

        def position(done: int) -> None:
            self.progress.bytes_done = self._file_base + done
            self.tick()

        for article in read_file(path, self.rel(path), self.skip, position):
            self.progress.articles_read += 1
            self.tick()
            yield article

    def indexed(self, count: int) -> None:
        self.progress.articles += count
        self.tick()

    def file_done(self, path: Path) -> None:
        self._file_base += self.sizes.get(path, 0)
        self.progress.files_done += 1
        self.progress.bytes_done = self._file_base
        self.tick(force=True)

    def tick(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last_report >= REPORT_SECONDS:
            self._last_report = now
            self._on_progress(self.progress)

    def finish(self) -> IndexReport:
        """The report, its time taken filled in."""
        self.tick(force=True)
        self.report.seconds = self.progress.elapsed
        return self.report
