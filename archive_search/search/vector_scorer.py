"""Term-at-a-time BM25F over the index's columns, a term's postings at a time with numpy.

The same scores as :mod:`archive_search.search.term_at_a_time` (the same
formula, constants and order of additions, in float64), and so the same
ranking, with the work per posting done in C: each term's documents, term
counts and the documents' lengths are read as arrays from the segment's
columns (:mod:`archive_search.index.columns`) and added into one dense
array of scores, a slot a document. A segment without columns (one an
update has just written, say) is read through Whoosh, posting by posting.

Worth it when a query reads many postings (see
:data:`archive_search.search.searcher.VECTOR_FROM`).
"""

from __future__ import annotations

import numpy as np

from archive_search.index.columns.shard import Shard
from archive_search.index.columns.store import Leaf
from archive_search.search.term_at_a_time import (
    LENGTH_OF_BYTE, ClauseWeight, RankedDocs, WordClauses, clause_weight, segment_postings,
)

_LENGTHS = np.array(LENGTH_OF_BYTE, dtype=np.float64)


def top_documents(searcher, query: WordClauses, weighting, limit: int | None, leaves: list[Leaf],
                  allowed=None) -> RankedDocs:
    """Score every document that matches ``query``; the best ``limit`` of them.
    ``allowed`` is None or a bool array by docnum of the documents a filter lets through."""
    return best(score_all(searcher, query, weighting, leaves, allowed), limit)


def score_all(searcher, query: WordClauses, weighting, leaves: list[Leaf], allowed=None):
    """Every document's score (float64 by docnum; 0 for a document the query
    does not match, or that is deleted, or that ``allowed`` leaves out)."""
    if query.words > 63:  # more words than a uint64 has bits to track them
        raise ValueError("the vectorized scorer takes queries of at most 63 words")
    scores = np.zeros(searcher.doc_count_all(), dtype=np.float64)
    matched = np.zeros(len(scores), dtype=np.uint64) if query.require_all else None
    weights = [clause_weight(searcher, clause, weighting) for clause in query.clauses]
    for leaf in leaves:
        if leaf.shards is None:
            _add_from_whoosh(leaf, query, weights, scores, matched)
        else:
            for shard in leaf.shards:
                _add_from_shard(shard, leaf.offset, query, weights, scores, matched)
        if leaf.deleted is not None:
            scores[leaf.offset:leaf.offset + leaf.doc_count][leaf.deleted] = 0.0
    if allowed is not None:
        scores[~allowed] = 0.0
    if matched is not None:
        scores[matched != np.uint64((1 << query.words) - 1)] = 0.0
    return scores


def _add_from_shard(shard: Shard, offset: int, query: WordClauses, weights: list[ClauseWeight], scores,
                    matched) -> None:
    """Every clause's postings in one shard added in, clause after clause (the order of additions)."""
    numbers = {}
    for field in {clause.field for clause in query.clauses}:
        texts = [clause.text for clause in query.clauses if clause.field == field]
        numbers.update(zip(((field, t) for t in texts), shard.find(field, [t.encode("utf-8") for t in texts])))
    for clause, (numerator, fixed, per_length) in zip(query.clauses, weights):
        number = numbers[clause.field, clause.text]
        if number is None:
            continue
        start, end = shard.span(clause.field, number)
        docs = shard.docs(clause.field)[start:end].astype(np.int64)
        tfs = shard.tfs(clause.field)[start:end].astype(np.float64)
        lengths = _LENGTHS[shard.lengths(clause.field)[docs - shard.first_doc]]
        docs += offset
        scores[docs] += numerator * tfs / (tfs + fixed + per_length * lengths)
        if matched is not None:
            matched[docs] |= np.uint64(1 << clause.word)


def _add_from_whoosh(leaf: Leaf, query: WordClauses, weights: list[ClauseWeight], scores, matched) -> None:
    """The same for a segment without columns, read through Whoosh."""
    for clause, weight in zip(query.clauses, weights):
        for docnum, score in segment_postings(leaf.reader, clause, weight):
            scores[leaf.offset + docnum] += score
            if matched is not None:
                matched[leaf.offset + docnum] |= np.uint64(1 << clause.word)


def best(scores, limit: int | None) -> RankedDocs:
    """The documents with a score, the best ``limit`` of them first (ties: the
    lower docnum first, as Whoosh orders them), and how many there are."""
    candidates = np.flatnonzero(scores)
    values = scores[candidates]
    total = len(candidates)
    if limit is not None and limit < total:
        part = np.argpartition(-values, limit - 1)[:limit]
        kth = values[part].min()
        above = np.flatnonzero(values > kth)
        ties = np.flatnonzero(values == kth)[:limit - len(above)]
        keep = np.concatenate((above, ties))
        candidates, values = candidates[keep], values[keep]
    order = np.lexsort((candidates, -values))
    return RankedDocs(list(zip(values[order].tolist(), candidates[order].tolist())), total)
