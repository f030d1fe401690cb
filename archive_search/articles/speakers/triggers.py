"""Which words of a line the speaker finder reads: the triggers, and whether one is worth reading.

A line is read word by word only if it holds a verb of saying, a participle
that reports one (مؤكدا، مضيفا), or one of the phrases that introduce a
speaker (:data:`TRIGGER_SURFACES`, every spelling of each, with و/ف in
front); a trigger's window is read only if the words next to it may
introduce a name (:func:`worth_reading`). For a verb with no subject,
:func:`sentence_opening` finds the verb that opens its sentence. All of it is
judged on the words themselves, before any word is classified.
"""

from __future__ import annotations

from archive_search.articles.speakers.lexicons import (
    ABOUT_IT, ASIDES, COMMAS, FOREIGN_FIRSTS, FUNCTION_WORDS, OF_IT, SAYINGS, SIDES, SPEECH_VERBS, WAS, W_AMBIG, W_FUNC,
    W_GIVEN, W_LINK, W_MEDIA, W_NOUN, W_ORG, W_OTHER, W_PLACE, W_PUNCT, W_TITLE, W_VERB, given_with_madda, light_words,
    titled_with_hamza_below,
)
from archive_search.articles.speakers.tokens import token_info

# The words read before a trigger: a name before its verb fits in them; and
# a name with an apposition set off by commas ("فلان، من مؤسسة …، توقع").
BEFORE = 5
_APPOSED_BEFORE = 14


def spellings(word: str) -> set[str]:
    """Every spelling of a light-form word with its alefs written أ، إ، آ or ا."""
    out = {""}
    for letter in word:
        choices = "اأإآ" if letter == "ا" else letter
        out = {s + c for s in out for c in choices}
    return out


TRANSMIT = light_words("نقل نقلت ونقل ونقلت ونقلا نقلا")
# Verbs that attribute words to a person: "ونسبت إلى فلان قوله".
ATTRIBUTE = light_words("نسب نسبت ونسب ونسبت")
# Participles that report what the sentence's subject said.
_PARTICIPLES = light_words("""مؤكدا مؤكدة مضيفا مضيفة موضحا موضحة مشيرا مشيرة قائلا قائلة
    معتبرا معتبرة لافتا لافتة منوها منوهة مشددا مشددة مبينا مبينة محذرا محذرة داعيا داعية مطالبا مطالبة
    معربا معربة متسائلا متسائلة بالقول بقوله بقولها""")
_STATEMENT_SURFACES = frozenset({"تصريح", "تصريحات", "حديث", "بيان", "مقابلة", "تغريدة", "حوار", "تعليق"})
TRIGGER_SURFACES = frozenset(
    spelling
    for word in SPEECH_VERBS | TRANSMIT | ATTRIBUTE | light_words(
        "بحسب حسب وبحسب وحسب وفقا ووفقا وفق ووفق طبقا لسان حد حسبما")
    for form in (word, "و" + word, "ف" + word)
    for spelling in spellings(form)
) | _STATEMENT_SURFACES | {w for p in _PARTICIPLES for w in spellings(p)} | {
    "بين", "وبين"}
# بيّن (explained) written without its shadda is "between": a trigger only
# before a title or a given name (see :func:`worth_reading`).
EXPLAINED_SURFACES = frozenset({"بين", "وبين"})
VERB_SURFACES = frozenset(w for verb in SPEECH_VERBS for form in (verb, "و" + verb, "ف" + verb)
                           for w in spellings(form))
PARTICIPLE_SURFACES = frozenset(w for word in _PARTICIPLES for w in spellings(word))
_CONJ_VERB_SURFACES = frozenset(w for verb in SPEECH_VERBS for form in ("و" + verb, "ف" + verb)
                                for w in spellings(form))
_FUNCTION_SURFACES = frozenset(w for word in FUNCTION_WORDS for w in spellings(word)
                               if not titled_with_hamza_below(w) and not given_with_madda(w))
