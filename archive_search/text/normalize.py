"""Arabic normalization: the spelling variants readers treat as one word, folded.

A superset of Lucene's ``ArabicNormalizer``, as a pure function on strings.
Each rule lives in a module-level table, so that a new rule is a new row.

The code points are our own named constants (:mod:`archive_search.text.letters`)
rather than ``pyarabic.araby``'s: this runs on every query, and importing
pyarabic costs about 16 ms there. The test suite checks that our tables
cover pyarabic's.
"""

from __future__ import annotations

import re
import unicodedata

from archive_search.text.letters import (
    AE, ALEF, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_MADDA, ALEF_MAKSURA, ALEF_WASLA, ALEF_WAVY_HAMZA_ABOVE,
    ALEF_WAVY_HAMZA_BELOW, COMBINING_HAMZA_MADDA, FARSI_YEH, HAMZA, HEH, HEH_GOAL, HEH_GOAL_HAMZA, HEH_YEH, KAF,
    KEHEH, SUPERSCRIPT_ALEF, TATWEEL, TEH_MARBUTA, TEH_MARBUTA_GOAL, WAW_HAMZA, YEH, YEH_BARREE, YEH_BARREE_HAMZA,
    YEH_HAMZA, HARAKAT, OTHER_DIGITS, characters,
)


# Letters folded to one representative.
LETTER_FOLDS = {
    # Alef with hamza or madda, wasla and the wavy-hamza alefs → bare alef.
    ALEF_MADDA: ALEF,
    ALEF_HAMZA_ABOVE: ALEF,
    ALEF_HAMZA_BELOW: ALEF,
    ALEF_WASLA: ALEF,
    ALEF_WAVY_HAMZA_ABOVE: ALEF,
    ALEF_WAVY_HAMZA_BELOW: ALEF,
    # Hamza seats on waw and yeh → hamza, so that مسؤول and مسئول meet.
    WAW_HAMZA: HAMZA,
    YEH_HAMZA: HAMZA,
    # Alef maqsura → yeh (مستشفى / مستشفي).
    ALEF_MAKSURA: YEH,
    # Taa marbuta → heh (المدرسة / المدرسه).
    TEH_MARBUTA: HEH,
    # Persian and Urdu letters → their Arabic counterparts.
    KEHEH: KAF,
    FARSI_YEH: YEH,
    YEH_BARREE: YEH,
    YEH_BARREE_HAMZA: YEH,
    HEH_YEH: HEH,
    HEH_GOAL: HEH,
    HEH_GOAL_HAMZA: HEH,
    TEH_MARBUTA_GOAL: HEH,
    AE: HEH,
}

# Arabic-Indic and extended Persian/Urdu digits → 0-9.
DIGIT_FOLDS = {digit: str(i % 10) for i, digit in enumerate(characters(OTHER_DIGITS))}

# Marks and invisible characters that are deleted.
DELETED = (
    TATWEEL
    + characters(HARAKAT)  # tanween, short vowels, shadda, sukun
    + COMBINING_HAMZA_MADDA  # left over where NFC found no base letter
    + "".join(chr(c) for c in range(0x0656, 0x0660))  # other Arabic combining marks
    + SUPERSCRIPT_ALEF
    + "".join(chr(c) for c in range(0x0610, 0x061B))  # Quranic honorific and small marks
    + "".join(chr(c) for c in range(0x06D6, 0x06EE))  # Quranic annotation marks
    + "\u061c"  # ARABIC LETTER MARK
    + "\u200b\u200c\u200d\u200e\u200f"  # zero-width space, ZWNJ, ZWJ, LRM, RLM
    + "\u202a\u202b\u202c\u202d\u202e"  # directional embeddings and overrides
    + "\u2066\u2067\u2068\u2069"  # directional isolates
    + "\ufeff"  # byte order mark / zero-width no-break space
)

_TABLE = str.maketrans({**LETTER_FOLDS, **DIGIT_FOLDS, **{c: None for c in DELETED}})

# Presentation forms (U+FB50–FDFF, U+FE70–FEFF, lam-alef ligatures among them)
# only need NFKC; testing for them first keeps the common path cheap.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_COMBINING = frozenset(COMBINING_HAMZA_MADDA)


def normalize(text: str) -> str:
    """Fold Arabic spelling variants so that they compare equal.

    Rules, in order:

    1. NFC composes decomposed hamza and madda (U+0653–0655) with their letter;
       NFKC expands presentation forms and lam-alef ligatures.
    2. Delete tatweel, harakat, superscript alef, Quranic marks, zero-width and
       direction marks.
    3. Fold alef forms (أ إ آ ٱ) → ا, hamza seats ؤ ئ → ء, ى → ي, ة → ه,
       Persian/Urdu letters (ک ی ے ۀ ہ) → Arabic, Arabic-Indic digits → 0-9.
    4. Case-fold Latin letters.

    >>> normalize("مُخَيَّم")
    'مخيم'
    >>> normalize("إعلان") == normalize("اعلان")
    True
    """
    if not text:
        return text
    if not _COMBINING.isdisjoint(text):
        text = unicodedata.normalize("NFC", text)
    if _PRESENTATION_FORMS.search(text):
        text = unicodedata.normalize("NFKC", text)
    return text.translate(_TABLE).lower()


