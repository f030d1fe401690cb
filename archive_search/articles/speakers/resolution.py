"""Who each candidate speaker of an article is, and the article's speakers.

For each candidate (:func:`archive_search.articles.speakers.attribution.candidates`):

* a name is completed to the fullest form the article gives it anywhere
  ("وقال ترامب" → دونالد ترامب, "محمد بن سلمان" → محمد بن سلمان بن عبدالعزيز آل
  سعود), by reading the name around each place where its family name stands;
* a family name alone ("وأضاف الحسن") is the person of the article whose name
  ends with it, or no one;
* a title alone ("وأضاف الوزير") is the person the article last named with
  that title before (else first after), or no one; with a nationality after
  it ("وأكد الرئيس الفرنسي"), first the one named with both
  (these look-ups are :mod:`archive_search.articles.speakers.recall`).

A name is kept only with evidence that it is a person's: it starts with a
given name (from the lexicons, or from :class:`KnownNames`), a person's title
stands before or after it, it ends with a nisba in ال after a first word, it is
a compound given name (غرس الله), an age or "وهو/وهي" follows it (or "من" and
the body a transliterated name is from), the archive
knows its last word as a person's family name, or it is a transliterated name
of unknown words right before what was said; an unknown first word the article
writes after شركة/وكالة is a body's. A name of one word must also end
where a speaker's name ends (both read in
:mod:`archive_search.articles.speakers.evidence`). Variants of one person are counted once, under
the fullest form.
"""

from __future__ import annotations

import re

from archive_search.articles.speakers.article import Article
from archive_search.articles.speakers.attribution import Candidate, candidates, strip_marks
from archive_search.articles.speakers.evidence import (
    a_body_elsewhere, family_like, foreign_before_quote, from_a_body, number_after, one_word_name, phrase_after_title,
    prefixed_elsewhere,
)
from archive_search.articles.speakers.grammar import first_is_given, statement_at
from archive_search.articles.speakers.known import KnownNames, family_key
from archive_search.articles.speakers.lexicons import (
    COMPOUND_SECONDS, SAID_OPENERS, W_AL, W_AMBIG, W_GIVEN, W_LINK, W_NAT, W_NOUN, W_OTHER, W_TITLE, fold, folded_words,
)
from archive_search.articles.speakers.recall import by_title, fullest, title_adjective
from archive_search.articles.speakers.shapes import arabic_pattern, prefixed
from archive_search.articles.speakers.tokens import Line, Subject, token_info, words
from archive_search.articles.speakers.variants import add_name, family_of
from archive_search.text.person_names import clean_name

_HE_SHE = folded_words("وهو وهي")
_IBN = fold("ابن")
_TO = fold("إلى")
_LATIN = re.compile("[A-Za-z]")


def _is_person(line: Line, subject: Subject, known: KnownNames | None, article: Article) -> bool:
    """Whether the name has evidence of being a person's (see the module docstring)."""
    start, end = subject.start, subject.end
    cls, keys = line.cls[start:end], line.keys[start:end]
    if cls[0] == W_OTHER and prefixed(keys[0]) and (_phrase_in_a_preposition(line, subject) or (
            keys[0][0] == "ل" and token_info(line.toks[start][1:])[0] == W_GIVEN)):
        return False  # (and "قالت لفلورنتينو بيريز": the one she told)
    if first_is_given(line, subject):
        # "أكد كامل ثقته": one given name before a noun is that noun's adjective
        return not (len(cls) == 1 and end < len(line.cls) and line.cls[end] == W_NOUN)
    if known is not None and cls[0] == W_OTHER and len(cls) >= 2 and known.is_given(keys[0]):
        return True
    if cls[0] == W_OTHER and prefixed_elsewhere(keys[0], article):
        return False  # "لتشونغ" when the article has "تشونغ"
    if cls[0] == W_OTHER and len(keys[0]) >= 5 and line.toks[start].endswith(("ته", "تها", "تهم")):
        return False  # a noun in ة with its pronoun, the verb's object: "وأبدى أمين جدة سعادته الغامرة"
    if subject.titled:
        return True
    if cls[0] == W_OTHER and (keys[0].endswith("ه") or arabic_pattern(line.toks[start], keys[0])):
        return False  # "نزاهة الانتخابات", "مبتكرو الكرسي": a noun
    if len(cls) >= 2 and cls[-1] == W_AL and keys[-1].endswith("ي"):
        return True  # a first word and a nisba: بريكان الشلوي
    if len(cls) >= 2 and cls[1] == W_AL and keys[1] in COMPOUND_SECONDS:
        return True  # a compound given name: معين الحق، غرس الله
    if _described_as_person(line, end) or _son_of_before_said(line, subject):
        return True
    if from_a_body(line, subject):
        return True
    return (known is not None and cls[-1] == W_OTHER and family_like(line.bare[end - 1])
            and known.is_family(line.bare[end - 1]))


