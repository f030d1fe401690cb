"""Snippets: the passages of an article around the words a query matched.

Offsets come from the analyzer's tokenizer, which works on the original text,
so a highlight covers the whole surface word as written (والمرتزقة, a
vocalized word with its harakat) even though it matched on a stem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from archive_search.text.analyzer import ArabicAnalyzer
from archive_search.text.cache import cached_normalize
from archive_search.text.terms import is_exact, written_form
from archive_search.text.words import WORD_PATTERN, without_underscores

FRAGMENT_CHARS = 220
MAX_FRAGMENTS = 3
# A body is read word by word for highlights up to this many characters (a
# long news article has 10,000). Further on, the matched words are looked
# for by a plain string search and read word by word only around where they
# stand, so that a huge article costs a search little more than a normal one.
SCAN_CHARS = 50_000
AROUND = 1_000

_ANALYZER = ArabicAnalyzer()


@dataclass
class Fragment:
    """A piece of text and the (start, end) spans in it to highlight."""

    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    leading: bool = False  # text was cut before the fragment
    trailing: bool = False  # text was cut after the fragment

    def plain(self) -> str:
        return ("… " if self.leading else "") + self.text + (" …" if self.trailing else "")


def match_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Character spans of the words in ``text`` whose stem or exact term is in
    ``terms`` (past :data:`SCAN_CHARS`, only where a plain search for them
    finds them first)."""
    if len(text) <= SCAN_CHARS:
        return _spans(text, terms)
    head = _cut_start(text, SCAN_CHARS)
    spans = _spans(text[:head], terms)
    if len(spans) >= MAX_FRAGMENTS:
        return spans
    for start in _found_after(text, terms, head):
        window_start, window_end = _cut_start(text, start - AROUND), _cut_end(text, start + AROUND)
        spans.extend((a + window_start, b + window_start) for a, b in _spans(text[window_start:window_end], terms))
    return sorted(set(spans))


def _spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """The spans of the words whose terms meet ``terms``: the text split as
    the analyzer's tokenizer splits it, each distinct word judged once
    (the analysis of a word does not depend on where it stands). A word's
    terms are all pieces of its normalized form (the stemmer only cuts), so
    a word that holds no term's letters is passed over unanalysed."""
    needles = sorted({written_form(term) for term in terms}, key=len, reverse=True)
    holds_a_needle = re.compile("|".join(map(re.escape, needles))).search if needles else None
    matches: dict[str, bool] = {}
    spans = []
    for match in WORD_PATTERN.finditer(without_underscores(text)):
        word = match.group()
        matched = matches.get(word)
        if matched is None:
            matched = matches[word] = (holds_a_needle is not None and holds_a_needle(cached_normalize(word))
                                       is not None and not terms.isdisjoint(_word_terms(word)))
        if matched:
            spans.append(match.span())
    return spans


@lru_cache(maxsize=1 << 16)
def _word_terms(word: str) -> frozenset[str]:
    """Every index term the analyzer makes of one word (stopwords included)."""
    return frozenset(token.text for token in _ANALYZER(word, removestops=False))


def _found_after(text: str, terms: set[str], start: int) -> list[int]:
    """Where the terms' letters first stand in ``text`` after ``start``, at most
    :data:`MAX_FRAGMENTS` places (stems are found inside inflected words;
    letters the index folds may hide a word from this search)."""
    needles = {written_form(term) for term in terms if not is_exact(term)} or set(map(written_form, terms))
    found = sorted(at for at in (text.find(needle, start) for needle in needles if len(needle) > 1) if at >= 0)
    return found[:MAX_FRAGMENTS]


def _cut_start(text: str, pos: int) -> int:
    if pos <= 0:
        return 0
    space = text.rfind(" ", 0, pos)
    newline = text.rfind("\n", 0, pos)
    return max(space, newline) + 1


def _cut_end(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    candidates = [i for i in (text.find(" ", pos), text.find("\n", pos)) if i >= 0]
    return min(candidates) if candidates else len(text)


def fragments(text: str, spans: list[tuple[int, int]], limit: int = MAX_FRAGMENTS) -> list[Fragment]:
    """Up to ``limit`` non-overlapping windows of text, richest in matches first,
    returned in text order. Without matches: the opening of the text.
    """
    if not text:
        return []
    if not spans:
        end = _cut_end(text, FRAGMENT_CHARS)
        return [Fragment(_one_line(text[:end]), [], False, end < len(text))]
    windows = []
    for i, (start, _end) in enumerate(spans):
        window_start = _cut_start(text, max(0, start - FRAGMENT_CHARS // 3))
        window_end = _cut_end(text, window_start + FRAGMENT_CHARS)
        inside = [(s, e) for s, e in spans[i:] if s >= window_start and e <= window_end]
        distinct = len({text[s:e] for s, e in inside})
        windows.append((distinct, len(inside), -start, window_start, window_end))
    chosen: list[tuple[int, int]] = []
    for *_score, start, end in sorted(windows, reverse=True):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
        if len(chosen) == limit:
            break
    result = []
    for start, end in sorted(chosen):
        local = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
        result.append(Fragment(_one_line(text[start:end]), local, start > 0, end < len(text)))
    return result


def _one_line(text: str) -> str:
    # Same length, so spans stay valid: newlines become spaces.
    return text.replace("\n", " ")
