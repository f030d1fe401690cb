"""Light stemming of normalized Arabic words (Light-10 family, extended).

After Larkey, Ballesteros & Connell's Light-10: clitic chains and suffixes
removed one after another, with length guards, and protection for words a
light stemmer would break. The rules live in module-level tables, longest
first, so that a new rule is a new row. The stemmer works on normalized words
(ة is already ه, ى is ي, أ is ا).
"""

from __future__ import annotations

from archive_search.text.letters import WAW


# Definite-article chains: (و|ف)? + (ب|ك|ل)? + ال, and لل (ل + ال, alef elided).
# Longest first; each keeps at least MIN_STEM letters after it.
ARTICLE_PREFIXES = tuple(
    sorted(
        {
            conj + prep + art
            for conj in ("", "و", "ف")
            for prep, art in (("", "ال"), ("ب", "ال"), ("ك", "ال"), ("ل", "ل"))
        },
        key=len,
        reverse=True,
    )
)

# Conjunction و alone is stripped when at least three letters remain, unless the
# word is one of WAW_WORDS (its و belongs to the word).
CONJUNCTION_PREFIX = WAW
MIN_AFTER_CONJUNCTION = 3

# Suffixes, longest first: (suffix, letters the stem must keep). Suffixes are
# removed one after another (جهودهم, الفلسطينيين → فلسطيني → فلسطين) while
# each keeps its minimum.
SUFFIXES = (
    ("هما", 3),  # pronoun them two: مواقفهما → مواقف
    ("ات", 3),  # feminine plural: مخيمات → مخيم
    ("ون", 3),  # masculine plural: مسؤولون → مسؤول
    ("ين", 3),  # masculine plural / dual oblique: معتقلين → معتقل
    ("ان", 4),  # dual: اجتماعان → اجتماع; four letters kept, as many words end in ان (اعلان, بيان)
    ("ها", 3),  # pronoun her/its: جهودها → جهود
    ("هم", 3),  # pronoun them: اسرهم → اسر
    ("يه", 3),  # nisba feminine (ية): الدولية → دول
    ("ه", 3),  # taa marbuta (normalized) or pronoun his: المدرسة → مدرس
    ("ي", 3),  # nisba / pronoun my: دولي → دول
    # Only from longer words, as many short ones end in these letters (بيت, وقت, هنا, كندا):
    ("ا", 4),  # adverbial accusative (رسمياً → رسم, as الرسمي) and country names (ليبيا → ليب, as الليبية)
    ("ت", 4),  # feminine past tense: انسحبت → انسحب
)

MIN_STEM = 2

# Words whose first و is part of the word, written in their stemmed form
# (so that وزارة, وزارات, ووزارة all keep it). Common news vocabulary.
WAW_WORDS = frozenset(
    """
    وزير وزار وزراء وزر ولاي ولايات وليد ولد اولاد ولاد والد والدي
    واشنطن وطن وطني وقت اوقات وقع وقائع واقع وضع اوضاع وصل وصول وجد وجود وجه وجهه
    وحد وحده واحد وحدات وحيد وفد وفود وفا وفاه وكال وكالات وسط اوسط وسائل وسيل
    ورق وثيق وثائق وعد وعود وعي ولي اولي وراء ورد وزن وصف واجب وجب وظيف وظائف
    ودي وادي وقف وقود وقاي وهم وهب وهاب ولاء وفق اتفاق وافق موافق ورث وارث
    وسع واسع وضح واضح وقوع ورش وبا وباء ولايه وزاره وكاله وثيقه وظيفه وحده
    """.split()
)

# Names and loanwords that light stemming mangles; left exactly as they are.
PROTECTED_WORDS = frozenset(
    """
    فلسطين بوتين واشنطن حسين ياسين امين ياسمين تشرين كانون برلين بكين
    لبنان عمان يونان ايران اذربيجان افغانستان باكستان كردستان تركمانستان طاجيكستان
    اوزبكستان سودان بحرين
    عثمان سلمان سليمان رمضان شعبان عدنان حنان غسان حسان رضوان عمران
    بنيامين نتنياهو ترامب اوباما بايدن ماكرون اردوغان روحاني
    هذه هذا هذي هاتين هذين الذي التي الذين
    دمشق موسكو باريس لندن بغداد
    """.split()
)


# SUFFIXES by their last letter, in the same order: only those can match.
_SUFFIXES_ENDING_IN: dict[str, tuple[tuple[str, int], ...]] = {
    last: tuple(rule for rule in SUFFIXES if rule[0][-1] == last) for last in {s[-1] for s, _ in SUFFIXES}
}


def _strip_suffix(word: str) -> str:
    stripped = True
    while stripped and word and word not in PROTECTED_WORDS:
        stripped = False
        for suffix, keep in _SUFFIXES_ENDING_IN.get(word[-1], ()):
            if word.endswith(suffix) and len(word) - len(suffix) >= keep:
                word = word[: -len(suffix)]
                stripped = True
                break
    return word


def stem(word: str) -> str:
    """Light stem of a normalized word.

    Rules, in order:

    1. Protected names and loanwords (:data:`PROTECTED_WORDS`) are kept whole.
    2. An article chain is removed (:data:`ARTICLE_PREFIXES`: ال وال فال بال
       كال لل وبال فبال ولل …), keeping at least two letters; otherwise a
       conjunction و is removed when three letters remain and the word is not
       one whose و is its own (:data:`WAW_WORDS`).
    3. Suffixes are removed one after another (:data:`SUFFIXES`), each
       keeping its minimum length, until none applies or the word is a
       protected one.

    >>> stem("وبالمخيمات"), stem("مخيم")
    ('مخيم', 'مخيم')
    >>> stem("وزاره"), stem("فلسطين")  # وزارة and فلسطين, normalized
    ('وزار', 'فلسطين')
    """
    if len(word) <= MIN_STEM or word in PROTECTED_WORDS:
        return word
    if word.startswith(ARTICLE_PREFIXES):  # one test in C before the one by one
        for prefix in ARTICLE_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
                return _strip_suffix(word[len(prefix):])
    if (
        word.startswith(CONJUNCTION_PREFIX)
        and len(word) - 1 >= MIN_AFTER_CONJUNCTION
        and not _is_waw_word(word)
    ):
        word = word[1:]
    return _strip_suffix(word)


def _is_waw_word(word: str) -> bool:
    return word in WAW_WORDS or _strip_suffix(word) in WAW_WORDS


# Prepositions (with an optional conjunction) that the light stemmer leaves on
# a word, since a first ب, ل or ك is as often the word's own (بريطانيا, لبنان).
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "ب", "ل", "ك")
MIN_AFTER_PROCLITIC = 5


def proclitic_stem(word: str, own_stem: str | None = None) -> str | None:
    """The stem of a normalized word read as preposition + word, or None.

    لمرتزقه → مرتزق (so that a phrase "مرتزقة داعش" finds "لمرتزقة داعش");
    None when no preposition can be split off (at least five letters must
    remain, not starting with ال, which :func:`stem` already handles) or when
    the result is the word's own stem (``own_stem``, if the caller has it).

    >>> proclitic_stem("لمرتزقه"), proclitic_stem("مرتزقه")  # لمرتزقة, مرتزقة normalized
    ('مرتزق', None)
    """
    if not word.startswith(PROCLITICS):
        return None
    for prefix in PROCLITICS:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= MIN_AFTER_PROCLITIC and not rest.startswith("ال"):
            split = stem(rest)
            return split if split != (own_stem if own_stem is not None else stem(word)) else None
    return None