def _phrase_in_a_preposition(line: Line, subject: Subject) -> bool:
    """Whether words that begin with ب/ل + a word are a phrase, titled or not:
    an ال-word after it, a noun with its pronoun or a nisba, a verbal noun
    ("التزام الجامعة بمكافحة الإرهاب", "لمواطني شرورة", "يطالب بتسليم قاتل"), or
    ل + a word right after a title ("الأمين العام لحلف شمال …"; "وأوضح لغوث ولد
    بغالي", after the verb, is a name)."""
    start, end = subject.start, subject.end
    first = line.keys[start]
    if W_AL in line.cls[start + 1:end] or first.endswith(("ه", "ي")) or arabic_pattern(first[1:], first[1:]):
        return True
    return first[0] == "ل" and subject.titled and start > 0 and line.cls[start - 1] in (W_TITLE, W_NAT, W_AL, W_AMBIG)


def _son_of_before_said(line: Line, subject: Subject) -> bool:
    """Whether the name is ابن + one word, a name of its own, right before what was
    said ("وقال ابن خلدون إن", "ويقول ابن تيمية:"; not "ابن عمه", his cousin)."""
    start, end = subject.start, subject.end
    if end - start != 2 or line.keys[start] != _IBN or line.cls[start + 1] not in (W_GIVEN, W_OTHER):
        return False
    second = line.toks[start + 1]
    if arabic_pattern(second, line.keys[start + 1]) or second.endswith(("ه", "ها", "هم")) or end >= len(line.keys):
        return False
    return line.toks[end] == ":" or line.keys[end] in SAID_OPENERS


def _described_as_person(line: Line, end: int) -> bool:
    """Whether what follows the name describes a person: an age ("(35 عاما)")
    or "وهو/وهي" ("معين الحق، وهو الرئيس …")."""
    toks, keys, n = line.toks, line.keys, len(line.toks)
    if end + 1 < n and toks[end] == "(" and toks[end + 1].isdigit():
        return True
    k = end + 1 if end < n and toks[end] in "،," else end
    return k < n and keys[k] in _HE_SHE


def _titled_with(title: str, adjective: str) -> str:
    """The key under which ``spoken`` keeps a title with its nationality ("رئيس الفرنسي")."""
    return f"{title} {adjective}"


def _resolve(candidate: Candidate, article: Article, known: KnownNames | None,
             spoken: dict[str, tuple[Line, Subject]]) -> tuple[Line, Subject] | None:
    """The person a candidate refers to, or None; ``spoken`` maps a title to
    the last speaker named with it (whom a title alone then refers to)."""
    subject = candidate.subject
    line, begin = candidate.line, subject.begin
    if subject.kind == "title" and begin >= 0 and line.cls[begin] == W_AMBIG and not line.keys[begin].startswith("ال"):
        # "وقال نجم في البيان" after "خالد نجم، وزير الاتصالات": a word that may be a title, without ال, is
        # first the family name of someone the article names
        family = Subject(begin, begin + 1, False, None, "family", begin)
        found = _resolve_words(Candidate(line, family, candidate.line_no, candidate.words_before), article, None,
                               spoken)
        if found is not None and found[1].end - found[1].start > 1:
            return found
    found = _resolve_words(candidate, article, known, spoken)
    if found is None and subject.kind == "family" and subject.titled and subject.title:
        # "وأعرب الملك المفدى عن …": no one bears the word after the title, an epithet; the title speaks
        title = Subject(subject.start, subject.start, True, subject.title, "title", subject.begin)
        return _resolve_words(Candidate(candidate.line, title, candidate.line_no, candidate.words_before),
                              article, known, spoken)
    return found


