"""Arabic text rules as pure functions on strings.

Nothing here knows about Whoosh, files or the command line. Each rule lives in a
module-level table so that a new rule is a new row:

* :func:`normalize` folds the spelling variants that readers treat as one word
  (a superset of Lucene's ``ArabicNormalizer``).
* :func:`is_stopword` recognises Arabic function words without swallowing names.
* :func:`stem` is a light stemmer in the Light-10 family (Larkey, Ballesteros &
  Connell) with clitic chains and protection for words it would break.

The code points are our own named constants rather than ``pyarabic.araby``'s:
this module runs on every query, and importing pyarabic costs about 16 ms there.
The test suite checks that our tables cover pyarabic's.
"""

from __future__ import annotations

import re
import unicodedata

# --- Code points ------------------------------------------------------------

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

# Combining hamza and madda: NFC composes them with the letter under them
# (ا + U+0654 → أ) before the letter table below folds the result.
COMBINING_HAMZA_MADDA = "\u0653\u0654\u0655"

# --- Normalization tables ---------------------------------------------------

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

# Arabic-Indic (U+0660–0669) and extended Persian/Urdu (U+06F0–06F9) digits.
DIGIT_FOLDS = {chr(base + i): str(i) for base in (0x0660, 0x06F0) for i in range(10)}

# Marks and invisible characters that are deleted.
DELETED = (
    TATWEEL
    + "".join(chr(c) for c in range(0x064B, 0x0653))  # harakat: tanween, short vowels, shadda, sukun
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


# --- Stopwords --------------------------------------------------------------

# Stopwords are compared in a lighter form that keeps ى, ة and hamza seats:
# على (a preposition) is a stopword while علي (a name) is not, and the
# feminine-marked forms stay distinct from names that only differ there.
# So the list spells out the other spellings that news and questions use:
# ى for ي where no content word is spelled the same (فى, هى, أى; not علي,
# nor الي, which is also آلي), and question words written together or with
# و (ماهي, بماذا, وأين).
_STOP_KEY_TABLE = str.maketrans(
    {
        ALEF_MADDA: ALEF,
        ALEF_HAMZA_ABOVE: ALEF,
        ALEF_HAMZA_BELOW: ALEF,
        ALEF_WASLA: ALEF,
        **{c: None for c in DELETED},
    }
)

STOPWORDS = frozenset(
    """
    من في على الى إلى عن مع ب ل ك و ف ثم او أو أم ام بل لكن لكنه لكنها لكن
    ان إن أن انه أنه إنه انها أنها إنها انهم أنهم إنهم اننا أننا لان لأن كان كانت كانوا يكون تكون
    ما ماذا لماذا كيف متى اين أين اي أي أية اية هل كم
    هو هي هم هما هن انا أنا نحن انت أنت انتم أنتم
    هذا هذه هذان هاتان هؤلاء ذلك تلك اولئك أولئك هنا هناك هنالك
    الذي التي الذين اللذان اللتان اللاتي اللواتي اللذين
    قد لقد لا لم لن ليس ليست سوف
    كل بعض غير عند عندما حتى حيث حين اذا إذا اذ إذ لو لولا كما كذلك ايضا أيضا
    منذ خلال بين بينما قبل بعد فوق تحت امام أمام خلف حول دون ضد لدى لدي نحو
    الا إلا الا الى عليه عليها عليهم اليه إليه اليها إليها منه منها منهم فيه فيها فيهم
    به بها بهم له لها لهم لنا لك عنه عنها عنهم معه معها
    وقد ولا ولم ولن وهو وهي وهم وفي ومن وعلى وإلى والى وعن وما وكان وكانت وأن وان وإن
    فقد فإن فان فلا فهو فهي
    يا اما أما إما اما لدى تم التى الذى يتم وتم
    فى هى وهى فهى اى أى متي حتي
    ماهي ماهى ماهو بماذا ولماذا ومتى ومتي وأين واين وكيف وهل وكم
    """.split()
)


def stopword_key(word: str) -> str:
    """The form in which a word is looked up in :data:`STOPWORDS`."""
    return word.translate(_STOP_KEY_TABLE)


_STOP_KEYS = frozenset(stopword_key(w) for w in STOPWORDS)


def is_stopword(word: str) -> bool:
    """True for an Arabic function word (the word as written, not normalized).

    >>> is_stopword("على"), is_stopword("علي")
    (True, False)
    """
    return stopword_key(word).lower() in _STOP_KEYS


# --- Light stemming ---------------------------------------------------------
# The stemmer works on normalized words (ة is already ه, ى is ي, أ is ا).

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

    >>> stem(normalize("وبالمخيمات")), stem(normalize("مخيم"))
    ('مخيم', 'مخيم')
    >>> stem(normalize("وزارة")), stem(normalize("فلسطين"))
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

    >>> proclitic_stem(normalize("لمرتزقة")), proclitic_stem(normalize("مرتزقة"))
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
