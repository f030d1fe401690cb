"""Query words: text a person typed, analysed exactly as the index analyses articles."""

from __future__ import annotations

from typing import Iterator, NamedTuple

from archive_search.text.cache import cached_is_stopword, cached_normalize, cached_proclitic_stem, cached_stem
from archive_search.text.terms import exact_term
from archive_search.text.words import WORD_PATTERN, without_underscores


class QueryWord(NamedTuple):
    """One analysed query word: what the user typed, its stem and exact term,
    the stem of the word read as preposition + word (None if none), and the
    index terms also searched for it when the index does not know it, or
    barely knows it (see :mod:`archive_search.search.spelling`)."""

    original: str
    stem: str
    exact: str
    split: str | None = None
    substitutes: tuple[str, ...] = ()


def normalized_words(text: str, stopwords: bool = True) -> Iterator[tuple[str, str]]:
    """(word as written, normalized word) for the words the index keeps:
    the analyzer chain without Whoosh's token objects."""
    for match in WORD_PATTERN.finditer(without_underscores(text)):
        original = match.group()
        if stopwords and cached_is_stopword(original):
            continue
        normalized = cached_normalize(original)
        if normalized:
            yield original, normalized


def analyze_query(text: str, stopwords: bool = True, stemming: bool = True) -> list[QueryWord]:
    """Analyse query text exactly as the index analyses documents.

    Returns one :class:`QueryWord` per kept word, in order. The ``exact`` term
    is an exact-form term (:func:`~archive_search.text.terms.exact_term`)
    unless it equals the stem.

    >>> analyze_query("مُخَيَّم في الحسكة")
    [QueryWord(original='مُخَيَّم', stem='مخيم', exact='مخيم', split=None, substitutes=()), QueryWord(original='الحسكة', stem='حسك', exact='=الحسكه', split=None, substitutes=())]
    >>> analyze_query("لمرتزقة")[0].split
    'مرتزق'
    """
    words = []
    for original, normalized in normalized_words(text, stopwords):
        stemmed = cached_stem(normalized) if stemming else normalized
        exact = normalized if normalized == stemmed else exact_term(normalized)
        split = cached_proclitic_stem(normalized) if stemming else None
        words.append(QueryWord(original, stemmed, exact, split))
    return words
