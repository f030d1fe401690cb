"""Arabic letter shaping for terminals without BiDi: arabic_reshaper's forms, one character for one."""

import arabic_reshaper
from hypothesis import given, settings
from hypothesis import strategies as st

from archive_search.output.shaping import shape

# arabic_reshaper as the layout used it, without ligatures and with harakat in place.
_REFERENCE = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "support_ligatures": False, "shift_harakat_position": False})

# Letters that join on both sides, on one side only (ا د ر و ء ة), harakat, tatweel, shadda,
# Persian and Kurdish letters, a joiner, and what ends a join (space, digits, Latin, punctuation).
_ALPHABET = "بتثجحخسشصضطظعغفقكلمنهيئ" + "اأإآدذرزوؤءةى" + "\u064b\u064e\u064f\u0650\u0651\u0652\u0670\u0640" \
    + "پچژگکی\u06d5\u06ce" + "\u200d" + " 19aZ.،؟«»()\n"


def _reference(text: str) -> str:
    shaped = _REFERENCE.reshape(text)
    return shaped if len(shaped) == len(text) else text


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_shape_gives_arabic_reshapers_forms(text):
    assert shape(text) == _reference(text)


def test_a_real_line_is_joined_letter_for_letter():
    line = "قال الرئيس المشترك لدائرة العلاقات الخارجية بدران جيا كرد: «المخيم يتسع لألف عائلة»."
    shaped = shape(line)
    assert shaped == _reference(line) and len(shaped) == len(line)
    assert shaped[0] == "\ufed7"  # ق at the start of a word: its initial form
    assert shaped[2] == "\ufedd"  # ل after ا, which never joins a letter after it: isolated


def test_harakat_stay_in_place_and_do_not_break_a_join():
    assert shape("كَتَبَ") == "\ufedb\u064e\ufe98\u064e\ufe90\u064e"
