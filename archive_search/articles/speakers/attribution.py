"""Who is reported as saying something in one article: the candidates.

A line is read word by word only if it holds a verb of saying or one of the
phrases that introduce a speaker or a colon near its start
(:mod:`archive_search.articles.speakers.triggers`). On such a line a candidate is:

* the subject after a verb of saying (قال، أكدت، ويقول، فأضاف …), and a second
  subject joined by و ("قال فلان وفلان"); or, for a verb with no و in front,
  the name just before it ("فلان يؤكد", "الوزير فلان قال");
* a name after a title chain that named nobody, set off by commas
  ("قال ممثل المرشد في العراق، مجتبى الحسيني، إن");
* the name after a phrase (:mod:`archive_search.articles.speakers.phrases`:
  بحسب، وفقا لـ، على لسان، في تصريح لـ، نقل … عن);
* the name before a colon at the start of a line ("فلان: …").

A candidate is a name, a title alone ("وأضاف الوزير") or a family name alone
("وأضاف الحسن"); :mod:`archive_search.articles.speakers.resolution` decides who each
one is.
"""

from __future__ import annotations

from dataclasses import dataclass

from archive_search.articles.speakers.apposition import apposed, unnamed
from archive_search.articles.speakers.chains import QUOTES, title_end
from archive_search.articles.speakers.grammar import first_is_given
from archive_search.articles.speakers.lexicons import (
    COMMAS, SAID_OPENERS, SENTENCE_MARKS, W_AL, W_AMBIG, W_FUNC, W_GIVEN, W_LINK, W_MEDIA, W_NAT, W_NOUN, W_ORG,
    W_OTHER, W_PLACE, W_PREP, W_PUNCT, W_TITLE, W_VERB, fold, light, folded_words, light_words,
)
from archive_search.articles.speakers.phrases import PHRASE_KEYS, after_phrase
from archive_search.articles.speakers.subjects import (
    ASIDE, WHO, add_joined, as_for, family_in_bin, name_before, subject_at, title_by, topic_subject,
)
from archive_search.articles.speakers.tokens import Line, Subject, split_words, unglue_sentences
from archive_search.articles.speakers.verb_context import (
    BEFORE_A_NOUN, DESCRIBED_IT, before_between, delivered_by, no_speaker_after, subject_before,
)
from archive_search.articles.speakers.triggers import (
    PARTICIPLE_SURFACES, TRIGGER_SURFACES, VERB_SURFACES, body_speaks, sentence_opening, sentence_topic, window_end,
    window_start, worth_reading,
)
from archive_search.text.letters import NAME_MARKS

_SUBJECT_CLASSES = frozenset((W_ORG, W_PLACE, W_MEDIA, W_TITLE, W_AMBIG, W_GIVEN, W_AL, W_NAT, W_LINK))
_BETWEEN = folded_words("الذي التي قد كان كانت بدوره بدورها")
_SO_INDEED = fold("فقد")
_QAD = fold("قد")
# What after a verb is its own subject, not its object: a body, a place, a medium, a person.
_OWN_SUBJECT = frozenset((W_ORG, W_PLACE, W_MEDIA, W_TITLE, W_AMBIG, W_GIVEN, W_LINK))
_EXPRESSED = folded_words("عبر وعبر فعبر")
_ABOUT = fold("عن")
_EXPLAINED = folded_words("بين وبين")
_ADMITTED = folded_words("اعترف اعترفت")
_ADDED = folded_words("أضاف أضافت سجل سجلت")
_REPLIED, _BY_A_GOAL = folded_words("رد ردت"), folded_words("بهدف بالهدف بهدفين")
_OWN_TITLE_WORDS = 5  # ("مهاجم تورينو", "لاعب وسط ليغانيس الإسباني")
_FIRST = folded_words("أول أولى")
_DREW, _ATTENTION = folded_words("لفت لفتت"), folded_words("أنظار الأنظار انتباه الانتباه")
# What a player adds: a goal, or its ordinal.
_GOALS = folded_words("""هدفا هدف الهدف هدفين الهدفين هدفه هدفها الثاني الثالث الرابع الخامس السادس
    السابع الثامن التاسع العاشر ثانيا ثالثا رابعا خامسا""")
