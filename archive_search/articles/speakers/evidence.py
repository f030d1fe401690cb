"""Evidence that words are a person's name where the lexicons give none.

* :func:`one_word_name` — a name of one word (after the article has been
  searched for a fuller one): known to the archive as a family name, or an
  unknown word that ends where a speaker's name ends;
* :func:`foreign_before_quote` — one to three unknown words right after a
  verb of saying and right before what was said: a transliterated name the
  lexicons lack;
* :func:`from_a_body` — a transliterated name before من and the body it is from;
* :func:`a_body_elsewhere` — an unknown word the article writes after شركة، وكالة …;
* :func:`number_after`, :func:`phrase_after_title` — evidence against: a
  number that is no age after a name ("عيد طيبة 36"), unknown words after a
  title that are a phrase ("المدرب نهجه الدفاعي");
* :func:`prefixed_elsewhere`, :func:`family_like`, :func:`foreign_like` — the shapes these read.
"""

from __future__ import annotations

from archive_search.articles.speakers.article import Article
from archive_search.articles.speakers.attribution import Candidate
from archive_search.articles.speakers.chains import QUOTES, definite_before, title_end
from archive_search.articles.speakers.grammar import statement_at
from archive_search.articles.speakers.known import KnownNames
from archive_search.articles.speakers.lexicons import (
    CLUBS, COMMAS, SAID_OPENERS, STATEMENTS, W_AL, W_AMBIG, W_FUNC, W_GIVEN, W_ORG, W_OTHER, W_PREP, W_PUNCT, W_TITLE,
    W_VERB, fold, folded_words,
)
from archive_search.articles.speakers.shapes import accusative_participle, arabic_pattern, glued, prefixed
from archive_search.articles.speakers.tokens import Line, Subject

# What opens the words reported after the speaker's name.
_ADVERBS = folded_words("أيضا ايضا كذلك اليوم أمس امس بدوره بدورها")
_FROM = fold("من")
_BODIES_STATEMENTS = folded_words("بيان")
_PERSONS_STATEMENTS = STATEMENTS - _BODIES_STATEMENTS
# A speech or its occasion ("في خطاب استقالته", "في مؤتمره الصحفي").
_OCCASIONS = _PERSONS_STATEMENTS | folded_words("خطاب مؤتمر لقاء")
_SAID_MARKS = frozenset(':«"“،,')


def prefixed_elsewhere(key: str, article: Article) -> bool:
    """Whether a word in ل/ب/ك is the article's word with a preposition glued on."""
    if key[0] not in "لبك" or len(key) < 4:
        return False
    return article.has_word(key[1:])


def one_word_name(line: Line, subject: Subject, candidate: Candidate, known: KnownNames | None) -> bool:
    """Whether a name of one word (after the article has been searched for a
    fuller one) may stand: known to the archive as a family name, or an
    unknown word that is no noun with a pronoun or in ة, no plural, no و +
    word and no ب/ل/ك + word (بكولورادو; unless right before what was said),
    ending where a speaker's name ends ("أبدى رئيس اللجنة تفهما لـ…" does
    not)."""
    key, token = line.bare[subject.start], line.toks[subject.start]
    if known is not None and known.is_family(key, line.cls[subject.start] == W_AL):
        return True
    said_next = subject.end < len(line.keys) and line.keys[subject.end] in SAID_OPENERS
    if line.cls[subject.start] == W_OTHER and (arabic_pattern(token, key) or key.endswith("ه") or key[0] == "و"
                                               or prefixed(key) and not said_next):
        return False  # (but "وذكر بهجلي أن …": right before what was said)
    if line.cls[subject.start] == W_OTHER and _own_title_after(line, subject.end) and _transliterated(key, token):
        return True  # "وقال سوهادي المتحدث باسم المحكمة"
    return _before_what_was_said(candidate)


def _own_title_after(line: Line, end: int) -> bool:
    """Whether a title in ال of two words or more follows the name: his own
    ("وأعلن بلاتيني رئيس الاتحاد" has none in ال; "سوهادي المتحدث باسم")."""
    if end >= len(line.cls) or not line.keys[end].startswith("ال"):
        return False
    stop = title_end(line, end)
    return stop is not None and stop > end + 1


