"""The speaker finder as it was before issue 14 (``archive_search/articles/speakers.py``
until then), kept unchanged so that ``bench/speakers.py`` can score and time
the before and the after side by side. Nothing in the package imports it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, count

from archive_search.text.letters import ARABIC_LETTERS, HARAKAT, TATWEEL, characters

# Word caches: a news archive has a few hundred thousand distinct tokens, and
# a cache of every token smaller than that is emptied as fast as it fills;
# the steps behind it see each token once and need little.
_CACHE_SIZE = 1 << 19
_STEP_CACHE_SIZE = 1 << 15

# Words are compared without harakat and tatweel (_key), and looked up in the
# tables below with alef forms and hamza seats folded (_fold), so that مسئول
# and مسؤول, أكد and اكد are one entry.

_KEY_TABLE = str.maketrans({c: None for c in TATWEEL + characters(HARAKAT)})
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
_MARK = re.compile(f"[{HARAKAT}{TATWEEL}]")
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

_WORD = re.compile(f"[{ARABIC_LETTERS}{HARAKAT}{TATWEEL}]+|[A-Za-z]+|\\d+|[^\\s\\w]")


def _bare(word: str) -> str:
    """A name word for comparing references: folded, without the article
    (صمودي and الصمودي are one family name)."""
    key = _fold(_key(word))
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def _is_arabic_word(token: str) -> bool:
    # a token of _WORD starting with a letter or a haraka (U+0621 … U+06D3)
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
_NAME = f"((?:[{ARABIC_LETTERS}]+\\s+){{1,3}}[{ARABIC_LETTERS}]+)"
_NAME_COLON_LINE = re.compile(f"^{_NAME}\\s*:\\s*\\S")
_NAME_VERB_LINE = re.compile(f"^{_NAME}\\s+(?:يؤكد|تؤكد|يقول|تقول|يدعو|تدعو|يحذر|تحذر)\\s")


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
