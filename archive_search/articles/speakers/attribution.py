"""Who is reported as saying something in one article: the candidates.

A line is read word by word only if it holds a verb of saying or one of the
phrases that introduce a speaker (:data:`TRIGGER_SURFACES`) or a colon near
its start. On such a line a candidate is:

* the subject after a verb of saying (قال، أكدت، ويقول، فأضاف …), and a second
  subject joined by و ("قال فلان وفلان"); or, for a verb with no و in front,
  the name just before it ("فلان يؤكد", "الوزير فلان قال");
* the name after بحسب/حسب/وفقا لـ/طبقا لـ (also "بحسب ما قاله فلان"), after
  "على لسان", after "في تصريح/حديث/بيان لـ", after "نقل … عن";
* the name before a colon at the start of a line ("فلان: …").

A candidate is a name, a title alone ("وأضاف الوزير") or a family name alone
("وأضاف الحسن"); :mod:`archive_search.articles.speakers.resolution` decides who each
one is.
"""

from __future__ import annotations

from dataclasses import dataclass

from archive_search.articles.speakers.grammar import first_is_given
from archive_search.articles.speakers.lexicons import (
    FUNCTION_WORDS, SPEECH_VERBS, W_AL, W_AMBIG, W_GIVEN, W_LINK, W_MEDIA, W_NAT, W_NOUN, W_ORG, W_OTHER, W_PLACE,
    W_PUNCT, W_TITLE, W_VERB, fold, light,
)
from archive_search.articles.speakers.subjects import name_before, subject_at
from archive_search.articles.speakers.tokens import TOKEN, Line, Subject, token_info


def _spellings(word: str) -> set[str]:
    """Every spelling of a light-form word with its alefs written أ، إ، آ or ا."""
    out = {""}
    for letter in word:
        choices = "اأإآ" if letter == "ا" else letter
        out = {s + c for s in out for c in choices}
    return out


_ACCORDING = frozenset(fold(w) for w in "بحسب حسب وبحسب وحسب وفقا وفق ووفقا طبقا وطبقا".split())
_STATEMENTS = frozenset(fold(w) for w in "تصريح تصريحات حديث بيان مقابلة تغريدة تدوينة كلمة رسالة".split())
_ACCORDING_WHAT = frozenset(fold(w) for w in "حسبما وحسبما بحسبما".split())
_TONGUE = fold("لسان")
_INTERVIEWS = frozenset(fold(w) for w in "مقابلة حوار حديث".split())
_WITH = fold("مع")
_TRANSMIT = frozenset(light(w) for w in "نقل نقلت ونقل ونقلت ونقلا نقلا".split())
_FROM = fold("عن")
_WHAT = fold("ما")
_SAYING = frozenset(fold(w) for w in "قول تعبير رواية كلام تصريحات تصريح شهادة".split())
# "بحسب ما قاله/ذكره/أكده فلان": the verb form with its object pronoun.
_SAID_IT = frozenset(fold(w) for w in """قاله قالته قالت قال ذكره ذكرته ذكر أكده أكدته أكد صرح صرحت أعلنه أعلنته أعلن
    أوضحه أوضحته أوضح أفاد أفادت أورده أوردته كشفه كشفته كشف نقله نقلته به""".split())
_COMMAS = frozenset("،,")
_SUBJECT_CLASSES = frozenset((W_ORG, W_PLACE, W_MEDIA, W_TITLE, W_AMBIG, W_GIVEN, W_AL, W_NAT, W_LINK))
_AS_FOR = fold("أما")
_DEMANDS_NOW = frozenset(light(w) for w in "يطالب تطالب يدعو تدعو يناشد تناشد يحث تحث".split())
_NOUNISH = frozenset((W_OTHER, W_NOUN, W_AL, W_NAT))
_BETWEEN = frozenset(fold(w) for w in "الذي التي قد".split())
_SENTENCE_MARKS = frozenset(".:؛;!؟?")
_BYLINE_VERBS = frozenset(light(w) for w in "كتب كتبت".split())
_EXPRESSED = frozenset(fold(w) for w in "عبر وعبر فعبر".split())
_BARE_ACCORDING = frozenset(fold(w) for w in "بحسب حسب وبحسب وحسب".split())
_NO_SUBJECT_BEFORE = frozenset(fold(w) for w in "و ف".split())

