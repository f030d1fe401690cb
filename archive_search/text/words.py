"""Words as written: where a word starts and ends in the original text.

A word is a run of letters and digits with the marks that may sit inside an
Arabic word (harakat, superscript alef, Quranic marks, tatweel: ``\\w`` alone
misses them and cuts كَتَبَ into pieces), joined by ZWNJ/ZWJ where Persian
text uses them. Underscores count as word characters in ``\\w`` but not
here: they are replaced by spaces first (:func:`without_underscores`), which
keeps offsets and lets one character class do the work of an alternation.
"""

from __future__ import annotations

import re

from archive_search.text.letters import WORD_MARKS

WORD_PATTERN = re.compile(f"[\\w{WORD_MARKS}]+(?:[\u200c\u200d][\\w{WORD_MARKS}]+)*")


def without_underscores(text: str) -> str:
    """The text with underscores as spaces (same length, so offsets hold)."""
    return text.replace("_", " ") if "_" in text else text


def find_words(text: str) -> list[str]:
    """The words of text, as written.

    >>> find_words("كَتَبَ الوَلَدُ_الدرس")
    ['كَتَبَ', 'الوَلَدُ', 'الدرس']
    """
    return WORD_PATTERN.findall(without_underscores(text))