_OPENERS = frozenset(':"«“(-')


def sentence_opening(words: list[str], i: int) -> int | None:
    """Where the verb that opens the sentence of words[i] stands, if the word
    after it may begin a subject with a title or a given name (judged on the
    words themselves, before the line is read)."""
    lo = i
    while lo > 0 and i - lo < _SENTENCE_WORDS and not words[lo - 1].endswith(_SENTENCE_ENDS):
        lo -= 1
    first = _past_openers(words, lo, i)
    if first < i and _peek(words[first]) not in _MAY_OPEN:
        comma = next((c for c in range(first + 1, min(i, first + _FRONTED_WORDS)) if words[c] in COMMAS), None)
        if comma is not None:  # "وفي واشنطن، وجه المتحدث … فلان … وصرح": a place or time put first
            first = _past_openers(words, comma + 1, i)
    after = first + 2 if first + 2 < i and words[first + 1] in _TOO_SURFACES else first + 1  # "نعاه أيضا الممثل"
    if first + 1 >= i or _peek(words[first]) not in _MAY_OPEN or words[first].startswith(("ال", "وال")) or _peek(
            words[after]) not in _OPENS_SUBJECT:
        return None  # (a word with the article is no verb: "الفشل السياسي أدى")
    return first


def sentence_topic(words: list[str], i: int) -> int | None:
    """Where the name that opens the sentence of words[i] stands, for a verb of
    saying in و or a participle with no subject of its own: a title or a given
    name first ("تامار برادي لم توافقه الرأي، وقالت إن"); None if the sentence
    opens otherwise or is too long to tell where it opens."""
    if words[i] not in _CONJ_VERB_SURFACES and not (words[i] in PARTICIPLE_SURFACES and words[i - 1] in COMMAS):
        return None  # (a participle after a comma: "لافتة" alone is a placard)
    if i + 1 < len(words) and _peek(words[i + 1]) not in (W_FUNC, W_PUNCT) and words[i + 1] not in _ASIDE_SURFACES:
        return None  # the verb has a subject of its own: "وتشير المصادر إلى أنه"
    lo = i
    while lo > 0 and i - lo < _SENTENCE_WORDS and not _ends_a_statement(words[lo - 1]):
        lo -= 1
    if lo > 0 and not _ends_a_statement(words[lo - 1]):
        return None
    first = _past_openers(words, lo, i)
    if first + 2 >= i or _peek(words[first]) not in (W_TITLE, W_GIVEN, W_AMBIG) or any(
            w in _NOT_A_TOPIC_BEFORE for w in words[lo:first]):
        return None  # ("في زمن قياسي تمكنت …": a phrase, not a name, opens it; "أما فلان، فقال": أما's)
    return first


def body_speaks(words: list[str], i: int) -> bool:
    """Whether the verb at words[i] has a subject of its own after it that is
    no person: a body, a medium, a thing, a place ("كما أفادت وسائل إعلام
    رسمية"); the sentence's first name is then not the one who spoke."""
    return i + 1 < len(words) and _peek(words[i + 1]) in _NO_NAME_AFTER


def _ends_a_statement(word: str) -> bool:
    """Whether a word ends a sentence of the article's own: a full stop, not an
    abbreviation's ("أ.د.") nor a colon before a quote."""
    if word[-1] not in _FULL_STOPS:
        return False
    return len(word) == 1 or len(word.rstrip(".").split(".")[-1]) > 2


def _past_openers(words: list[str], first: int, i: int) -> int:
    """The first word from ``first`` that is no function word ("وقد", "كما", "ولم"),
    opening mark or "his side" after من ("من جهته، قدم فلان …")."""
    while first < i and (words[first] in _FUNCTION_SURFACES or words[first] in _OPENERS or words[first] in _NOT
                         or first > 0 and _his_side(words, first)):
        first += 1
    return first


