"""Counting articles by speaker, topic and year from the index's columns, with numpy.

The same counts as :func:`archive_search.search.facets.count` over the
articles' records, without reading a stored field: a speaker's (or topic's)
articles are its postings in the ``speakers`` (``topic``) field, a year's
are the dates column's. For facets of a search and the archive's stats, at
any archive size: what a count costs is one pass over the field's postings
in numpy, whatever the number of speakers (see :class:`_Numbering`).
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from datetime import date, timedelta

import numpy as np

from archive_search.index.columns.shard import NO_DATE
from archive_search.index.columns.store import Leaf
from archive_search.search.facets import Counts
from archive_search.text.person_names import variant_heads

_EPOCH = date(1970, 1, 1)
# The numberings of the last few opened indexes (see _numbering).
_NUMBERINGS: OrderedDict = OrderedDict()
_KEPT = 4


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
    counts.speaker = _by_term(leaves, chosen, "speakers")
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
    """How many chosen documents each term of a field has (each person, for speakers)."""
    numbering = _numbering(leaves, field)
    total = np.zeros(len(numbering.names), dtype=np.int64)
    for docs, numbers in numbering.postings:
        total += np.bincount(numbers[chosen[docs]], minlength=len(total))
    found = np.flatnonzero(total)
    return Counter(dict(zip([numbering.names[n] for n in found.tolist()], total[found].tolist())))


class _Numbering:
    """A field's terms across the shards of an opened index as one numbering,
    and each posting as (docnum, number): ``postings`` holds a pair of
    arrays a shard, ``names`` the text of each number.

    For speakers a number is a person: a person's variants share one, named
    by the fullest (:func:`~archive_search.text.person_names.variant_heads`),
    decided on their counts over the whole archive, so that a person has
    the same name in every search's facets and in the stats, and a count
    never compares names.
    """

    def __init__(self, leaves: list[Leaf], field: str):
        numbers: dict[bytes, int] = {}
        postings, sizes = [], []
        for leaf in leaves:
            for shard in leaf.shards:
                if field not in shard.fields or not shard.fields[field]["terms"]:
                    continue
                terms = shard.all_terms(field)
                starts = shard.array(f"{field}.starts", "<u8").astype(np.int64)
                per_term = np.diff(starts)
                own = np.fromiter((numbers.setdefault(term, len(numbers)) for term in terms), dtype=np.int32,
                                  count=len(terms))
                postings.append((shard.docs(field).astype(np.int64) + leaf.offset, np.repeat(own, per_term)))
                sizes.append((own, per_term))
        self.names = [term.decode("utf-8") for term in numbers]
        if field == "speakers":
            articles = np.zeros(len(self.names), dtype=np.int64)
            for own, per_term in sizes:
                np.add.at(articles, own, per_term)
            heads = variant_heads(Counter(dict(zip(self.names, articles.tolist()))))
            person: dict[str, int] = {}
            to_person = np.array([person.setdefault(heads[name], len(person)) for name in self.names],
                                 dtype=np.int32)
            postings = [(docs, to_person[own]) for docs, own in postings]
            self.names = list(person)
        self.postings = postings


def _numbering(leaves: list[Leaf], field: str) -> _Numbering:
    """The field's numbering for these leaves, made on first use (the
    numberings of the last few opened indexes are kept)."""
    key = (field, tuple((id(shard), leaf.offset) for leaf in leaves for shard in leaf.shards))
    entry = _NUMBERINGS.get(key)
    if entry is None:
        # the shards are kept with their numbering, so that no other shard takes their ids
        entry = ([shard for leaf in leaves for shard in leaf.shards], _Numbering(leaves, field))
        _NUMBERINGS[key] = entry
        while len(_NUMBERINGS) > _KEPT:
            _NUMBERINGS.popitem(last=False)
    _NUMBERINGS.move_to_end(key)
    return entry[1]


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