# Participles that report what the sentence's subject said.
_PARTICIPLES = frozenset(light(w) for w in """مؤكدا مؤكدة مضيفا مضيفة موضحا موضحة مشيرا مشيرة قائلا قائلة
    معتبرا معتبرة لافتا لافتة منوها منوهة مشددا مشددة مبينا مبينة محذرا محذرة داعيا داعية مطالبا مطالبة
    معربا معربة متسائلا متسائلة""".split())
TRIGGER_SURFACES = frozenset(
    spelling
    for word in SPEECH_VERBS | _TRANSMIT | {light(w) for w in "بحسب حسب وبحسب وحسب وفقا ووفقا طبقا لسان حسبما".split()}
    for form in (word, "و" + word, "ف" + word)
    for spelling in _spellings(form)
) | {"تصريح", "تصريحات", "حديث", "بيان", "مقابلة", "تغريدة", "حوار"} | {w for p in _PARTICIPLES for w in _spellings(p)}
_MARK_CHARS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640\u0670"
_COLON_NEAR_START = 80


@dataclass(slots=True)
class Candidate:
    """One subject found in a window of one line (``line_no``) of the article."""

    line: Line
    subject: Subject
    line_no: int
    words_before: int  # the line's words before the window ``line`` holds


def _second_subject(line: Line, subject: Subject) -> tuple[Line, Subject] | None:
    """The subject joined to this one by و: "قال فلان وفلان", "ماكرون والمستشارة … ميركل"."""
    k = subject.end
    if k + 1 < len(line.cls) and line.toks[k] in _COMMAS and line.conj[k + 1]:
        k += 1  # "قال فلان، والوزيرة فلانة"
    if k >= len(line.cls) or not line.conj[k] or line.cls[k] not in (W_GIVEN, W_AMBIG, W_TITLE, W_OTHER):
        return None
    shorter = line.without_prefix(k, 1)
    second = subject_at(shorter, k)
    return (shorter, second) if second is not None and second.kind != "family" else None


def _after_verb(line: Line, i: int, out: list[tuple[Line, Subject]]) -> None:
    """The subjects of the verb of saying at token i."""
    toks = line.toks
    verb = light(toks[i])
    if (verb[1:] if line.conj[i] else verb) in _BYLINE_VERBS and (i <= 1 or i + 1 < len(toks) and toks[i + 1] == ":"):
        return  # "كتب: فلان" is a byline
    if verb in _DEMANDS_NOW and not line.conj[i] and i > 0 and line.cls[i - 1] in _NOUNISH:
        return  # "نداء من طفلة تطالب أمير قطر …": the one asked follows, the one who asks stood before
    subject = subject_at(line, i + 1)
    # the verb has no subject after it ("… قال إن", "يؤكد ضرورة …"), not one
    # that is no person ("الذي قالت الشرطة إنه")
    says = i + 1 >= len(toks) or line.cls[i + 1] not in _SUBJECT_CLASSES
    if subject is None and says and not line.conj[i] and i > 1 and line.keys[i - 1] in _BETWEEN:
        subject = name_before(line, i - 1)  # "الناشط فلان الذي قال إن", "فلان قد أعلن أن"
    if subject is None and says and not line.conj[i] and i > 0 and line.keys[i - 1] not in _NO_SUBJECT_BEFORE:
        subject = name_before(line, i)
        if subject is None and i > 1 and toks[i - 1] in _COMMAS:
            # "وكانت المستشارة الألمانية، أنغيلا ميركل، أقرت": a name set off by commas
            subject = name_before(line, i - 1)
            if subject is not None and not (subject.titled or first_is_given(line, subject)):
                subject = None
    if subject is None and line.conj[i] and line.toks[i][0] == "ف":
        subject = _as_for(line, i)  # "أما الكاتب محمد الرطيان فقال …"
    if subject is None:
        return
    out.append((line, subject))
    for _ in range(3):
        if subject.kind == "family":
            return
        joined = _second_subject(line, subject)
        if joined is None:
            return
        line, subject = joined
        out.append(joined)


def _as_for(line: Line, i: int) -> Subject | None:
    """The topic of "أما … فقال": the name after أما, when it ends before the verb."""
    for a in range(i - 1, max(-1, i - 9), -1):
        if line.keys[a] == _AS_FOR:
            subject = subject_at(line, a + 1)
            if subject is not None and subject.kind == "name" and subject.end == i:
                return subject
            return None
    return None


