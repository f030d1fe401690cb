"""Speakers of news articles: who is reported as saying something.

The public face of the speaker finder:

* :func:`find_speakers` — the named people an article reports as speaking,
  fullest form, titles dropped, in order of first appearance;
* :class:`KnownNames` — evidence gathered from the whole archive at index
  time (``observe`` each article, ``merge`` across processes, ``finish``,
  ``to_dict``/``from_dict`` to store it beside the index), passed to
  :func:`find_speakers` so that a name seen once is judged against names
  seen many times;
* :func:`same_person`, :func:`person_key`, :func:`canonical_names` — one
  person, one name, for filters and facets.

The work is done in ``lexicons`` (word lists and word classes),
``tokens`` (tokens and lines), ``grammar`` (what a name is), ``foreign``
(foreign names with a word spelled as a function word), ``shapes``
(an unknown word shaped like an Arabic word, not a name),
``chains`` (the titles before a name), ``ties`` (the prepositions
inside a title chain), ``subjects`` (the subject of a
verb of saying), ``apposition`` (a name set off by commas after a title
chain), ``verb_context`` (the words around the verb), ``attribution``
(the candidates of an article), ``article`` (looking names up across
it), ``recall`` (a name's fullest form, whom a title alone recalls), ``evidence`` (names the lexicons
do not know), ``resolution`` (who each one is), ``variants`` (one
person's names in one article), ``known`` (the archive's evidence); one person, one name across the archive is
:mod:`archive_search.text.person_names` (the search uses it too), and
:mod:`archive_search.text.normalize` is all else used from the rest of the package.
"""

from __future__ import annotations

from archive_search.articles.speakers import tokens
from archive_search.articles.speakers.known import KnownNames
from archive_search.articles.speakers.resolution import find
from archive_search.text import person_names
from archive_search.text.person_names import canonical_names, person_key, same_person

__all__ = ["KnownNames", "canonical_names", "clear_caches", "find_speakers", "person_key", "same_person"]


def find_speakers(text: str, known: KnownNames | None = None) -> list[str]:
    """The people the article (title + "\\n" + body) reports as saying something.

    Names come in order of first appearance, each once, in the fullest form
    the article uses, without titles or honorifics, as written (harakat and
    tatweel removed). ``known`` (a finished :class:`KnownNames`) adds the
    archive's evidence about which words are given and family names.

    >>> find_speakers("وقال وزير الخارجية الأمريكي مايك بومبيو إن الاتفاق قريب")
    ['مايك بومبيو']
    >>> find_speakers("أعلنت وزارة الصحة أن عدد الإصابات ارتفع")
    []
    """
    if not text:
        return []
    return find(text, known)


def clear_caches() -> None:
    """Forget the word caches (the classes of the archive's words, names' key
    forms): a rebuild calls this once its workers are done."""
    tokens.clear_caches()
    person_names.clear_caches()
