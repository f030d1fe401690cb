"""The word lists behind the speaker finder, and the class of one word.

The lists are plain UTF-8 files in ``archive_search/articles/speakers/lexicons/`` (one entry a
line, ``#`` starts a comment). Entries are compared in two forms:

* :func:`fold` (the archive's :func:`~archive_search.text.normalize.normalize`: alef
  forms, hamza seats, ى/ي and ة/ه folded) for names, titles, organisations,
  places, media and nouns, so that ``فاطمة`` and ``فاطمه`` are one name;
* :func:`light` (marks removed, alef forms folded, ى, ة and hamza seats kept)
  for function words and verbs of saying, so that the preposition ``على`` is
  not the name ``علي`` and the verb ``روى`` is not the name ``روي``.

:func:`word_class` gives one word's class (a ``W_*`` constant) and whether a
conjunction و/ف stands glued in front of it.
"""

from __future__ import annotations

from pathlib import Path

from archive_search.text.letters import (
    ALEF, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_MADDA, ALEF_WASLA, NAME_MARKS,
)
from archive_search.text.normalize import normalize

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"

GIVEN_ORIGINS = ("arabic", "persian", "turkish", "kurdish", "european", "african", "asian")

_LIGHT_TABLE = str.maketrans({**dict.fromkeys(NAME_MARKS),
                              **dict.fromkeys((ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_MADDA, ALEF_WASLA), ALEF)})


def light(word: str) -> str:
    """The word without harakat and tatweel, alef forms folded (ى, ة, ؤ, ئ kept)."""
    return word.translate(_LIGHT_TABLE)


def fold(word: str) -> str:
    """The word as names are compared: :func:`archive_search.text.normalize.normalize`."""
    return normalize(word)


def folded_words(words: str) -> frozenset[str]:
    """The words of a list written with spaces between them, each through :func:`fold`."""
    return frozenset(map(fold, words.split()))


def light_words(words: str) -> frozenset[str]:
    """The words of a list written with spaces between them, each through :func:`light`."""
    return frozenset(map(light, words.split()))


# Marks that set off a name or end what a sentence says, and the words that
# open what was said (إن, أن …): read by the attribution, phrases, subjects,
# triggers and resolution alike.
COMMAS = frozenset("،,")
DASHES = frozenset("-–—")
SENTENCE_MARKS = frozenset(".:؛;!؟?")
# Words that stand between a verb of saying and its subject: "وقال أيضا فلان",
# "وذكر حينها فلان", "وقال لنا فلان" (those told, then the subject); as written
# (the triggers read them so), folded where a line is read.
ASIDES = """ذلك بذلك هذا أيضا ايضا كذلك بدوره بدورها اليوم أمس امس الأحد الاثنين الإثنين الثلاثاء
    الأربعاء الاربعاء الخميس الجمعة السبت مساء الليلة حينها وقتها لنا"""
# "His side" after من, before or after the verb ("وأوضح من جهته فلان", "من جانبه، قال فلان"):
# as written (the triggers read them so), folded where a line is read.
SIDES = "جهته جهتها جانبه جانبها ناحيته ناحيتها"
# Statements a speaker makes ("في تصريح لفلان", "وأضاف فلان في مداخلة …").
STATEMENTS = folded_words("""تصريح تصريحات حديث بيان مقابلة تغريدة تدوينة كلمة رسالة تعليق
    مداخلة""")
# After ما and a verb of saying, what it said, then its subject ("وفق ما أفاد به فلان"); after
# a verb, of whom it was said ("وقال عنه فلان"): as written, folded where a line is read.
OF_IT = "به بها"
ABOUT_IT = "عنه عنها عنهم"
# Foreign given names spelled as Arabic function words: Lee, Ben, Anne, Le, Van (as written: آن is no أن).
FOREIGN_FIRSTS = frozenset("لي بين آن لو فان".split())
# The كان that opens "وكانت فلانة، …، قد قالت".
WAS = "كان كانت وكان وكانت"
# Nouns of saying after بحسب/وفق ("حسب قول الناشط فلان", "وفق تأكيد فلان"); as written (the
# triggers read them so), folded where a line is read.
SAYINGS = "قول تعبير رواية كلام تصريحات تصريح شهادة تأكيد تأكيدات إفادة"
SAID_OPENERS = folded_words("""إن أن إنه أنه إنها أنها بأن بأنه بأنها إنني أنني إننا أننا إنهم أنهم
    بأنهم إنهما أنهما""")