_NO_SUBJECT_BEFORE = folded_words("و ف")
# Verbs that are saying only with a person's title before or after their subject: without
# one the name after them is as often their object ("طلب مني", "انتقد فينغر تساهل الحكم").
_TITLED_SUBJECT_ONLY = light_words("انتقد انتقدت هاجم هاجمت طلب طلبت شبه شبهت")


@dataclass(slots=True)
class Candidate:
    """One subject found in a window of one line (``line_no``) of the article."""

    line: Line
    subject: Subject
    line_no: int
    words_before: int  # the line's words before the window ``line`` holds


def _after_verb(line: Line, i: int, out: list[tuple[Line, Subject]]) -> None:
    """The subjects of the verb of saying at token i."""
    toks = line.toks
    verb = light(toks[i])
    if no_speaker_after(line, i, verb):
        return
    before = subject_before(line, i, verb)
    if before is not None:
        add_joined(line, before, out)
        return
    subject = subject_at(line, i + 1)
    if unnamed(line, i + 1, subject):
        subject = apposed(line, i + 1, subject)  # "قال ممثل المرشد في العراق، مجتبى الحسيني، إن"
    if subject is None:
        subject = family_in_bin(line, i + 1)  # "وقال بن دغر إن"
    if subject is not None and _adverb_with_pronoun(line, subject):
        # "حيث تحدث خلالها الاستشاري فلان": the subject after the adverb; "فلان قد صرح
        # قبلها بأنهم …": none after the verb, the name before it
        after = subject_at(line, subject.end)
        subject = after if after is not None and (after.titled or first_is_given(line, after)) else (
            None if not line.conj[i] else subject)
    # the verb has no subject after it ("… قال إن", "يؤكد ضرورة …"), not one
    # that is no person ("الذي قالت الشرطة إنه")
    says = i + 1 >= len(toks) or line.cls[i + 1] not in _SUBJECT_CLASSES
    between = not line.conj[i] and i > 1 and line.keys[i - 1] in _BETWEEN
    if between and line.keys[i - 1] in WHO and (i + 1 >= len(toks) or line.cls[i + 1] not in _OWN_SUBJECT):
        # "فلان، الذي أوضح التداعيات": who spoke stands before "الذي", what he explained after the verb
        # ("فلان الذي قالت الشرطة إنه": the police speak)
        before = before_between(line, i, verb)
        subject = before if before is not None else subject
    elif between and subject is None and (says or line.keys[i - 1] == _QAD):  # ("فلانة، قد أبلغت المجلس")
        subject = before_between(line, i, verb)
    if subject is None and says and not line.conj[i] and i > 0 and line.keys[i - 1] not in _NO_SUBJECT_BEFORE:
        subject = name_before(line, i)
        if subject is None and i > 1 and toks[i - 1] in COMMAS:
            # "وكانت المستشارة الألمانية، أنغيلا ميركل، أقرت": a name set off by commas
            subject = name_before(line, i - 1)
            if subject is None or not (subject.titled or first_is_given(line, subject)):
                # "لكن المحلل فلان، من مؤسسة …، توقع أن", "فلان، الرئيس التنفيذي في مجموعة لوكال وورلد، يتوقع":
                # the name before the apposition
                comma = next((c for c in range(i - 2, 0, -1) if toks[c] in COMMAS), None)
                subject = name_before(line, comma) if comma is not None else None
            if subject is not None and not (subject.titled or first_is_given(line, subject)):
                subject = None
    if subject is None and line.conj[i] and line.toks[i][0] == "ف":
        subject = as_for(line, i)  # "أما الكاتب محمد الرطيان فقال …"
    elif subject is None and i > 1 and line.keys[i - 1] == _SO_INDEED:
        subject = as_for(line, i - 1)  # "أما المدرب فلان فقد أبان"
    if subject is not None and (_recognised(line, i, subject) or _scored(line, i, subject) or _via(line, i, subject)):
        # "اعترف الرئيس فلان بالقدس عاصمة …": a recognition, no words; "أضاف فلان الهدف الثاني";
        # "عبر مهاجمه فلان": via, not expressed
        return
    if subject is not None and (verb[1:] if line.conj[i] else verb) in _TITLED_SUBJECT_ONLY and not (
            title_by(line, subject) and _opens_its_clause(line, i)):
        return
    if subject is not None and (verb[1:] if line.conj[i] else verb) in DESCRIBED_IT and line.toks[
            subject.start].startswith("ب") and subject.start == i + 1:
        return  # "فيما وصفته بأول يوم": what she described it as, no one named
    if subject is not None:
        add_joined(line, subject, out)


