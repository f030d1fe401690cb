"""Arabic letters in their contextual forms (initial, medial, final, isolated), one character for one.

A terminal without BiDi support shows Arabic letters unjoined unless they
are given as the presentation forms of Unicode. ``arabic_reshaper`` has the
table of those forms and the joining rules; its ``reshape`` reads its
configuration for every call and tests every character with a regular
expression, which made it the larger part of laying out a page of hits.
:func:`shape` applies the same rules, with the same table, in one pass:
harakat are left where they are and do not break a join, a character
without forms (a space, a digit, a Latin letter) ends one, and no ligatures
are made, so that the output has exactly one character for each input
character and highlight spans stay on their letters. A test checks it
against ``arabic_reshaper`` on random text.
"""

from __future__ import annotations

from functools import lru_cache

_ISOLATED, _INITIAL, _MEDIAL, _FINAL = range(4)
_ZWJ = "\u200d"


@lru_cache(maxsize=None)
def _rules():
    """arabic_reshaper's table of forms (letter → isolated, initial, medial,
    final) and its pattern of the marks it passes through (harakat), read on
    first use."""
    from arabic_reshaper.arabic_reshaper import HARAKAT_RE
    from arabic_reshaper.letters import LETTERS_ARABIC

    return LETTERS_ARABIC, HARAKAT_RE


def shape(text: str) -> str:
    """``text`` with each Arabic letter in the form its neighbours give it;
    ``text`` itself where that would not be one character for one (a letter
    without the form it needs, a zero-width joiner)."""
    forms, marks_pattern = _rules()
    if _ZWJ in text:  # arabic_reshaper drops joiners: not one for one
        return text
    out = list(text)
    marks = {m.start() for m in marks_pattern.finditer(text)}
    previous = -1  # the index of the last character that is not a mark
    previous_form = None  # its form, or None: it has none (not a letter)
    for i, char in enumerate(text):
        if i in marks:
            continue
        letter = forms.get(char)
        form = None
        if letter is not None:
            form = _ISOLATED
            before = forms[text[previous]] if previous_form is not None else None
            if (before is not None and (letter[_FINAL] or letter[_MEDIAL]) and (before[_INITIAL] or before[_MEDIAL])
                    and not (previous_form == _FINAL and not before[_MEDIAL])):
                # the letter joins the one before: that one becomes initial or medial
                previous_form = _INITIAL if previous_form == _ISOLATED else _MEDIAL
                out[previous] = before[previous_form]
                form = _FINAL
            out[i] = letter[form]
        previous, previous_form = i, form
    shaped = "".join(out)
    return shaped if len(shaped) == len(text) else text