def _prefixed_subject(line: Line, j: int) -> tuple[Line, Subject | None]:
    """The subject at token j written with ل in front (لفلان، للرئيس، لـ فلان)."""
    if j >= len(line.toks):
        return line, None
    key = line.keys[j]
    if key == "ل":
        return line, subject_at(line, j + 1)
    if key.startswith("ل") and len(key) > 3:
        shorter = line.without_prefix(j, 1)
        return shorter, subject_at(shorter, j)
    return line, None


def _after_phrase(line: Line, i: int, out: list[tuple[Line, Subject]]) -> None:
    """Speakers introduced by بحسب، وفقا لـ، على لسان، في تصريح لـ، نقل … عن."""
    keys, n = line.keys, len(line.keys)
    key = keys[i]
    found: tuple[Line, Subject | None] = (line, None)
    if key in _ACCORDING_WHAT and i + 1 < n:  # "حسبما قال فلان"
        said = i + 1
        while said < n and (keys[said] in _SAID_IT or line.cls[said] == W_VERB):
            said += 1
        found = (line, subject_at(line, said) if said > i + 1 else None)
    elif key in _ACCORDING and i + 1 < n:
        j = i + 1
        if keys[j] in _SAYING and j + 1 < n:  # حسب قول الناشط فلان
            j += 1
        if keys[j] == _WHAT:  # بحسب ما قاله فلان
            said = j + 1
            while said < n and (keys[said] in _SAID_IT or line.cls[said] == W_VERB):
                said += 1
            found = (line, subject_at(line, said) if said > j + 1 else None)
        else:  # وفقا لفلان، بحسب فلان
            found = _prefixed_subject(line, j)
            if found[1] is None and key in _BARE_ACCORDING:
                found = (line, subject_at(line, j))
    elif key == _TONGUE and i > 0 and keys[i - 1] == fold("على"):
        found = (line, subject_at(line, i + 1))
    elif key in _INTERVIEWS and i + 2 < n and keys[i + 1] == _WITH:
        found = (line, subject_at(line, i + 2))  # "في مقابلة مع فلان": the interviewee speaks
    elif key in _STATEMENTS and i > 0 and keys[i - 1] == fold("في"):
        found = _prefixed_subject(line, i + 1)
    elif key in _STATEMENTS and i + 1 < n and line.cls[i + 1] in (W_GIVEN, W_AMBIG):
        found = (line, subject_at(line, i + 1))  # "تصريح جون بولتون": his statement
    elif light(line.toks[i]) in _TRANSMIT:
        for j in range(i + 1, min(n, i + 10)):
            if keys[j] == _FROM:
                found = (line, subject_at(line, j + 1))
                break
            if line.toks[j] in _SENTENCE_MARKS:
                break
    if found[1] is not None:
        out.append((found[0], found[1]))


def _colon_subject(line: Line) -> Subject | None:
    """The name before a colon at the start of the line ("غوتيريش: …")."""
    try:
        colon = line.toks.index(":", 0, 8)
    except ValueError:
        return None
    subject = subject_at(line, 0)
    if subject is None or subject.end != colon or subject.kind == "family":
        return None
    return subject


