"""Tokens of a line of news text, and the spans the speaker finder reads.

A :class:`Line` holds a run of tokens with, for each, its class
(:func:`archive_search.articles.speakers.lexicons.classify`), whether a conjunction و/ف
is glued in front of it, its folded form and its bare form (no glued و, no
ال: الصمودي and صمودي meet). Tokens and whole words are classified once and
cached. A :class:`Subject` is a span of a line that stands as the subject of
a verb of saying.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from archive_search.articles.speakers.lexicons import W_FUNC, W_PUNCT, W_TITLE, classify, fold

_LETTERS = "\u0621-\u063a\u0641-\u065f\u0670-\u06d3\u0640"
# (د. and م. are the doctor's and the engineer's abbreviations; م after a year, 2016م., is no engineer)
TOKEN = re.compile(rf"(?<![{_LETTERS}])د\.|(?<![{_LETTERS}\d])م\.|[{_LETTERS}]+(?:-[{_LETTERS}]+)*|[A-Za-z]+|\d+"
                   rf"|[^\s\w]")

# Marks read as words of their own when a line is split into words, though
# written glued to a word ("أعلن،", "قال:"), so that the word is seen.
SEPARATED = '،,:؛«»"'
# The words of a line as :func:`split_words` gives them, with their places.
WORD_SPANS = re.compile(f"[{SEPARATED}]|[^\\s{SEPARATED}]+")


# A period glued to the next sentence's first word ("وغيرهم.وعبر"), after a
# word of two letters or more (د.أسامة and أ.د are abbreviations).
_GLUED_PERIOD = re.compile("\\.(?=[\u0621-\u064a])")
_GLUED_SENTENCE = re.compile("(?<=[\u0621-\u064a]{2})\\.(?=[\u0621-\u064a])")


def unglue_sentences(text: str) -> str:
    """The text with a space after each period glued to the next sentence, so
    that the sentence's first word (a verb of saying) is seen; the search
    first, as few articles need the (slower) replacement."""
    if _GLUED_PERIOD.search(text) is None:
        return text
    return _GLUED_SENTENCE.sub(". ", text)


def split_words(line: str) -> list[str]:
    """The line's words, the marks of :data:`SEPARATED` apart (one ``replace``
    a mark that the line holds: a scan in C each)."""
    for mark in SEPARATED:
        if mark in line:
            line = line.replace(mark, f" {mark} ")
    return line.split()


_CACHE: dict[str, tuple[int, bool, str, str]] = {}
_CACHE_LIMIT = 1 << 18


def token_info(token: str) -> tuple[int, bool, str, str]:
    """(class, conjunction glued in front, folded form, bare form) of one
    token, cached; the bare form has no glued و and no ال (الصمودي = صمودي)."""
    info = _CACHE.get(token)
    if info is None:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        cls, conj = classify(token)
        key = fold(token)
        if token in ("د", "د.", "م."):
            cls = W_TITLE  # "د. لطيفة البقمي", "م. عادل الملحم": the doctor's, the engineer's abbreviation
        elif len(key) == 1 and cls != W_PUNCT:
            cls = W_FUNC
        bare = key[1:] if conj else key
        if bare.startswith("ال") and len(bare) > 4:
            bare = bare[2:]
        elif bare == "ابن":
            bare = "بن"  # عبدالله بن العباس = ابن العباس
        info = _CACHE[token] = (cls, conj, key, bare)
    return info


_WORD_CACHE: dict[str, tuple[tuple[str, int, bool, str, str], ...]] = {}


def _word_tokens(word: str) -> tuple[tuple[str, int, bool, str, str], ...]:
    """(token, class, conjunction, folded, bare) of each token of one word, cached."""
    if len(_WORD_CACHE) >= _CACHE_LIMIT:
        _WORD_CACHE.clear()
    tokens = (word,) if word.isalpha() else TOKEN.findall(word)
    parts = _WORD_CACHE[word] = tuple((t, *(_CACHE.get(t) or token_info(t))) for t in tokens)
    return parts


def clear_caches() -> None:
    """Forget the classes of the tokens and words seen so far."""
    _CACHE.clear()
    _WORD_CACHE.clear()


@dataclass(slots=True)
class Line:
    """A line's tokens, their classes, conjunction flags, folded and bare forms."""

    toks: list[str]
    cls: tuple[int, ...]
    conj: tuple[bool, ...]
    keys: tuple[str, ...]
    bare: tuple[str, ...]

    @classmethod
    def of(cls, tokens: list[str]) -> "Line":
        if not tokens:
            return cls(tokens, (), (), (), ())
        infos = list(map(_CACHE.get, tokens))
        if None in infos:
            infos = [info or token_info(t) for info, t in zip(infos, tokens)]
        classes, conj, keys, bare = zip(*infos)
        return cls(tokens, classes, conj, keys, bare)

    @classmethod
    def of_words(cls, words: list[str]) -> "Line":
        """The line of a run of whitespace-separated words (each word's tokens
        and their classes are cached together)."""
        return cls.with_starts(words)[0]

    @classmethod
    def with_starts(cls, words: list[str]) -> tuple["Line", "list[int] | range"]:
        """The line of a run of words, and the index of each word's first token."""
        get = _WORD_CACHE.get
        parts = [get(w) or _word_tokens(w) for w in words]
        infos = [info for part in parts for info in part]
        if len(infos) == len(parts):
            starts = range(len(parts) + 1)  # one token a word, as most words are
        else:
            starts = list(accumulate(map(len, parts), initial=0))
        if not infos:
            return cls([], (), (), (), ()), starts
        toks, classes, conj, keys, bare = zip(*infos)
        return cls(list(toks), classes, conj, keys, bare), starts

    def without_prefix(self, k: int, letters: int) -> "Line":
        """The line with ``letters`` letters taken off token k (و، ل، لـ in front)."""
        token = self.toks[k][letters:].lstrip("ـ")
        if not token:
            return self
        if fold(token).startswith("ل") and self.keys[k].startswith("لل"):
            token = "ا" + token  # للرئيس → الرئيس
        toks = list(self.toks)
        toks[k] = token
        return Line.of(toks)


@dataclass(slots=True)
class Subject:
    """A verb's subject: a name (start, end), a title alone, or a family name alone.

    ``titled`` says a person's title stood before it; ``title`` is that
    title's folded form (وزير for "وزير الخارجية"), used to find who a title
    alone refers to.
    """

    start: int
    end: int
    titled: bool = False
    title: str | None = None
    kind: str = "name"  # "name", "title" (a title alone) or "family" (one ال-word)
    begin: int = -1  # where the subject's words (titles included) start


def words(line: Line, subject: Subject) -> list[str]:
    """The name's words as written, a glued و/ف taken off the first."""
    toks = line.toks[subject.start:subject.end]
    if toks and line.conj[subject.start]:
        toks[0] = toks[0][1:]
    return toks
