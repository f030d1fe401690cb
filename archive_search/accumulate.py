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

from whoosh import query as q
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length

# Field lengths are stored as one byte a document; decoded once for all.
_LENGTH_OF_BYTE = [byte_to_length(b) if b else 1 for b in range(256)]
_length_bytes: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class TermClause:
    word: int  # which query word this term stands for
    field: str
    text: str
    boost: float


@dataclass(frozen=True)
class WordQuery:
    """Words (each a group of alternative terms), all required or any."""

    clauses: tuple[TermClause, ...]
    words: int
    require_all: bool


def as_word_query(query: q.Query) -> WordQuery | None:
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
    return WordQuery(clauses, len(groups), require_all)


class Ranked:
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


def _postings(reader, field: str, text: str, scorer):
    """(docnums, weights) of a term, block by block."""
    matcher = reader.postings(field, text, scorer=scorer)
    deleted = None
    if isinstance(matcher, FilterMatcher):
        deleted = matcher._ids
        matcher = matcher.child
    blockwise = hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block")
    while matcher.is_active():
        if blockwise:
            # W3LeafMatcher keeps a block's ids and weights as arrays.
            matcher._read_ids()
            matcher._read_weights()
            ids, weights = matcher._ids, matcher._weights
            start = matcher._i
            matcher._next_block()
            for i in range(start, len(ids)):
                if deleted is None or ids[i] not in deleted:
                    yield ids[i], weights[i]
        else:
            docnum = matcher.id()
            if deleted is None or docnum not in deleted:
                yield docnum, matcher.weight()
            matcher.next()


def _field_lengths(reader, field: str):
    """A function docnum → stored length of ``field``, as Whoosh's scorers see it
    (``doc_field_length`` with default 1), reading the length column in one go."""
    cache = _length_bytes.setdefault(reader, {})
    if field not in cache:
        raw = None
        try:
            from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

            column = reader._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
            if column is not None and getattr(column, "_fixedlen", None) == 1:
                raw = column._dbfile.get(column._basepos, column._count)
        except (AttributeError, TypeError, OSError):
            raw = None
        cache[field] = raw
    raw = cache[field]
    if raw is None:
        return lambda docnum: reader.doc_field_length(docnum, field, 1)
    count, table = len(raw), _LENGTH_OF_BYTE
    return lambda docnum: table[raw[docnum]] if docnum < count else 1


def top_documents(searcher, word_query: WordQuery, weighting, limit: int | None,
                  allowed: set[int] | None = None) -> Ranked:
    """Score every document that matches ``word_query``; the best ``limit`` of them."""
    scores: dict[int, float] = {}
    matched: dict[int, int] = {}
    k1 = weighting.K1
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        for clause in word_query.clauses:
            if (clause.field, clause.text) not in reader:
                continue
            field_b = weighting._field_B.get(clause.field, weighting.B)
            idf = searcher.idf(clause.field, clause.text)
            avg_length = searcher.avg_field_length(clause.field) or 1
            length_of = _field_lengths(reader, clause.field)
            bit = 1 << clause.word
            # bm25(idf, tf, fl, avgfl, B, K1) with the constants taken out of the loop
            numerator = clause.boost * idf * (k1 + 1)
            fixed = k1 * (1 - field_b)
            per_length = k1 * field_b / avg_length
            for docnum, tf in _postings(reader, clause.field, clause.text, None):
                global_doc = docnum + offset
                if allowed is not None and global_doc not in allowed:
                    continue
                score = numerator * tf / (tf + fixed + per_length * length_of(docnum))
                scores[global_doc] = scores.get(global_doc, 0.0) + score
                matched[global_doc] = matched.get(global_doc, 0) | bit
    if word_query.require_all:
        everything = (1 << word_query.words) - 1
        scores = {d: s for d, s in scores.items() if matched[d] == everything}
    total = len(scores)
    items = ((s, -d) for d, s in scores.items())
    # best score first; among equal scores the lower docnum, as Whoosh orders them
    best = heapq.nlargest(limit, items) if limit is not None else sorted(items, reverse=True)
    return Ranked([(s, -negative_doc) for s, negative_doc in best], total)
