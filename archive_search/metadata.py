"""Speaker and date found in an article's text when its file does not state them.

Pure functions on strings; nothing here reads files. Dates are never invented:
no file times, no "today"; a relative expression resolves only against a
known publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from archive_search.arabic import DIGIT_FOLDS

_DIGITS = str.maketrans(DIGIT_FOLDS)

# --- Dates ----------------------------------------------------------------------

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
# "12 كانون الثاني/يناير 2019", "12 يناير 2019", "12 من يناير عام 2019"
_WRITTEN_DATE = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({_MONTH_ALTERNATION})"
    rf"(?:\s*[/(-]\s*(?:{_MONTH_ALTERNATION})\s*\)?)?\s*(?:،\s*)?(?:عام|سنة)?\s*(\d{{4}})(?!\d)"
)
# 2019-01-12, 2019/1/12, 12/01/2019, 12-1-2019, 12.01.2019
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
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
    text = text.translate(_DIGITS)
    found = []
    for pattern, order in ((_WRITTEN_DATE, "written"), (_ISO_DATE, "ymd"), (_DMY_DATE, "dmy")):
        for match in pattern.finditer(text):
            if order == "written":
                iso = _valid(int(match[3]), MONTHS[match[2]], int(match[1]))
            elif order == "ymd":
                iso = _valid(int(match[1]), int(match[2]), int(match[3]))
            else:
                iso = _valid(int(match[3]), int(match[2]), int(match[1]))
            if iso:
                found.append((match.start(), iso))
    return min(found)[1] if found else None


RELATIVE_DAYS = {"اليوم": 0, "أمس": -1, "امس": -1, "البارحة": -1, "أول أمس": -2, "اول امس": -2, "أول امس": -2}


def resolve_relative(expression: str, published: str | None) -> str | None:
    """Resolve "أمس", "أول أمس" … against a known publication date, else None."""
    if not published or expression not in RELATIVE_DAYS:
        return None
    return (date.fromisoformat(published) + timedelta(days=RELATIVE_DAYS[expression])).isoformat()


# --- Speakers -------------------------------------------------------------------

# Verbs of saying that introduce a speaker: قال فلان، أكد فلان …
SPEECH_VERBS = (
    "قال", "قالت", "أكد", "أكدت", "اكد", "اكدت", "أوضح", "أوضحت", "اوضح", "اوضحت", "أشار", "أشارت",
    "اشار", "اشارت", "صرح", "صرحت", "لفت", "لفتت", "نوه", "نوهت", "أعلن", "أعلنت", "اعلن", "اعلنت",
    "شدد", "شددت", "ذكر", "ذكرت", "أفاد", "أفادت", "افاد", "افادت", "أضاف", "أضافت", "اضاف", "اضافت",
    "تابع", "تابعت", "أردف", "أردفت", "اعتبر", "اعتبرت", "رأى", "رأت", "دعا", "دعت", "طالب", "طالبت",
    "حذر", "حذرت", "كشف", "كشفت", "أعرب", "أعربت", "يؤكد", "تؤكد", "يقول", "تقول",
)

# Titles and roles that precede a name and are not part of it.
TITLE_WORDS = frozenset(
    """
    الرئيس المشترك المشتركة رئيس رئيسة نائب وزير وزيرة الوزير الوزيرة الناطق الناطقة المتحدث المتحدثة
    باسم العضو عضو عضوة القائد القائدة قائد مدير مديرة المدير المديرة الأمين الامين العام العامة
    السفير السفيرة الشيخ الدكتور الدكتورة د. المهندس المحامي الكاتب الكاتبة الصحفي الصحفية الإداري
    الاداري الإدارية الادارية المسؤول المسؤولة مسؤول مسؤولة الرئيسة الملك الأمير الامير السيد السيدة
    الرئيس الإداري لدائرة دائرة العلاقات الخارجية الخارجة في الإدارة الادارة الذاتية لشمال وشرق
    سوريا مجلس المجلس حزب الحزب لحزب منظمة المنظمة هيئة الهيئة مكتب المكتب الحكومة حكومة
    القوات قوات سوريا الديمقراطية الشعب الاتحاد الديمقراطي الوطني العربي الدولي الدولية لدى
    لجنة اللجنة مديرية المديرية اتحاد إدارة ادارة وزارة مؤسسة المؤسسة جمعية الجمعية شركة الشركة
    مركز المركز مستشفى المستشفى جامعة الجامعة معرض المعرض مدرسة المدرسة فريق الفريق منسقة منسق
    مديرة مدرب المدرب صاحب صاحبة الطبيب الطبيبة الطبيبة الشاعر الشاعرة المزارع المزارعة مهندس
    المهندس الزراعي الري المتحدثة الرئاسة الرئاسة المشتركة لمجلس الرقة المدني المنظمة اللجنة المنظمة
    """.split()
)

# Words that show the "speaker" is not a person: organisations and anonymous sources.
NOT_A_PERSON = frozenset(
    """
    مصدر مصادر مسؤولون مسؤولين مراسل مراسلنا بيان البيان تقرير التقرير الوكالة وكالة وزارة الوزارة
    الحكومة الجيش القيادة الشرطة المرصد المنظمة الأمم الامم إن ان أن انه أنه إنه انها أنها إنها
    إلى الى على في من عن مع هذا هذه ذلك الذي التي كما أيضا ايضا له لها لهم خلال عبر بأن بان
    """.split()
)

_NAME_WORD = r"[\u0621-\u064a\u0671-\u06d3]+"
_VERB_ALTERNATION = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
# ...و?أكد <title words> <name>، ...
_VERB_THEN_NAME = re.compile(
    rf"(?<![\u0621-\u064a])[وف]?(?:{_VERB_ALTERNATION})\s+((?:{_NAME_WORD}\s+){{0,12}}?{_NAME_WORD})\s*[،,:.(]"
)
# "NAME: quote" subheading, "NAME يؤكد …" headline (a line of its own).
_NAME_COLON_LINE = re.compile(rf"^((?:{_NAME_WORD}\s+){{1,3}}{_NAME_WORD})\s*:\s*\S")
_NAME_VERB_LINE = re.compile(rf"^((?:{_NAME_WORD}\s+){{1,3}}{_NAME_WORD})\s+(?:يؤكد|تؤكد|يقول|تقول|يدعو|تدعو|يحذر|تحذر)\s")


# Words that may stand before an ال-word inside a name: عبد الكريم, أبو الحسن.
NAME_LINKS = frozenset("عبد ابو أبو بن بنت ابن".split())


def _is_role(word: str) -> bool:
    """A title, role or organisation word (also with a leading ل: لدائرة, لهيئة)."""
    return (
        word in TITLE_WORDS
        or (word.startswith("ل") and len(word) > 3 and (word[1:] in TITLE_WORDS or "ال" + word[2:] in TITLE_WORDS))
    )


def _role_like(word: str) -> bool:
    """A word that may stand between a verb of saying and the name: a title,
    role or organisation word, or part of an organisation's name (الاقتصاد,
    والتعليم)."""
    if word in NOT_A_PERSON:
        return False
    return _is_role(word) or word.startswith(("ال", "وال", "لل"))


def _name_at_end(words: list[str]) -> list[str]:
    """The personal name that ends a run of words, after titles and roles.

    A name has two to four words; an ال-word may end it (a family name such
    as الحسن) or follow عبد/أبو/بن (عبد الكريم), but may not start it. Every
    word before the name must be a title, role or organisation word, so that
    a clause ("أكد على أهمية تحقيق تنسيق …") is not taken for a name.
    """
    for size in (4, 3, 2):
        if size > len(words):
            continue
        name, before = words[-size:], words[:-size]
        if not all(_role_like(w) for w in before):
            continue
        if name[0].startswith(("ال", "وال")) or name[0] in NAME_LINKS:
            continue
        if any(_is_role(w) or w in NOT_A_PERSON for w in name):
            continue
        inner = name[1:-1]
        if any(w.startswith(("ال", "وال")) and name[i] not in NAME_LINKS for i, w in enumerate(inner)):
            continue
        return name
    return []


def find_speakers(text: str) -> list[str]:
    """People quoted or reported as speaking in the text, in order of appearance.

    A name follows a verb of saying (after any titles, which are dropped) or
    heads a "NAME: quote" or "NAME يؤكد …" line; it must look like a personal
    name (two to four words, no article, no organisation word). A later
    reference by part of a known name ("جيا كرد") is the same person.
    """
    found: list[str] = []

    def add(words: list[str]):
        words = _name_at_end(words)
        if not words:
            return
        name = " ".join(words)
        # a later, shorter reference to a known speaker is the same person
        if any(name in known for known in found):
            return
        found.append(name)

    for line in text.split("\n"):
        line = line.strip()
        for pattern in (_NAME_COLON_LINE, _NAME_VERB_LINE):
            match = pattern.match(line)
            if match:
                add(match[1].split())
        for match in _VERB_THEN_NAME.finditer(line):
            add(match[1].split())
    return found