def _resolve_words(candidate: Candidate, article: Article, known: KnownNames | None,
                   spoken: dict[str, tuple[Line, Subject]]) -> tuple[Line, Subject] | None:
    """:func:`_resolve` for the candidate's own words."""
    line, subject = candidate.line, _without_object(candidate.line, candidate.subject, known, article)
    if subject.kind == "name" and number_after(line, subject):
        return None
    if subject.kind == "title":
        if not subject.title:
            return None
        adjective = title_adjective(line, subject.begin)  # "وأكد الرئيس الفرنسي": the French one
        where = article.position(candidate)
        found = adjective and (spoken.get(_titled_with(subject.title, adjective)) or by_title(
            article, subject.title, where, adjective)) or spoken.get(subject.title) or by_title(
            article, subject.title, where)
        if found is None:
            return None
        line, subject = found
    keys = list(line.bare[subject.start:subject.end])
    fuller = fullest(article, keys) if keys else None
    length = subject.end - subject.start
    if fuller is not None and fuller[1].end - fuller[1].start >= length and not (
            subject.kind == "family" and fuller[1].end - fuller[1].start == length):
        fuller[1].titled = fuller[1].titled or subject.titled
        if subject.kind == "family" and not first_is_given(*fuller):
            return None
        line, subject = fuller
    elif subject.kind == "family":
        # the article names him no more fully ("وأوضح الفراج أن", "وقال بن دغر إن")
        last = subject.end - 1
        if (known is None or not known.is_family(line.bare[last], line.cls[last] == W_AL)) and not _family_before_said(
                line, subject):
            return None  # a family name alone that no one of the article (nor the archive) bears
        return line, subject
    if candidate.subject.kind == "colon" and (not (subject.titled or first_is_given(line, subject)) or (
            subject.end - subject.start == 1 and not subject.titled)):  # "جمال: …" may name a thing
        return None  # "برج العامري: …" names a place as often as a person
    if subject.end - subject.start == 1 and not one_word_name(line, subject, candidate, known):
        return None
    if candidate.subject.kind == "title" and not first_is_given(line, subject) and (
            known is None or not known.is_family(line.bare[subject.end - 1])) and phrase_after_title(line, subject):
        return None  # "وقال المدرب" after "مدرب سيتي", "المدرب نهجه الدفاعي": no one the title recalls
    if line.cls[subject.start] == W_OTHER and a_body_elsewhere(line.keys[subject.start], article):
        return None  # a company's or an agency's name, as the article writes it elsewhere
    if _is_person(line, subject, known, article) or foreign_before_quote(candidate, article):
        return line, subject
    return None


def _without_object(line: Line, subject: Subject, known: KnownNames | None, article: Article) -> Subject:
    """The subject without the object a transitive verb has after it ("وصف
    ترامب أوماروسا بأنها …", "ووصف ترامب الحملة بأنها"): an unknown word and
    an unknown or ال-word, the first of which the archive knows as persons'
    family name and never as a given name, and the article as the end of a
    fuller name ("دونالد ترامب"), are that family name and then another word."""
    start = subject.start
    if known is None or subject.kind != "name" or subject.end - start != 2 or line.cls[start] != W_OTHER or (
            line.cls[start + 1] not in (W_OTHER, W_AL)):
        return subject
    first = line.bare[start]
    if not known.is_family(first) or known.is_given(first):
        return subject
    fuller = fullest(article, [first])
    if fuller is None or fuller[1].end - fuller[1].start < 2 or fuller[0].bare[fuller[1].end - 1] != first:
        return subject
    return Subject(start, start + 1, subject.titled, subject.title, "family", subject.begin)


