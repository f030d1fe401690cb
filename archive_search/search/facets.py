"""Counting articles by speaker, topic and year: the facets of a search, and the archive's stats.

A person's variants (with and without the given name, hamza spellings) are
counted as one, under the fullest form
(:func:`archive_search.text.person_names.merge_variants`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from archive_search.search.records import ArticleRecord
from archive_search.text.person_names import merge_variants

FACETS = ("speaker", "topic", "year")


@dataclass
class Counts:
    """How many articles there are by speaker, topic and year, and their dates."""

    articles: int = 0
    speaker: Counter = field(default_factory=Counter)
    topic: Counter = field(default_factory=Counter)
    year: Counter = field(default_factory=Counter)
    dated: int = 0
    first_date: str | None = None
    last_date: str | None = None

    def add(self, record: ArticleRecord) -> None:
        self.articles += 1
        self.speaker.update(record.speakers)
        if record.topic:
            self.topic[record.topic] += 1
        if record.date:
            self.dated += 1
            self.year[record.date[:4]] += 1
            if self.first_date is None or record.date < self.first_date:
                self.first_date = record.date
            if self.last_date is None or record.date > self.last_date:
                self.last_date = record.date

    def facets(self) -> dict[str, Counter]:
        """The counts by speaker, topic and year."""
        return {name: getattr(self, name) for name in FACETS}


def count(records: Iterable[ArticleRecord]) -> Counts:
    """Count articles by speaker, topic and year.

    >>> from archive_search.search.records import ArticleRecord
    >>> counted = count([ArticleRecord("a", "", ["ليلى"], "2019-05-01", "صحة", False, None, None, None),
    ...                  ArticleRecord("b", "", ["ليلى"], None, None, False, None, None, None)])
    >>> counted.articles, counted.speaker["ليلى"], dict(counted.year), counted.dated
    (2, 2, {'2019': 1}, 1)
    """
    counts = Counts()
    for record in records:
        counts.add(record)
    counts.speaker = merge_variants(counts.speaker)
    return counts
