"""When a story was told: how many matching articles each day, week, month or year, and by whom.

Every period from the first dated hit to the last is there, those without an
article as zero; articles without a date are counted apart. The busiest
periods also name their top speakers and topics.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

PERIODS = ("day", "week", "month", "year")
# The busiest periods that name their top speakers and topics, and how many of each.
BUSIEST = 3
TOP = 3


@dataclass
class Period:
    """One period: its first day, its name (2019-04, 2019-W14 …) and its articles."""

    start: date
    label: str
    articles: int
    speakers: list[tuple[str, int]] = field(default_factory=list)
    topics: list[tuple[str, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"period": self.label, "start": self.start.isoformat(), "articles": self.articles,
                "speakers": [list(pair) for pair in self.speakers], "topics": [list(pair) for pair in self.topics]}


@dataclass
class Timeline:
    """The periods in order, the hits without a date, and all hits."""

    by: str
    periods: list[Period]
    undated: int
    total: int

    def busiest(self) -> list[Period]:
        """The periods that name their speakers and topics, busiest first."""
        return sorted((p for p in self.periods if p.speakers or p.topics), key=lambda p: (-p.articles, p.start))


def period_start(day: date, by: str) -> date:
    """The first day of the period a day is in (weeks start on Monday, as ISO's).

    >>> period_start(date(2019, 4, 3), "week"), period_start(date(2019, 4, 3), "month")
    (datetime.date(2019, 4, 1), datetime.date(2019, 4, 1))
    """
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "year":
        return day.replace(month=1, day=1)
    raise ValueError(f"unknown period {by!r}: use one of {', '.join(PERIODS)}")


def label(start: date, by: str) -> str:
    """A period's name: 2019-04-03, 2019-W14, 2019-04, 2019."""
    if by == "day":
        return start.isoformat()
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{start.year}-{start.month:02d}"
    return str(start.year)


def next_start(start: date, by: str) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    if by == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def periods(counts: Counter, by: str) -> list[Period]:
    """Every period from the first of ``counts`` (period start → articles) to the last, in order."""
    if not counts:
        return []
    out, start, last = [], min(counts), max(counts)
    while start <= last:
        out.append(Period(start, label(start, by), counts.get(start, 0)))
        start = next_start(start, by)
    return out


def name_busiest(periods: list[Period], counted) -> None:
    """The busiest periods (up to :data:`BUSIEST`, those with articles) given
    their top speakers and topics; ``counted(period)`` gives a period's counts
    (:class:`~archive_search.search.facets.Counts`)."""
    for period in sorted(periods, key=lambda p: (-p.articles, p.start))[:BUSIEST]:
        if period.articles:
            counts = counted(period)
            period.speakers, period.topics = counts.speaker.most_common(TOP), counts.topic.most_common(TOP)