def _his_side(words: list[str], k: int) -> bool:
    """Whether the word at k is جهته/جانبه … after من, or the comma after them."""
    return words[k - 1] in _FROM_SURFACES and words[k] in _SIDE_SURFACES or (
        words[k - 1] in _SIDE_SURFACES and words[k] in COMMAS)


_FROM_SURFACES = frozenset(("من", "ومن"))
_NOT = frozenset(("ولم", "ولن"))  # "ولم يرغب فلان …، وقال" (لم and لن are function words already)
_TOO_SURFACES = frozenset(w for word in light_words("أيضا كذلك بدوره بدورها") for w in spellings(word))
_SIDE_SURFACES = frozenset(w for word in light_words(SIDES) for w in spellings(word))


# Function words after a verb that may still open its subject: "قال كل من …",
# "وقال أحد الباحثين …، الدكتور فلان".
_OPEN_SUBJECT = frozenset({"من"} | spellings("احد") | spellings("احدى"))


def worth_reading(words: list[str], i: int, observing: bool = False) -> bool:
    """Whether the trigger at words[i] may introduce a named person, judged
    from the words next to it without reading the window: "وقال إن" and
    "أعلنت وزارة" have no name after the verb (a name before it is still
    possible for a verb with no و), "بحسب مصادر" none after بحسب, and a
    statement noun needs "في" before it or a given name after it. While
    ``observing`` (:class:`~archive_search.articles.speakers.known.KnownNames`),
    only a title, a given name or a link word (عبد، أبو) after it will do."""
    word = words[i]
    j = i + 1
    if j < len(words) - 1 and (words[j] in _OF_IT and i > 0 and words[i - 1].endswith("ما") or words[j] in _ABOUT_IT):
        j += 1  # "وفق ما أفاد به المكلف بالإعلام فلان", "وقال عنه فلان"
    while j < len(words) - 1 and words[j] in _ASIDE_SURFACES:
        j += 1  # "أوضح ذلك المهندس فلان"
    if j < len(words) - 2 and words[j] == "كل" and words[j + 1] == "من":
        j += 2  # "وقال كل من الرئيس فلان والمستشارة فلانة"
    after = words[j] if j < len(words) else ""
    follows = _peek(after)
    if observing:  # the archive learns names only from a title or a given name after the trigger
        return follows in _TEACHES
    if word in VERB_SURFACES:
        if after and follows not in _NO_NAME_AFTER and (after not in _FUNCTION_SURFACES or after in _OPEN_SUBJECT or (
                after in FOREIGN_FIRSTS and j + 1 < len(words) and _peek(words[j + 1]) in (W_OTHER, W_GIVEN))):
            return True  # (a foreign given name spelled as a function word: "وقال بين ستانتون")
        if _after_fa(words, i) and "أما" in words[max(0, i - _AS_FOR_WORDS):i]:
            return True  # "أما الكاتب فلان فقال", "… فقد أبان"
        return not (i == 0 or word in _CONJ_VERB_SURFACES or words[i - 1] in _FUNCTION_SURFACES
                    and words[i - 1] not in ("قد", "الذي", "التي", "بدوره", "بدورها"))
    if word in EXPLAINED_SURFACES:
        return follows in (W_TITLE, W_GIVEN, W_AMBIG)
    if word in _STATEMENT_SURFACES:
        return (i > 0 and words[i - 1] in ("في", "وفي")) or follows in (W_GIVEN, W_AMBIG, W_TITLE) or after in (
            "مع", "من", "صادر", "صادرة")  # ("بيان صادر عن الوزير فلان")
    if word in _TRANSMIT_SURFACES or after in _SAYING_SURFACES or word in _ACCORDING_WHAT_SURFACES:
        return True  # "نقلت وكالة … عن فلان", "حسب قول فلان"
    return follows not in _NO_NAME_AFTER


