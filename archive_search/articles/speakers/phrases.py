"""Speakers introduced by a phrase rather than a verb.

بحسب/حسب/وفقا لـ/طبقا لـ فلان (also "بحسب ما قاله فلان", "حسب قول فلان",
"حسبما قال فلان"), على لسان فلان, على حد قول فلان, تعليق/تصريح من فلان,
في تصريح/حديث/بيان لـ فلان (not a reporter spoken to: "في تصريح لمراسل …"),
تصريح فلان, بيان صادر عن فلان, في مقابلة/حوار مع فلان (the interviewee), نقل … عن فلان,
نسب … إلى فلان قوله; and the speakers joined to each by و.
"""

from __future__ import annotations

from archive_search.articles.speakers.grammar import first_is_given
from archive_search.articles.speakers.lexicons import (
    COMMAS, SAYINGS, SENTENCE_MARKS, STATEMENTS, W_AL, W_AMBIG, W_GIVEN, W_NAT, W_TITLE, W_VERB, fold, light,
    folded_words,
)
from archive_search.articles.speakers.subjects import add_joined, subject_at
from archive_search.articles.speakers.tokens import Line, Subject
from archive_search.articles.speakers.triggers import ATTRIBUTE, TRANSMIT

_ACCORDING = folded_words("بحسب حسب وبحسب وحسب وفقا وفق ووفقا طبقا وطبقا")
_FROM_WHOM = fold("من")
_ACCORDING_WHAT = folded_words("حسبما وحسبما بحسبما")
_TONGUE = fold("لسان")
_EXTENT = fold("حد")
_INTERVIEWS = folded_words("مقابلة حوار حديث")
_WITH = fold("مع")
_FROM = fold("عن")
_WHAT = fold("ما")
_SAYING = folded_words(SAYINGS)
_ISSUED = folded_words("صادر صادرة الصادر الصادرة")
_TO = fold("إلى")
_HIS_WORDS = folded_words("قوله قولها قولهم تصريحه تصريحها تأكيده تأكيدها")
# "بحسب ما قاله/ذكره/أكده فلان": the verb form with its object pronoun.
_SAID_IT = folded_words("""قاله قالته قالت قال ذكره ذكرته ذكر أكده أكدته أكد صرح صرحت أعلنه أعلنته أعلن
    أوضحه أوضحته أوضح أفاد أفادت أورده أوردته كشفه كشفته كشف نقله نقلته به""")
# Who a statement is made to, not by: "في تصريح لمراسل …", "… لمراسلة …".
_REPORTERS = folded_words("مراسل مراسله مراسلنا مراسلتنا صحفي صحفيه")
# Who asks the questions in "في مقابلة مع …": a colleague of the medium's, its presenter.
_INTERVIEWERS = folded_words("زميل زميله الزميل الزميله مذيع مذيعه المذيع المذيعه مراسل مراسله المراسل المراسله")
_INTERVIEWERS_BARE = _INTERVIEWERS | folded_words("صحفي صحفيه الصحفي الصحفيه مقدم مقدمه")


def _reporter(key: str) -> bool:
    """Whether a word in ل is a reporter (لمراسل، للمراسلة، لـ مراسل)."""
    for prefix in ("لل", "ل"):
        if key.startswith(prefix) and key[len(prefix):] in _REPORTERS:
            return True
    return key in _REPORTERS


_BARE_ACCORDING = folded_words("بحسب حسب وبحسب وحسب")


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


def _named(line: Line, subject: Subject | None) -> Subject | None:
    """The subject if it is a name with a title or a given name, else None."""
    if subject is None or subject.kind != "name" or not (subject.titled or first_is_given(line, subject)):
        return None
    return subject


def _interviewee(line: Line, j: int) -> Subject | None:
    """In "في مقابلة مع فلان" (from token j) the interviewee, who speaks; not the
    one who asked: "مع الزميلة فلانة", "مع فلانة، مراسلة …"."""
    subject = subject_at(line, j)
    after = subject.end + 1 if subject is not None else len(line.keys)
    if after < len(line.keys) and line.toks[after - 1] in COMMAS and line.keys[after] in _INTERVIEWERS_BARE:
        return None
    return subject