def _transliterated(key: str, token: str) -> bool:
    """Whether one unknown word reads as a transliterated name, not as an
    Arabic noun before the title it is in construct with ("خطط المدير
    الفني", "أقارب الشاب", "ممثلي المهاجم"): five letters or more, a
    foreign shape (:func:`foreign_like`), no broken plural أفاعل."""
    return len(key) >= 5 and foreign_like(key, token) and not (len(key) == 5 and key[0] == "ا" and key[2] == "ا")


def _before_what_was_said(candidate: Candidate) -> bool:
    """Whether the candidate's words end where a speaker's name ends: before a
    function word or a preposition ("إن", "على", "للصحفيين"), a punctuation
    mark, a verb or those spoken to ("للصحفيين"), not before a noun or an
    unknown word ("أبدى رئيس اللجنة تفهما لـ…", "أكد كامل ثقته")."""
    line, end = candidate.line, candidate.subject.end
    if candidate.subject.kind == "family" or end >= len(line.toks):
        return True  # resolved to a fuller name, or dropped
    if line.toks[end].isdigit():
        return False  # "لقي 66 شخصا حتفهم": a verb and its count
    if line.cls[end] == W_OTHER and accusative_participle(line.keys[end]) and line.cls[end - 1] == W_GIVEN:
        return True  # how he spoke: "وقال تشارلز مازحا:"
    return line.cls[end] in (W_FUNC, W_PUNCT, W_PREP, W_VERB) or (
        line.cls[end] == W_TITLE and line.keys[end].startswith("ل") and not line.keys[end].startswith("ال"))


def foreign_before_quote(candidate: Candidate, article: Article) -> bool:
    """A name of one to three unknown words, none with the article or the
    ending of a plural or a feminine noun, right after a verb of saying and
    right before what was said ("وقال بيسكوف إن", "قال كويكي بينا: …"): a
    transliterated name the lexicons lack."""
    line, subject = candidate.line, candidate.subject
    start, end = subject.start, subject.end
    if subject.kind != "name" or end - start > 3 or end >= len(line.cls):
        return False
    if start > 0 and line.toks[start - 1] in QUOTES and not (
            end + 1 < len(line.cls) and line.toks[end] in QUOTES and line.cls[end + 1] in (W_TITLE, W_AMBIG)):
        return False  # "وتضيف "هالو تراست" أن": a body's name in quotes ("و أكد "فلان" رئيس …": his)
    if any(c != W_OTHER for c in line.cls[start:end]) or not all(
            map(foreign_like, line.bare[start:end], line.toks[start:end])):
        return False
    if (end - start > 1 and prefixed(line.keys[start])) or prefixed_elsewhere(line.keys[start], article):
        return False  # ("بدفع أموال"; one word right before what was said may begin so: "بهجلي أن")
    while end + 1 < len(line.cls) and line.keys[end] in _ADVERBS:
        end += 1  # "وأكد هيكينج أيضا أن"
    if statement_at(line, end, _PERSONS_STATEMENTS):
        return True  # "وأضاف كريفوروتشكو في تصريح لوكالة …" ("وقال سيتي في بيان": a club's statement)
    if end - start == 1 and recurs(line, start, article) and (line.toks[end].startswith("-") or statement_at(
            line, end, _OCCASIONS, pronoun=True)):
        return True  # "أكد بلاتر -بعد اجتماع اللجنة- أنه", "وقال جونسون في خطاب استقالته"
    return line.keys[end] in SAID_OPENERS or line.toks[end] in _SAID_MARKS


def recurs(line: Line, k: int, article: Article) -> bool:
    """Whether the article writes the unknown word at token k more than once: a
    transliterated name the article goes on calling its bearer by."""
    return article.mentions(line.keys[k]) >= 2




def a_body_elsewhere(key: str, article: Article) -> bool:
    """Whether the article writes the unknown word right after an
    organisation's word in construct (شركة، وكالة …; "المجموعة أنخل
    اوياربيدي" is no construct) somewhere: a name that begins
    with it is that body's ("وقالت كمبردج أناليتيكا إنها" after "شركة كمبردج
    أناليتيكا")."""
    for _, window in article.windows_with(key, before=20, after=len(key) + 1):
        for k in range(1, len(window.keys)):
            if window.keys[k] == key and window.cls[k - 1] == W_ORG and not definite_before(window, k) and (
                    window.keys[k - 1] not in CLUBS):  # ("نجم باريس سان جرمان نيمار": a player, not a company)
                return True
    return False


