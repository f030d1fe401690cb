"""Turning analysed query words into Whoosh queries, and ranking."""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import query as q

from archive_search.analysis import QueryWord, analyze_query


@dataclass(frozen=True)
class Ranking:
    """How matches are weighed.

    :param title_weight: weight of a match in the title relative to the body
        (the evaluation sets show titles are not always worth more).
    :param exact_boost: extra weight of a match on the exact word form over a
        stem-only match; 0 disables exact-form matching.
    """

    title_weight: float = 0.5
    body_weight: float = 1.0
    exact_boost: float = 0.5


DEFAULT_RANKING = Ranking()


def word_query(word: QueryWord, ranking: Ranking = DEFAULT_RANKING) -> q.Query:
    """All the ways one query word can match: stem or exact form, title or body."""
    clauses = []
    for field, weight in (("title", ranking.title_weight), ("body", ranking.body_weight)):
        if weight <= 0:
            continue
        clauses.append(q.Term(field, word.stem, boost=weight))
        if ranking.exact_boost > 0 and word.exact != word.stem:
            clauses.append(q.Term(field, word.exact, boost=weight * ranking.exact_boost))
    return q.Or(clauses)


def plain_query(
    text: str, ranking: Ranking = DEFAULT_RANKING, stopwords: bool = True, stemming: bool = True
) -> q.Query:
    """A query that takes text as plain words: any of them may match.

    Operators, quotes and punctuation carry no meaning here, which suits
    natural-language questions pasted from elsewhere.
    """
    words = analyze_query(text, stopwords=stopwords, stemming=stemming)
    seen = set()
    clauses = []
    for word in words:
        if word.exact in seen:
            continue
        seen.add(word.exact)
        clauses.append(word_query(word, ranking))
    return q.Or(clauses) if clauses else q.NullQuery
