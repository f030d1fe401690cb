"""One person, one name: the variants of a name that refer to the same person.

Names are compared word by word in a key form (:func:`name_words`): folded
as the index folds words (alef forms, hamza seats, ى/ي, ة/ه), the article ال
taken off each word (الصمودي and صمودي meet), عبد and أبو joined to the word
after them (عبد الله and عبدالله meet), and بن/ابن/بنت/ولد left out (محمد بن
سلمان and محمد سلمان meet).

Two names are the same person (:func:`same_person`) when, the shorter being
``short`` and the longer ``long``:

1. their keys are equal;
2. ``short`` (two words or more) is how ``long`` begins: a name and its
   lineage (محمد بن سلمان, محمد بن سلمان بن عبدالعزيز آل سعود);
3. ``short``'s words run in order inside ``long``, ending on the same family
   name and, when ``short`` has two words or more, starting on the same
   first name (أردوغان, رجب أردوغان, رجب طيب أردوغان);
4. ``short`` (two words or more) is how ``long`` ends and ``long`` has no
   بن/ابن/بنت/ولد (طيب أردوغان, رجب طيب أردوغان; but محمد الجروان is not
   أحمد بن محمد الجروان, his son).

أحمد الجروان and محمد الجروان are not the same person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import combinations

from archive_search.text.letters import NAME_MARKS
from archive_search.text.normalize import normalize

# Words joined to the word after them in a name's key (عبد الله, أبو بكر), and
# the words of filiation (بن, بنت …); the speaker finder reads them too.
JOINED = frozenset(normalize(w) for w in ("عبد", "أبو", "ابو", "أبي", "أم"))
FILIATION = frozenset(normalize(w) for w in ("بن", "ابن", "بنت", "ولد"))
_MARKS = str.maketrans(dict.fromkeys(NAME_MARKS))
# The middle words of a name whose sub-variants are spelled out (see :func:`variants_within`).
_MAX_MIDDLE = 6


@lru_cache(maxsize=1 << 17)  # an archive's worth of speakers, cleaned at every count
def clean_name(name: str) -> str:
    """A name as the finder gives it: harakat and tatweel removed, one space between words."""
    return " ".join(name.translate(_MARKS).split())


def name_words(name: str) -> list[str]:
    """The key form of a name's words (see the module docstring).

    >>> name_words("عبد الله بن زايد آل نهيان")
    ['عبدالله', 'زايد', 'ال', 'نهيان']
    """
    return list(_name_words(name)[0])


# An archive's speakers are tens of thousands of names, each asked for several
# times while they are grouped (see _canonical).
@lru_cache(maxsize=1 << 17)
def _name_words(name: str) -> tuple[tuple[str, ...], bool]:
    """The key words, and whether the name has a word of filiation."""
    out: list[str] = []
    pending = ""
    filiation = False
    for word in normalize(name).split():
        if word in JOINED:
            pending += word
            continue
        if word in FILIATION:
            filiation = True
            continue
        if pending:
            word, pending = pending + word, ""
        if word.startswith("ال") and len(word) > 4 and not (out and out[-1] == "ال"):
            word = word[2:]
        out.append(word)
    if pending:
        out.append(pending)
    return tuple(out), filiation


def clear_caches() -> None:
    """Forget the key forms of the names seen so far."""
    _name_words.cache_clear()
    clean_name.cache_clear()


def person_key(name: str) -> str:
    """The name's key: equal keys are the same spelling of one name.

    >>> person_key("إبراهيم الأحمد") == person_key("ابراهيم احمد")
    True
    """
    return " ".join(_name_words(name)[0])


def _inside(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """Whether short's words occur in long_ in order (not necessarily adjacent)."""
    it = iter(long_)
    return all(word in it for word in short)


def same_person(a: str, b: str) -> bool:
    """Whether two names are variants of one person's name (see the module docstring)."""
    return _same_words(_name_words(a), _name_words(b))