def after_phrase(line: Line, i: int, out: list[tuple[Line, Subject]]) -> None:
    """Speakers introduced by بحسب، وفقا لـ، على لسان، في تصريح لـ، نقل … عن."""
    keys, n = line.keys, len(line.keys)
    key = keys[i]
    found: tuple[Line, Subject | None] = (line, None)
    if key in _ACCORDING_WHAT and i + 1 < n:  # "حسبما قال فلان"
        found = (line, _after_what_was_said(line, i + 1))
    elif key in _ACCORDING and i + 1 < n:
        found = _according_to(line, i)
    elif key == _TONGUE and i > 0 and keys[i - 1] == fold("على"):
        found = (line, subject_at(line, i + 1))
    elif key == _EXTENT and i > 0 and keys[i - 1] == fold("على") and i + 2 < n and keys[i + 1] in _SAYING:
        found = (line, subject_at(line, i + 2))  # "على حد قول الوزير فلان"
    elif key in _INTERVIEWS and i + 2 < n and keys[i + 1] == _WITH and keys[i + 2] not in _INTERVIEWERS:
        found = (line, _interviewee(line, i + 2))
    elif key in STATEMENTS and i + 3 < n and keys[i + 1] in _ISSUED and keys[i + 2] in (_FROM, _FROM_WHOM):
        found = (line, _named(line, subject_at(line, i + 3)))  # "بيان صادر عن وزير الدفاع فلان"
    elif key in STATEMENTS and i > 0 and keys[i - 1] == fold("في") and (
            i + 1 < n and keys[i + 1].startswith("ل")):
        found = _prefixed_subject(line, i + 1)
        if found[1] is not None and _reporter(keys[i + 1]):
            found = (line, None)  # "في تصريح لمراسل الإذاعة فلان": the reporter spoken to
    elif key in STATEMENTS and i + 2 < n and keys[i + 1] == _FROM_WHOM:
        found = (line, _named(line, subject_at(line, i + 2)))  # "أول تعليق من الرئيس فلان"
    elif key in STATEMENTS and i + 1 < n and line.cls[i + 1] in (W_GIVEN, W_AMBIG) and not (
            i > 0 and line.cls[i - 1] in (W_AL, W_TITLE, W_NAT)):
        # "تصريح جون بولتون": his statement ("الطفلة الرضيعة بيان محمد خماش": a girl named بيان)
        found = (line, subject_at(line, i + 1))
    elif key in STATEMENTS and i + 1 < n and line.cls[i + 1] == W_TITLE:
        subject = _named(line, subject_at(line, i + 1))  # "تصريحات الرئيس فلان": his statements
        found = (line, subject if subject is not None and first_is_given(line, subject) else None)
    elif (surface := light(line.toks[i])) in TRANSMIT or surface in ATTRIBUTE:
        # "نقلت الوكالة عن فلان", "ونسبت الصحيفة إلى فلان قوله إن" (only with his words after him)
        attributed = surface in ATTRIBUTE
        for j in range(i + 1, min(n, i + 10)):
            if keys[j] == (_TO if attributed else _FROM):
                subject = subject_at(line, j + 1)
                if not attributed or subject is not None and subject.kind == "name" and subject.end < n and (
                        keys[subject.end] in _HIS_WORDS):
                    found = (line, subject)
                break
            if line.toks[j] in SENTENCE_MARKS:
                break
    if found[1] is not None:
        add_joined(found[0], found[1], out)  # "وفقا للخبيرتين فلانة وفلانة"


def _according_to(line: Line, i: int) -> tuple[Line, Subject | None]:
    """The speaker after بحسب/وفقا لـ at i: "وفقا لفلان", "بحسب فلان", "حسب قول
    الناشط فلان", "وفق تأكيد فلانة", "بحسب ما قاله فلان"."""
    keys, n = line.keys, len(line.keys)
    j = i + 1
    saying = keys[j] in _SAYING and j + 1 < n
    if saying:
        j += 1
    if keys[j] == _WHAT:
        return line, _after_what_was_said(line, j + 1)
    if saying:
        return line, subject_at(line, j)
    found = _prefixed_subject(line, j)
    if found[1] is None and keys[i] in _BARE_ACCORDING:
        found = (line, subject_at(line, j))
    return found


def _after_what_was_said(line: Line, said: int) -> Subject | None:
    """The subject after the verbs of "ما قاله/ذكره" from ``said`` on (none if no verb is there)."""
    keys, n, start = line.keys, len(line.keys), said
    while said < n and (keys[said] in _SAID_IT or line.cls[said] == W_VERB):
        said += 1
    return subject_at(line, said) if said > start else None


PHRASE_KEYS = _ACCORDING | _ACCORDING_WHAT | STATEMENTS | _INTERVIEWS | {_TONGUE, _EXTENT} | {
    fold(w) for w in TRANSMIT | ATTRIBUTE}
