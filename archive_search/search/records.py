"""What a search gives back: an article as the index stores it, and hits.

One record for a stored article, :class:`ArticleRecord`, with its date as
ISO ``YYYY-MM-DD``: ``show --format json``, ``search --format jsonl``, the
API, ``stats`` and facets all read it, with the same field names.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import date, datetime

from archive_search.search.snippets import Fragment


def iso_day(value) -> str | None:
    """A stored date (a datetime), or an ISO string, as ``YYYY-MM-DD``; None for none."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value or None


@dataclass
class ArticleRecord:
    """An article's metadata as the index stores it."""

    id: str
    title: str
    speakers: list[str]
    date: str | None
    topic: str | None
    topic_predicted: bool
    source: str | None
    url: str | None
    path: str | None

    @classmethod
    def from_stored(cls, stored: dict) -> "ArticleRecord":
        """From Whoosh's stored fields of a document."""
        return cls(**_record_values(stored))

    def to_dict(self) -> dict:
        return {f.name: _copied(getattr(self, f.name)) for f in fields(ArticleRecord)}


def _record_values(stored: dict) -> dict:
    return {
        "id": stored["id"],
        "title": stored.get("title") or "",
        "speakers": list(stored.get("speakers") or []),
        "date": iso_day(stored.get("date")),
        "topic": stored.get("topic"),
        "topic_predicted": bool(stored.get("topic_predicted")),
        "source": stored.get("source"),
        "url": stored.get("url"),
        "path": stored.get("path"),
    }


def _copied(value):
    return list(value) if isinstance(value, list) else value


@dataclass
class StoredArticle(ArticleRecord):
    """A whole article: its metadata and its body."""

    body: str = ""

    @classmethod
    def from_stored(cls, stored: dict) -> "StoredArticle":
        return cls(**_record_values(stored), body=stored.get("body") or "")

    def to_dict(self) -> dict:
        return {**super().to_dict(), "body": self.body}


@dataclass
class Hit(ArticleRecord):
    """One search result: the article's record, its rank and score, and the
    passages (fragments) and words that matched."""

    rank: int = 0
    score: float = 0.0
    fragments: list[Fragment] = field(default_factory=list)
    title_spans: list[tuple[int, int]] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)

    @property
    def snippet(self) -> str:
        return " ".join(f.plain() for f in self.fragments)

    def to_dict(self) -> dict:
        """The JSON Lines record of the hit: rank and score, the article's
        record, the snippet and the matched words."""
        record = super().to_dict()
        return {"rank": self.rank, "id": record.pop("id"), "score": round(self.score, 4), **record,
                "snippet": self.snippet, "matched": list(self.matched)}


class HitPage(list):
    """The hits of one page, with the total count, the facets, the query words
    searched with substitutes (see :mod:`archive_search.search.spelling`) and,
    when there are few hits, a suggested correction of the query."""

    total: int = 0
    facets: dict[str, Counter] | None = None
    suggestion: str | None = None

    def __init__(self, hits=()):
        super().__init__(hits)
        self.substitutions: list = []
