"""Around a verb of saying: whether a speaker is to be read after it at all, and
whether its subject stands before it.

* :func:`no_speaker_after` — a byline ("كتب: فلان"), what may be said ("أن
  يدعو"), a verb in the present whose subject is a relative, a state or a body
  before it ("ما يهدد حياة الآخرين", "بريطانيا تنفي الشريف حسين");
* :func:`subject_before` — the name before a verb with no و in front when the
  words after the verb are its object: the one asked ("رئيس الوزراء فلان دعا
  فلانا"), or what a verb in the present does ("ريفالدو يتوقع تألق …");
* :func:`before_between` — the name before الذي/قد/كان and the verb ("فلان
  الذي قال", "وكانت فلانة، المدير التنفيذي …، قد قالت");
* :func:`delivered_by` — for a verb "in it" after a speech ("كلمة أكد فيها"),
  the one who delivered the speech ("ألقى الدكتور فلان كلمة أكد فيها").
"""

from __future__ import annotations

from archive_search.articles.speakers.grammar import first_is_given
from archive_search.articles.speakers.lexicons import (
    COMMAS, NAME_CLASSES, SENTENCE_MARKS, SPEECH_VERBS, W_AL, W_FUNC, W_NAT, W_NOUN, W_ORG, W_OTHER, W_PLACE,
    W_TITLE, W_VERB, WAS, fold, folded_words, light, light_words,
)
from archive_search.articles.speakers.subjects import WHO, name_before, subject_at
from archive_search.articles.speakers.tokens import Line, Subject

_DEMANDS_NOW = light_words("يطالب تطالب يدعو تدعو يناشد تناشد يحث تحث")
# Verbs whose object, a person asked or invited, follows them: a name before the verb is the speaker.
_ASKED = light_words("دعا دعت طالب طالبت ناشد ناشدت حث حثت") | _DEMANDS_NOW
# Words before a verb in the present that make it what may be said ("أن يدعو", "لن يقول").
_MAY_SAY = folded_words("أن ان لن كي لكي")
_WHAT = fold("ما")
_OFTEN = folded_words("دائما غالبا كثيرا قليلا نادرا عادة طالما")
_NOUNISH = frozenset((W_OTHER, W_NOUN, W_AL, W_NAT))
_BYLINE_VERBS = light_words("كتب كتبت")
_QAD, _WAS = fold("قد"), folded_words(WAS)
# Words after which a verb's spelling is its noun: prepositions and demonstratives ("حول طلب", "هذا الطلب").
BEFORE_A_NOUN = folded_words("في من إلى على عن حول مع بعد قبل خلال منذ عند لدى دون بين هذا هذه")
# "وصفه" is a verb with its object ("في حادث وصفه فلان بأنه"), but the noun after حد or a
# preposition ("على حد وصفه", "في وصفه").
DESCRIBED_IT = light_words("وصفه وصفها وصفته وصفتها")
_BEFORE_ITS_NOUN = BEFORE_A_NOUN | folded_words("حد")
# After these prepositions a verb's spelling is its verbal noun ("عن كشف فلان لنية …"); not
# after منذ and من, before which a verb stands ("منذ أعلن الرئيس", "من قال ذلك"), nor after
# بين (a verb itself) and the demonstratives.
_PREPOSITIONS = BEFORE_A_NOUN - folded_words("من منذ بين هذا هذه")


def no_speaker_after(line: Line, i: int, verb: str) -> bool:
    """Whether the verb at token i has no speaker to read: a byline, or a verb whose
    subject stands before it and whose object follows it."""
    toks, keys = line.toks, line.keys
    if (verb[1:] if line.conj[i] else verb) in _BYLINE_VERBS and (
            i <= 1 and not line.conj[i] or i + 1 < len(toks) and toks[i + 1] == ":"):
        return True  # "كتب: فلان" is a byline ("وكتب فلان على تويتر" is not)
    if not line.conj[i] and i > 0 and (keys[i - 1] in _PREPOSITIONS or verb in DESCRIBED_IT and keys[
            i - 1] in _BEFORE_ITS_NOUN):
        return True  # "عن كشف باراك أوباما لنية أمريكا": the revealing, no verb
    if verb in _DEMANDS_NOW and not line.conj[i] and i > 0 and line.cls[i - 1] in _NOUNISH:
        return True  # "نداء من طفلة تطالب أمير قطر …": the one asked follows, the one who asks stood before
    if i > 0 and verb[:1] in "يت" and (keys[i - 1] in _MAY_SAY or keys[i - 1] == _WHAT and _present(verb) and not (
            verb.endswith("ه") or i > 1 and (keys[i - 2][1:] if line.conj[i - 2] else keys[i - 2]) in _OFTEN)):
        # "يتوقع الإعلام أن يدعو الرئيس …": what someone may say, not what was said; "ما يهدد حياة
        # الآخرين": ما is the subject, the words after the verb its object ("ما يؤكده فلان": his;
        # "ودائما ما يصرح المدرب فلان": often)
        return True
    # "بريطانيا تنفي الشريف حسين": the state is the subject, the name the object
    return verb[:1] in "يت" and not line.conj[i] and i > 0 and line.cls[i - 1] in (W_PLACE, W_ORG) and (
        i < 2 or line.cls[i - 2] != W_FUNC)


