"""A timeline counted: from the index's columns with numpy, or from the hits' stored records."""

from __future__ import annotations

from collections import Counter
from datetime import date

from whoosh import query as q

from archive_search.search import facets as facet_counts
from archive_search.search.collecting import matching
from archive_search.search.timeline import Timeline, name_busiest, period_start
from archive_search.search.timeline import periods as timeline_periods


def from_columns(searcher, query: q.Query, filter_query, leaves, by: str) -> Timeline:
    """How many documents the query and filter match, period by period, read from the columns."""
    import numpy as np

    from archive_search.search import column_facets

    chosen = matching(searcher, query, filter_query, leaves)
    starts = column_facets.period_starts(column_facets.dates_by_docnum(leaves, len(chosen)), by)
    picked = starts[chosen]
    dated = picked[picked != column_facets.NO_DATE]
    found, how_many = np.unique(dated, return_counts=True)
    periods = timeline_periods(Counter({column_facets.day(d): n for d, n in zip(found.tolist(), how_many.tolist())}),
                               by)
    name_busiest(periods, lambda period: column_facets.count(
        leaves, chosen & (starts == (period.start - column_facets.day(0)).days)))
    return Timeline(by, periods, int(chosen.sum()) - len(dated), int(chosen.sum()))


def from_records(records, by: str) -> Timeline:
    """The same from the hits' stored records (an index without columns)."""
    total, undated, in_period = 0, 0, {}
    for record in records:
        total += 1
        if record.date is None:
            undated += 1
            continue
        in_period.setdefault(period_start(date.fromisoformat(record.date), by), []).append(record)
    periods = timeline_periods(Counter({start: len(found) for start, found in in_period.items()}), by)
    name_busiest(periods, lambda period: facet_counts.count(in_period[period.start]))
    return Timeline(by, periods, undated, total)
