"""Evidence about names gathered from the archive (:class:`KnownNames`).

Before an archive is indexed, :meth:`KnownNames.observe` reads the candidate
speakers of a sample of its articles (the subjects of verbs of saying that
follow a title or a given name, before any decision; the others teach
nothing, so observing an article costs a fraction of finding its speakers)
and counts, once per article:

* ``given``: the first word of a name of two words or more that has other
  signs of being a person's (a title before it, a given name from the
  lexicon or a family name in ال after that first word): in an archive the
  given names that the lexicon lacks (كويكي، تارو) turn up this way;
* ``family``: the last word of a name that starts with a given name (from the
  lexicon or from ``given``), so that a family name quoted alone elsewhere
  ("وقال بيسكوف") is known for a person's; one written with ال is kept
  apart (يوسف الشاهد makes الشاهد a family name, not شاهد, a witness).

:meth:`finish` keeps the counts of at least :data:`MIN_COUNT` (what occurs
once is no evidence) and freezes the object; :meth:`merge` adds counts from
another process; :meth:`to_dict`/:meth:`from_dict` store it as JSON.
"""

from __future__ import annotations

from collections import Counter

from archive_search.text.person_names import name_words

MIN_COUNT = 2
# Counts a name word needs before it is taken as evidence.
MIN_EVIDENCE = 3
FORMAT = 3


class KnownNames:
    """Counts of given names and family names across an archive."""

    __slots__ = ("given", "family", "articles", "frozen")

    def __init__(self) -> None:
        self.given: Counter[str] = Counter()
        self.family: Counter[str] = Counter()
        self.articles = 0
        self.frozen = False

    def observe(self, text: str) -> None:
        """Count the candidate speakers of one article (title + "\\n" + body)."""
        from archive_search.articles.speakers.resolution import observed_names

        if self.frozen:
            raise ValueError("KnownNames.observe after finish()")
        given, family = observed_names(text)
        self.given.update(given)
        self.family.update(family)
        self.articles += 1

    def merge(self, other: "KnownNames") -> "KnownNames":
        """Add another (unfinished) object's counts to this one; returns self."""
        if self.frozen or other.frozen:
            raise ValueError("KnownNames.merge needs two unfinished objects")
        self.given.update(other.given)
        self.family.update(other.family)
        self.articles += other.articles
        return self

    def finish(self) -> "KnownNames":
        """Drop counts below MIN_COUNT and freeze; returns self."""
        for table in (self.given, self.family):
            for key in [k for k, v in table.items() if v < MIN_COUNT]:
                del table[key]
        self.frozen = True
        return self

    def is_given(self, word: str) -> bool:
        """Whether the word starts persons' names in several articles."""
        return self.given.get(_key(word), 0) >= MIN_EVIDENCE

    def is_family(self, word: str, definite: bool = False) -> bool:
        """Whether the word ends persons' names (given name first) in several
        articles; ``definite``: the word as written with ال (its key without)."""
        return self.family.get(family_key(word, definite), 0) >= MIN_EVIDENCE

    def to_dict(self) -> dict:
        """A JSON-able form (see :meth:`from_dict`)."""
        return {"format": FORMAT, "articles": self.articles, "given": dict(self.given),
                "family": dict(self.family)}

    @classmethod
    def from_dict(cls, data: dict) -> "KnownNames":
        """The finished object that :meth:`to_dict` wrote."""
        if data.get("format") != FORMAT:
            raise ValueError(f"KnownNames format {data.get('format')!r}, expected {FORMAT}")
        known = cls()
        known.given.update(data.get("given", {}))
        known.family.update(data.get("family", {}))
        known.articles = data.get("articles", 0)
        known.frozen = True
        return known

    def __repr__(self) -> str:
        return (f"KnownNames({self.articles} articles, {len(self.given)} given, {len(self.family)} family"
                f"{', finished' if self.frozen else ''})")


def _key(word: str) -> str:
    words = name_words(word)
    return words[0] if words else ""


def family_key(word: str, definite: bool) -> str:
    """The key a family name is counted under: with ال kept apart."""
    key = _key(word)
    return "ال" + key if definite and key else key
