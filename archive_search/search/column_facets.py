"""Counting articles by speaker, topic and year from the index's columns, with numpy.

The same counts as :func:`archive_search.search.facets.count` over the
articles' records (a person's variants merged the same way, among the
speakers of the counted articles), without reading a stored field: a
speaker's (or topic's) articles are its postings in the ``speakers``
(``topic``) field, a year's are the dates column's. For facets of a search
and the archive's stats, at any archive size.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import numpy as np

from archive_search.index.columns.shard import NO_DATE
from archive_search.index.columns.store import Leaf
from archive_search.search.facets import Counts
from archive_search.text.person_names import merge_variants

_EPOCH = date(1970, 1, 1)


def live_documents(leaves: list[Leaf], total_docs: int):
    """A bool array by docnum: the documents that are not deleted."""
    live = np.ones(total_docs, dtype=bool)
    for leaf in leaves:
        if leaf.deleted is not None:
            live[leaf.offset:leaf.offset + leaf.doc_count][leaf.deleted] = False
    return live


def count(leaves: list[Leaf], chosen) -> Counts:
    """Counts of the documents of the bool array ``chosen`` (by docnum; not deleted)."""
    counts = Counts(articles=int(chosen.sum()))
    counts.speaker = merge_variants(_by_term(leaves, chosen, "speakers"))
    counts.topic = _by_term(leaves, chosen, "topic")
    days = _chosen_dates(leaves, chosen)
    if len(days):
        counts.dated = len(days)
        first, last = int(days.min()), int(days.max())
        counts.first_date = (_EPOCH + timedelta(days=first)).isoformat()
        counts.last_date = (_EPOCH + timedelta(days=last)).isoformat()
        years = days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
        found, how_many = np.unique(years, return_counts=True)
        counts.year = Counter(dict(zip(map(str, found.tolist()), how_many.tolist())))
    return counts


def _by_term(leaves: list[Leaf], chosen, field: str) -> Counter:
    """How many chosen documents each term of a field has."""
    counter = Counter()
    for leaf in leaves:
        for shard in leaf.shards:
            if field not in shard.fields or not shard.fields[field]["terms"]:
                continue
            starts = shard.array(f"{field}.starts", "<u8").astype(np.int64)
            docs = shard.docs(field).astype(np.int64) + leaf.offset
            terms = np.repeat(np.arange(len(starts) - 1), np.diff(starts))
            per_term = np.bincount(terms[chosen[docs]], minlength=len(starts) - 1)
            for number in np.flatnonzero(per_term).tolist():
                counter[shard.term_text(field, number)] += int(per_term[number])
    return counter


def _chosen_dates(leaves: list[Leaf], chosen):
    """The dates (days since 1970) of the chosen documents that have one."""
    parts = []
    for leaf in leaves:
        for shard in leaf.shards:
            first = leaf.offset + shard.first_doc
            days = np.asarray(shard.dates)[chosen[first:first + shard.doc_count]]
            parts.append(days[days != NO_DATE])
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)


def dates_by_docnum(leaves: list[Leaf], total_docs: int):
    """Every document's date (int32 days since 1970, NO_DATE for none) by docnum."""
    days = np.full(total_docs, NO_DATE, dtype=np.int32)
    for leaf in leaves:
        for shard in leaf.shards:
            first = leaf.offset + shard.first_doc
            days[first:first + shard.doc_count] = shard.dates
    return days


def period_starts(days, by: str):
    """The first day (days since 1970) of the period each date is in; dates
    without one stay NO_DATE. Weeks start on Monday (1970-01-01 was a Thursday)."""
    dated = days != NO_DATE
    starts = np.full(len(days), NO_DATE, dtype=np.int64)
    known = days[dated].astype(np.int64)
    if by == "week":
        known = known - (known + 3) % 7
    elif by in ("month", "year"):
        unit = "M" if by == "month" else "Y"
        known = known.astype("datetime64[D]").astype(f"datetime64[{unit}]").astype("datetime64[D]").astype(np.int64)
    starts[dated] = known
    return starts


def day(days_since_1970: int) -> date:
    return _EPOCH + timedelta(days=int(days_since_1970))
