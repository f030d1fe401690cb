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
from archive_search.search.weighting import ArchiveBM25F, bm25_idf
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
    located = [[_numbers(shard, query) for shard in leaf.shards] if leaf.shards is not None else None
               for leaf in leaves]
    weights = _weights(searcher, query, weighting, leaves, located)
    for leaf, numbers in zip(leaves, located):
        if numbers is None:
            _add_from_whoosh(leaf, query, weights, scores, matched)
        else:
            for shard, shard_numbers in zip(leaf.shards, numbers):
                _add_from_shard(shard, shard_numbers, leaf.offset, query, weights, scores, matched)
        if leaf.deleted is not None:
            scores[leaf.offset:leaf.offset + leaf.doc_count][leaf.deleted] = 0.0
    if allowed is not None:
        scores[~allowed] = 0.0
    if matched is not None:
        scores[matched != np.uint64((1 << query.words) - 1)] = 0.0
    return scores


def _numbers(shard: Shard, query: WordClauses) -> list[int | None]:
    """Each clause's term number in the shard (None where it has not the term), a field's terms found together."""
    numbers: dict[tuple[str, str], int | None] = {}
    for field in {clause.field for clause in query.clauses}:
        texts = list(dict.fromkeys(clause.text for clause in query.clauses if clause.field == field))
        numbers.update(zip(((field, t) for t in texts), shard.find(field, [t.encode("utf-8") for t in texts])))
    return [numbers[clause.field, clause.text] for clause in query.clauses]


def _weights(searcher, query: WordClauses, weighting, leaves: list[Leaf], located) -> list[ClauseWeight]:
    """The clauses' weights, their idf from the document counts the columns
    have at hand (the same counts Whoosh would sum segment by segment)."""
    if type(weighting).idf is not ArchiveBM25F.idf:
        return [clause_weight(searcher, clause, weighting) for clause in query.clauses]
    counts = [0] * len(query.clauses)
    for leaf, numbers in zip(leaves, located):
        for i, clause in enumerate(query.clauses):
            if numbers is None:
                counts[i] += leaf.reader.doc_frequency(clause.field, clause.text)
            else:
                counts[i] += sum(shard.postings_count(clause.field, [shard_numbers[i]])[0]
                                 for shard, shard_numbers in zip(leaf.shards, numbers))
    documents = searcher.doc_count_all()
    return [clause_weight(searcher, clause, weighting, bm25_idf(count, documents))
            for clause, count in zip(query.clauses, counts)]


def _add_from_shard(shard: Shard, numbers: list[int | None], offset: int, query: WordClauses,
                    weights: list[ClauseWeight], scores, matched) -> None:
    """Every clause's postings in one shard added in, clause after clause (the order of additions)."""
    for clause, number, (numerator, fixed, per_length) in zip(query.clauses, numbers, weights):
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
    total = int(np.count_nonzero(scores))
    if limit is None or limit >= total:
        candidates = np.flatnonzero(scores)
    else:
        candidates = np.flatnonzero(scores >= _threshold(scores, limit))
    values = scores[candidates]
    if limit is not None and limit < len(candidates):
        part = np.argpartition(-values, limit - 1)[:limit]
        kth = values[part].min()
        above = np.flatnonzero(values > kth)
        ties = np.flatnonzero(values == kth)[:limit - len(above)]
        keep = np.concatenate((above, ties))
        candidates, values = candidates[keep], values[keep]
    order = np.lexsort((candidates, -values))
    return RankedDocs(list(zip(values[order].tolist(), candidates[order].tolist())), total)


# One score in this many is looked at to guess the best ``limit`` scores' lowest.
_SAMPLE_STEP = 64


def _threshold(scores, limit: int) -> float:
    """A score that at least ``limit`` documents reach (so that the best
    ``limit`` are all among those that reach it), and not many more.

    Selecting in the whole array would cost as much as sorting it when most
    of it is zero; a sample of it gives a first guess, lowered until enough
    documents reach it.
    """
    sample = scores[::_SAMPLE_STEP]
    sample = np.sort(sample[sample > 0])[::-1]
    rank = max(1, limit // _SAMPLE_STEP)
    while rank < len(sample):
        guess = sample[rank - 1]
        if np.count_nonzero(scores >= guess) >= limit:
            return float(guess)
        rank *= 4
    return float(np.min(scores[scores > 0]))
