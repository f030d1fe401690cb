"""What an indexing run reports: progress as it goes, and what it did."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from archive_search.articles.article import Notice, Skipped


@dataclass
class Progress:
    """Where an indexing run is: files and bytes of the corpus read, articles
    read and articles done (indexed, or found unchanged)."""

    files_done: int = 0
    files_total: int = 0
    bytes_done: int = 0
    bytes_total: int = 0
    articles_read: int = 0
    articles: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def articles_expected(self) -> int | None:
        """All the articles of the corpus: counted once it is read, estimated
        from the bytes read until then."""
        if self.files_done >= self.files_total:
            return self.articles_read
        if not self.bytes_done or not self.articles_read:
            return None
        return max(self.articles_read, round(self.articles_read * self.bytes_total / self.bytes_done))


ProgressHandler = Callable[[Progress], None]


@dataclass
class IndexReport:
    """What an indexing run did."""

    articles: int = 0
    added: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0
    kept: int = 0  # articles of files that could not be read, kept as they were
    files: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    seconds: float = 0.0
    generation: Path | None = None
    outdated: bool = False  # an index of another version was rebuilt

    @property
    def changes(self) -> int:
        return self.added + self.changed + self.deleted
