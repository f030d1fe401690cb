"""Whoosh queries for words: the clauses one query word becomes, plain text, phrases."""

from __future__ import annotations

from whoosh import query as q

from archive_search.search.weighting import DEFAULT_RANKING, Ranking
from archive_search.text.query_words import QueryWord, analyze_query


def query_for_word(word: QueryWord, ranking: Ranking = DEFAULT_RANKING) -> q.Query:
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
    spelling=None,
) -> q.Query:
    """A query that takes text as plain words: any of them may match.

    Operators, quotes and punctuation carry no meaning here, which suits
    natural-language questions pasted from elsewhere. With a ``spelling``
    (:class:`archive_search.search.spelling.QuerySpelling`), words the index does not
    know, or barely knows, are also searched by their substitutes.
    """
    words = analyze_query(text, stopwords=stopwords, stemming=stemming)
    if spelling is not None:
        words = spelling.with_substitutes(words)
    seen = set()
    clauses = []
    for word in words:
        if word.exact in seen:
            continue
        seen.add(word.exact)
        clauses.append(query_for_word(word, ranking))
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
        return query_for_word(words[0], ranking)
    stems = [w.stem for w in words]
    return q.Or(
        [
            q.Phrase("body", stems, slop=2, boost=ranking.body_weight),
            q.Phrase("title", stems, slop=2, boost=max(ranking.title_weight, 0.01)),
        ]
    )
