"""The orders hits can be sorted in, and Whoosh's arguments for each."""

from __future__ import annotations

from archive_search.errors import QueryError

SORTS = ("relevance", "date", "-date")


def sort_arguments(sort: str) -> dict:
    """Whoosh's sorting arguments for one of :data:`SORTS` (none for relevance).

    >>> sort_arguments("-date")
    {'sortedby': 'date', 'reverse': True}
    """
    if sort == "relevance":
        return {}
    if sort == "date":
        return {"sortedby": "date"}
    if sort == "-date":
        return {"sortedby": "date", "reverse": True}
    raise QueryError(f"unknown sort {sort!r}: use one of {', '.join(SORTS)}")