def line_subjects(text_line: str, direct: bool = False) -> list[tuple[Line, Subject, int]]:
    """The subjects of speech on one line, in order, each with the number of
    the line's words before the tokens its line holds (0: the whole line).

    With ``direct``, only the subjects read at the triggers themselves. The
    words around a trigger (five before it, twenty after) are read
    token by token only if it may introduce a name (:func:`_worth_reading`);
    for a verb with no subject, the words from its sentence's first verb.
    """
    words = text_line.split()
    colon = not direct and ":" in text_line[:_COLON_NEAR_START]
    if not colon and TRIGGER_SURFACES.isdisjoint(words):
        return []
    hits = TRIGGER_SURFACES.intersection(words)
    out: list[tuple[Line, Subject, int]] = []
    if colon:
        line = Line.of(TOKEN.findall(" ".join(words[:_COLON_WORDS])))
        subject = _colon_subject(line)
        if subject is not None:
            if subject.kind == "name":
                subject.kind = "colon"  # a name there needs a given name or a title
            out.append((line, subject, 0))
    positions = [i for word in hits for i in _indices(words, word)]
    for i in sorted(positions)[:_MAX_TRIGGERS] if len(positions) > 1 else positions:
        word = words[i]
        found: list[tuple[Line, Subject]] = []
        if word not in _PARTICIPLE_SURFACES and _worth_reading(words, i):
            lo = max(0, i - _BEFORE)
            line, starts = Line.with_starts(words[lo:i + _AFTER])
            found = _at_trigger(line, starts[i - lo])
            out.extend((found_line, subject, lo) for found_line, subject in found)
        if not found and not direct and (word in _PARTICIPLE_SURFACES or word in _VERB_SURFACES):
            opening = _sentence_opening(words, i)
            if opening is not None:
                line, starts = Line.with_starts(words[opening:min(i + 1, opening + _AFTER)])
                subject = _sentence_subject(line, 0, starts[min(i, opening + _AFTER - 1) - opening])
                if subject is not None:
                    out.append((line, subject, opening))
    return out


_VERB_SURFACES = frozenset(w for verb in SPEECH_VERBS for form in (verb, "و" + verb, "ف" + verb)
                           for w in _spellings(form))
_PARTICIPLE_SURFACES = frozenset(w for word in _PARTICIPLES for w in _spellings(word))
_CONJ_VERB_SURFACES = frozenset(w for verb in SPEECH_VERBS for form in ("و" + verb, "ف" + verb)
                                for w in _spellings(form))
_FUNCTION_SURFACES = frozenset(w for word in FUNCTION_WORDS for w in _spellings(word))
_OPENERS = frozenset(':"«“(-')
def _sentence_opening(words: list[str], i: int) -> int | None:
    """Where the verb that opens the sentence of words[i] stands, if the word
    after it may begin a subject with a title or a given name (judged on the
    words themselves, before the line is read)."""
    lo = i
    while lo > 0 and i - lo < _SENTENCE_WORDS and not words[lo - 1].endswith(_SENTENCE_ENDS):
        lo -= 1
    first = lo
    while first < i and words[first] in _FUNCTION_SURFACES:
        first += 1  # "وقد", "كما"
    if first + 1 >= i or _peek(words[first]) not in (W_OTHER, W_VERB, W_NOUN) or _peek(
            words[first + 1]) not in _OPENS_SUBJECT:
        return None
    return first


def _sentence_subject(line: Line, k: int, verb: int) -> Subject | None:
    """For a verb of saying (at token ``verb``) with no subject of its own ("…
    وقالت إن", "…، مؤكدا أن"), the subject of the verb that opens its sentence
    (at token k): "ودانت أمل هباني … وقالت": the name right after that first
    verb, with a title or a given name; None if there is none."""
    if line.cls[k] not in (W_OTHER, W_VERB, W_NOUN) or line.toks[k] in _COMMAS:
        return None
    subject = subject_at(line, k + 1)
    if subject is None or subject.kind != "name" or subject.end > verb or not (
            subject.titled or first_is_given(line, subject)):
        return None
    return subject


def _worth_reading(words: list[str], i: int) -> bool:
    """Whether the trigger at words[i] may introduce a named person, judged
    from the words next to it without reading the window: "وقال إن" and
    "أعلنت وزارة" have no name after the verb (a name before it is still
    possible for a verb with no و), "بحسب مصادر" none after بحسب, and a
    statement noun needs "في" before it or a given name after it."""
    word = words[i]
    j = i + 1
    while j < len(words) - 1 and words[j] in _ASIDE_SURFACES:
        j += 1  # "أوضح ذلك المهندس فلان"
    after = words[j] if j < len(words) else ""
    follows = _peek(after)
    if word in _VERB_SURFACES:
        if after and follows not in _NO_NAME_AFTER and (after not in _FUNCTION_SURFACES or after == "من"):
            return True
        if word[0] == "ف" and "أما" in words[max(0, i - 8):i]:
            return True  # "أما الكاتب فلان فقال"
        return not (i == 0 or word in _CONJ_VERB_SURFACES or words[i - 1] in _FUNCTION_SURFACES
                    and words[i - 1] not in ("قد", "الذي", "التي"))
    if word in _STATEMENT_SURFACES:
        return (i > 0 and words[i - 1] in ("في", "وفي")) or follows in (W_GIVEN, W_AMBIG) or after == "مع"
    if word in _TRANSMIT_SURFACES or after in _SAYING_SURFACES or word in _ACCORDING_WHAT_SURFACES:
        return True  # "نقلت وكالة … عن فلان", "حسب قول فلان"
    return follows not in _NO_NAME_AFTER


