"""The words that tie a title chain to what follows it.

In "المتحدث باسم الجيش", "سفير روسيا لدى الأمم المتحدة", "المشرف على مبادرة
…" or "المبعوث الأممي إلى اليمن" a preposition ties a person's title to the
body, the place or the matter it names, and the person's name comes after;
in "رئيس الحكومة في تصريح لمراسلة …" the preposition tells where he spoke,
and the chain has ended. :func:`tie` tells which, for
:func:`~archive_search.articles.speakers.chains.title_chain`.
"""

from __future__ import annotations

from archive_search.articles.speakers.grammar import statement_at
from archive_search.articles.speakers.lexicons import (
    STATEMENTS, W_AL, W_AMBIG, W_GIVEN, W_MEDIA, W_NAT, W_NOUN, W_ORG, W_OTHER, W_PLACE, W_PREP, W_TITLE, fold,
    folded_words,
)
from archive_search.articles.speakers.tokens import Line

# Words inside a title chain that tie it to what follows ("المتحدث باسم الجيش").
CHAIN_TIES = folded_words("لدى في عن على هذه هذا تلك")
# "على" and "عن" tie a chain only after these titles: "المشرف على …", "النائب عن …", "المدافعة عن …".
# (the titles as title_key gives them: no ال, no ة: "اللجنة المشرفة على …")
_TIED_BY = {fold("على"): folded_words("مشرف قائم وصي"),
            fold("عن"): folded_words("نائب مسؤول ممثل متحدث مندوب عضو مدافع ناطق")}
# "إلى" ties a chain to where its first title is sent: "المبعوث الأممي إلى اليمن".
_TO = fold("إلى")
_AT = fold("لدى")
_IN = fold("في")
# Where one speaks: "الرئيس التركي في تجمع حاشد في إقليم …" ends the title chain at في.
_OCCASIONS = STATEMENTS | folded_words("تجمع مؤتمر لقاء اجتماع ندوة حفل زيارة جلسة خطاب مهرجان احتفال")
_SENT = folded_words("مبعوث موفد مندوب سفير ممثل")
_AFTER_TIE = frozenset((W_AL, W_ORG, W_PLACE, W_NAT, W_PREP, W_MEDIA, W_NOUN))
ON_BEHALF = fold("باسم")
_ON_ITS_BEHALF = folded_words("باسمه باسمها باسمهم باسمهما")
_BY_THE_TONGUE = fold("بلسان")

# What :func:`tie` tells: no tie (the chain ends or goes on by other words), a
# tie, a tie to whom the title speaks for (باسم), a tie to what it is in charge of.
NO_TIE, TIE, ON_BEHALF_TIE, IN_CHARGE_TIE = range(4)


def on_behalf_at(line: Line, k: int) -> bool:
    """Whether باسم at k follows a title: "on behalf of" ("المتحدثة باسم البيت
    الأبيض"), no given name (باسم يوسف)."""
    return line.keys[k] == ON_BEHALF and k > 0 and line.cls[k - 1] in (W_TITLE, W_AMBIG)


def title_key(line: Line, k: int) -> str:
    """A title's folded form without the article, و and the feminine ة."""
    key = line.keys[k][1:] if line.conj[k] else line.keys[k]
    for article in ("ال",):
        if key.startswith(article) and len(key) > len(article) + 2:
            key = key[len(article):]
            break
    return key[:-1] if key.endswith("ه") and len(key) > 3 else key


def tie(line: Line, k: int, title: str | None, following: int) -> int:
    """Whether the word at k ties the chain whose first title is ``title`` to
    what follows (the class of the next word is ``following``), and how."""
    key = line.keys[k]
    if key == ON_BEHALF or key == _BY_THE_TONGUE:  # "المتحدث باسم …", "الناطق بلسان …"
        return ON_BEHALF_TIE
    if key in _ON_ITS_BEHALF:
        return TIE  # "المتحدث باسمه العميد فلان": the one spoken for named before; the name is the spokesman's
    if statement_at(line, k, _OCCASIONS):
        return NO_TIE  # "رئيس الحكومة في تصريح لمراسلة …", "… في تجمع حاشد": where he spoke; the chain has ended
    if key == _TO:
        return TIE if title in _SENT and following in _AFTER_TIE else NO_TIE  # "المبعوث الأممي إلى اليمن فلان"
    if key in _TIED_BY and k > 0 and _in_charge(line, k, title, following):
        return IN_CHARGE_TIE  # "المشرف على مبادرة «…» فلان": what he is in charge of, then the name
    if key in CHAIN_TIES and key not in _TIED_BY and following in _AFTER_TIE:
        return TIE  # "… في الإدارة الذاتية", "سفير روسيا لدى الأمم المتحدة"
    if key == _IN and following == W_OTHER and k + 2 < len(line.cls) and line.cls[k + 2] in (W_GIVEN, W_AMBIG):
        return TIE  # "مسؤولة الشرطة في جنوى أليساندرا بوتشي": a place the lexicons lack, then the name
    # "كاتب الدولة لدى وزير النقل فلان": whom he serves; the name is his
    return TIE if key == _AT and following == W_TITLE else NO_TIE


def _in_charge(line: Line, k: int, title: str | None, following: int) -> bool:
    """Whether على or عن at k ties a title to what it is in charge of or
    stands for: right after such a title ("المشرف العام على"), after the
    chain's first title before a definite word or a body ("النائب بمجلس نواب
    الشعب عن الجبهة الشعبية"), or after a verbal noun in لل ("الحركة العالمية
    للدفاع عن الأطفال")."""
    tied_by = _TIED_BY[line.keys[k]]
    if title_key(line, k - 1) in tied_by or k > 1 and line.cls[k - 1] in (W_AL, W_NAT) and (
            title_key(line, k - 2) in tied_by):
        return True
    if title in tied_by and following in (W_AL, W_ORG):
        return True
    return line.keys[k - 1].startswith("لل") and following in (W_AL, W_ORG, W_NOUN)
