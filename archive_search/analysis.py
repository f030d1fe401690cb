"""Whoosh analyzers built from the rules in :mod:`archive_search.arabic`.

The chain is ``ArabicTokenizer | ArabicStopFilter | ArabicNormalizeFilter |
ArabicStemFilter``, in that order because:

* the tokenizer runs on the original text, so ``startchar``/``endchar`` point
  into what the user sees (highlighting depends on it), and it keeps vocalized
  and tatweel-stretched words whole;
* stopwords are checked before normalization, which folds ى into ي and would
  make the preposition على look like the name علي;
* stemming works on normalized words.

Filters change ``token.text`` (or drop a token), never offsets or positions.
Every class here lives at module level: Whoosh pickles the analyzer into the
index, so it must be importable by a stable path.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from functools import lru_cache
from typing import Iterator, NamedTuple

from whoosh.analysis import Filter, Token, Tokenizer

from archive_search.arabic import is_stopword, normalize, proclitic_stem, stem

# Exact (unstemmed, normalized) forms are indexed beside the stems with this
# mark in front, so that they never collide with a stem that happens to be
# spelled the same (the exact word زار and the stem of وزارة-like words).
EXACT_MARK = "="

# Letters, digits and the marks that may sit inside an Arabic word: harakat,
# superscript alef, Quranic marks and tatweel (which ``\w`` alone misses, so a
# plain ``\w+`` cuts كَتَبَ into pieces), joined by ZWNJ/ZWJ where Persian text uses them.
# Underscores count as word characters in ``\w`` but not here: they are
# replaced by spaces first (see :func:`_without_underscores`), which keeps
# offsets and lets one character class do the work of an alternation.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
WORD_PATTERN = re.compile(f"[\\w{_MARKS}]+(?:[\u200c\u200d][\\w{_MARKS}]+)*")


def _without_underscores(text: str) -> str:
    return text.replace("_", " ") if "_" in text else text


def find_words(text: str) -> list[str]:
    """The words of text, as written."""
    return WORD_PATTERN.findall(_without_underscores(text))


# Bounded caches of the analysis steps, for the analyzer chain and queries.
# Indexing analyses each distinct word once through WordIds instead.
_STEP_CACHE_SIZE = 1 << 15

_normalize = lru_cache(maxsize=_STEP_CACHE_SIZE)(normalize)
_stem = lru_cache(maxsize=_STEP_CACHE_SIZE)(stem)
_proclitic_stem = lru_cache(maxsize=_STEP_CACHE_SIZE)(proclitic_stem)
_is_stopword = lru_cache(maxsize=1 << 14)(is_stopword)


class ArabicTokenizer(Tokenizer):
    """Split text into words, keeping offsets in the original text.

    >>> [(t.text, t.startchar, t.endchar) for t in ArabicTokenizer()("كَتَبَ الوَلَدُ", chars=True)]
    [('كَتَبَ', 0, 6), ('الوَلَدُ', 7, 15)]
    """

    def __eq__(self, other):
        return self.__class__ is other.__class__

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        for pos, match in enumerate(WORD_PATTERN.finditer(_without_underscores(value)), start_pos):
            token.text = match.group()
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = token.text
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


class ArabicStopFilter(Filter):
    """Drop Arabic function words (see :func:`archive_search.arabic.is_stopword`).

    With ``removestops=False`` (as Whoosh's highlighter asks) the token is
    kept and marked ``stopped`` instead. Positions are left as they are, so a
    phrase still knows a word stood there.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            if _is_stopword(token.text):
                if token.removestops:
                    continue
                token.stopped = True
            yield token


class ArabicNormalizeFilter(Filter):
    """Replace each token's text by :func:`archive_search.arabic.normalize` of it.

    A token made only of marks (a stray tatweel or haraka) normalizes to
    nothing and is dropped.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            text = _normalize(token.text)
            if text:
                token.text = text
                yield token


class ArabicStemFilter(Filter):
    """Replace each token's text by its light stem.

    :param keep_exact: also yield the unstemmed form, marked with
        :data:`EXACT_MARK`, at the same position and offsets (like Lucene's
        KeywordRepeatFilter), so that exact matches can outrank stem matches.
    :param proclitics: also yield, at the same position, the stem of the word
        read as preposition + word (لمرتزقة → مرتزق; see
        :func:`archive_search.arabic.proclitic_stem`).
    """

    is_morph = True

    def __init__(self, keep_exact: bool = False, proclitics: bool = False):
        self.keep_exact = keep_exact
        self.proclitics = proclitics

    def __setstate__(self, state):
        # indexes written before the proclitics option unpickle without it
        self.__dict__.update({"proclitics": False, **state})

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        keep_exact, proclitics = self.keep_exact, self.proclitics
        for token in tokens:
            exact = token.text
            stemmed = _stem(exact)
            token.text = stemmed
            yield token
            if proclitics:
                split = _proclitic_stem(exact)
                if split:
                    token.text = split
                    yield token
            if keep_exact and stemmed != exact:
                token.text = EXACT_MARK + exact
                yield token


def ArabicAnalyzer(stemming: bool = True, keep_exact: bool = True, stopwords: bool = True,
                   proclitics: bool = True):
    """The analyzer for Arabic text fields.

    :param stemming: reduce words to light stems.
    :param keep_exact: with stemming, index the exact normalized form too.
    :param stopwords: drop Arabic function words.
    :param proclitics: with stemming, also index the stem of a word read as
        preposition + word (لمرتزقة → مرتزق).

    >>> [t.text for t in ArabicAnalyzer()("وبالمخيمات على الحدود")]
    ['مخيم', '=وبالمخيمات', 'حدود', '=الحدود']
    """
    chain = ArabicTokenizer()
    if stopwords:
        chain = chain | ArabicStopFilter()
    chain = chain | ArabicNormalizeFilter()
    if stemming:
        chain = chain | ArabicStemFilter(keep_exact=keep_exact, proclitics=proclitics)
    return chain


def _word_terms(original: str, stopwords: bool, stemming: bool, keep_exact: bool,
                proclitics: bool) -> tuple[str, ...]:
    """The terms one word as written yields at its position, in the order the
    filter chain yields them (empty for a stopword). Its callers see each
    word once, so the steps are called without their caches."""
    if stopwords and is_stopword(original):
        return ()
    exact = normalize(original)
    if not exact:
        return ()
    if not stemming:
        return (exact,)
    stemmed = stem(exact)
    terms = [stemmed]
    if proclitics:
        split = proclitic_stem(exact, stemmed)
        if split:
            terms.append(split)
    if keep_exact and stemmed != exact:
        terms.append(EXACT_MARK + exact)
    return tuple(terms)


def term_positions_function(analyzer):
    """For one of this module's analyzers, a function ``text → (terms, length)``
    giving each term's positions and the number of tokens, as indexing the
    text through the analyzer chain would, without Whoosh's token objects
    (several times faster); None for any other analyzer.

    >>> positions = term_positions_function(ArabicAnalyzer())
    >>> positions("المخيمات في المخيم")
    ({'مخيم': [0, 2], '=المخيمات': [0], '=المخيم': [2]}, 4)
    """
    vocabulary = word_ids_for(analyzer)
    return vocabulary.term_positions if vocabulary is not None else None


def _options_of(analyzer) -> tuple[bool, bool, bool, bool] | None:
    """(stopwords, stemming, exact forms, proclitics) of one of this module's
    analyzers; None for any other analyzer."""
    items = getattr(analyzer, "items", None)
    if not items or type(items[0]) is not ArabicTokenizer:
        return None
    kinds = [type(item) for item in items[1:]]
    stopwords = kinds[:1] == [ArabicStopFilter]
    rest = kinds[1:] if stopwords else kinds
    if rest not in ([ArabicNormalizeFilter], [ArabicNormalizeFilter, ArabicStemFilter]):
        return None
    stemmer = items[-1] if len(rest) == 2 else None
    return (stopwords, stemmer is not None, bool(stemmer and stemmer.keep_exact),
            bool(stemmer and stemmer.proclitics))


# The options of ArabicAnalyzer() (stopwords, stemming, exact forms, proclitics): the body field's.
_INDEX_OPTIONS = (True, True, True, True)


# More than a batch of articles (see archive_search.parallel.BATCH_SIZE),
# title and body each.
_RECENT_TEXTS = 256


class WordIds:
    """Texts as lists of word ids, and the terms of each word, for one set of
    analyzer options: the form in which a rebuild indexes the Arabic text
    fields (see :mod:`archive_search.word_postings`).

    Each distinct word is analysed once (:func:`_word_terms`); a text then
    costs a regular expression and a dictionary lookup per word, both in C.
    Term ids number the distinct terms in the order first seen.

    >>> vocabulary = WordIds((True, True, True, True))
    >>> ids = vocabulary.ids("المخيمات في المخيم")
    >>> [vocabulary.terms_of(i) for i in ids]
    [('مخيم', '=المخيمات'), (), ('مخيم', '=المخيم')]
    >>> vocabulary.length(ids), dict(vocabulary.stem_counts(ids))
    (4, {'مخيم': 2})
    """

    def __init__(self, options: tuple[bool, bool, bool, bool]):
        self._options = options
        self._id_of: dict[str, int] = {}
        self._recent: dict[str, list[int]] = {}
        self.terms: list[str] = []  # term id → term
        self._term_id_of: dict[str, int] = {}
        # word id → where its term ids start in word_term_ids, and how many
        self.first_term = array("I")
        self.term_count = array("I")
        self.word_term_ids = array("I")
        self._stem_of: list[str | None] = []  # word id → stem (None for a stopword)

    def ids(self, text: str) -> list[int]:
        """The word ids of text, a position each (stopwords too, without terms).

        The last :data:`_RECENT_TEXTS` results are kept: a batch of articles
        has its stems counted for the topic model before it is indexed.
        """
        found = self._recent.get(text)
        if found is not None:
            return found
        words = find_words(text)
        id_of = self._id_of
        for word in set(words).difference(id_of):
            self._add(word)
        ids = list(map(id_of.__getitem__, words))
        if len(self._recent) >= _RECENT_TEXTS:
            del self._recent[next(iter(self._recent))]
        self._recent[text] = ids
        return ids

    def _add(self, word: str) -> None:
        terms = _word_terms(word, *self._options)
        self._id_of[word] = len(self.term_count)
        self.first_term.append(len(self.word_term_ids))
        self.term_count.append(len(terms))
        for term in terms:
            term_id = self._term_id_of.get(term)
            if term_id is None:
                term_id = self._term_id_of[term] = len(self.terms)
                self.terms.append(term)
            self.word_term_ids.append(term_id)
        self._stem_of.append(terms[0] if terms and self._options[1] else None)

    def terms_of(self, word_id: int) -> tuple[str, ...]:
        first = self.first_term[word_id]
        return tuple(self.terms[t] for t in self.word_term_ids[first:first + self.term_count[word_id]])

    def term_positions(self, text: str) -> tuple[dict[str, list[int]], int]:
        """Each term of text with its positions, and the field length: what
        indexing the text through the analyzer chain gives (see
        :func:`term_positions_function`)."""
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

    def forget_texts(self) -> None:
        self._recent.clear()

    def stem_ids(self):
        """A numpy array: the term id of each word id's stem, -1 for a word
        without one (a stopword, or analysis without stemming)."""
        import numpy as np

        first = np.frombuffer(self.first_term, dtype=np.uint32)
        has = np.frombuffer(self.term_count, dtype=np.uint32) > 0
        terms = np.frombuffer(self.word_term_ids, dtype=np.uint32)
        stems = np.full(len(first), -1, dtype=np.int64)
        if self._options[1]:
            stems[has] = terms[first[has]]
        return stems


@lru_cache(maxsize=None)
def _word_ids_for(options: tuple[bool, bool, bool, bool]) -> WordIds:
    return WordIds(options)


def word_ids_for(analyzer) -> WordIds | None:
    """The :class:`WordIds` of one of this module's analyzers (one a process
    for the same options), or None for any other analyzer."""
    options = _options_of(analyzer)
    return _word_ids_for(options) if options is not None else None


def clear_caches() -> None:
    """Forget the word caches (a process done analysing needs the memory more:
    they hold a few hundred thousand words each on a news archive). A
    :class:`WordIds` already handed out stays as it is."""
    for cached in (_normalize, _stem, _proclitic_stem, _word_ids_for):
        cached.cache_clear()


def body_word_ids() -> WordIds:
    """The :class:`WordIds` of the body field's analysis (this process's)."""
    return _word_ids_for(_INDEX_OPTIONS)


def stem_counts(text: str) -> Counter:
    """How often each light stem occurs in text, stopwords left out, for
    features such as topics (read with the body field's analysis)."""
    vocabulary = body_word_ids()
    return vocabulary.stem_counts(vocabulary.ids(text))


def _normalized_words(text: str, stopwords: bool = True) -> Iterator[tuple[str, str]]:
    """(word as written, normalized word) for the words the index keeps:
    the analyzer chain without Whoosh's token objects."""
    for match in WORD_PATTERN.finditer(_without_underscores(text)):
        original = match.group()
        if stopwords and _is_stopword(original):
            continue
        normalized = _normalize(original)
        if normalized:
            yield original, normalized


class QueryWord(NamedTuple):
    """One analysed query word: what the user typed, its stem and exact term,
    the stem of the word read as preposition + word (None if none), and the
    index terms also searched for it when the index does not know it, or
    barely knows it (see :mod:`archive_search.spelling`)."""

    original: str
    stem: str
    exact: str
    split: str | None = None
    substitutes: tuple[str, ...] = ()


def analyze_query(text: str, stopwords: bool = True, stemming: bool = True) -> list[QueryWord]:
    """Analyse query text exactly as the index analyses documents.

    Returns one :class:`QueryWord` per kept word, in order. The ``exact`` term
    carries :data:`EXACT_MARK` unless it equals the stem.

    >>> analyze_query("مُخَيَّم في الحسكة")
    [QueryWord(original='مُخَيَّم', stem='مخيم', exact='مخيم', split=None, substitutes=()), QueryWord(original='الحسكة', stem='حسك', exact='=الحسكه', split=None, substitutes=())]
    >>> analyze_query("لمرتزقة")[0].split
    'مرتزق'
    """
    words = []
    for original, normalized in _normalized_words(text, stopwords):
        stemmed = _stem(normalized) if stemming else normalized
        exact = normalized if normalized == stemmed else EXACT_MARK + normalized
        split = _proclitic_stem(normalized) if stemming else None
        words.append(QueryWord(original, stemmed, exact, split))
    return words
