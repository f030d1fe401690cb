"""The documents a filter lets through, as a bool array by docnum, read from the index's columns.

For the filters searches make (:func:`archive_search.search.filters.build_filter`):
terms of the fields that have columns, date ranges, and their AND and OR.
Anything else, or a segment without columns, gives None, and the filter is
then run through Whoosh.
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
from whoosh import query as q

from archive_search.index.columns.shard import FIELDS, NO_DATE
from archive_search.index.columns.store import Leaf

_EPOCH = date(1970, 1, 1)


def filter_mask(query: q.Query, leaves: list[Leaf], total_docs: int):
    """Which documents ``query`` matches (deleted ones too: the scorer leaves
    those out), or None where the columns cannot tell."""
    if any(leaf.shards is None for leaf in leaves):
        return None
    return _mask(query, leaves, total_docs)


def _mask(query: q.Query, leaves: list[Leaf], total_docs: int):
    if isinstance(query, q.Every):
        return np.ones(total_docs, dtype=bool)
    if isinstance(query, q.DateRange):
        return _date_mask(query, leaves, total_docs)
    if isinstance(query, q.Term):
        return _term_mask(query, leaves, total_docs)
    if type(query) in (q.And, q.Or):
        parts = [_mask(sub, leaves, total_docs) for sub in query.subqueries]
        if any(part is None for part in parts):
            return None
        combine = np.logical_and if isinstance(query, q.And) else np.logical_or
        out = parts[0].copy()
        for part in parts[1:]:
            combine(out, part, out=out)
        return out
    return None


def _term_mask(query: q.Term, leaves: list[Leaf], total_docs: int):
    if query.fieldname not in FIELDS:
        return None
    text = query.text if isinstance(query.text, bytes) else str(query.text).encode("utf-8")
    out = np.zeros(total_docs, dtype=bool)
    for leaf in leaves:
        for shard in leaf.shards:
            (number,) = shard.find(query.fieldname, [text])
            if number is not None:
                start, end = shard.span(query.fieldname, number)
                out[shard.docs(query.fieldname)[start:end].astype(np.int64) + leaf.offset] = True
    return out


def _date_mask(query: q.DateRange, leaves: list[Leaf], total_docs: int):
    if query.startexcl or query.endexcl:
        return None
    low = _days(query.startdate) if query.startdate else NO_DATE + 1
    high = _days(query.enddate) if query.enddate else 2 ** 31 - 1
    out = np.zeros(total_docs, dtype=bool)
    for leaf in leaves:
        for shard in leaf.shards:
            days = shard.dates
            first = leaf.offset + shard.first_doc
            out[first:first + shard.doc_count] = (days >= low) & (days <= high)
    return out


def _days(value: datetime | date) -> int:
    return ((value.date() if isinstance(value, datetime) else value) - _EPOCH).days