def from_a_body(line: Line, subject: Subject) -> bool:
    """Whether a transliterated name of two or more words is followed (after a
    comma, perhaps) by من and the body it is from, in construct ("جودي ستيرن من
    مركز …"; "شاهد من وكالة …" is a witness, one word)."""
    start, end = subject.start, subject.end
    if end + 2 < len(line.cls) and line.toks[end] in COMMAS:
        end += 1  # "وأبدى أليستر غراهام، من شركة …"
    if end - start < 2 or end + 1 >= len(line.cls) or line.keys[end] != _FROM or line.cls[end + 1] != W_ORG:
        return False
    return not line.keys[end + 1].startswith("ال") and all(map(foreign_like, line.bare[start:subject.end],
                                                            line.toks[start:subject.end]))


def foreign_like(key: str, token: str) -> bool:
    """Whether an unknown word may be a transliterated name: a family name's
    shape, no pronoun after it (أسمائهم), no و in front, no Arabic pattern of
    a plural or a verbal noun (see :func:`~archive_search.articles.speakers.shapes.glued`),
    not a derived noun in م with no long vowel after the م (مصطلح، مستخدمي;
    ماكرون and ميركل have one)."""
    if not family_like(key) or key.endswith(("هم", "ها", "كم", "نا")) or key[0] == "و" or arabic_pattern(token, key):
        return False
    return not (key[0] == "م" and key[1] not in "اوي" or key.endswith("بنك"))  # (كوميرتسبنك: a bank)


def family_like(key: str) -> bool:
    """Whether an unknown word may be a family name: no feminine ending, no
    plural in ات nor an Arabic plural in ون/ين (:func:`_plural_in_un`; but
    transliterated names end so too: بوتين، ماكرون، كلينتون، جونسون)."""
    if len(key) < 3 or key.endswith(("ات", "ه")):
        return False
    if key.endswith("سون") and len(key) >= 5 and key[0] != "م":
        return True
    return not (key.endswith(("ون", "ين")) and _plural_in_un(key))


def _plural_in_un(key: str) -> bool:
    """Whether a word in ون/ين has an Arabic plural's shape: short, a nisba's
    يون، a participle's مُفعِلون or مُفاعِلين, فاعلين, an adjective's فعيلون
    (مدرسون، مواطنين، ناشطين، كثيرون، سوريين); three letters are too few
    for one (دين: Dean)."""
    if len(key) == 4 or key.endswith(("يين", "يون")):
        return True
    if key[0] == "م" and (key[1] not in "اوي" or key[2] == "ا"):
        return True
    return len(key) == 6 and (key[1] == "ا" and key[0] != "م" or key[2] == "ي")


def number_after(line: Line, subject: Subject) -> bool:
    """Whether an untitled name is followed by a number, not an age: a
    festival's or a cup's ("فعاليات عيد طيبة 36"), points scored ("وأضاف
    فلان 24 نقطة"); "وقال فلان 21 عاما" is a person."""
    end, n = subject.end, len(line.toks)
    return not subject.titled and end < n and line.toks[end].isdigit() and (
        end + 1 >= n or line.keys[end + 1] not in _YEARS_OLD)


def phrase_after_title(line: Line, subject: Subject) -> bool:
    """Whether unknown words read as a name after a title are rather a phrase:
    one word alone ("مدرب سيتي"), or a word of an Arabic shape among them, a
    noun in ة or with its pronoun, و + a word, ب/ل + a word, a plural
    ("نهجه الدفاعي", "صدارة هدافي", "أمرني برفع", "خدمات الأصول")."""
    if subject.end - subject.start == 1:
        return line.cls[subject.start] == W_OTHER
    return any(line.cls[k] == W_OTHER and (glued(line.toks[k], line.keys[k]) or line.toks[k].endswith(("ة", "ه"))
                                           or line.toks[k][0] == "و") for k in range(subject.start, subject.end))


_YEARS_OLD = folded_words("عاما عام سنة سنوات أعوام")