def _peek(word: str) -> int:
    """The class of a word's letters, punctuation around it left out (W_PUNCT
    for a word that holds no letters, or other marks within it)."""
    if not word.isalpha():
        word = word.strip(_AROUND)
        if not word.isalpha():
            return W_PUNCT
    return token_info(word)[0]


_ASIDE_SURFACES = frozenset("""ذلك بذلك هذا أيضا ايضا كذلك بدوره بدورها اليوم أمس امس الأحد الاثنين الإثنين
    الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت مساء الليلة""".split())
_AROUND = "،,.:;؛!?؟\"'«»“”()[]-"


_NO_NAME_AFTER = frozenset((W_ORG, W_PLACE, W_MEDIA, W_NOUN))
_SENTENCE_WORDS = 40
# What may open a subject that has a title or a given name.
_OPENS_SUBJECT = frozenset((W_TITLE, W_AMBIG, W_GIVEN, W_LINK, W_OTHER))
_SENTENCE_ENDS = (".", "!", "؟", "?", ":", "؛")
_TRANSMIT_SURFACES = frozenset(w for word in _TRANSMIT for w in _spellings(word))
_ACCORDING_WHAT_SURFACES = frozenset("حسبما وحسبما بحسبما".split())
_SAYING_SURFACES = frozenset("قول تعبير رواية كلام تصريحات تصريح شهادة".split())
_STATEMENT_SURFACES = frozenset({"تصريح", "تصريحات", "حديث", "بيان", "مقابلة", "تغريدة", "حوار"})


def _indices(words: list[str], word: str):
    """Where the word stands in the list."""
    i = -1
    try:
        while True:
            i = words.index(word, i + 1)
            yield i
    except ValueError:
        return


def _at_trigger(line: Line, k: int) -> list[tuple[Line, Subject]]:
    """The subjects that the verb or phrase at token k introduces."""
    found: list[tuple[Line, Subject]] = []
    if line.cls[k] == W_VERB or (line.keys[k] in _EXPRESSED and k + 1 < len(line.cls)
                                 and line.cls[k + 1] in (W_TITLE, W_GIVEN, W_AMBIG)):
        _after_verb(line, k, found)  # عبّر written without its shadda is also "via"
    elif line.keys[k] in _PHRASE_KEYS:
        _after_phrase(line, k, found)
    return found


_PHRASE_KEYS = _ACCORDING | _ACCORDING_WHAT | _STATEMENTS | _INTERVIEWS | {_TONGUE} | {fold(w) for w in _TRANSMIT}
_COLON_WORDS = 12
# Triggers read on one line, candidates in one article: a news article has a
# few dozen; a pathological one (a line repeated 200,000 times) costs no more.
_MAX_TRIGGERS = 100
_MAX_CANDIDATES = 200
# The words read around a trigger: a name and its title chain fit in them.
_BEFORE, _AFTER = 5, 20


def strip_marks(text: str) -> str:
    """The text without harakat and tatweel (names are given without them), and
    its hashtags as words."""
    for mark in _MARK_CHARS:
        if mark in text:
            text = text.replace(mark, "")
    if "#" in text:  # hashtags: "#وزير_التجارة_البريطاني"
        text = text.replace("#", "").replace("_", " ")
    return text


def candidates(lines: list[str], direct: bool = False) -> list[Candidate]:
    """Every candidate speaker of the article (its lines, marks stripped), in
    the order of the text; with ``direct``, only the subjects read at their
    triggers (no "NAME:" lines, no sentence subjects of subjectless verbs)."""
    found: list[Candidate] = []
    for line_no, text_line in enumerate(lines):
        for line, subject, lo in line_subjects(text_line, direct):
            found.append(Candidate(line, subject, line_no, lo))
        if len(found) >= _MAX_CANDIDATES:
            return found[:_MAX_CANDIDATES]
    return found