def subject_before(line: Line, i: int, verb: str) -> Subject | None:
    """The name before a verb with no و in front when the words after the verb are
    its object: the one asked ("رئيس الوزراء فلان دعا فلانا للزيارة"), or what a verb
    in the present does ("ريفالدو يتوقع تألق …")."""
    if line.conj[i] or i == 0:
        return None
    if verb in _ASKED:
        before = name_before(line, i)
        if before is not None and (before.titled or first_is_given(line, before)):
            return before
    if _present(verb) and line.cls[i - 1] in NAME_CLASSES:
        return name_before(line, i)
    return None


def before_between(line: Line, i: int, verb: str) -> Subject | None:
    """The name before "الذي/التي/قد/كان" and the verb at token i: "الناشط فلان
    الذي قال إن", "فلان قد أعلن أن", "عضو الهيئة فلانة، كانت صرحت"."""
    subject = name_before(line, i - 1)
    if subject is None and i > 2 and line.toks[i - 2] in COMMAS and not (
            verb[:1] in "يت" and line.keys[i - 1] in WHO):  # ("فلانة، التي يتوقع أن تكون": said of her)
        subject = name_before(line, i - 2)
        if subject is None and line.keys[i - 1] == _QAD:
            subject = _after_was(line, i - 2)  # "وكانت فلانة، المدير التنفيذي لمركز …، قد قالت"
        if subject is not None and not (subject.titled or first_is_given(line, subject)):
            subject = None
    return subject


def _after_was(line: Line, comma: int) -> Subject | None:
    """The name after the كان that opens the clause ending at ``comma`` ("وكانت
    فلانة المندوبة في الأمم المتحدة، قد أبلغت"): its title, no verb, between
    the name and the comma."""
    was = next((k for k in range(comma - 1, -1, -1) if line.keys[k] in _WAS), None)
    if was is None or any(line.cls[k] == W_VERB for k in range(was + 1, comma)):
        return None
    subject = subject_at(line, was + 1)
    if subject is None or subject.kind != "name":
        return None
    k = subject.end + 1 if subject.end < comma and line.toks[subject.end] in COMMAS else subject.end
    return subject if k == comma or line.cls[k] == W_TITLE else None


def _present(verb: str) -> bool:
    """Whether a verb of saying (light form, no و) is in the present: يفعل, or
    تفعل where يفعل is one too (تقول، تؤكد; تحدث and تساءل are past)."""
    return verb[:1] == "ي" or verb[:1] == "ت" and "ي" + verb[1:] in SPEECH_VERBS


# "ألقى فلان كلمة أكد فيها": the verbs that deliver a speech, the speeches, "in it".
_DELIVERED = light_words("ألقى ألقت وألقى وألقت ارتجل ارتجلت وارتجل وارتجلت نشر نشرت ونشر ونشرت")
_SPEECHES = light_words("كلمة كلمته كلمتها خطابا خطابه خطابها تغريدة تدوينة بيانا")  # ("نشر فلان تغريدة قال فيها")
_IN_IT = light_words("فيها فيه خلالها خلاله")
_FROM = fold("من")
# How far before the speech its verb may stand (a title chain and the name between them).
_DELIVERED_WORDS = 16
# What may stand between the name and the speech: his title, its body, a comma.
_BETWEEN_NAME_AND_SPEECH = frozenset((W_TITLE, W_ORG, W_AL, W_NAT, W_NOUN, W_OTHER))


def delivered_by(words: list[str], i: int) -> tuple[Line, Subject, int] | None:
    """For the verb of saying at words[i] with "in it" after it and a speech
    before it ("كلمة نوه فيها"), the one who delivered the speech: the named
    subject of ألقى/ارتجل before it, with a title or a given name ("ثم ألقى شيخ
    قبيلة بني عبدالله فلان كلمة نوه فيها"), the line read from that verb and
    where it starts; None otherwise."""
    after = words[i + 2] if i + 2 < len(words) and words[i + 1] == "من" else words[i + 1] if i + 1 < len(words) else ""
    if i < 2 or light(after) not in _IN_IT or light(words[i - 1]) not in _SPEECHES:
        return None  # ("كلمة أعلن من خلالها": in it too)
    for v in range(i - 2, max(-1, i - 2 - _DELIVERED_WORDS), -1):
        if words[v] in SENTENCE_MARKS:
            return None
        if light(words[v]) in _DELIVERED:
            break
    else:
        return None
    line = Line.of_words(words[v:i])
    subject = subject_at(line, 1)
    speech = len(line.toks) - 1
    if subject is None or subject.kind != "name" or not (subject.titled or first_is_given(line, subject)):
        return None
    if any(line.cls[k] not in _BETWEEN_NAME_AND_SPEECH and line.toks[k] not in COMMAS and line.keys[k] != _FROM
           for k in range(subject.end, speech)):  # ("فلان، من منظمة …، تغريدة": the body he is from)
        return None  # ("ألقى القبض على فلان …": no speech of his)
    return line, subject, v
