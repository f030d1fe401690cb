"""Index terms: what one word as written becomes, and how exact forms are marked.

A word is indexed as its light stem and, beside it, its exact normalized form
marked with :data:`EXACT_MARK` (so that the exact word زار never collides
with a stem that happens to be spelled the same), and, for a word that may
start with a preposition, the stem of the rest (لمرتزقة → مرتزق). Every
module that needs to tell an exact-form term from a stem asks here.
"""

from __future__ import annotations

from typing import NamedTuple

from archive_search.text.normalize import normalize
from archive_search.text.stemmer import proclitic_stem, stem
from archive_search.text.stopwords import is_stopword

EXACT_MARK = "="


def exact_term(normalized: str) -> str:
    """The exact-form term of a normalized word.

    >>> exact_term("المخيم")
    '=المخيم'
    """
    return EXACT_MARK + normalized


def is_exact(term: str) -> bool:
    """Whether an index term is an exact form (not a stem)."""
    return term.startswith(EXACT_MARK)


def written_form(term: str) -> str:
    """The normalized word behind a term: an exact form without its mark, a stem as it is.

    >>> written_form("=المخيم"), written_form("مخيم")
    ('المخيم', 'مخيم')
    """
    return term[len(EXACT_MARK):] if term.startswith(EXACT_MARK) else term


class AnalysisOptions(NamedTuple):
    """How a text field's words become terms (see :func:`word_terms`)."""

    stopwords: bool = True  # function words dropped
    stemming: bool = True  # light stems
    keep_exact: bool = True  # with stemming, the exact normalized form too
    proclitics: bool = True  # with stemming, the stem after a leading preposition too


# The body and title fields' options.
TEXT_FIELD_OPTIONS = AnalysisOptions()


def word_terms(original: str, options: AnalysisOptions = TEXT_FIELD_OPTIONS) -> tuple[str, ...]:
    """The terms one word as written yields at its position, in the order the
    analyzer chain yields them (stem, stem after a preposition, exact form);
    empty for a stopword.

    >>> word_terms("لمرتزقة")
    ('لمرتزق', 'مرتزق', '=لمرتزقه')
    >>> word_terms("على")
    ()
    """
    if options.stopwords and is_stopword(original):
        return ()
    exact = normalize(original)
    if not exact:
        return ()
    if not options.stemming:
        return (exact,)
    stemmed = stem(exact)
    terms = [stemmed]
    if options.proclitics:
        split = proclitic_stem(exact, stemmed)
        if split:
            terms.append(split)
    if options.keep_exact and stemmed != exact:
        terms.append(exact_term(exact))
    return tuple(terms)