def _family_before_said(line: Line, subject: Subject) -> bool:
    """Whether a family name alone, the article's only name for him, stands
    right before what was said or the statement it was said in (في تغريدة، في
    تصريح): an unknown nisba in ال (no lexicon's word; "وأوضح الزهراني أن"), no
    plural, or a name in بن ("وقال بن دغر إن")."""
    start, end = subject.start, subject.end
    key, keys = line.bare[start], line.keys
    if end + 1 < len(keys) and keys[end] == _TO and keys[end + 1] in SAID_OPENERS:
        end += 1  # "وأشار الفيلالي إلى أن"
    if end >= len(keys) or not (keys[end] in SAID_OPENERS or line.toks[end] == ":" or statement_at(line, end)):
        return False
    if end - start == 2 and line.cls[start] == W_LINK:
        return True  # "وقال بن دغر إن": a family name in بن (read only right after the verb)
    return line.cls[start] == W_AL and key.endswith("ي")


def find(text: str, known: KnownNames | None = None) -> list[str]:
    """The article's speakers, fullest forms, in order of first appearance."""
    lines = strip_marks(text).split("\n")
    found = candidates(lines)
    if not found:
        return []
    article = Article(lines)
    names: list[str] = []
    seen: dict[tuple, tuple[Line, Subject]] = {}
    spoken: dict[str, tuple[Line, Subject]] = {}
    for candidate in found:
        subject = candidate.subject
        once = (subject.kind, subject.titled, candidate.line.bare[subject.start:subject.end])
        if subject.kind == "title":
            resolved = _resolve(candidate, article, known, spoken)
        elif subject.kind == "family" and family_of(names, candidate.line.bare[subject.start]):
            continue  # "وأضاف السلطاني": a speaker already named
        elif once in seen:
            continue  # the same words again: the same person, already counted
        else:
            resolved = _resolve(candidate, article, known, spoken)
            if resolved is not None:  # (words judged no one here may be someone where a verb stands after them)
                seen[once] = resolved
        if resolved is None:
            continue
        if subject.title and subject.kind == "name":
            spoken[subject.title] = resolved
            if adjective := title_adjective(candidate.line, subject.begin):
                spoken[_titled_with(subject.title, adjective)] = resolved
        name = clean_name(" ".join(words(*resolved)))
        if name and not _LATIN.search(name):  # "لـCNN": Latin letters name a medium or a company
            add_name(names, name)
    return names


def observed_names(text: str) -> tuple[set[str], set[str]]:
    """The given names and family names one article shows (see
    :class:`~archive_search.articles.speakers.known.KnownNames`).

    Only names of two to four words after a title or a given name are read:
    an unknown first word counts as a given name when a person's title
    stands before the name ("وزير الخارجية الياباني تارو كونو" counts تارو);
    an unknown last word counts as a family name after a given name from the
    lexicon, if it has no plural or feminine ending, and a last word in ال
    (السديس) after one.
    """
    given: set[str] = set()
    family: set[str] = set()
    for candidate in candidates(strip_marks(text).split("\n"), direct=True):
        line, subject = candidate.line, candidate.subject
        if subject.kind != "name" or not 2 <= subject.end - subject.start <= 4:
            continue
        start, end = subject.start, subject.end
        cls, keys = line.cls[start:end], line.bare[start:end]
        if cls[0] == W_OTHER and subject.titled and cls[-1] in (W_AL, W_OTHER):
            given.add(keys[0])
        if first_is_given(line, subject) and (cls[-1] == W_AL or cls[-1] == W_OTHER and family_like(keys[-1])) and (
                line.keys[end - 1] not in COMPOUND_SECONDS):  # (نصر الله: a given name, no family)
            family.add(family_key(keys[-1], cls[-1] == W_AL))
    return given, family
