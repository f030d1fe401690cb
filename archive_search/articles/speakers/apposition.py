"""A name set off by commas after a title chain: "قال ممثل المرشد في العراق،
مجتبى الحسيني، إن".

:func:`apposed` reads the name that a chain of titles (or a role the lexicons
do not know, :func:`role_before`) leaves unnamed, when a comma or "يدعى" sets
it off: a name that starts with a given name, or a transliterated one of two
or three unknown words between two commas.
"""

from __future__ import annotations

from archive_search.articles.speakers.ties import ON_BEHALF, title_key
from archive_search.articles.speakers.grammar import first_is_given, name_end
from archive_search.articles.speakers.lexicons import (
    COMMAS, SAID_OPENERS, SENTENCE_MARKS, W_AMBIG, W_GIVEN, W_OTHER, W_PREP, W_TITLE, W_VERB, classify,
    folded_words,
)
from archive_search.articles.speakers.shapes import glued
from archive_search.articles.speakers.subjects import ONE_OF, WHO, subject_at
from archive_search.articles.speakers.tokens import Line, Subject

# How far after the verb a name in apposition may stand.
_APPOSITION_WORDS = 20
# "A man called …" ("مسؤول يدعى فلان"): the name follows.
_CALLED = folded_words("يدعى تدعى يسمى تسمى ويدعى وتدعى ويسمى وتسمى")
# A witness named after يدعى: "قال شاهد عيان يدعى فلان" (رجل، سيدة … before يدعى are read already).
_WITNESS = folded_words("شاهد")


def apposed(line: Line, j: int, title: Subject | None) -> Subject | None:
    """The name set off by commas (or after يدعى, "called") after a title chain
    that named nobody, or someone else ("ممثل آية الله علي خامنئي في العراق،
    مجتبى الحسيني، في بيان"),
    when it starts with a given name and ends before a comma or what was said;
    else the title alone (or None) as it was."""
    toks, n = line.toks, len(line.toks)
    if j >= n or line.cls[j] not in (W_TITLE, W_AMBIG) and not (title is None and line.keys[j] in ONE_OF) and not (
            title is not None and title.kind == "family" and role_before(line, title)) and not called_after(line, j):
        return title
    if title is not None and title.start < n and line.cls[title.start] in (W_TITLE, W_AMBIG):
        return title  # the chain stopped at a second title, an object: "أبلغ الرئيس كبير موظفيه، فلان، …"
    for c in range(j + 1, min(n - 1, j + _APPOSITION_WORDS)):
        if toks[c] in SENTENCE_MARKS or line.cls[c] == W_VERB or line.keys[c] in SAID_OPENERS:
            return title
        if toks[c] in COMMAS and (_inner_title(line, j, c) or _spoken_for(line, j, c)):
            return title  # "الرجل الذي تربطه علاقة وطيدة بالرئيس الأمريكي، فلان،": the president is named
        if toks[c] in COMMAS or line.keys[c] in _CALLED:
            if toks[c] in COMMAS and line.keys[c + 1] in _CALLED:
                c += 1  # "كشف مسؤول إعلامي بشرطة تورونتو، يدعى غاري لونغ، لـCNN": the one so called
            after = subject_at(line, c + 1) if c + 1 < n and line.cls[c + 1] in (W_TITLE, W_AMBIG) else None
            start = after.start if after is not None and after.kind == "name" else c + 1
            # "قال رئيس اللجنة …، مدير عام الإدارة … الشيخ فلان، إن": a second chain, then the name
            end = name_end(line, start)
            key = title.title if title else None if line.keys[j] in ONE_OF else title_key(line, j)
            subject = Subject(start, end, True, key, begin=j)
            if end > c + 2 and first_is_given(line, subject) and (
                    end >= n or toks[end] in COMMAS or toks[end] == ":" or line.keys[end] in SAID_OPENERS
                    or line.keys[c] in _CALLED and line.cls[end] == W_PREP and toks[end][0] == "ل"):
                return subject  # (or the medium he spoke to: "شاهد عيان يدعى أحمد اكاي لرويترز إن")
            if start == c + 1 and _foreign_between_commas(line, start, end, line.keys[c] in _CALLED):
                return subject  # "عضو الكونغرس عن الحزب الديمقراطي، فريدريكا ويلسون، …"; "وتدعى هوليا توران إن"
            return title
    return title


def unnamed(line: Line, j: int, subject: Subject | None) -> bool:
    """Whether the subject read at j (None if none) leaves the speaker to a name
    in apposition (:func:`apposed`): none, a title alone, a role the lexicons
    lack, or a witness before يدعى."""
    return subject is None or subject.kind == "title" or subject.kind == "family" and role_before(
        line, subject) or called_after(line, j)


def called_after(line: Line, j: int) -> bool:
    """Whether the word at j is a witness and يدعى follows, his name after it
    ("قال شاهد عيان يدعى فلان")."""
    return line.keys[j] in _WITNESS and any(line.keys[c] in _CALLED for c in range(j + 1, min(len(line.keys), j + 3)))


def _foreign_between_commas(line: Line, start: int, end: int, called: bool = False) -> bool:
    """Whether the words from ``start`` to ``end``, between two commas after a
    title chain (or after يدعى, up to what was said), are a transliterated name:
    two or three words the lexicons do not know or know as given names, none of
    an Arabic word's shape."""
    if not 2 <= end - start <= 3 or end >= len(line.toks) or not (
            line.toks[end] in COMMAS or called and line.keys[end] in SAID_OPENERS):
        return False
    return all(line.cls[k] in (W_OTHER, W_GIVEN) and not line.conj[k] and not glued(line.toks[k], line.keys[k])
               for k in range(start, end)) and line.cls[start] == W_OTHER


def role_before(line: Line, subject: Subject) -> bool:
    """Whether a word in ال read as a family name alone is a role the lexicons do
    not know, a title after it: "وصرح الموزع الموسيقي لأغنية …، أحمد عبد السلام، بأنه"."""
    end = subject.end
    return end < len(line.cls) and line.cls[end] in (W_TITLE, W_AMBIG) and not line.conj[end]


def _spoken_for(line: Line, j: int, comma: int) -> bool:
    """Whether an unnamed spokesman (a bare title: "متحدث") speaks, before the
    comma, for someone with a title, whom the comma then names ("وقال متحدث
    باسم رئيسة الحكومة البريطانية، تيريزا ماي، إن": she is named, not he)."""
    if line.keys[j].startswith("ال"):
        return False
    return any(line.keys[b] == ON_BEHALF and b + 1 < comma and line.cls[b + 1] in (W_TITLE, W_AMBIG)
               for b in range(j + 1, comma))


def _inner_title(line: Line, j: int, comma: int) -> bool:
    """Whether a relative clause in the chain from ``j`` ends, at ``comma``, on a title
    of its own, whose name the comma then sets off ("الرجل الذي تربطه علاقة بالرئيس
    الأمريكي، فلان،"; but "مدير الحملة التي نظمت القافلة، فلان،" is the director)."""
    relative = next((r for r in range(j, comma) if line.keys[r] in WHO), None)
    if relative is None:
        return False
    return any(line.cls[t] in (W_TITLE, W_AMBIG) or line.cls[t] == W_PREP and classify(line.toks[t][1:])[0] in (
        W_TITLE, W_AMBIG) for t in range(relative + 1, comma))
