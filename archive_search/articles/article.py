"""The article record, and the record of a file or line that could not be read."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class Article:
    """One article of the archive.

    ``id`` is the path relative to the corpus root for files, and
    ``path#id`` (or ``path#line``) for JSON Lines records. ``date`` is ISO
    ``YYYY-MM-DD`` or None: never invented.
    """

    id: str
    path: str
    title: str
    body: str
    speakers: list[str] = field(default_factory=list)
    date: str | None = None
    topic: str | None = None
    topic_predicted: bool = False
    source: str | None = None
    url: str | None = None

    @property
    def content_hash(self) -> str:
        """A digest of everything indexed, to tell changed articles apart."""
        data = json.dumps(
            [self.title, self.body, self.speakers, self.date, self.topic, self.source, self.url],
            ensure_ascii=False,
        )
        return hashlib.sha1(data.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Skipped:
    """A file, folder or record that could not be read, and why. ``unreadable``
    says the file or folder itself could not be read (its earlier articles
    are then kept in the index), as against content that is not an article."""

    path: str
    reason: str
    line: int | None = None
    unreadable: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Notice:
    """Something a reader changed to read a file or record (bad bytes
    replaced, an overlong body cut), which the user should hear about."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


SkipHandler = Callable[[Skipped], None]
NoticeHandler = Callable[[Notice], None]
# Called with how many bytes of the current file have been read so far.
PositionHandler = Callable[[int], None]


def full_text(title: str, body: str) -> str:
    r"""The title and body as one text: what the body field indexes (see
    :func:`archive_search.index.schema.text_fields`) and the topic model reads.

    >>> full_text("عنوان", "نص")
    'عنوان\nنص'
    """
    return f"{title}\n{body}" if title else body
