"""Running a query: the documents it matches, ranked best first, or all of them as a bool array.

Queries made only of words are scored term at a time, the best of them
re-ranked by how close the words stand (:mod:`archive_search.search.proximity`):
with numpy over the index's columns when there are many postings to read
(:mod:`archive_search.search.vector_scorer`), else in Python
(:mod:`archive_search.search.term_at_a_time`). The rest go through Whoosh's
collector, with its matcher replacement turned off (see
:func:`archive_search.index._whoosh.disable_matcher_replacement`).
"""

from __future__ import annotations

import sys

from whoosh import query as q

from archive_search.index._whoosh import disable_matcher_replacement
from archive_search.search.proximity import CANDIDATES, proximity_bonus
from archive_search.search.term_at_a_time import RankedDocs, top_documents, word_clauses

# Postings a word query must read before it is scored with numpy, in a
# process that has not imported numpy yet: importing it costs about as much
# as the Python scorer spends on this many postings, and a search command
# for fewer starts without it.
VECTOR_FROM = 50_000

class WhooshRankedDocs:
    """Whoosh's results seen through the interface of :class:`RankedDocs`."""

    def __init__(self, results):
        self._results = results
        self.total = len(results)

    def __len__(self) -> int:
        return self._results.scored_length()

    def docnum(self, i: int) -> int:
        return self._results.docnum(i)

    def score(self, i: int) -> float:
        return self._results.score(i) or 0.0


def collect(searcher, query: q.Query, limit: int | None, filter_query=None, sort_args=None, columns=None):
    """Run a query on a Whoosh searcher; the ranked documents, best first (as
    the module describes). ``columns`` is a function giving the searcher's
    :func:`~archive_search.index.columns.store.leaves`, or None (no
    vectorized scoring)."""
    if not sort_args:
        clauses = word_clauses(query)
        if clauses is not None:
            wanted = None if limit is None else max(limit, CANDIDATES)
            if columns is not None and clauses.words <= 63 and _vectorized(searcher, clauses):
                leaves = columns()
                ranked = _vector_top(searcher, clauses, wanted, filter_query, leaves)
            else:
                leaves = None
                allowed = set(searcher.docs_for_query(filter_query)) if filter_query is not None else None
                ranked = top_documents(searcher, clauses, searcher.weighting, wanted, allowed)
            return RankedDocs(proximity_bonus(searcher, clauses, ranked.top, leaves)[:limit], ranked.total)
    collector = searcher.collector(limit=limit, filter=filter_query, optimize=False, **(sort_args or {}))
    disable_matcher_replacement(collector)
    searcher.search_with_collector(query, collector)
    return WhooshRankedDocs(collector.results())


def _vectorized(searcher, clauses) -> bool:
    """Whether a word query reads enough postings for the vectorized scorer
    (or numpy is in the process already): see :data:`VECTOR_FROM`."""
    if "numpy" in sys.modules:
        return True
    postings = sum(searcher.doc_frequency(c.field, c.text) for c in clauses.clauses)
    return postings >= VECTOR_FROM


def _vector_top(searcher, clauses, wanted: int | None, filter_query, leaves) -> RankedDocs:
    from archive_search.search import vector_scorer

    allowed = _allowed(searcher, filter_query, leaves)
    return vector_scorer.top_documents(searcher, clauses, searcher.weighting, wanted, leaves, allowed)


def _allowed(searcher, filter_query, leaves):
    """The documents a filter lets through, as a bool array by docnum (None: no filter)."""
    if filter_query is None:
        return None
    from archive_search.search import column_filters

    total = searcher.doc_count_all()
    allowed = column_filters.filter_mask(filter_query, leaves, total)
    return allowed if allowed is not None else _docs_mask(searcher, filter_query, total)


def _docs_mask(searcher, query: q.Query, total: int):
    import numpy as np

    mask = np.zeros(total, dtype=bool)
    mask[list(searcher.docs_for_query(query))] = True
    return mask


def matching(searcher, query: q.Query, filter_query, leaves):
    """Every document the query and filter match, as a bool array by docnum."""
    from archive_search.search import vector_scorer

    allowed = _allowed(searcher, filter_query, leaves)
    clauses = word_clauses(query)
    if clauses is not None and clauses.words <= 63:
        return vector_scorer.score_all(searcher, clauses, searcher.weighting, leaves, allowed) > 0
    found = _docs_mask(searcher, query, searcher.doc_count_all())
    return found & allowed if allowed is not None else found
