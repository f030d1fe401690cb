"""Arabic code points and character classes, written once.

Each code point is a named constant; the classes are the bodies of regular
expression character classes (``f"[{ARABIC_LETTERS}]"``) so that they can be
combined with other characters in one class.
"""

from __future__ import annotations

HAMZA = "\u0621"  # ء
ALEF_MADDA = "\u0622"  # آ
ALEF_HAMZA_ABOVE = "\u0623"  # أ
WAW_HAMZA = "\u0624"  # ؤ
ALEF_HAMZA_BELOW = "\u0625"  # إ
YEH_HAMZA = "\u0626"  # ئ
ALEF = "\u0627"  # ا
TEH_MARBUTA = "\u0629"  # ة
TATWEEL = "\u0640"  # ـ
KAF = "\u0643"  # ك
HEH = "\u0647"  # ه
WAW = "\u0648"  # و
ALEF_MAKSURA = "\u0649"  # ى
YEH = "\u064a"  # ي
SUPERSCRIPT_ALEF = "\u0670"
ALEF_WASLA = "\u0671"  # ٱ
ALEF_WAVY_HAMZA_ABOVE = "\u0672"  # ٲ
ALEF_WAVY_HAMZA_BELOW = "\u0673"  # ٳ
KEHEH = "\u06a9"  # ک (Persian kaf)
HEH_YEH = "\u06c0"  # ۀ
HEH_GOAL = "\u06c1"  # ہ (Urdu)
HEH_GOAL_HAMZA = "\u06c2"  # ۂ
TEH_MARBUTA_GOAL = "\u06c3"  # ۃ
FARSI_YEH = "\u06cc"  # ی
YEH_BARREE = "\u06d2"  # ے
YEH_BARREE_HAMZA = "\u06d3"  # ۓ
AE = "\u06d5"  # ە

# Combining hamza and madda (U+0653–0655): NFC composes them with the letter
# under them (ا + U+0654 → أ).
COMBINING_HAMZA_MADDA = "\u0653\u0654\u0655"

# --- Character classes (bodies of [...]) ------------------------------------

# Letters: the Arabic block's letters (ء … ي) and the extended letters of
# Persian, Urdu, Kurdish and other languages written in Arabic script (ٱ … ۓ).
ARABIC_LETTERS = "\u0621-\u064a\u0671-\u06d3"
# Harakat: tanween, the short vowels, shadda and sukun.
HARAKAT = "\u064b-\u0652"
# Every mark that may sit inside an Arabic word: harakat and the other Arabic
# combining marks, superscript alef, Quranic marks, and tatweel.
WORD_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
# Arabic-Indic (U+0660–0669) and extended Persian/Urdu (U+06F0–06F9) digits.
OTHER_DIGITS = "\u0660-\u0669\u06f0-\u06f9"


def is_arabic_letter(char: str) -> bool:
    """Whether one character is an Arabic letter (see :data:`ARABIC_LETTERS`).

    >>> is_arabic_letter("ب"), is_arabic_letter("b"), is_arabic_letter("\u064e")
    (True, False, False)
    """
    return "\u0621" <= char <= "\u064a" or "\u0671" <= char <= "\u06d3"


def characters(char_class: str) -> str:
    """Every character of a class body made of single characters and ``a-b`` ranges.

    >>> characters("\u064b-\u064d\u0640") == "\u064b\u064c\u064d\u0640"
    True
    """
    out, i = [], 0
    while i < len(char_class):
        if i + 2 < len(char_class) and char_class[i + 1] == "-":
            out.extend(chr(c) for c in range(ord(char_class[i]), ord(char_class[i + 2]) + 1))
            i += 3
        else:
            out.append(char_class[i])
            i += 1
    return "".join(out)


# What a name's spellings differ by and drop: the harakat, superscript alef and tatweel.
NAME_MARKS = characters(HARAKAT) + SUPERSCRIPT_ALEF + TATWEEL
