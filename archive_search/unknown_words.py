"""Query words the index has never seen, searched by the words it has.

A query word that no article contains adds nothing to a search: typed in an
AND query it even leaves no hits. In questions pasted from elsewhere such
words are mostly typos (الابوم for الالبوم, اسنخدم for استخدم), two words run
together (ماالاسم, تشتهرالبلد) or a foreign name spelled another way (روتشليد
for روتشلد). Such a word is searched instead by

- the two words it splits into, when the index has both (or one is a
  stopword): ماالاسم → ما + الاسم; else
- every index term one edit away from its stem or its exact form (as
  ``word~`` finds them; the first letter is rarely the typo and is kept).

These substitutes weigh less than a word the index has (see
:class:`archive_search.ranking.Ranking`). Words the index has, even once, are
left alone: a rare word may be exactly what the user is after ("did you mean"
suggests a correction for those instead).
"""

from __future__ import annotations

from archive_search.analysis import EXACT_MARK, QueryWord, analyze_query
from archive_search.arabic import normalize

# The shortest word worth splitting in two (each part at least two letters).
SHORTEST_SPLIT = 4
# How many substitute terms a message names for one word.
SHOWN = 3


class Vocabulary:
    """The terms of an index's text, as query words see them.

    After :meth:`with_substitutes`, :attr:`replaced` maps each word typed that
    the index has never seen to what was searched in its place, as a person
    would read it ("ما الاسم", "المخيمات, مخيم").
    """

    def __init__(self, reader):
        self._reader = reader
        self.replaced: dict[str, str] = {}

    def frequency(self, term: str) -> int:
        """In how many articles the term occurs (the body field holds the
        title too, so its terms are all the terms there are)."""
        return self._reader.doc_frequency("body", term)

    def knows(self, word: QueryWord) -> bool:
        return any(self.frequency(term) for term in (word.stem, word.exact, word.split) if term)

    def with_substitutes(self, words: list[QueryWord]) -> list[QueryWord]:
        """The words, each one the index has never seen given its substitutes."""
        out = []
        for word in words:
            if self.knows(word):
                out.append(word)
                continue
            split = self._split(word)
            if split:
                substitutes, self.replaced[word.original] = split
            else:
                substitutes = self._near(word)
                if substitutes:
                    self.replaced[word.original] = _shown(substitutes)
            out.append(word._replace(substitutes=substitutes))
        return out

    def _split(self, word: QueryWord) -> tuple[tuple[str, ...], str] | None:
        """The stems of the two words this one splits into (leaving out a
        stopword part) and the two words, choosing the split whose rarer part
        is most common; None if no split has both parts in the index."""
        written = _without_mark(word.exact)
        if len(written) < SHORTEST_SPLIT:
            return None
        best, best_frequency = None, 0
        for i in range(2, len(written) - 1):
            stems = []
            for part in (written[:i], written[i:]):
                analysed = analyze_query(part)
                if len(analysed) > 1:
                    break
                stems.extend(w.stem for w in analysed)  # nothing for a stopword
            else:
                frequency = min((self.frequency(s) for s in stems), default=0)
                if frequency > best_frequency:
                    best, best_frequency = (tuple(stems), _cut(word.original, written, i)), frequency
        return best

    def _near(self, word: QueryWord) -> tuple[str, ...]:
        """The body terms one edit away from the word's stem or exact form,
        most frequent first."""
        found = {}
        for term in dict.fromkeys((word.stem, word.exact)):
            prefix = len(EXACT_MARK) + 1 if term.startswith(EXACT_MARK) else 1
            for candidate in self._reader.terms_within("body", term, 1, prefix=prefix):
                found[candidate] = self.frequency(candidate)
        return tuple(sorted(found, key=lambda t: (-found[t], t)))


def _cut(original: str, written: str, i: int) -> str:
    """The word as typed, cut in two where its normalized form is cut at i
    (مرتزقةداعش → مرتزقة داعش); the normalized parts if no cut matches."""
    left, right = written[:i], written[i:]
    for j in range(len(original) - 1, 0, -1):  # the last: marks stay on the left
        if normalize(original[:j]) == left and normalize(original[j:]) == right:
            return f"{original[:j]} {original[j:]}"
    return f"{left} {right}"


def _without_mark(term: str) -> str:
    return term[len(EXACT_MARK):] if term.startswith(EXACT_MARK) else term


def _shown(terms: tuple[str, ...]) -> str:
    """Substitute terms as a message names them: the words as written (the
    exact forms) before the stems, the most frequent few."""
    written = [t for t in terms if t.startswith(EXACT_MARK)] + [t for t in terms if not t.startswith(EXACT_MARK)]
    names = list(dict.fromkeys(_without_mark(t) for t in written))
    more = ", …" if len(names) > SHOWN else ""
    return ", ".join(names[:SHOWN]) + more
