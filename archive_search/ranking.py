"""How matches are weighed: the query clauses a word becomes, and BM25F.

The weighting model is BM25F with the idf of the BM25 literature.

Whoosh's BM25F uses ``log(N / (n + 1)) + 1`` as idf, which never falls below
one: a word found in every article still weighs as much as a fairly rare one,
and long natural-language queries drown in their common words. The BM25 idf
(``log(1 + (N - n + 0.5) / (n + 0.5))``, as in Lucene) goes to zero instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import log

from whoosh import query as q
from whoosh.scoring import BM25F

from archive_search.analysis import QueryWord, analyze_query


class ArchiveBM25F(BM25F):
    """BM25F whose idf is BM25's (see the module documentation)."""

    def idf(self, searcher, fieldname, text):
        parent = searcher.get_parent()
        n = parent.doc_frequency(fieldname, text)
        total = parent.doc_count_all()
        return log(1 + (total - n + 0.5) / (n + 0.5))


def weighting() -> ArchiveBM25F:
    """The weighting model searches use.

    B and K1 are BM25's usual values; on the dev half of the pooled
    evaluation sets B=0.6, K1=0.9 scored a little higher, but with the news
    articles as distractors it lost 0.02 MRR@10, so the defaults stand.
    """
    return ArchiveBM25F(B=0.75, K1=1.2)


@dataclass(frozen=True)
class Ranking:
    """How matches are weighed.

    :param title_weight: extra weight of a match in the title. The body field
        indexes the title too (see :func:`archive_search.schema.text_fields`),
        so this is a bonus on top; tuned on the dev half of the evaluation
        sets (0.15 over 0, 0.25 and 0.5: the Wikipedia passages share titles).
    :param exact_boost: extra weight of a match on the exact word form over a
        stem-only match, relative to the stem match (0.25 over 0.5 and 1 on
        the dev half); 0 disables exact-form matching.
    :param proclitic_weight: weight, relative to the stem match, of a body
        match on the stem of the query word read as preposition + word (a
        query لمرتزقة also finds مرتزقة; the index holds these stems for its
        own words, see :class:`archive_search.analysis.ArabicStemFilter`):
        0.25 over 0.4 and 1 on the dev half; 0 disables it.
    :param substitute_weight: weight, relative to the stem match, of a body
        match on a substitute of a query word the index does not know, or
        barely knows (see :mod:`archive_search.spelling`): 0.5 over 0.25
        and 1 on the dev half.
    """

    title_weight: float = 0.15
    body_weight: float = 1.0
    exact_boost: float = 0.25
    proclitic_weight: float = 0.25
    substitute_weight: float = 0.5


DEFAULT_RANKING = Ranking()


def word_query(word: QueryWord, ranking: Ranking = DEFAULT_RANKING) -> q.Query:
    """All the ways one query word can match: stem or exact form, title or
    body, the stem without a leading preposition in the body, and the
    word's substitutes in the body."""
    clauses = []
    for field, weight in (("title", ranking.title_weight), ("body", ranking.body_weight)):
        if weight <= 0:
            continue
        clauses.append(q.Term(field, word.stem, boost=weight))
        if ranking.exact_boost > 0 and word.exact != word.stem:
            clauses.append(q.Term(field, word.exact, boost=weight * ranking.exact_boost))
    if ranking.proclitic_weight > 0 and ranking.body_weight > 0 and word.split:
        clauses.append(q.Term("body", word.split, boost=ranking.body_weight * ranking.proclitic_weight))
    for term in word.substitutes:
        clauses.append(q.Term("body", term, boost=ranking.body_weight * ranking.substitute_weight))
    return q.Or(clauses)


def plain_query(
    text: str, ranking: Ranking = DEFAULT_RANKING, stopwords: bool = True, stemming: bool = True,
    vocabulary=None,
) -> q.Query:
    """A query that takes text as plain words: any of them may match.

    Operators, quotes and punctuation carry no meaning here, which suits
    natural-language questions pasted from elsewhere. With a ``vocabulary``
    (:class:`archive_search.spelling.Vocabulary`), words the index does not
    know, or barely knows, are also searched by their substitutes.
    """
    words = analyze_query(text, stopwords=stopwords, stemming=stemming)
    if vocabulary is not None:
        words = vocabulary.with_substitutes(words)
    seen = set()
    clauses = []
    for word in words:
        if word.exact in seen:
            continue
        seen.add(word.exact)
        clauses.append(word_query(word, ranking))
    return q.Or(clauses) if clauses else q.NullQuery


def phrase_query(text: str, ranking: Ranking = DEFAULT_RANKING) -> q.Query:
    """Words that must stand together, matched on their stems.

    Stopwords inside the phrase are skipped over (they are not indexed, but
    leave their position), so "مرتزقة داعش" finds "لمرتزقة داعش" and a phrase
    with على in it still matches.
    """
    words = analyze_query(text)
    if not words:
        return q.NullQuery
    if len(words) == 1:
        return word_query(words[0], ranking)
    stems = [w.stem for w in words]
    return q.Or(
        [
            q.Phrase("body", stems, slop=2, boost=ranking.body_weight),
            q.Phrase("title", stems, slop=2, boost=max(ranking.title_weight, 0.01)),
        ]
    )
