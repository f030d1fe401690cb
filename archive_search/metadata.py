"""Speaker and date found in an article's text when its file does not state them.

Pure functions on strings; nothing here reads files. Dates are never invented:
no file times, no "today"; a relative expression resolves only against a
known publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from itertools import compress, count

from archive_search.arabic import DIGIT_FOLDS

_DIGITS = str.maketrans(DIGIT_FOLDS)
# Word caches: a news archive has a few hundred thousand distinct tokens, and
# a cache of every token smaller than that is emptied as fast as it fills;
# the steps behind it see each token once and need little.
_CACHE_SIZE = 1 << 19
_STEP_CACHE_SIZE = 1 << 15
_OTHER_DIGIT = re.compile("[" + "".join(DIGIT_FOLDS) + "]")

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

# Days written as ordinals: "العاشر من تشرين الأول 2022".
_UNITS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
ORDINAL_DAYS = {word: n for n, word in enumerate(_UNITS, 1)}
ORDINAL_DAYS.update({"العاشر": 10, "الحادي عشر": 11, "العشرين": 20, "الثلاثين": 30})
ORDINAL_DAYS.update({f"{word} عشر": 10 + n for n, word in enumerate(_UNITS, 1) if n > 1})
ORDINAL_DAYS.update({f"{'الحادي' if n == 1 else word} والعشرين": 20 + n for n, word in enumerate(_UNITS, 1)})
ORDINAL_DAYS["الحادي والثلاثين"] = 31
_ORDINAL_ALTERNATION = "|".join(sorted((re.escape(w) for w in ORDINAL_DAYS), key=len, reverse=True))
_ORDINAL_DATE = re.compile(
    rf"(?<![\u0621-\u064a])({_ORDINAL_ALTERNATION})\s+من\s+(?:شهر\s+)?({_MONTH_ALTERNATION})"
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


RELATIVE_DAYS = {"اليوم": 0, "أمس": -1, "امس": -1, "البارحة": -1, "أول أمس": -2, "اول امس": -2, "أول امس": -2}


def resolve_relative(expression: str, published: str | None) -> str | None:
    """Resolve "أمس", "أول أمس" … against a known publication date, else None."""
    if not published or expression not in RELATIVE_DAYS:
        return None
    return (date.fromisoformat(published) + timedelta(days=RELATIVE_DAYS[expression])).isoformat()


# --- Speakers -------------------------------------------------------------------
# Words are compared without harakat and tatweel (_key), and looked up in the
# tables below with alef forms and hamza seats folded (_fold), so that مسئول
# and مسؤول, أكد and اكد are one entry.

_KEY_TABLE = str.maketrans({"ـ": None, **{chr(c): None for c in range(0x064B, 0x0653)}})
_FOLD_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "ء", "ئ": "ء"})


@lru_cache(maxsize=_STEP_CACHE_SIZE)
def _key(word: str) -> str:
    """The word without harakat and tatweel (hamza forms kept: أليكسي is not an ال-word)."""
    return word.translate(_KEY_TABLE)


@lru_cache(maxsize=_STEP_CACHE_SIZE)
def _fold(key: str) -> str:
    """A key with alef forms and hamza seats folded, as the tables are looked up."""
    return key.translate(_FOLD_TABLE)


def _table(words: str) -> frozenset:
    return frozenset(_fold(w) for w in words.split())


# Verbs of saying that introduce a speaker: قال فلان، أكد فلان …
SPEECH_VERBS = _table(
    """
    قال قالت اكد اكدت اوضح اوضحت اشار اشارت صرح صرحت لفت لفتت نوه نوهت اعلن اعلنت
    شدد شددت ذكر ذكرت افاد افادت اضاف اضافت اردف اردفت اعتبر اعتبرت راى رات
    دعا دعت حذر حذرت كشف كشفت اعرب اعربت اشاد اشادت اعترف اعترفت نفى نفت تساءل تساءلت
    """
)


def _unfolded(key: str) -> set[str]:
    """Every spelling that folds to key (alef forms, hamza seats)."""
    spellings = {""}
    for letter in key:
        choices = _UNFOLD.get(letter, letter)
        spellings = {s + c for s in spellings for c in choices}
    return spellings


_UNFOLD = {"ا": "اأإآٱ", "ء": "ءؤئ"}
# Every way a verb of saying (or و/ف + verb) can be written without harakat or
# tatweel: a line whose words miss them all, and that has no harakat or
# tatweel, is not read word by word.
_SPEECH_SURFACES = frozenset(
    spelling for verb in SPEECH_VERBS for form in (verb, "و" + verb, "ف" + verb) for spelling in _unfolded(form)
)
_MARK = re.compile("[\u064b-\u0652\u0640]")
# Left out on purpose: بين (also "between"), طالب (also "student"), تابع, رد
# (also nouns), and present tenses (يؤكد …), whose subject comes before them.

# Titles, roles and organisation words that stand before a name and are not
# part of it ("الرئيس المشترك لدائرة العلاقات الخارجية … بدران جيا كرد").
TITLE_WORDS = _table(
    """
    رئيس رئيسة نائب وزير وزيرة عضو عضوة قائد قائدة مدير مديرة امين سفير سفيرة شيخ دكتور
    دكتورة مهندس مهندسة محامي محامية كاتب كاتبة صحفي صحفية مسؤول مسؤولة ملك امير اميرة سيد سيدة
    مجلس حزب منظمة هيئة مكتب حكومة قوات دائرة ادارة اتحاد وزارة مؤسسة جمعية شركة مركز
    مستشفى جامعة معرض مدرسة فريق لجنة مديرية نقابة قسم فرع ادارة بلدية محافظ محافظة
    منسق منسقة مدرب صاحب صاحبة طبيب طبيبة شاعر شاعرة مزارع مزارعة مخرج مخرجة لاعب لاعبة
    حارس نجم نجمة عالم عالمة باحث باحثة استاذ استاذة نقيب عقيد لواء عميد رائد مقدم ملازم
    مستشار مستشارة قنصل متحدث متحدثة ناطق ناطقة مراسل مراسلة مندوب مندوبة خبير خبيرة
    مدافع مهاجم رجل سيدة الاعمال رئاسة عام عامة زعيم زعيمة قيادي قيادية ممثل ممثلة
    قصر موقع محطة معهد منطقة مدينة ولاية تعليم ملتقى مرض مطار ميناء سوق قناة صحيفة كرة
    برلمان البرلمان مجمع ديوان سفارة قنصلية نادي منتخب مكتبة متحف حكم معلم معلمة مربي
    وكيل حاكم مجلة معالي سمو سموه فخامة تنظيم تحالف صندوق شبكة خفر شؤون بقيادة حرس
    """
)

# Words after a verb of saying that show the subject is not a named person.
NOT_A_PERSON = _table(
    """
    مصدر مصادر مسؤولون مسؤولين مراسل مراسلنا بيان تقرير وكالة وزارة حكومة جيش قيادة شرطة
    منظمة علماء خبراء باحثون شهود متحدث ناشطون سكان مواطنون مصدرا مسؤول قيادي اطباء
    ان انه انها انهم انا اننا على الى في من عن مع هذا هذه ذلك تلك الذي التي كما ايضا له لها لهم
    خلال عبر بان بانه ما لا لم لن قد كل بعض عدد اكثر امس اليوم مساء صباح يوم حول انهما
    دراسة دراسه دورة دوره اخرون البعض رسميا موقع محطة وجود شركة صحيفة قناة تقارير وسائل صحف
    اسمه سابقا احد اخر بعضهم قائلة مؤخرا لي نفس حالة دبلوماسيون محللون مراقبون خبراء شاهد شهود
    """
)

# Words that end a name: particles, time words, "in a statement to".
NAME_ENDS = _table(
    """
    ان انه انها انهم اننا انهما في على عن من الى خلال عبر امس اليوم يوم مساء صباح قائلا مضيفا
    مشيرا مؤكدا موضحا معتبرا وقال واضاف واكد واوضح حسب وفق بحسب الذي التي الذين ان لدى اثناء
    به بها بهم بهما له لها لهم لهما فيه فيها فيهم عنه عنها عنهم منه منها منهم اليه اليها اليهم
    عليه عليها عليهم معه معها معهم لنا لكم ل
    """
)

# Words that may stand between parts of a name: عبد الكريم, بن, أبو.
NAME_LINKS = _table("عبد ابو أبو بن بنت ابن")

# Titles of a person (not of an organisation): "قال مدير شرطة أوستن X" names a
# person, "أعلنت هيئة التربية والتعليم نتائج …" does not.
PERSON_TITLES = _table(
    """
    رئيس رئيسة نائب وزير وزيرة عضو عضوة قائد قائدة مدير مديرة امين سفير سفيرة شيخ دكتور
    دكتورة مهندس مهندسة محامي محامية كاتب كاتبة صحفي صحفية مسؤول مسؤولة ملك امير اميرة
    سيد سيدة محافظ منسق منسقة مدرب صاحب صاحبة طبيب طبيبة شاعر شاعرة مزارع مزارعة مخرج
    مخرجة لاعب لاعبة حارس نجم نجمة عالم عالمة باحث باحثة استاذ استاذة نقيب عقيد لواء عميد
    رائد مقدم ملازم مستشار مستشارة قنصل متحدث متحدثة ناطق ناطقة مراسل مراسلة مندوب مندوبة
    خبير خبيرة مدافع مهاجم رجل زعيم زعيمة قيادي قيادية ممثل ممثلة حكم معلم معلمة مربي
    """
)

# First names written with the article, common in the Maghreb and the Levant.
ARTICLE_FIRST_NAMES = _table(
    """
    المختار المستوري المنصف الحبيب الهادي الطاهر الصادق الباجي المنجي الناصر الازهر
    المولدي الطيب البشير الامين المهدي الفاضل
    """
)

_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u0652\u0640]+|[A-Za-z]+|\d+|[^\s\w]")
_PUNCT_END = set("،,:.؛;!?()\"«»[]“”'-–")


def _bare(word: str) -> str:
    """A name word for comparing references: folded, without the article
    (صمودي and الصمودي are one family name)."""
    key = _fold(_key(word))
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def _is_arabic_word(token: str) -> bool:
    return "\u0621" <= token[0] <= "\u06d3"


@lru_cache(maxsize=_CACHE_SIZE)
def _is_speech_verb(token: str) -> bool:
    return _is_arabic_word(token) and _is_verb(_key(token))


@lru_cache(maxsize=_STEP_CACHE_SIZE)
def _is_verb(key: str) -> bool:
    key = _fold(key)
    return key in SPEECH_VERBS or (key[:1] in "وف" and key[1:] in SPEECH_VERBS)


_TITLE_PREFIXES = ("ال", "وال", "لل", "بال", "ل", "ب")


@lru_cache(maxsize=_STEP_CACHE_SIZE)
def _is_role(key: str) -> bool:
    """A title, role or organisation noun, bare or with the article or a
    preposition in front (رئيس، الرئيس، لدائرة، بمعهد)."""
    key = _fold(key)
    # also the feminine of a title: أمينة, مديرة
    forms = (key, key[:-1]) if key.endswith("ة") else (key,)
    return any(
        form in TITLE_WORDS or any(form.startswith(p) and form[len(p):] in TITLE_WORDS for p in _TITLE_PREFIXES)
        for form in forms
    )


@lru_cache(maxsize=_STEP_CACHE_SIZE)
def _is_person_title(key: str) -> bool:
    key = _fold(key)
    forms = (key, key[:-1]) if key.endswith("ة") else (key,)
    return any(form in PERSON_TITLES or any(form.startswith(p) and form[len(p):] in PERSON_TITLES for p in ("ال", "وال"))
               for form in forms)


@lru_cache(maxsize=_STEP_CACHE_SIZE)
def _is_title(key: str) -> bool:
    """A role, or any word with the article (an adjective of a title: السوري)."""
    return _is_role(key) or (key.startswith(("ال", "لل", "بال", "وال")) and _fold(key) not in ARTICLE_FIRST_NAMES)


@lru_cache(maxsize=_STEP_CACHE_SIZE)
def _not_person(key: str) -> bool:
    return _fold(key) in NOT_A_PERSON


@lru_cache(maxsize=_STEP_CACHE_SIZE)
def _ends_name(key: str, name_so_far: int) -> bool:
    folded = _fold(key)
    if folded in NAME_ENDS or folded in NOT_A_PERSON or _is_role(key):
        return True
    # "كيلي لشبكة …", "قال … لوكالة": a preposition + feminine noun follows the name
    return name_so_far > 0 and key[:1] in "لب" and key.endswith(("ة", "ه")) and len(key) > 3


def _name_after_verb(tokens: list[str], i: int) -> tuple[list[str], str | None]:
    """The name that a verb of saying at tokens[i - 1] introduces, or [];
    and, for "وأضاف الحسن أن", the one family name that refers back to someone."""
    n = len(tokens)
    seen_title = proper_title = False
    if i < n and _fold(_key(tokens[i])) in ("ذلك", "هذا"):
        i += 1
    start = i
    while i < n:  # titles and roles, possibly closed by a comma (apposition)
        token = tokens[i]
        if token in ("،", ",") and seen_title:
            i += 1
            continue
        if not _is_arabic_word(token):
            return [], None
        key = _key(token)
        if _fold(key) in NAME_ENDS:
            break
        if _not_person(key) and not proper_title:
            return [], None
        if _is_title(key) or _not_person(key):
            seen_title = True
            proper_title = proper_title or _is_person_title(key)
            i += 1
            continue
        if _fold(key) in ("في", "باسم") and seen_title and i + 1 < n and _key(tokens[i + 1]).startswith("ال"):
            i += 1  # "… في الإدارة الذاتية", "المتحدث باسم الخارجية"
            continue
        break
    if seen_title and not proper_title:
        # "أكدت الشرطة وجود …", "أعلنت هيئة التربية نتائج …": an organisation
        # and its words; "وأضاف الحسن أن" refers back to a person by family name.
        ends = i >= n or not _is_arabic_word(tokens[i]) or _fold(_key(tokens[i])) in NAME_ENDS
        return [], (tokens[start] if i == start + 1 and ends else None)
    name, i = _name_at(tokens, i)
    # "قال الأستاذ بمعهد حمام سوسة 2، خالد الأندلسي، إنه": the name after the comma
    j = i
    while j < n and tokens[j].isdigit():
        j += 1
    if name and j < n and tokens[j] in ("،", ","):
        second, k = _name_at(tokens, j + 1)
        if 2 <= len(second) <= 3 and (k >= n or not _is_arabic_word(tokens[k]) or _ends_name(_key(tokens[k]), 1)):
            name = second
    if len(name) == 1 and (seen_title or (i < n and _is_arabic_word(tokens[i]) and _is_role(_key(tokens[i])))):
        # "وقال قصر كينسنغتون": one word after a title is rarely a person, and
        # one before a title is itself a title ("قال مساعد وزير …")
        return [], None
    return name, None


def _name_at(tokens: list[str], i: int) -> tuple[list[str], int]:
    """The personal name starting at tokens[i] (up to four words) and where it ends."""
    n = len(tokens)
    name: list[str] = []
    while i < n and len(name) < 5:
        token = tokens[i]
        if not _is_arabic_word(token):
            break
        key = _key(token)
        if _ends_name(key, len(name)) or len(key) < 2:
            break
        if key.startswith("ال") and _fold(key) not in ARTICLE_FIRST_NAMES:
            if not name:
                break
            name.append(token)  # a family name (الحسن) closes the name …
            i += 1
            if i < n and _key(tokens[i]) == "الله":
                name.append(tokens[i])  # … with الله after it: العبد الله
                i += 1
                break
            if _fold(_key(name[-2])) not in NAME_LINKS:
                break
            continue  # … unless it follows عبد/أبو (عبد الكريم)
        name.append(token)
        i += 1
    if len(name) > 3 and not any(_fold(_key(w)) in NAME_LINKS for w in name):
        name = name[-2:]  # what remains of a title before the name
    while name and _fold(_key(name[-1])) in NAME_LINKS:
        name.pop()
    return name, i


def _expand(word: str, tokens: list[str]) -> list[str]:
    """A one-word name completed with the first name it has elsewhere in the
    text ("وقال شتاينتز" → يوفال شتاينتز), if any."""
    for j in range(1, len(tokens)):
        if tokens[j] == word:
            before = tokens[j - 1]
            key = _key(before)
            if (_is_arabic_word(before) and not _is_title(key) and not _not_person(key)
                    and _fold(key) not in NAME_ENDS and not _is_verb(key) and key[:1] not in "وف"
                    and not key.endswith(("ه", "ها", "هم"))):
                return [before, word]
    return [word]


# "NAME: quote" subheadings and "NAME يؤكد …" headlines, one line each.
_NAME_COLON_LINE = re.compile(r"^((?:[\u0621-\u064a\u0671-\u06d3]+\s+){1,3}[\u0621-\u064a\u0671-\u06d3]+)\s*:\s*\S")
_NAME_VERB_LINE = re.compile(r"^((?:[\u0621-\u064a\u0671-\u06d3]+\s+){1,3}[\u0621-\u064a\u0671-\u06d3]+)\s+(?:يؤكد|تؤكد|يقول|تقول|يدعو|تدعو|يحذر|تحذر)\s")


def find_speakers(text: str) -> list[str]:
    """People quoted or reported as speaking in the text, in order of appearance.

    A name follows a verb of saying, after any titles and roles (which are
    dropped: "أكد الرئيس المشترك لدائرة العلاقات الخارجية بدران جيا كرد، أن"),
    and ends at a particle, a comma or a role; a one-word name is completed
    from elsewhere in the text. A "NAME: quote" or "NAME يؤكد …" line counts
    only if that person is also reported speaking. Later references by part of
    a known name ("جيا كرد") are the same person; anonymous sources and
    organisations are not speakers.
    """
    lines = [line.strip() for line in text.split("\n")]
    tokens_all: list[str] | None = None  # the whole text's words, read only for one-word names
    spoken: list[list[str]] = []
    references: set[str] = set()
    for line in lines:
        tokens = _WORD.findall(line)
        if _SPEECH_SURFACES.isdisjoint(tokens) and not _MARK.search(line):
            continue  # no verb of saying on this line
        # the positions of verbs of saying, found without a Python-level loop over every word
        for i in compress(count(), map(_is_speech_verb, tokens)):
            name, reference = _name_after_verb(tokens, i + 1)
            if len(name) == 1:
                if tokens_all is None:
                    tokens_all = _WORD.findall(text)
                name = _expand(name[0], tokens_all)
            if name:
                spoken.append(name)
            if reference:
                references.add(_bare(reference))
    spoken_keys = {_bare(w) for name in spoken for w in name} | references
    found: list[str] = []

    def add(words: list[str]) -> None:
        name = " ".join(words)
        key = " ".join(_bare(w) for w in words)
        for k, known in enumerate(found):
            known_key = " ".join(_bare(w) for w in known.split())
            if key == known_key or f" {key} " in f" {known_key} ":
                return  # a later, shorter reference
            if f" {known_key} " in f" {key} ":
                found[k] = name  # the fuller form, seen later
                return
        found.append(name)

    for line in lines:
        for pattern in (_NAME_COLON_LINE, _NAME_VERB_LINE):
            match = pattern.match(line)
            if match:
                words = match[1].split()
                if (_bare(words[-1]) in spoken_keys and not _is_title(_key(words[0]))
                        and not any(_is_verb(_key(w)) for w in words)):
                    add(words)
    for name in spoken:
        add(name)
    return found


def clear_caches() -> None:
    """Forget the word caches (see :func:`archive_search.analysis.clear_caches`)."""
    for cached in (_key, _fold, _is_speech_verb, _is_verb, _is_role, _is_person_title, _is_title, _not_person,
                   _ends_name):
        cached.cache_clear()
