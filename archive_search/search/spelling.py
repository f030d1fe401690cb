"""Query words spelled in a way the index does not know, or barely knows.

People type words the way they remember them, and questions pasted from
elsewhere carry typos (الابوم for الالبوم, اسنخدم for استخدم), words run
together (ماالاسم, تشتهرالبلد) and names spelled another way (روتشليد for
روتشلد). Two things follow from the index's vocabulary:

- **Substitutes.** A word no article contains would add nothing to a search
  (in an AND query it leaves no hits). It is searched instead by the two
  words it splits into (one may be a stopword), when the rarer of them is as
  common as the commonest term one edit away, or else by every index term
  one edit away from its stem or exact form (a letter deleted, added or
  changed, or two neighbours swapped; the first letter is rarely the typo
  and is kept).
  A *rare* word (in fewer than :data:`RARE` articles) is searched as typed
  and also by the terms one edit away that are at least :data:`MORE_COMMON`
  times as common: in a large archive a typo is seldom in no article at all.
  Substitutes weigh less than the words typed
  (:attr:`archive_search.search.weighting.Ranking.substitute_weight`).
- **"Did you mean".** With few hits, the query with its rare words replaced
  by the most common word one edit away.

The words one edit away are found by spelling out every such string and
looking each up in the term table (about 300 lookups, 3 ms for a six-letter
word). Whoosh's ``terms_within`` walks the sorted term table with a
Levenshtein automaton instead, one binary search of the table for each step:
20–35 ms a word at one edit on a 48,000-article index, and up to 0.8 s at two.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from archive_search.text.normalize import normalize
from archive_search.text.query_words import QueryWord, analyze_query
from archive_search.text.terms import EXACT_MARK, is_exact, written_form

# A word in fewer articles than this is rare; a correction is at least
# MORE_COMMON times as common as the word typed (and in two articles or more).
RARE = 3
MORE_COMMON = 3
# The shortest word worth splitting in two (each part at least two letters),
# and the longest worth correcting: two long words run together are under 30
# letters, and the edits of a word grow with its length (60 lookups a letter).
SHORTEST_SPLIT = 4
LONGEST = 30
# How many substitutes a message names for one word.
SHOWN = 3
# The letters an edit may put in: Arabic letters as normalized (أ, ة, ى … are
# folded away), or Latin letters and digits in a word with no Arabic letter.
ARABIC_LETTERS = "".join(
    sorted({normalize(chr(c)) for c in [*range(0x0621, 0x063B), *range(0x0641, 0x064B)]} - {""})
)
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"


class Substitution(NamedTuple):
    """What was searched for a word typed: ``articles`` is how many articles
    have the word itself (0: it was searched only by its substitutes), and
    ``searched`` the substitutes as a person reads them ("ما الاسم",
    "المخيمات, مخيم")."""

    word: str
    articles: int
    searched: str


class QuerySpelling:
    """Query words against the terms of one index's text: how common they are,
    their substitutes and corrections.

    After :meth:`with_substitutes`, :attr:`substitutions` lists the words
    given substitutes.
    """

    def __init__(self, frequencies: Callable[[list[str]], list[int]]):
        """``frequencies`` gives the number of articles of each of a list of
        body terms (see :meth:`of_reader`, and the columns' version in
        :func:`archive_search.search.column_terms.doc_frequencies`): the
        candidates one edit away are asked for together."""
        self._frequencies = frequencies
        self.substitutions: list[Substitution] = []
        # a plain query with few hits asks for the same words' neighbours
        # again, for "did you mean"
        self._near_terms: dict[str, dict[str, int]] = {}

    @classmethod
    def of_reader(cls, reader) -> QuerySpelling:
        """Frequencies from a Whoosh reader, a term at a time."""
        return cls(lambda terms: [reader.doc_frequency("body", term) for term in terms])

    def frequency(self, term: str) -> int:
        """In how many articles the term occurs (the body field holds the
        title too, so its terms are all the terms there are)."""
        (found,) = self._frequencies([term])
        return found

    def articles(self, word: QueryWord) -> int:
        """In how many articles the word occurs: under its stem, or its stem
        after a preposition (an exact form is never commoner than its stem)."""
        return max(self.frequency(term) for term in (word.stem, word.split) if term)

    def with_substitutes(self, words: list[QueryWord]) -> list[QueryWord]:
        """The words, the unknown and rare ones given their substitutes."""
        return [self._substituted(word) for word in words]

    def _correctable(self, word: QueryWord) -> int | None:
        """How many articles have the word, if it is rare enough and short
        enough to look for other spellings of it; else None."""
        articles = self.articles(word)
        return articles if articles < RARE and len(written_form(word.exact)) <= LONGEST else None

    def _substituted(self, word: QueryWord) -> QueryWord:
        articles = self._correctable(word)
        if articles is None:
            return word
        searched = None
        if articles == 0:
            substitutes, searched = self._split_or_near(word)
        else:
            common = max(2, MORE_COMMON * articles)
            substitutes = tuple(t for t, f in self._near(word).items() if f >= common)
        if not substitutes:
            return word
        self.substitutions.append(Substitution(word.original, articles, searched or _shown(substitutes)))
        return word._replace(substitutes=substitutes)

    def _split_or_near(self, word: QueryWord) -> tuple[tuple[str, ...], str | None]:
        """An unknown word's substitutes (and how to name them, if not as
        terms): the two words it splits into if its rarer part is at least as
        common as the commonest term one edit away (ماالاسم is ما الاسم, but
        روتشليد is روتشلد, not روتش ليد), else the terms one edit away."""
        near = self._near(word)
        split = self._split(word)
        if split and split[2] >= max(near.values(), default=0):
            return split[0], split[1]
        return tuple(near), None

    def _split(self, word: QueryWord) -> tuple[tuple[str, ...], str, int] | None:
        """The stems of the two words this one splits into (leaving out a
        stopword part), the two words, and the frequency of the rarer part,
        choosing the split whose rarer part is most common; None if no split
        has both parts in the index."""
        written = written_form(word.exact)
        if len(written) < SHORTEST_SPLIT:
            return None
        best = None
        for i in range(2, len(written) - 1):
            stems = []
            for part in (written[:i], written[i:]):
                analysed = analyze_query(part)
                if len(analysed) > 1:
                    break
                stems.extend(w.stem for w in analysed)  # nothing for a stopword
            else:
                frequency = min((self.frequency(s) for s in stems), default=0)
                if frequency and (best is None or frequency > best[2]):
                    best = (tuple(stems), _cut(word.original, written, i), frequency)
        return best

    def _near(self, word: QueryWord) -> dict[str, int]:
        """The terms one edit away from the word's exact form or stem, with
        their frequencies, most common first."""
        found = {}
        for term in dict.fromkeys((word.exact, word.stem)):
            found.update(self._near_term(term))
        return {t: found[t] for t in sorted(found, key=lambda t: (-found[t], t))}

    def _near_term(self, term: str) -> dict[str, int]:
        """The terms one edit away from one term, with their frequencies."""
        if term not in self._near_terms:
            keep = len(EXACT_MARK) + 1 if is_exact(term) else 1
            candidates = list(one_edit(term, keep))
            self._near_terms[term] = {candidate: frequency for candidate, frequency
                                      in zip(candidates, self._frequencies(candidates)) if frequency}
        return self._near_terms[term]

    def did_you_mean(self, text: str) -> str | None:
        """The query with each rare or unknown word replaced by the most
        common word of the index one edit away, at least :data:`MORE_COMMON`
        times as common (the word as written, its exact form, before its
        stem); None if no word changes."""
        corrected, changed = text, False
        for word in analyze_query(text):
            articles = self._correctable(word)
            if articles is None:
                continue
            best = self._correction(word, max(2, MORE_COMMON * articles))
            if best:
                corrected = corrected.replace(word.original, written_form(best), 1)
                changed = True
        return corrected if changed else None

    def _correction(self, word: QueryWord, common: int) -> str | None:
        for term in dict.fromkeys((word.exact, word.stem)):
            found = {t: f for t, f in self._near_term(term).items() if f >= common}
            if found:
                return min(found, key=lambda t: (-found[t], t))
        return None


def one_edit(term: str, keep: int = 1) -> set[str]:
    """Every string one edit from term: a letter deleted, added or changed,
    or two neighbouring letters swapped, the first ``keep`` left as they are."""
    letters = ARABIC_LETTERS if any(c in ARABIC_LETTERS for c in term) else LATIN_LETTERS
    head, tail = term[:keep], term[keep:]
    edited = set()
    for i in range(len(tail) + 1):
        before, after = tail[:i], tail[i:]
        edited.update(before + c + after for c in letters)
        if after:
            rest = after[1:]
            edited.add(before + rest)
            edited.update(before + c + rest for c in letters)
            if rest:
                edited.add(before + rest[0] + after[0] + rest[1:])
    edited.discard(tail)
    return {head + t for t in edited}


def _cut(original: str, written: str, i: int) -> str:
    """The word as typed, cut in two where its normalized form is cut at i
    (مرتزقةداعش → مرتزقة داعش); the normalized parts if no cut matches."""
    left, right = written[:i], written[i:]
    for j in range(len(original) - 1, 0, -1):  # the last: marks stay on the left
        if normalize(original[:j]) == left and normalize(original[j:]) == right:
            return f"{original[:j]} {original[j:]}"
    return f"{left} {right}"


def _shown(terms: tuple[str, ...]) -> str:
    """Substitutes as a message names them: the words as written (the exact
    forms) before the stems, the most common few."""
    written = [t for t in terms if is_exact(t)] + [t for t in terms if not is_exact(t)]
    names = list(dict.fromkeys(written_form(t) for t in written))
    more = ", …" if len(names) > SHOWN else ""
    return ", ".join(names[:SHOWN]) + more
