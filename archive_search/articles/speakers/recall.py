"""Looking a candidate up across its article: the fullest form the article
gives a name (:func:`fullest`: "وقال ترامب" → دونالد ترامب), and the person a
title alone recalls (:func:`by_title`: "وأضاف الوزير" → the one the article last
named with that title before, else first after; "وأكد الرئيس الفرنسي" → the one
named with that title and that nationality).
"""

from __future__ import annotations

from archive_search.articles.speakers.article import Article
from archive_search.articles.speakers.grammar import middle_name, name_end
from archive_search.articles.speakers.lexicons import (
    COMPOUND_SECONDS, W_AL, W_AMBIG, W_GIVEN, W_LINK, W_NAT, W_NOUN, W_ORG, W_OTHER, W_PLACE, W_PREP, W_PUNCT, W_TITLE,
    fold,
)
from archive_search.articles.speakers.shapes import glued, prefixed
from archive_search.articles.speakers.subjects import subject_at, title_follows
from archive_search.articles.speakers.ties import on_behalf_at, title_key
from archive_search.articles.speakers.tokens import Line, Subject, token_info

_BACK_OVER = frozenset((W_GIVEN, W_AMBIG, W_LINK))
_BEFORE_FOREIGN_GIVEN = frozenset((W_TITLE, W_AMBIG, W_NAT))
# What may stand between a title and the name it names: adjectives, its body and place.
_BODY_OF_A_TITLE = frozenset((W_NAT, W_AL, W_PLACE, W_ORG, W_PREP))
_BODY_BEFORE = 5


def _spans_with(line: Line, last: str) -> list[tuple[int, int]]:
    """The names on the line that contain a word whose key is ``last``, read
    from the name's first word: (start, end) token spans."""
    spans = []
    bare = line.bare
    for p in (i for i, b in enumerate(bare) if b == last):
        start = p
        while start > 0 and p - start < 6 and not line.conj[start]:
            before = line.cls[start - 1]
            two_before = line.cls[start - 2] if start > 1 else W_PUNCT
            if before == W_OTHER and glued(line.toks[start - 1], line.keys[start - 1]):
                break  # "كلمة تلقيها جاكيندا أردرن": a verb with its pronoun, no name
            if on_behalf_at(line, start - 1):
                break  # "المتحدث باسم روسافياتسيا": on behalf of, no given name
            if (before in _BACK_OVER
                    or before in (W_OTHER, W_AL) and two_before == W_LINK  # "بن رعد", "عبد الله"
                    or before == W_AL and two_before in _BACK_OVER and line.keys[start - 1] in COMPOUND_SECONDS
                    or before == W_OTHER and p - start < 2 and (two_before in _BEFORE_FOREIGN_GIVEN or (
                        two_before == W_GIVEN and middle_name(line, start - 1, p)))):  # "خوسيه أزيريدو لوبيز"
                start -= 1
            else:
                break
        # the name starts at its first given name, else as early as it can
        firsts = [s for s in range(start, p + 1) if line.cls[s] in _BACK_OVER and line.cls[s] != W_LINK]
        for s in firsts[:1] + list(range(start, p + 1)):
            end = name_end(line, s)
            if end > p:
                if end > p + 1 and line.cls[p + 1] != W_LINK:
                    end = p + 1  # what follows the family name is not part of the name
                spans.append((s, end))
                break
    return spans


def fullest(article: Article, keys: list[str]) -> tuple[Line, Subject] | None:
    """The fullest name of the article of which ``keys`` is a variant; titled
    if a person's title stands before any of its occurrences."""
    best: tuple[Line, Subject] | None = None
    titled = False
    for _, line in article.windows_with(keys[-1]):
        for start, end in _spans_with(line, keys[-1]):
            if not _contains(list(line.bare[start:end]), keys):
                continue
            titled = titled or _title_before(line, start) or title_follows(line, end)
            if best is None or end - start > best[1].end - best[1].start:
                best = (line, Subject(start, end))
    if best is not None:
        best[1].titled = titled
    return best


def _title_before(line: Line, start: int) -> bool:
    """Whether a person's title (or title and adjectives, or title and body) stands
    just before the name: "المستشارة الألمانية أنغيلا ميركل", "الكيميائي الكوري
    الشمالي ري يونغ تشول", "المدير الفني لنادي اشبيلية الأسباني أوناي ايمري"."""
    cls = line.cls
    k = start - 1
    while k > 0 and start - k <= _BODY_BEFORE and cls[k] in _BODY_OF_A_TITLE:
        k -= 1
    return k >= 0 and cls[k] in (W_TITLE, W_AMBIG)


def _contains(long_: list[str], short: list[str]) -> bool:
    it = iter(long_)
    return all(word in it for word in short) and long_[-1] == short[-1] or long_ == short


def title_adjective(line: Line, t: int) -> str | None:
    """The nationality in ال right after the title at t ("الرئيس الفرنسي"), if any."""
    if t < 0 or t + 1 >= len(line.cls) or line.cls[t + 1] != W_NAT or not line.keys[t + 1].startswith("ال"):
        return None
    return line.keys[t + 1]


def by_title(article: Article, title: str, where: int, adjective: str | None = None) -> tuple[Line, Subject] | None:
    """The person the article names with this title (and this nationality after
    it, if one is given): the last one before ``where`` (a character offset),
    else the first one after."""
    before = after = None
    for offset, line in article.windows_with(title, before=12, after=160):
        for t, c in enumerate(line.cls):
            if c in (W_TITLE, W_AMBIG) and title_key(line, t) == title and (
                    adjective is None or title_adjective(line, t) == adjective):
                subject = subject_at(line, t)
                if subject is None or subject.kind != "name" or _verb_after_title(line, subject) or (
                        line.cls[subject.start] == W_OTHER and _in_a_preposition(line.toks[subject.start])):
                    continue  # ("تعاقب اللاعب بأثر رجعي": a phrase after the title, no name)
                subject.titled = True
                if offset < where:
                    before = (line, subject)
                elif after is None:
                    after = (line, subject)
                break
    return before or after


def _in_a_preposition(token: str) -> bool:
    """Whether an unknown word is ب/ل + a word: ب/ل/ك + a word's shape, or before a
    hamza (بأثر، لإنهاء; باجي and لوبيز are names)."""
    return token.startswith(("بأ", "بإ", "لأ", "لإ")) or prefixed(fold(token))


def _verb_after_title(line: Line, subject: Subject) -> bool:
    """Whether the one unknown word read as the name after a title is a verb with
    its object after it ("لكن الرجل كرر الاتصال"), or a given name with the
    feminine ت of a verb ("الطبيبة أشرفت على حالته"), not where a name ends;
    or two unknown words that are such a verb and its accusative object."""
    start, end = subject.start, subject.end
    if end - start == 2 and line.cls[start] == line.cls[start + 1] == W_OTHER and line.toks[start].endswith("ت") and (
            len(line.keys[start + 1]) >= 4 and line.keys[start + 1].endswith("ا")):
        return True  # "وكانت العارضة أثارت غضبا": a verb in the feminine and its accusative object
    if end - start != 1 or line.cls[start] != W_OTHER:
        return False
    token = line.toks[start]
    return end < len(line.cls) and line.cls[end] in (W_NOUN, W_AL, W_OTHER) or (
        token.endswith("ت") and token_info(token[:-1])[0] in (W_GIVEN, W_AMBIG))