def load_lexicon(name: str, key=fold) -> frozenset[str]:
    """The entries of ``lexicons/<name>.txt``, each in the form ``key`` gives."""
    entries = set()
    for line in (LEXICON_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entries.add(key(line))
    return frozenset(entries)


GIVEN_BY_ORIGIN = {origin: load_lexicon(f"given_{origin}") for origin in GIVEN_ORIGINS}
GIVEN_NAMES = frozenset().union(*GIVEN_BY_ORIGIN.values())
TITLES = load_lexicon("titles")
# Clubs are organisations; their names are kept apart too (evidence.a_body_elsewhere).
CLUBS = load_lexicon("clubs")
ORGANISATIONS = load_lexicon("organisations") | CLUBS
PLACES = load_lexicon("places")
MEDIA = load_lexicon("media")
NATIONALITIES = load_lexicon("nationalities")
NOUNS = load_lexicon("common_nouns")
FUNCTION_WORDS = load_lexicon("function_words", light)
SPEECH_VERBS = load_lexicon("speech_verbs", light)
# Everything that is never part of a person's name.
NEVER_NAMES = ORGANISATIONS | PLACES | MEDIA | NATIONALITIES | NOUNS | frozenset(fold(w) for w in FUNCTION_WORDS)

# Words that are a given name or a title (أمين، مساعد، أمير): a name when a
# name word follows, a title otherwise ("مساعد الزهراني", "مساعد وزير").
TITLE_OR_GIVEN = GIVEN_NAMES & TITLES
# بن/بنت/ابن/ولد (son, daughter of), آل (family of; folds to ال), أبو/أبي/أم
# (kunya) and عبد: each binds the word after it into the name.
# The particles of European names (دي ميستورا، دا سيلفا، فون براون) bind the word after them too.
LINKS = folded_words("بن بنت ابن ولد آل أبو ابو أبي ابي أم عبد دي دا دو ديل فون")
# Second halves of compound given names: نور الدين، نصر الله، سيف الإسلام.
COMPOUND_SECONDS = folded_words("الدين الله الإسلام الحق العرب الزمان الرحمن النبي")

# Word classes.
W_PUNCT, W_FUNC, W_VERB, W_LINK, W_GIVEN, W_AMBIG, W_TITLE = range(7)
W_ORG, W_PLACE, W_MEDIA, W_NAT, W_NOUN, W_AL, W_PREP, W_OTHER = range(7, 15)
# Classes that can be part of a name, and those that say "an organisation,
# a place, a medium, a thing" when they stand first after a verb.
NAME_CLASSES = frozenset((W_LINK, W_GIVEN, W_AMBIG, W_AL, W_OTHER))
NOT_PERSON_CLASSES = frozenset((W_ORG, W_PLACE, W_MEDIA, W_NOUN, W_NAT))

_ARTICLES = ("وال", "فال", "بال", "كال", "لل", "ال")
_PRONOUNS = ("هما", "هم", "ها", "كم", "نا", "ه")
_DEFINITE_CLASSES = ((TITLES, W_TITLE), (ORGANISATIONS, W_ORG), (PLACES, W_PLACE), (MEDIA, W_MEDIA),
                     (NATIONALITIES, W_NAT), (NOUNS, W_NOUN))


# Each entry of the tables above with its class, the first table's that lists it.
_LEXICAL: dict[str, int] = {}
for _table, _cls in _DEFINITE_CLASSES:
    for _entry in _table:
        _LEXICAL.setdefault(_entry, _cls)


def _feminine(key: str) -> tuple[str, ...]:
    """The key and its singular masculine: for a word in ة (folded to ه) the
    masculine (مديرة → مدير), for a plural or a dual in ون/ين/ان/ات/تا/تين/تان
    the singular (صحفيين → صحفي، منظمات → منظمة، صحيفتا → صحيفة، خبيرتين → خبيرة)."""
    if key.endswith("ه") and len(key) > 3:
        return key, key[:-1]
    if key.endswith(("تين", "تان")) and len(key) > 5:
        return key, key[:-3] + "ه", key[:-3]  # a feminine dual: الخبيرتين، المستشارتان
    if key.endswith(("ون", "ين", "ان")) and len(key) > 4:
        return key, key[:-2]  # (also a dual: عضوان، خبيران)
    if key.endswith("تا") and len(key) > 4:
        return key, key[:-2] + "ه"  # a feminine dual before its complement: صحيفتا
    if key.endswith("ات") and len(key) > 4:
        return key, key[:-2] + "ه", key[:-2]
    return (key,)


def _lexical_class(key: str) -> int | None:
    """The class of a folded word (no article or preposition in front), or None."""
    for form in _feminine(key):
        cls = _LEXICAL.get(form)
        if cls is not None:
            return cls
    if not key.endswith(_PRONOUNS):
        return None
    for suffix in _PRONOUNS:  # دعمه، رفضها، محاميتها: a noun or title with a pronoun after it
        stem = key[: -len(suffix)]
        if key.endswith(suffix) and len(stem) >= 3:
            for form in (stem, stem[:-1] + "ه") if stem[-1] == "ت" else (stem,):
                for table, cls in ((NOUNS, W_NOUN), (TITLES, W_TITLE)):
                    if form in table or form.endswith("ه") and form[:-1] in table:
                        return cls
    return None


def _definite_class(key: str) -> int:
    """The class of an ال-word (also وال، بال، لل …): a given name written with
    the article (الطيب), a title, an organisation … or W_AL (a family name);
    W_OTHER when what follows the letters is too short to be a word (كالين)."""
    if key in GIVEN_NAMES:
        return W_GIVEN
    direct = _lexical_class(key)  # entries written with the article: القاهرة، الجزيرة
    if direct is not None:
        return direct
    for article in _ARTICLES:
        rest = key[len(article):]
        if key.startswith(article) and len(rest) >= (2 if article in ("ال", "وال", "فال") else 3):
            cls = _lexical_class(rest)
            if article == "فال" and cls is None:
                return W_OTHER  # فالفيردي، فالس: a name, not ف + ال + an unknown word
            if article in ("ال", "وال", "فال") or cls is not None:
                return cls if cls is not None else W_AL
            return W_PREP  # بال/كال/لل + an unknown word: a phrase, not a name
    return W_OTHER  # كالين، بالي: the letters are the word's own


def titled_with_hamza_below(word: str) -> bool:
    """Whether a word that reads as a function word once its alef is folded is
    a title spelled with إ: إمام (an imam), not أمام (in front of)."""
    return word[0] == ALEF_HAMZA_BELOW and fold(word) in TITLES


def given_with_madda(word: str) -> bool:
    """Whether a word that reads as a function word once its alef is folded is
    a given name spelled with آ: آلان (Alan), not الآن (now)."""
    return word[0] == ALEF_MADDA and (len(word) > 3 or word == "آنا") and fold(word) in GIVEN_NAMES  # (Anna, not أنا)


def classify(token: str) -> tuple[int, bool]:
    """The class of one token and whether it is و/ف + a word of that class.

    A word that is itself a given name keeps that class (وليد، فيصل); و/ف in
    front of a known word is a conjunction (وميركل stays unknown: W_OTHER,
    and the caller decides); ب/ل/ك in front of a non-name word make a phrase
    (W_PREP: لصحيفة، بقرار).
    """
    first = token[0]
    if not ("\u0621" <= first <= "\u06d3") or token.isdigit():
        return W_PUNCT, False  # (digits too, the Arabic-Indic ones among the letters: ١٠٢)
    if "-" in token and token[0] != "-" and all(part and classify(part)[0] == W_GIVEN for part in token.split("-")):
        return W_GIVEN, False  # a compound given name: هانز-يواكيم، جان-بيير
    surface = light(token)
    if surface in FUNCTION_WORDS and not titled_with_hamza_below(token) and not given_with_madda(token):
        return W_FUNC, False
    if surface in SPEECH_VERBS:
        return W_VERB, False
    key = fold(token)
    if token[0] == ALEF_MADDA and key in LINKS and token != "آل":
        return W_OTHER, False  # آبي (Abe) is no أبي (آل is a link all the same)
    if token.startswith(("أل", "إل")) and key not in GIVEN_NAMES:
        return _hamza_class(key), False  # أليستر: no article (ال has no hamza)
    cls = _bare_class(key)
    if cls != W_OTHER or len(key) < 3:
        # و/ف + ال + a word of the same class ("والرئيس"); والد، والي are words of their own
        return cls, cls not in (W_GIVEN, W_AMBIG, W_LINK) and key.startswith(("وال", "فال")) and (
            _lexical_class(key) is None)
    if key[0] in "وف":
        rest = surface[1:]
        if rest in SPEECH_VERBS:  # before function words: وعبر is "and he expressed"
            return W_VERB, True
        if rest in FUNCTION_WORDS:
            return W_FUNC, True
        inner = _bare_class(key[1:])
        if inner != W_OTHER and not (key[0] == "ف" and inner in (W_AL, W_GIVEN, W_AMBIG)):
            return inner, True  # (فالفيردي، فرومان are names, not ف + a word)
    if key[0] in "بلك":
        inner = _bare_class(key[1:])
        if inner in NOT_PERSON_CLASSES or inner in (W_TITLE, W_FUNC):
            return W_PREP, False
    return W_OTHER, False


def _hamza_class(key: str) -> int:
    """The class of a word written with أل or إل: as listed, else unknown."""
    cls = _lexical_class(key)
    return W_OTHER if cls is None else cls


def _bare_class(key: str) -> int:
    """The class of a folded word with no conjunction considered."""
    if key in LINKS:
        return W_LINK
    if key in TITLE_OR_GIVEN:
        return W_AMBIG
    if key in GIVEN_NAMES:
        return W_GIVEN
    if key.startswith("عبد") and len(key) >= 6:
        return W_GIVEN  # عبدالله، عبدالرحمن written as one word
    if key.startswith(_ARTICLES):
        return _definite_class(key)
    cls = _lexical_class(key)
    return W_OTHER if cls is None else cls
