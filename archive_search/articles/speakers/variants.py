"""One person, one name: the variants of a name that refer to the same person.

Names are compared word by word in a key form: folded (alef forms, hamza
seats, ى/ي, ة/ه), the article ال taken off each word (الصمودي and صمودي
meet), عبد and أبو joined to the word after them (عبد الله and عبدالله
meet), and بن/ابن/بنت left out (محمد بن سلمان and محمد سلمان meet). Two
names are the same person when the shorter one's words run, in order, inside
the longer one's, ending on the same family name and, when the shorter has
two words or more, starting on the same first name; or when the shorter, of
two words or more, is how the longer begins (a name and its lineage): أردوغان،
رجب طيب أردوغان and اردوغان meet, and محمد بن سلمان and محمد بن سلمان بن
عبدالعزيز آل سعود; أحمد الجروان and محمد الجروان do not.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from archive_search.text.normalize import normalize

_JOINED = frozenset(normalize(w) for w in ("عبد", "أبو", "ابو", "أبي", "أم"))
_FILIATION = frozenset(normalize(w) for w in ("بن", "ابن", "بنت", "ولد"))
_MARKS = str.maketrans({"ـ": None, **{chr(c): None for c in range(0x064B, 0x0653)}, "\u0670": None})


def clean_name(name: str) -> str:
    """A name as the finder gives it: harakat and tatweel removed, one space between words."""
    return " ".join(name.translate(_MARKS).split())


def name_words(name: str) -> list[str]:
    """The key form of a name's words (see the module docstring)."""
    return list(_name_words(name))


@lru_cache(maxsize=1 << 14)
def _name_words(name: str) -> tuple[str, ...]:
    out: list[str] = []
    pending = ""
    for word in normalize(name).split():
        if word in _JOINED:
            pending += word
            continue
        if word in _FILIATION:
            continue
        if pending:
            word, pending = pending + word, ""
        if word.startswith("ال") and len(word) > 4 and not (out and out[-1] == "ال"):
            word = word[2:]
        out.append(word)
    if pending:
        out.append(pending)
    return tuple(out)


def clear_caches() -> None:
    """Forget the key forms of the names seen so far."""
    _name_words.cache_clear()


def person_key(name: str) -> str:
    """The name's key: equal keys are the same spelling of one name."""
    return " ".join(name_words(name))


def _inside(short: list[str], long_: list[str]) -> bool:
    """Whether short's words occur in long_ in order (not necessarily adjacent)."""
    it = iter(long_)
    return all(word in it for word in short)


def same_person(a: str, b: str) -> bool:
    """Whether two names are variants of one person's name (see the module docstring)."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) >= 2 and long_[:len(short)] == short:
        return True  # محمد بن سلمان, محمد بن سلمان بن عبدالعزيز آل سعود
    if short[-1] != long_[-1]:
        return False
    if len(short) >= 2 and short[0] != long_[0]:
        return False
    return _inside(short, long_)


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Each name mapped to the fullest variant of it among ``names`` (for facets).

    The fullest variant is the one with the most words (then the most
    frequent, then the first seen); a name that fits several people's fuller
    names (a family name alone) goes to the most frequent of them.
    """
    counts: dict[str, int] = {}
    for name in names:
        name = clean_name(name)
        if name:
            counts[name] = counts.get(name, 0) + 1
    order = {name: i for i, name in enumerate(counts)}
    ranked = sorted(counts, key=lambda n: (-len(name_words(n)), -counts[n], order[n]))
    heads: list[str] = []
    mapping: dict[str, str] = {}
    for name in ranked:
        head = next((h for h in heads if same_person(name, h)), None)
        if head is None:
            heads.append(name)
            head = name
        mapping[name] = head
    return mapping
