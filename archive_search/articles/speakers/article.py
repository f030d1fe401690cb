"""An article seen by the speaker finder: where a name or a title stands.

:class:`Article` finds every place where a word (in any of its spellings:
alef forms, hamza seats, ى for ي, ة for ه) stands in the text, by a plain
search of the text with those letters folded one for one (so that its
offsets are the text's), and reads only
the few words around each place as a :class:`~archive_search.articles.speakers.tokens.Line`,
so that a name is completed or a title followed without reading the whole
article token by token.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from archive_search.articles.speakers.lexicons import (
    W_FUNC, W_LINK, W_MEDIA, W_NOUN, W_ORG, W_PLACE, W_PREP, W_PUNCT, W_VERB,
)
from archive_search.articles.speakers.tokens import TOKEN, WORD_SPANS, Line, token_info
from archive_search.text.normalize import LETTER_FOLDS

if TYPE_CHECKING:
    from archive_search.articles.speakers.attribution import Candidate

class Article:
    """The article's lines (marks stripped) and the windows read in them."""

    __slots__ = ("lines", "text", "folded", "_windows", "_found", "_word_starts")

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.text = "\n".join(lines)
        self.folded = _fold_one_for_one(self.text)
        self._windows: dict[tuple[int, int], Line] = {}
        self._found: dict[tuple[str, int], list[tuple[int, Line]]] = {}
        self._word_starts: dict[int, list[int]] = {}

    def windows_with(self, key: str, before: int = 50, after: int = 30) -> list[tuple[int, Line]]:
        """The words around each place where the folded word ``key`` may stand
        (``before`` and ``after`` characters of them), read token by token,
        each with the place's character offset in the text; a place whose
        neighbours can be no part of a name (``before`` < 50: every place) is
        left out when the window is for a name."""
        found = self._found.get((key, before))
        if found is not None:
            return found
        text = self.text
        found = self._found[key, before] = []
        matches = self._places(key)
        if before >= 50 and len(matches) < 2:
            return found  # a name that stands once: the candidate's own words hold it all
        for start in matches:
            if len(found) >= _MAX_PLACES:
                break
            end = start + len(key)
            if before >= 50 and not self._may_extend(start, end):
                continue
            lo = max(text.rfind("\n", 0, start) + 1, start - before)
            window = self._windows.get((lo, after))
            if window is None:
                hi = text.find("\n", end)
                hi = min(end + after, len(text) if hi < 0 else hi)
                tokens = TOKEN.findall(text[lo:hi])
                if tokens and lo > 0 and text[lo - 1] != "\n":
                    tokens = tokens[1:]  # the first word may be cut
                if tokens and hi < len(text) and text[hi] != "\n":
                    tokens = tokens[:-1]
                window = self._windows[lo, after] = Line.of(tokens)
            found.append((start, window))
        return found

    def _may_extend(self, start: int, end: int) -> bool:
        """Whether the words next to a place (the word before it, the word
        after it) may add to a name there or show a title before it."""
        text = self.text
        word_start = start
        while word_start > 0 and text[word_start - 1] not in " \n":
            word_start -= 1
        before = text[max(0, word_start - _WORD_BEFORE):word_start].rstrip(" ")  # (not the whole text before)
        if before and not before.endswith("\n"):
            previous = before[before.rfind(" ") + 1:].rsplit("\n", 1)[-1]
            if peek(previous) not in _NO_EXTEND:
                return True
        following = text[end:end + 40].split(maxsplit=2)
        return len(following) > 1 and peek(following[1]) == W_LINK

    def _places(self, key: str) -> list[int]:
        """Where the folded word ``key`` stands in the text (also inside a longer word)."""
        folded, places = self.folded, []
        at = folded.find(key)
        while at >= 0:
            places.append(at)
            at = folded.find(key, at + 1)
        return places

    def has_word(self, key: str) -> bool:
        """Whether a word that folds to ``key`` stands alone somewhere in the text."""
        return self.mentions(key, 1) > 0

    def mentions(self, key: str, enough: int = 2) -> int:
        """How many times a word that folds to ``key`` stands alone in the text
        (counted up to ``enough``)."""
        text, count = self.text, 0
        for start in self._places(key):
            end = start + len(key)
            if (start == 0 or not text[start - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
                count += 1
                if count >= enough:
                    break
        return count

    def position(self, candidate: Candidate) -> int:
        """About where the candidate's words (titles included) start in the
        text, as a character offset."""
        line_no = candidate.line_no
        starts = self._word_starts.get(line_no)
        if starts is None:  # where each word of the line starts, counted from the text's start
            start = sum(len(line) + 1 for line in self.lines[:line_no])
            starts = self._word_starts[line_no] = [start + m.start() for m in WORD_SPANS.finditer(self.lines[line_no])]
            starts.append(start + len(self.lines[line_no]))
        tokens_before = candidate.line.toks[:max(candidate.subject.begin, 0)]
        return starts[min(candidate.words_before, len(starts) - 1)] + sum(len(t) + 1 for t in tokens_before)


def peek(word: str) -> int:
    """The class of a word (W_PUNCT for one that holds more than letters)."""
    return token_info(word)[0] if word and word.isalpha() else W_PUNCT


# The letters a name's spellings differ by, folded one for one as the
# lexicons fold them (archive_search.text.normalize): alef forms, hamza
# seats, ى, ة and the Persian letters. Marks are already stripped.
_ONE_FOR_ONE = tuple((letter, folded) for letter, folded in LETTER_FOLDS.items() if len(folded) == 1)


def _fold_one_for_one(text: str) -> str:
    """The text with :data:`_ONE_FOR_ONE` applied (a replace a letter: a scan
    in C each, faster than ``str.translate``'s lookup a character)."""
    for letter, folded in _ONE_FOR_ONE:
        if letter in text:
            text = text.replace(letter, folded)
    return text


# Classes of a neighbouring word that can add nothing to a name.
_NO_EXTEND = frozenset((W_FUNC, W_PUNCT, W_VERB, W_ORG, W_PLACE, W_MEDIA, W_NOUN, W_PREP))
_MAX_PLACES = 8  # places where one name is read (the fullest form is among the first)
_WORD_BEFORE = 80  # characters read back for the word before a place
