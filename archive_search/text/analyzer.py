"""Whoosh analyzers built from the rules of :mod:`archive_search.text`.

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
index, so it must be importable by a stable path (a move is an index format
change, see :data:`archive_search.index.storage.INDEX_FORMAT`).
"""

from __future__ import annotations

from typing import Iterator

from whoosh.analysis import Filter, Token, Tokenizer

from archive_search.text.cache import cached_is_stopword, cached_normalize, cached_proclitic_stem, cached_stem
from archive_search.text.terms import AnalysisOptions, exact_term
from archive_search.text.words import WORD_PATTERN, without_underscores


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
        for pos, match in enumerate(WORD_PATTERN.finditer(without_underscores(value)), start_pos):
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
    """Drop Arabic function words (see :func:`archive_search.text.stopwords.is_stopword`).

    With ``removestops=False`` (as Whoosh's highlighter asks) the token is
    kept and marked ``stopped`` instead. Positions are left as they are, so a
    phrase still knows a word stood there.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            if cached_is_stopword(token.text):
                if token.removestops:
                    continue
                token.stopped = True
            yield token


class ArabicNormalizeFilter(Filter):
    """Replace each token's text by :func:`archive_search.text.normalize.normalize` of it.

    A token made only of marks (a stray tatweel or haraka) normalizes to
    nothing and is dropped.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            text = cached_normalize(token.text)
            if text:
                token.text = text
                yield token


class ArabicStemFilter(Filter):
    """Replace each token's text by its light stem.

    :param keep_exact: also yield the unstemmed form as an exact-form term
        (:func:`archive_search.text.terms.exact_term`), at the same position
        and offsets (like Lucene's KeywordRepeatFilter), so that exact
        matches can outrank stem matches.
    :param proclitics: also yield, at the same position, the stem of the word
        read as preposition + word (لمرتزقة → مرتزق; see
        :func:`archive_search.text.stemmer.proclitic_stem`).
    """

    is_morph = True

    def __init__(self, keep_exact: bool = False, proclitics: bool = False):
        self.keep_exact = keep_exact
        self.proclitics = proclitics

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        keep_exact, proclitics = self.keep_exact, self.proclitics
        for token in tokens:
            exact = token.text
            stemmed = cached_stem(exact)
            token.text = stemmed
            yield token
            if proclitics:
                split = cached_proclitic_stem(exact)
                if split:
                    token.text = split
                    yield token
            if keep_exact and stemmed != exact:
                token.text = exact_term(exact)
                yield token


def ArabicAnalyzer(stemming: bool = True, keep_exact: bool = True, stopwords: bool = True,
                   proclitics: bool = True):
    """The analyzer for Arabic text fields (see :class:`~archive_search.text.terms.AnalysisOptions`).

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


def options_of(analyzer) -> AnalysisOptions | None:
    """The options one of this module's analyzers was made with; None for any other analyzer.

    >>> options_of(ArabicAnalyzer(proclitics=False))
    AnalysisOptions(stopwords=True, stemming=True, keep_exact=True, proclitics=False)
    """
    items = getattr(analyzer, "items", None)
    if not items or type(items[0]) is not ArabicTokenizer:
        return None
    kinds = [type(item) for item in items[1:]]
    stopwords = kinds[:1] == [ArabicStopFilter]
    rest = kinds[1:] if stopwords else kinds
    if rest not in ([ArabicNormalizeFilter], [ArabicNormalizeFilter, ArabicStemFilter]):
        return None
    stemmer = items[-1] if len(rest) == 2 else None
    return AnalysisOptions(stopwords, stemmer is not None, bool(stemmer and stemmer.keep_exact),
                           bool(stemmer and stemmer.proclitics))