def _same_words(a: tuple[tuple[str, ...], bool], b: tuple[tuple[str, ...], bool]) -> bool:
    """:func:`same_person` on two names' :func:`_name_words`."""
    (wa, fa), (wb, fb) = a, b
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    (short, _), (long_, long_filiation) = ((wa, fa), (wb, fb)) if len(wa) <= len(wb) else ((wb, fb), (wa, fa))
    if len(short) >= 2 and long_[:len(short)] == short:
        return True  # rule 2: محمد بن سلمان, محمد بن سلمان بن عبدالعزيز آل سعود
    if short[-1] != long_[-1]:
        return False
    if len(short) >= 2 and short[0] != long_[0]:
        return not long_filiation and long_[-len(short):] == short  # rule 4: طيب أردوغان
    return _inside(short, long_)


def variants_within(name: str) -> list[str]:
    """The keys of every shorter name that :func:`same_person` takes for this
    one (and its own key), for finding all its variants in an index.

    >>> variants_within("رجب طيب أردوغان")
    ['رجب طيب اردوغان', 'اردوغان', 'رجب اردوغان', 'رجب طيب', 'طيب اردوغان']
    """
    words, filiation = _name_words(name)
    if not words:
        return []
    keys = [" ".join(words)]
    if len(words) == 1:
        return keys
    first, middle, last = words[0], words[1:-1][:_MAX_MIDDLE], words[-1]
    found = [(last,)]  # rule 3: the family name, then the first name + any middle names + it
    for size in range(len(middle)):
        found.extend((first, *chosen, last) for chosen in combinations(middle, size))
    found.extend(words[:k] for k in range(2, len(words)))  # rule 2
    if not filiation:
        found.extend(words[-k:] for k in range(2, len(words)))  # rule 4
    for variant in found:
        key = " ".join(variant)
        if key not in keys:
            keys.append(key)
    return keys


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Each name mapped to the fullest variant of it among ``names`` (for facets).

    The fullest variant is the one with the most words (then the most
    frequent, then the first seen); a name that fits several people's fuller
    names (a family name alone) goes to the most frequent of them.
    """
    return _canonical(Counter(clean_name(name) for name in names if clean_name(name)))


def merge_variants(counts: Counter) -> Counter:
    """Counts by name with each person's variants added up under the fullest
    (see :func:`canonical_names`).

    >>> merge_variants(Counter({"أردوغان": 3, "رجب طيب أردوغان": 2, "اردوغان": 1, "ماكرون": 1}))
    Counter({'رجب طيب أردوغان': 6, 'ماكرون': 1})
    """
    merged: Counter = Counter()
    cleaned: Counter = Counter()
    for name, count in counts.items():
        cleaned[clean_name(name) or name] += count
    mapping = _canonical(cleaned)
    for name, count in cleaned.items():
        merged[mapping.get(name, name)] += count
    return merged


def _canonical(counts: Counter) -> dict[str, str]:
    """Each name of ``counts`` mapped to its head (see :func:`canonical_names`).

    Heads are looked up by family name and by the words they begin with, so
    that an archive's tens of thousands of names are grouped in one pass.
    """
    keys = {name: _name_words(name) for name in counts}
    order = {name: i for i, name in enumerate(counts)}
    ranked = sorted(counts, key=lambda n: (-len(keys[n][0]), -counts[n], order[n]))
    rank = {name: i for i, name in enumerate(ranked)}
    by_last: dict[str, list[str]] = {}
    by_start: dict[tuple[str, ...], list[str]] = {}
    mapping: dict[str, str] = {}
    for name in ranked:
        key = keys[name]
        words = key[0]
        if not words:
            mapping[name] = name
            continue
        candidates = by_last.get(words[-1], []) + (by_start.get(words, []) if len(words) >= 2 else [])
        heads = [head for head in candidates if _same_words(key, keys[head])]
        if heads:
            best = min(heads, key=lambda h: (-counts[h], rank[h])) if len(words) == 1 else min(heads, key=rank.get)
            mapping[name] = mapping[best]
            continue
        mapping[name] = name
        by_last.setdefault(words[-1], []).append(name)
        for k in range(2, len(words)):
            by_start.setdefault(words[:k], []).append(name)
    return mapping
