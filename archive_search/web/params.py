"""A request's query parameters as a search: checked, bounded, and written back into links.

Every value a page or the API takes from a URL goes through :func:`search_params`
(or :func:`article_id`): a value that is not what it should be is a
:class:`BadRequest` with one line saying what is wrong, which the app shows
as a 400 page; nothing unchecked reaches the library.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from urllib.parse import quote, urlencode

from archive_search.search.sorting import SORTS

# A query of the query language is at most 200 words (the library's bound);
# this bounds the text before any analysis.
MAX_QUERY_CHARS = 1_000
MAX_NAME_CHARS = 200
MAX_ID_CHARS = 1_000
PAGE_SIZES = (10, 20, 50)
DEFAULT_PAGE_SIZE = 10
# Results pages and the API go this deep in the ranking; downloads have every hit.
MAX_DEPTH = 1_000
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_TRUE, _FALSE = ("1", "on", "true", "yes"), ("", "0", "off", "false", "no")
_CONTROLS = re.compile("[\x00-\x1f\x7f]")


class BadRequest(ValueError):
    """A query parameter the app cannot take; its message is one line."""


@dataclass(frozen=True)
class SearchParams:
    """What a results page, a download or ``/api/search`` was asked for."""

    q: str = ""
    plain: bool = False
    speaker: str = ""
    topic: str = ""
    since: str = ""
    until: str = ""
    sort: str = "relevance"
    page: int = 1
    limit: int = DEFAULT_PAGE_SIZE
    rank: int | None = None  # an article's place in the results it was opened from

    @property
    def asked(self) -> bool:
        """Whether there is anything to search for: words, a filter, or every article in date order."""
        return bool(self.q.strip() or self.speaker or self.topic or self.since or self.until
                    or self.sort != "relevance")

    def filters(self) -> dict:
        """The library's options for the filters, sort and plain (not the page)."""
        return {"speaker": self.speaker or None, "topic": self.topic or None, "since": self.since or None,
                "until": self.until or None, "sort": self.sort, "plain": self.plain}

    def with_(self, **changes) -> "SearchParams":
        """The same search with some values changed (a filter set, another page); back to page 1
        unless a page is given."""
        changes.setdefault("page", 1)
        changes.setdefault("rank", None)
        return replace(self, **changes)

    def query_string(self) -> str:
        """The search as a URL query string, defaults left out, in a stable order."""
        pairs = [("q", self.q), ("plain", "1" if self.plain else ""), ("speaker", self.speaker),
                 ("topic", self.topic), ("since", self.since), ("until", self.until),
                 ("sort", "" if self.sort == "relevance" else self.sort),
                 ("page", "" if self.page == 1 else str(self.page)),
                 ("limit", "" if self.limit == DEFAULT_PAGE_SIZE else str(self.limit)),
                 ("rank", "" if self.rank is None else str(self.rank))]
        return urlencode([(name, value) for name, value in pairs if value])


def search_params(query: Mapping[str, str], depth: int = MAX_DEPTH) -> SearchParams:
    """The search in a request's query parameters (a mapping of name → value).

    >>> search_params({"q": "مخيم", "page": "2", "plain": "1"}).query_string()
    'q=%D9%85%D8%AE%D9%8A%D9%85&plain=1&page=2'
    >>> search_params({"limit": "7"})
    Traceback (most recent call last):
    ...
    archive_search.web.params.BadRequest: limit must be one of 10, 20, 50
    """
    q = _text(query, "q", MAX_QUERY_CHARS, keep_lines=True)
    limit = _number(query, "limit", DEFAULT_PAGE_SIZE)
    if limit not in PAGE_SIZES:
        raise BadRequest(f"limit must be one of {', '.join(map(str, PAGE_SIZES))}")
    page = _number(query, "page", 1)
    if page * limit > depth:
        raise BadRequest(f"page {page} is too deep: pages show the first {depth:,} hits; "
                         "narrow the search or download the hits")
    rank = _number(query, "rank", 0) or None
    if rank is not None and rank > depth:
        raise BadRequest(f"rank must be at most {depth:,}")
    sort = query.get("sort") or "relevance"
    if sort not in SORTS:
        raise BadRequest(f"sort must be one of {', '.join(SORTS)}")
    return SearchParams(q=q, plain=_switch(query, "plain"), speaker=_text(query, "speaker", MAX_NAME_CHARS),
                        topic=_text(query, "topic", MAX_NAME_CHARS), since=_day(query, "since"),
                        until=_day(query, "until"), sort=sort, page=page, limit=limit, rank=rank)


def article_id(value: str) -> str:
    """An article id from a URL path; one longer than any id is a BadRequest."""
    if not value or len(value) > MAX_ID_CHARS:
        raise BadRequest("not an article id")
    return value


def article_path(article: str) -> str:
    """The URL path of an article's page (its id may hold /, # and ?)."""
    return "/article/" + quote(article, safe="/")


def _text(query: dict, name: str, most: int, keep_lines: bool = False) -> str:
    value = query.get(name) or ""
    if len(value) > most:
        raise BadRequest(f"{name} is too long: at most {most:,} characters")
    if keep_lines:
        value = value.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    if _CONTROLS.search(value):
        raise BadRequest(f"{name} has a control character")
    return value.strip()


def _number(query: dict, name: str, default: int) -> int:
    value = query.get(name)
    if value in (None, ""):
        return default
    if not value.isascii() or not value.isdigit() or len(value) > 7 or int(value) < 1:
        raise BadRequest(f"{name} must be a whole number from 1")
    return int(value)


def _switch(query: dict, name: str) -> bool:
    value = (query.get(name) or "").lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise BadRequest(f"{name} must be 1 or 0")


def _day(query: dict, name: str) -> str:
    value = (query.get(name) or "").strip()
    if value and not _DAY.fullmatch(value):
        raise BadRequest(f"{name} must be a day, YYYY-MM-DD")
    return value
