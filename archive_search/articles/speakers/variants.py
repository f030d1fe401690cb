"""One person, one name within an article: the variants the finder meets.

:func:`add_name` keeps the fullest of a person's names: the same name in
other words (:func:`archive_search.text.person_names.same_person`), a first
name alone ("يوليا" for "يوليا سكريبال"), the words that end a name ("أحمد
بور" for "آرفين أحمد بور"), or one name spelled a letter apart in one long
word ("ديميتريس/ديمتريس تزاناكوبولوس"; "ايوخوسا" for "خيسوس ايخوسا").
"""

from __future__ import annotations

from archive_search.text.person_names import name_words, same_person


def family_of(names: list[str], family: str) -> bool:
    """Whether one of the names found ends with this family name."""
    return any(name_words(name)[-1] == family for name in names)


def add_name(names: list[str], name: str) -> None:
    """Add a name unless a variant is there; a fuller variant takes its place."""
    for i, other in enumerate(names):
        if same_person(name, other) or _first_name_of(name, other) or _first_name_of(other, name) or (
                _spelled_alike(name, other)):
            if len(name_words(name)) > len(name_words(other)):
                names[i] = name
            return
    names.append(name)


def _spelled_alike(a: str, b: str) -> bool:
    """Within one article: one name spelled two ways, a letter more or less in one
    long word ("ديميتريس/ديمتريس تزاناكوبولوس", "عبد المالك/الملك سلال")."""
    x, y = name_words(a), name_words(b)
    if max(len(x), len(y)) < 2:
        return False
    if min(len(x), len(y)) == 1:
        x, y = x[-1:], y[-1:]  # the family name alone: "ايوخوسا" for "خيسوس ايخوسا"
    differ = [(u, v) for u, v in zip(x, y) if u != v]
    if len(x) != len(y) or len(differ) != 1 or min(map(len, differ[0])) < 5:
        return False
    u, v = sorted(differ[0], key=len)
    return len(v) - len(u) == 1 and any(v[:i] + v[i + 1:] == u for i in range(len(v)))


def _first_name_of(short: str, long_: str) -> bool:
    """Within one article: "يوليا" for "يوليا سكريبال" (one word that is
    another name's first word), "أحمد بور" for "آرفين أحمد بور" (words that
    end another name)."""
    a, b = name_words(short), name_words(long_)
    return len(b) > len(a) and (len(a) == 1 and a[0] == b[0] or b[-len(a):] == a)