def _opens_its_clause(line: Line, i: int) -> bool:
    """Whether the verb at token i opens its clause: و in front, the line's start, a
    mark, a function word that is no preposition or demonstrative, or "من جانبه"
    before it; after another word its spelling is a noun ("رفضت المحكمة طلب الرئيس",
    "حول طلب قميص": the request's)."""
    if line.conj[i] or i == 0 or line.keys[i - 1] in ASIDE:
        return True
    return line.cls[i - 1] in (W_PUNCT, W_FUNC) and line.keys[i - 1] not in BEFORE_A_NOUN


def _adverb_with_pronoun(line: Line, subject: Subject) -> bool:
    """Whether the subject read after a verb is one unknown word that is a
    time adverb with its pronoun (قبلها، بعدها، خلاله): nobody's name."""
    if subject.kind != "name" or subject.end - subject.start != 1 or line.cls[subject.start] != W_OTHER:
        return False
    key = line.keys[subject.start]
    return any(key.startswith(stem) and key[len(stem):] in _PRONOUN_ENDS for stem in _TIME_STEMS)


_TIME_STEMS = folded_words("قبل بعد خلال حين عند")
_PRONOUN_ENDS = folded_words("ه ها هم هما")


def _recognised(line: Line, i: int, subject: Subject) -> bool:
    """Whether اعترف at token i means recognised: its subject followed by ب +
    a noun, not by بأن (admitted that)."""
    verb = line.keys[i][1:] if line.conj[i] else line.keys[i]
    end = subject.end
    return verb in _ADMITTED and end < len(line.keys) and line.keys[end].startswith("ب") and (
        line.keys[end] not in SAID_OPENERS)


def _scored(line: Line, i: int, subject: Subject) -> bool:
    """Whether أضاف/سجل at token i means scored: its subject, and his own title,
    followed by a goal or its ordinal ("ثم أضاف البرازيلي فلان الثالث", "وأضاف
    فلان مهاجم تورينو الهدف الثاني", "سجل فلان أول هدفين"), or رد by one ("ورد
    فلان بالهدف الوحيد"); or لفت means drew (لفت فلان الأنظار)."""
    verb = line.keys[i][1:] if line.conj[i] else line.keys[i]
    end = subject.end
    if end < len(line.keys) and line.cls[end] == W_TITLE:  # his own title, then the goal
        end = next((k for k in range(end + 1, min(len(line.keys), end + _OWN_TITLE_WORDS))
                    if line.keys[k] in _GOALS or line.keys[k] in _BY_A_GOAL or line.keys[k] in _FIRST), end)
    if end < len(line.keys) and line.keys[end] in _FIRST:
        end += 1
    if end >= len(line.keys):
        return False
    if verb in _DREW:
        return line.keys[end] in _ATTENTION
    return verb in _ADDED and line.keys[end] in _GOALS or verb in _REPLIED and line.keys[end] in _BY_A_GOAL


def _via(line: Line, i: int, subject: Subject) -> bool:
    """Whether عبر at token i means via (عَبْر), not expressed (عبّر): no عن
    follows its subject, or the speakers joined to it, within the words read
    ("عبر الوزير فلان أمس عن قلقه", "عبر المدير فلان، والمساعدة فلانة، عن")."""
    if line.keys[i] not in _EXPRESSED:
        return False
    return _ABOUT not in line.keys[subject.end:subject.end + _AFTER]


def _colon_subject(line: Line) -> Subject | None:
    """The name before a colon at the start of the line ("غوتيريش: …")."""
    try:
        colon = line.toks.index(":", 0, _COLON_WORDS)
    except ValueError:
        return None
    subject = subject_at(line, 0)
    if subject is None or subject.kind == "family" or not (
            subject.end == colon or _medium_spoken_to(line, subject.end, colon)):
        return None
    return subject