def window_end(words: list[str], i: int, after: int) -> int:
    """Where the words read for the trigger at words[i] end: ``after`` words
    on, or one word past where what was said opens ("إن", "أن", a colon) or
    the sentence ends, whichever comes first (a subject stands before them)."""
    end = min(len(words), i + after)
    for j in range(i + 1, end):
        if words[j] in _STOPS:
            return j + 1
    return end


def window_start(words: list[str], i: int) -> int:
    """Where the words read for the trigger at words[i] start: five words
    before it, back to أما for "أما فلان، فقال", or back to كان for "وكانت
    فلانة، المدير التنفيذي …، قد قالت"."""
    lo = max(0, i - (_APPOSED_BEFORE if i > 0 and words[i - 1] in COMMAS else BEFORE))
    if _after_fa(words, i) and "أما" in words[max(0, i - _AS_FOR_WORDS):lo]:
        lo = max(0, i - _AS_FOR_WORDS) + words[max(0, i - _AS_FOR_WORDS):lo].index("أما")
    elif i > 1 and words[i - 1] == "قد" and words[i - 2] in COMMAS:
        was = next((k for k in range(i - 3, max(-1, i - _WAS_WORDS), -1) if words[k] in _WAS_SURFACES), None)
        lo = min(lo, was) if was is not None else lo
    return lo


def _after_fa(words: list[str], i: int) -> bool:
    """Whether the verb at words[i] has the ف that answers أما: its own, or فقد's."""
    return words[i][0] == "ف" or i > 0 and words[i - 1] == "فقد"


def _peek(word: str) -> int:
    """The class of a word's letters, punctuation around it left out (W_PUNCT
    for a word that holds no letters, or other marks within it)."""
    if not word.isalpha():
        word = word.strip(_AROUND)
        if not word.isalpha():
            return W_PUNCT
    return token_info(word)[0]


_ASIDE_SURFACES = frozenset(ASIDES.split())
_OF_IT = frozenset(OF_IT.split())
_ABOUT_IT = frozenset(ABOUT_IT.split())
_AROUND = "،,.:;؛!?؟\"'«»“”()[]-"
_NO_NAME_AFTER = frozenset((W_ORG, W_PLACE, W_MEDIA, W_NOUN))
_TEACHES = frozenset((W_TITLE, W_GIVEN, W_AMBIG, W_LINK))
# Words after which no subject of the trigger stands.
_STOPS = frozenset(spellings("ان") | spellings("انه") | spellings("انها") | {"بأن", "بان", ":", ".", "؟", "?", "!"}) - {
    "آن"}  # (آن with its madda is Anne: "وقالت آن بوفيرت")
_SENTENCE_WORDS = 40
# What the verb that opens a sentence may be read as; how long a phrase put before it may be.
_MAY_OPEN = frozenset((W_OTHER, W_VERB, W_NOUN))
_FRONTED_WORDS = 5
# What may open a subject that has a title or a given name.
_OPENS_SUBJECT = frozenset((W_TITLE, W_AMBIG, W_GIVEN, W_LINK))
_SENTENCE_ENDS = (".", "!", "؟", "?", ":", "؛")
_TRANSMIT_SURFACES = frozenset(w for word in TRANSMIT | ATTRIBUTE for w in spellings(word))
_ACCORDING_WHAT_SURFACES = frozenset("حسبما وحسبما بحسبما".split())
_FULL_STOPS = frozenset(".!؟?")
# Openers after which the sentence's first name is no topic: a preposition, أما (read apart).
_NOT_A_TOPIC_BEFORE = frozenset(w for word in light_words("في من على عن إلى مع بعد قبل خلال منذ أما") for w in
                                spellings(word) | {"و" + s for s in spellings(word)})
_SAYING_SURFACES = frozenset(SAYINGS.split())


# How far before a ف-verb its أما may stand ("أما أمين سر المجلس …، فلان، فقال").
_AS_FOR_WORDS = 14
# How far before "، قد" + verb its كان may stand, and كان's spellings.
_WAS_WORDS = 26
_WAS_SURFACES = frozenset(WAS.split())
