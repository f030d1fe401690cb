"""Term-at-a-time BM25F scoring for queries made of words.

Whoosh scores a disjunction by walking a binary tree of union matchers, a
handful of Python calls per posting per tree level: a ten-word question
(four terms a word) spent over 90 % of its time there. Queries that are only
words joined by AND or OR (plain queries, and most typed ones) are scored
here instead: each term's postings are read block by block into a score
accumulator, with the same BM25F formula, idf and field lengths that Whoosh
uses, so the ranking is the same and only the time differs.
"""

from __future__ import annotations

import heapq
import weakref
from dataclasses import dataclass
from typing import NamedTuple

from whoosh import query as q
from whoosh.util.numeric import byte_to_length

from archive_search.index._whoosh import field_b, length_bytes, posting_blocks, without_deletions

# Field lengths are stored as one byte a document; decoded once for all.
LENGTH_OF_BYTE = [byte_to_length(b) if b else 1 for b in range(256)]
_length_bytes: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class TermClause:
    word: int  # which query word this term stands for
    field: str
    text: str
    boost: float


@dataclass(frozen=True)
class WordClauses:
    """Words (each a group of alternative terms), all required or any."""

    clauses: tuple[TermClause, ...]
    words: int
    require_all: bool


def word_clauses(query: q.Query) -> WordClauses | None:
    """The word structure of a query, or None if it has anything else
    (phrases, prefixes, fields, NOT …), which Whoosh then scores itself."""

    def group(node) -> list[tuple[str, str, float]] | None:
        if isinstance(node, q.Term):
            return [(node.fieldname, node.text, node.boost)]
        if isinstance(node, q.Or) and node.boost == 1 and all(isinstance(c, q.Term) for c in node.subqueries):
            return [(c.fieldname, c.text, c.boost) for c in node.subqueries]
        return None

    single = group(query)
    if single is not None:
        groups, require_all = [single], True
    elif isinstance(query, (q.Or, q.And)) and type(query) in (q.Or, q.And) and query.boost == 1:
        groups = [group(child) for child in query.subqueries]
        if any(g is None for g in groups):
            return None
        require_all = isinstance(query, q.And)
    else:
        return None
    clauses = tuple(
        TermClause(i, field, text, boost) for i, g in enumerate(groups) for field, text, boost in g
    )
    return WordClauses(clauses, len(groups), require_all)


class RankedDocs:
    """Ranked documents: the top ones with scores, and how many matched."""

    def __init__(self, top: list[tuple[float, int]], total: int):
        self._top = top
        self.total = total

    def __len__(self) -> int:
        return len(self._top)

    @property
    def top(self) -> list[tuple[float, int]]:
        """(score, docnum) best first."""
        return self._top

    def docnum(self, i: int) -> int:
        return self._top[i][1]

    def score(self, i: int) -> float:
        return self._top[i][0]


def _postings(reader, field: str, text: str):
    """(docnum, weight) of a term's postings in one segment, deleted documents left out."""
    matcher, deleted = without_deletions(reader.postings(field, text))
    blocks = posting_blocks(matcher)
    if blocks is None:
        while matcher.is_active():
            docnum = matcher.id()
            if deleted is None or docnum not in deleted:
                yield docnum, matcher.weight()
            matcher.next()
        return
    for ids, weights, first in blocks:
        for i in range(first, len(ids)):
            if deleted is None or ids[i] not in deleted:
                yield ids[i], weights[i]


def _field_lengths(reader, field: str):
    """A function docnum → stored length of ``field``, as Whoosh's scorers see it
    (``doc_field_length`` with default 1), reading the length column in one go."""
    cache = _length_bytes.setdefault(reader, {})
    if field not in cache:
        cache[field] = length_bytes(reader, field)
    raw = cache[field]
    if raw is None:
        return lambda docnum: reader.doc_field_length(docnum, field, 1)
    count, table = len(raw), LENGTH_OF_BYTE
    return lambda docnum: table[raw[docnum]] if docnum < count else 1


class ClauseWeight(NamedTuple):
    """BM25 of one clause with its constants taken out: a posting of term count
    ``tf`` in a document of length ``length`` scores
    ``numerator * tf / (tf + fixed + per_length * length)``."""

    numerator: float
    fixed: float
    per_length: float


def clause_weight(searcher, clause: TermClause, weighting, idf: float | None = None) -> ClauseWeight:
    """bm25(idf, tf, fl, avgfl, B, K1) of Whoosh's BM25F, its parts that do
    not depend on the posting (``idf`` the term's, if the caller knows it)."""
    k1, b = weighting.K1, field_b(weighting, clause.field)
    if idf is None:
        idf = searcher.idf(clause.field, clause.text)
    avg_length = searcher.avg_field_length(clause.field) or 1
    return ClauseWeight(clause.boost * idf * (k1 + 1), k1 * (1 - b), k1 * b / avg_length)


def segment_postings(reader, clause: TermClause, weight: ClauseWeight):
    """(docnum, score) of each posting of a clause's term in one segment (deleted documents left out)."""
    if (clause.field, clause.text) not in reader:
        return
    length_of = _field_lengths(reader, clause.field)
    numerator, fixed, per_length = weight
    for docnum, tf in _postings(reader, clause.field, clause.text):
        yield docnum, numerator * tf / (tf + fixed + per_length * length_of(docnum))


def top_documents(searcher, query: WordClauses, weighting, limit: int | None,
                  allowed: set[int] | None = None) -> RankedDocs:
    """Score every document that matches ``query``; the best ``limit`` of them."""
    scores: dict[int, float] = {}
    matched: dict[int, int] = {}
    weights = [clause_weight(searcher, clause, weighting) for clause in query.clauses]
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        for clause, weight in zip(query.clauses, weights):
            bit = 1 << clause.word
            for docnum, score in segment_postings(reader, clause, weight):
                global_doc = docnum + offset
                if allowed is not None and global_doc not in allowed:
                    continue
                scores[global_doc] = scores.get(global_doc, 0.0) + score
                matched[global_doc] = matched.get(global_doc, 0) | bit
    if query.require_all:
        everything = (1 << query.words) - 1
        scores = {d: s for d, s in scores.items() if matched[d] == everything}
    total = len(scores)
    items = ((s, -d) for d, s in scores.items())
    # best score first; among equal scores the lower docnum, as Whoosh orders them
    best = heapq.nlargest(limit, items) if limit is not None else sorted(items, reverse=True)
    return RankedDocs([(s, -negative_doc) for s, negative_doc in best], total)