def _medium_spoken_to(line: Line, start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` (a colon) are the medium spoken to, in
    quotes after ل or glued to it ("إبراهيموفيتش لـ"العربية": …", "فلان للجوهرة أف أم: …")."""
    toks, keys = line.toks, line.keys
    if keys[start].startswith("ل") and line.cls[start] in (W_PREP, W_MEDIA):
        return end - start <= 3  # (a medium's name may go on: "للجوهرة أف أم")
    return 3 <= end - start <= 6 and keys[start] == "ل" and toks[start + 1] in QUOTES and toks[end - 1] in QUOTES


def line_subjects(text_line: str, direct: bool = False) -> list[tuple[Line, Subject, int]]:
    """The subjects of speech on one line, in order, each with the number of
    the line's words before the tokens its line holds (0: the whole line).

    With ``direct`` (what the archive learns names from), only the subjects
    read at the triggers themselves, before a title or a given name. The
    words around a trigger (five before it, twenty after) are read
    token by token only if it may introduce a name (:func:`worth_reading`);
    for a verb with no subject, the words from its sentence's first verb.
    """
    words = split_words(text_line)
    colon = not direct and ":" in words[:_COLON_WORDS]
    if not colon and TRIGGER_SURFACES.isdisjoint(words):
        return []
    hits = TRIGGER_SURFACES.intersection(words)
    out: list[tuple[Line, Subject, int]] = []
    if colon:
        line = Line.of_words(words[:words.index(":") + 1])
        subject = _colon_subject(line)
        if subject is not None:
            if subject.kind == "name":
                subject.kind = "colon"  # a name there needs a given name or a title
            out.append((line, subject, 0))
    positions = [i for i, word in enumerate(words) if word in hits] if hits else []
    for i in positions[:_MAX_TRIGGERS]:
        word = words[i]
        if i > 0 and words[i - 1] in _WITHOUT:
            continue  # "شوطين دون رد": a reply's noun, not a verb
        found: list[tuple[Line, Subject]] = []
        if word not in PARTICIPLE_SURFACES and worth_reading(words, i, direct):
            lo = window_start(words, i)
            end = window_end(words, i, _AFTER)
            line, starts = Line.with_starts(words[lo:end])
            found = _at_trigger(line, starts[i - lo])
            if end == i + _AFTER and found and all(
                    subject.kind == "title" or subject.end >= len(line.toks) for _, subject in found):
                # a long chain of titles, or a name, cut short: read on ("قال رئيس اللجنة …، مدير عام … فلان")
                line, starts = Line.with_starts(words[lo:window_end(words, i, _LONG_AFTER)])
                found = _at_trigger(line, starts[i - lo])
            out.extend((found_line, subject, lo) for found_line, subject in found)
        if not found and not direct and (word in PARTICIPLE_SURFACES or word in VERB_SURFACES) and (
                i == 0 or words[i - 1] != "ما"):  # "بحسب ما ذكرته وسائل إعلام": its subject follows
            delivered = delivered_by(words, i)  # "ألقى الدكتور فلان كلمة أكد فيها"
            if delivered is not None:
                out.append(delivered)
                continue
            opening = sentence_opening(words, i) if not body_speaks(words, i) else None
            if opening is not None:
                line, starts = Line.with_starts(words[opening:min(i + 1, opening + _AFTER)])
                subject = _sentence_subject(line, 0, starts[min(i, opening + _AFTER - 1) - opening])
                if subject is not None:
                    out.append((line, subject, opening))
            elif (topic := sentence_topic(words, i)) is not None:
                line = Line.of_words(words[topic:min(i, topic + _AFTER)])
                subject = topic_subject(line)
                if subject is not None:
                    out.append((line, subject, topic))
    return out


def _sentence_subject(line: Line, k: int, verb: int) -> Subject | None:
    """For a verb of saying (at token ``verb``) with no subject of its own ("…
    وقالت إن", "…، مؤكدا أن"), the subject of the verb that opens its sentence
    (at token k): "ودانت أمل هباني … وقالت": the name right after that first
    verb, with a title or a given name; None if there is none."""
    if line.cls[k] not in (W_OTHER, W_VERB, W_NOUN) or line.toks[k] in COMMAS:
        return None
    subject = subject_at(line, k + 1)
    if subject is None or subject.kind == "title":
        subject = apposed(line, k + 1, subject)  # "سمعت عضو الكونغرس …، فريدريكا ويلسون، المكالمة … وقالت"
    if subject is None or subject.kind not in ("name", "family") or subject.end > verb or not (
            subject.titled or first_is_given(line, subject)):
        return None  # (a family name after an honorific: "ألقى المهندس الغبان كلمة أكد فيها")
    return subject


def _before_said(line: Line, end: int) -> bool:
    """Whether what was said opens at token ``end`` ("أن", "، إن")."""
    keys, n = line.keys, len(line.keys)
    if end < n and line.toks[end] in COMMAS:
        end += 1
    return end < n and keys[end] in SAID_OPENERS


def _said_within(line: Line, end: int) -> bool:
    """Whether what was said opens within a short aside that begins at token
    ``end`` with a preposition or a time ("، في تصريح لمراسلة (وات)، أنه"; "، ونظيره
    …" goes on with a second person), or right after his title there."""
    if end < len(line.keys) and line.cls[end] == W_TITLE and not line.conj[end]:
        stop = title_end(line, end)  # "وبين الأستاذ فلان، منسق لجنة الفنون أن": his title, then what he said
        return stop is not None and stop < len(line.keys) and line.keys[stop] in SAID_OPENERS
    if end >= len(line.keys) or not (line.keys[end] in _ASIDE_OPENERS or line.cls[end] == W_PREP):
        return False
    for c in range(end, min(len(line.keys), end + _ASIDE_WORDS)):
        if line.keys[c] in SAID_OPENERS:
            return True
        if line.toks[c] in SENTENCE_MARKS or line.cls[c] == W_VERB:
            return False
    return False


# How long an aside between a name and what was said may be, and the words it opens with.
_ASIDE_WORDS = 12
_ASIDE_OPENERS = folded_words("في خلال أمس اليوم مساء صباح الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت")


def _at_trigger(line: Line, k: int) -> list[tuple[Line, Subject]]:
    """The subjects that the verb or phrase at token k introduces."""
    found: list[tuple[Line, Subject]] = []
    if line.cls[k] == W_VERB or (line.keys[k] in _EXPRESSED and k + 1 < len(line.cls)
                                 and line.cls[k + 1] in (W_TITLE, W_GIVEN, W_AMBIG)):
        _after_verb(line, k, found)  # عبّر written without its shadda is also "via"
    elif line.keys[k] in _EXPLAINED and k + 1 < len(line.cls) and line.cls[k + 1] in (W_TITLE, W_GIVEN, W_AMBIG):
        subject = subject_at(line, k + 1)  # "وبين مدير التعليم فلان، أن": بيّن
        if subject is not None and subject.kind == "name" and (_before_said(line, subject.end) or (
                subject.titled and subject.end < len(line.toks) and line.toks[subject.end] in COMMAS
                and _said_within(line, subject.end + 1))):
            # ("بين الكاتب العام للنقابة …، مراد بن صالح، في تصريح …، أنه": a titled name, an aside)
            add_joined(line, subject, found)
    elif line.keys[k] in PHRASE_KEYS:
        after_phrase(line, k, found)
    return found


# "دون رد", "بلا تعليق": the noun after "without" is no verb of saying.
_WITHOUT = frozenset(("دون", "بدون", "بلا"))
# A "NAME: …" line has its colon among its first words (a title, a name and the
# medium spoken to in quotes: "وزير الخارجية عادل الجبير لـ«عكاظ»: …").
_COLON_WORDS = 12
# Triggers read on one line, candidates in one article: a news article has a
# few dozen; a pathological one (a line repeated 200,000 times) costs no more.
_MAX_TRIGGERS = 100
_MAX_CANDIDATES = 200
# The words read after a trigger (see triggers.BEFORE for those before), and
# after one whose title chain they cut short.
_AFTER = 20
_LONG_AFTER = 30


def strip_marks(text: str) -> str:
    """The text without harakat and tatweel (names are given without them), its
    hashtags as words and its sentences glued by a period apart."""
    for mark in NAME_MARKS:
        if mark in text:
            text = text.replace(mark, "")
    if "#" in text:  # hashtags: "#وزير_التجارة_البريطاني"
        text = text.replace("#", "").replace("_", " ")
    return unglue_sentences(text)


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
