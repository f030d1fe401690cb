"""Texts as lists of word ids, each distinct word analysed once.

Indexing reads an article's text word by word; a news archive repeats the
same few hundred thousand words millions of times. :class:`WordIds`
analyses each distinct word once (:func:`~archive_search.text.terms.word_terms`)
and gives a text as the ids of its words; a word's terms are then a lookup.
This is the form in which a rebuild inverts the Arabic text fields
(:mod:`archive_search.index.bulk.text_postings`), an incremental update
reads their postings (:func:`term_positions_function`) and the topic model
counts stems.
"""

from __future__ import annotations

from array import array
from collections import Counter
from functools import lru_cache

from archive_search.text.analyzer import options_of
from archive_search.text.terms import TEXT_FIELD_OPTIONS, AnalysisOptions, word_terms
from archive_search.text.words import find_words

# Texts whose ids are kept until forget_texts(): the same text is often read
# twice in a row (a labelled article's stems for the topic model, then its
# postings). The bound is for callers that never forget; results never
# depend on it.
RECENT_TEXTS = 1024


class WordIds:
    """Word ids and the terms of each word, for one set of analysis options.

    Term ids number the distinct terms in the order first seen. The arrays
    are public for bulk readers (numpy): for word id ``w``, its term ids are
    ``word_term_ids[first_term[w]:first_term[w] + term_count[w]]`` (all
    ``uint32``), a stem first when the options stem.

    >>> word_ids = WordIds(AnalysisOptions())
    >>> ids = word_ids.ids("المخيمات في المخيم")
    >>> [word_ids.terms_of(i) for i in ids]
    [('مخيم', '=المخيمات'), (), ('مخيم', '=المخيم')]
    >>> word_ids.length(ids), dict(word_ids.stem_counts(ids))
    (4, {'مخيم': 2})
    """

    def __init__(self, options: AnalysisOptions):
        self.options = options
        self._id_of: dict[str, int] = {}
        self._recent: dict[str, list[int]] = {}
        self.terms: list[str] = []  # term id → term
        self._term_id_of: dict[str, int] = {}
        self.first_term = array("I")
        self.term_count = array("I")
        self.word_term_ids = array("I")
        self._stem_of: list[str | None] = []  # word id → stem (None for a stopword)

    def ids(self, text: str) -> list[int]:
        """The word ids of text, a position each (stopwords too, without terms)."""
        found = self._recent.get(text)
        if found is not None:
            return found
        words = find_words(text)
        id_of = self._id_of
        for word in set(words).difference(id_of):
            self._add(word)
        ids = list(map(id_of.__getitem__, words))
        if len(self._recent) >= RECENT_TEXTS:
            del self._recent[next(iter(self._recent))]
        self._recent[text] = ids
        return ids

    def _add(self, word: str) -> None:
        terms = word_terms(word, self.options)
        self._id_of[word] = len(self.term_count)
        self.first_term.append(len(self.word_term_ids))
        self.term_count.append(len(terms))
        for term in terms:
            term_id = self._term_id_of.get(term)
            if term_id is None:
                term_id = self._term_id_of[term] = len(self.terms)
                self.terms.append(term)
            self.word_term_ids.append(term_id)
        self._stem_of.append(terms[0] if terms and self.options.stemming else None)

    def forget_texts(self) -> None:
        """Forget the texts read so far (their words stay known)."""
        self._recent.clear()

    def terms_of(self, word_id: int) -> tuple[str, ...]:
        first = self.first_term[word_id]
        return tuple(self.terms[t] for t in self.word_term_ids[first:first + self.term_count[word_id]])

    def term_positions(self, text: str) -> tuple[dict[str, list[int]], int]:
        """Each term of text with its positions, and the field length: what
        indexing the text through the analyzer chain gives."""
        positions: dict[str, list[int]] = {}
        ids = self.ids(text)
        for pos, word_id in enumerate(ids):
            for term in self.terms_of(word_id):
                found = positions.get(term)
                if found is None:
                    positions[term] = [pos]
                else:
                    found.append(pos)
        return positions, self.length(ids)

    def length(self, ids: list[int]) -> int:
        """The number of terms the words make (the field length Whoosh stores)."""
        return sum(map(self.term_count.__getitem__, ids))

    def stem_counts(self, ids: list[int]) -> Counter:
        """How often each stem occurs among the words (stopwords left out)."""
        counts = Counter(map(self._stem_of.__getitem__, ids))
        counts.pop(None, None)
        return counts


@lru_cache(maxsize=None)
def _word_ids(options: AnalysisOptions) -> WordIds:
    return WordIds(options)


def word_ids_for(analyzer) -> WordIds | None:
    """This process's :class:`WordIds` for the options of one of our analyzers
    (see :func:`archive_search.text.analyzer.options_of`), or None for any
    other analyzer."""
    options = options_of(analyzer)
    return _word_ids(options) if options is not None else None


def text_field_word_ids() -> WordIds:
    """This process's :class:`WordIds` for the title and body fields' analysis."""
    return _word_ids(TEXT_FIELD_OPTIONS)


def forget_word_ids() -> None:
    """Drop this process's :class:`WordIds` (a process done indexing needs the
    memory more); one already handed out stays as it is."""
    _word_ids.cache_clear()


def stem_counts(text: str) -> Counter:
    """How often each light stem occurs in text, stopwords left out, read with
    the body field's analysis (for features such as topics).

    >>> dict(stem_counts("المخيمات في المخيم"))
    {'مخيم': 2}
    """
    word_ids = text_field_word_ids()
    return word_ids.stem_counts(word_ids.ids(text))


def term_positions_function(analyzer):
    """For one of our analyzers, a function ``text → (terms, length)``
    giving each term's positions and the number of tokens, as indexing the
    text through the analyzer chain would, without Whoosh's token objects
    (several times faster); None for any other analyzer.

    >>> from archive_search.text.analyzer import ArabicAnalyzer
    >>> positions = term_positions_function(ArabicAnalyzer())
    >>> positions("المخيمات في المخيم")
    ({'مخيم': [0, 2], '=المخيمات': [0], '=المخيم': [2]}, 4)
    """
    word_ids = word_ids_for(analyzer)
    return word_ids.term_positions if word_ids is not None else None
