"""Dates in articles: a metadata value read as a date, and the first full date written in a text.

Pure functions on strings. Dates are never invented: no file times, no
"today", no relative expression ("أمس") without a day it counts from.
"""

from __future__ import annotations

import re
from datetime import date

from archive_search.text.letters import ARABIC_LETTERS, OTHER_DIGITS
from archive_search.text.normalize import DIGIT_FOLDS

_DIGITS = str.maketrans(DIGIT_FOLDS)
_OTHER_DIGIT = re.compile(f"[{OTHER_DIGITS}]")

# Month names: the Gregorian (Egyptian/Maghrebi) series and the Levantine
# (Syriac) series, as spelled with and without hamza.
MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "أفريل": 4, "افريل": 4,
    "مايو": 5, "ماي": 5, "يونيو": 6, "يونيه": 6, "جوان": 6, "يوليو": 7, "يوليه": 7, "جويلية": 7,
    "أغسطس": 8, "اغسطس": 8, "أوت": 8, "اوت": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "اب": 8, "أيلول": 9, "ايلول": 9, "تشرين الأول": 10,
    "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الأول": 12, "كانون الاول": 12,
}

_MONTH_ALTERNATION = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

# Days written as ordinals: "العاشر من تشرين الأول 2022".
_UNITS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
ORDINAL_DAYS = {word: n for n, word in enumerate(_UNITS, 1)}
ORDINAL_DAYS.update({"العاشر": 10, "الحادي عشر": 11, "العشرين": 20, "الثلاثين": 30})
ORDINAL_DAYS.update({f"{word} عشر": 10 + n for n, word in enumerate(_UNITS, 1) if n > 1})
ORDINAL_DAYS.update({f"{'الحادي' if n == 1 else word} والعشرين": 20 + n for n, word in enumerate(_UNITS, 1)})
ORDINAL_DAYS["الحادي والثلاثين"] = 31
_ORDINAL_ALTERNATION = "|".join(sorted((re.escape(w) for w in ORDINAL_DAYS), key=len, reverse=True))
_ORDINAL_DATE = re.compile(
    rf"(?<![{ARABIC_LETTERS}])({_ORDINAL_ALTERNATION})\s+من\s+(?:شهر\s+)?({_MONTH_ALTERNATION})"
    rf"(?:\s*[/(-]\s*(?:{_MONTH_ALTERNATION})\s*\)?)?\s*(?:،\s*)?(?:عام|سنة)?\s*(\d{{4}})(?!\d)"
)
# "12 كانون الثاني/يناير 2019", "12 يناير 2019", "12 من يناير عام 2019"
_WRITTEN_DATE = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({_MONTH_ALTERNATION})"
    rf"(?:\s*[/(-]\s*(?:{_MONTH_ALTERNATION})\s*\)?)?\s*(?:،\s*)?(?:عام|سنة)?\s*(\d{{4}})(?!\d)"
)
# 2019-01-12, 2019/1/12, 12/01/2019, 12-1-2019, 12.01.2019
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_YEAR = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")
_DMY_DATE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")


def _valid(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(value: str) -> str | None:
    """An ISO date from a metadata value (``2019-01-12``, ``12/01/2019``,
    ``12 يناير 2019``, Arabic-Indic digits), or None if it is not one date.
    """
    if not value:
        return None
    text = " ".join(value.translate(_DIGITS).split())
    match = _ISO_DATE.fullmatch(text[:10]) if len(text) >= 8 else None
    if match:
        return _valid(int(match[1]), int(match[2]), int(match[3]))
    match = _DMY_DATE.fullmatch(text)
    if match:
        return _valid(int(match[3]), int(match[2]), int(match[1]))
    match = _WRITTEN_DATE.fullmatch(text)
    if match:
        return _valid(int(match[3]), MONTHS[match[2]], int(match[1]))
    return None


def find_date(text: str) -> str | None:
    """The first full date written in the text, or None.

    Day, month and year must all be there ("أول أمس" or "في يناير" alone is
    not a date).
    """
    if _OTHER_DIGIT.search(text):
        text = text.translate(_DIGITS)
    if not _YEAR.search(text):
        return None  # every full date has a four-digit year
    found = []
    for pattern, order in ((_WRITTEN_DATE, "written"), (_ORDINAL_DATE, "ordinal"), (_ISO_DATE, "ymd"),
                           (_DMY_DATE, "dmy")):
        for match in pattern.finditer(text):
            if order == "written":
                iso = _valid(int(match[3]), MONTHS[match[2]], int(match[1]))
            elif order == "ordinal":
                iso = _valid(int(match[3]), MONTHS[match[2]], ORDINAL_DAYS[match[1]])
            elif order == "ymd":
                iso = _valid(int(match[1]), int(match[2]), int(match[3]))
            else:
                iso = _valid(int(match[3]), int(match[2]), int(match[1]))
            if iso:
                found.append((match.start(), iso))
    return min(found)[1] if found else None
