"""One pass over a corpus folder's files, with progress reported as it goes."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator

from archive_search.articles.article import Article, Notice, NoticeHandler, SkipHandler, Skipped
from archive_search.articles.readers import list_corpus, read_file, relative_name
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

    Folders and files that could not be read at all are reported (as
    :class:`Skipped` with ``unreadable``) and named in :attr:`unreadable`, so
    that an update keeps the articles it had of them.

    :raises CorpusMissing: when the folder does not exist or cannot be listed.
    """

    def __init__(self, corpus_dir: Path, on_progress: ProgressHandler | None, on_skip: SkipHandler | None,
                 on_notice: NoticeHandler | None = None):
        corpus_dir = Path(corpus_dir)
        if not corpus_dir.is_dir():
            raise CorpusMissing(f"no corpus folder at {corpus_dir}")
        listing = list_corpus(corpus_dir)
        if listing.unreadable and listing.unreadable[0][0] == corpus_dir:
            raise CorpusMissing(f"cannot read the corpus folder {corpus_dir}: {listing.unreadable[0][1]}")
        self.files = listing.files
        self.root = corpus_dir
        self.unreadable: set[str] = set()  # relative names of the folders and files that could not be read
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
        self._on_notice = on_notice or (lambda notice: None)
        self._file_base = 0
        self._last_report = 0.0
        for folder, why in listing.unreadable:
            self.skip(Skipped(self.rel(folder) + "/", f"cannot read the folder: {why}", unreadable=True))

    def skip(self, skipped: Skipped) -> None:
        if skipped.unreadable:
            self.unreadable.add(skipped.path)
        self.report.skipped.append(skipped)
        self._on_skip(skipped)

    def notice(self, notice: Notice) -> None:
        self.report.notices.append(notice)
        self._on_notice(notice)

    def rel(self, path: Path) -> str:
        """A file's path relative to the corpus folder, as ids and the manifest name it."""
        return relative_name(path, self.root)

    def could_not_read(self, rel: str) -> bool:
        """Whether the file, or a folder it is in, could not be read in this pass."""
        return rel in self.unreadable or any(rel.startswith(folder) for folder in self.unreadable
                                             if folder.endswith("/"))

    def articles(self, path: Path) -> Iterator[Article]:
        """The articles of one file as read (metadata not yet completed), with
        progress reported as they come."""

        def position(done: int) -> None:
            self.progress.bytes_done = self._file_base + done
            self.tick()

        for article in read_file(path, self.rel(path), self.skip, position, self.notice):
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
