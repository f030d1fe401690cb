"""A title chain before a person's name: where the name starts.

:func:`title_chain` reads, from the word after a verb of saying, the titles,
roles, bodies, places and their adjectives that stand before a person's name
("رئيس لجنة الشؤون الخارجية بالبرلمان الأوروبي …", "المتحدث باسم التحالف
العقيد الركن …"), and tells where the name starts, whether a person's title
stood there and which one; or that the chain's head is nobody named (an
organisation, a place, a medium, a thing) or that the name that follows is
someone else's ("المتحدث باسم عائلة الصحفي فلان", "نجل الرئيس فلان", "مطار
الملك عبدالعزيز").
"""

from __future__ import annotations

from dataclasses import dataclass

from archive_search.articles.speakers.grammar import GIVEN_LIKE, HONORIFICS, name_end
from archive_search.articles.speakers.lexicons import (
    COMMAS, DASHES, NAME_CLASSES, NOT_PERSON_CLASSES, TITLES, W_AL, W_AMBIG, W_FUNC, W_LINK, W_MEDIA, W_NAT,
    W_NOUN, W_ORG, W_OTHER, W_PLACE, W_PREP, W_PUNCT, W_TITLE, W_VERB, fold, folded_words,
)
from archive_search.articles.speakers.shapes import glued, prefixed
from archive_search.articles.speakers.ties import (
    CHAIN_TIES, IN_CHARGE_TIE, NO_TIE, ON_BEHALF_TIE, tie, title_key,
)
from archive_search.articles.speakers.tokens import Line, token_info
from archive_search.text.person_names import FILIATION

_IN = fold("في")
# The second words of ranks written in two: "الميجور جنرال", "اللفتنانت كولونيل".
_RANK_SECONDS = folded_words("جنرال كولونيل أدميرال ادميرال")
# Honorifics written bare after a rank: "العقيد دكتور فلان".
_BARE_HONORIFICS = folded_words("دكتور مهندس")
# Kin: "نجل الرئيس فلان" names the father, not the son who speaks.
KIN = folded_words("""نجل نجلة ابنة شقيق شقيقة زوج زوجة أرملة والد والدة عم خال جد جدة حفيد حفيدة صهر
    أخ أخت صديق صديقة""")
# Titles inside the names of institutions: "مطار الملك عبدالعزيز", "كتائب الشهيد …".
ROYAL = folded_words("الملك الأمير الشيخ السلطان الإمام الشهيد الراحل")
QUOTES = frozenset('"«»“”\'')
_NOT = fold("غير")
_OF = folded_words("ذات ذو ذي")
_DEFINITE = ("ال", "وال", "فال", "بال", "كال", "لل")


def kin_before(line: Line, k: int) -> bool:
    """Whether the word before token k names a relative (نجل، زوجة …), not a
    place spelled as one (محافظ جدة: Jeddah)."""
    return line.keys[k - 1] in KIN and line.cls[k - 1] != W_PLACE


def _given_ahead(line: Line, k: int, limit: int = 8) -> int | None:
    """The first given name within ``limit`` tokens of k, across a title's
    organisation words, places, "في" and commas, or None at a word that ends
    the search (a name after الملك there is an institution's: "مطار الملك فهد")."""
    cls, keys = line.cls, line.keys
    j = k - 1
    while j + 1 < min(len(cls), k + limit):
        j += 1
        c = cls[j]
        if c in GIVEN_LIKE or c == W_LINK and name_end(line, j) > j:
            if not (j > 0 and keys[j - 1] in ROYAL and not (j > 1 and definite_before(line, j - 1))):
                return j  # ("لحقوق الإنسان الأمير زيد بن رعد": after a definite word the royal title is his)
            j = max(j, name_end(line, j) - 1)  # the institution's name read whole ("مطار الملك فهد بن …")
            continue
        if c in (W_FUNC, W_PUNCT, W_VERB) and line.toks[j] not in COMMAS and keys[j] not in CHAIN_TIES:
            return None
        if c == W_TITLE and (keys[j].startswith("ال") or keys[j] in HONORIFICS) and j + 2 < len(cls) and (
                GIVEN_LIKE & {cls[j + 1], cls[j + 2]}):
            continue  # his rank before his name: "مدير العلاقات بسجون القصيم الملازم أول تركي الحربي", "… د. فلان"
        if c == W_TITLE or j > k and line.toks[j - 1] in COMMAS:
            return None  # a new title, or a name in apposition, before any given name
    return None


def described_person(line: Line, j: int) -> bool:
    """Whether the word at j (in ال: a role the lexicon lacks, or a nationality)
    and at most two adjectives in ال after it stand before a given name."""
    cls, keys = line.cls, line.keys
    for k in range(j + 1, min(len(cls), j + 4)):
        if cls[k] in GIVEN_LIKE:
            return keys[j].startswith("ال")
        if cls[k] not in (W_AL, W_NAT) or not keys[k].startswith("ال"):
            return False
    return False


@dataclass(slots=True)
class _Chain:
    """The state of a title chain being read (see :func:`title_chain`)."""

    line: Line
    k: int
    titled: bool = False
    title: str | None = None
    prev: int = W_PUNCT
    on_behalf: bool = False  # after "باسم": a person's title now names whom he speaks for
    org_name: bool = False  # an unknown word now belongs to an organisation's name
    quoted: bool = False  # inside quotes around an organisation's name
    described: bool = False  # a title then only adjectives in ال ("الطاهي الأسترالي الشهير")


_NEXT, _STOP, _NOBODY, _MOVED = range(4)


def title_chain(line: Line, j: int) -> tuple[int, bool, str | None] | None:
    """Read the titles, roles and organisation words from token j: where the
    name may start, whether a person's title stood there and which; None when
    the subject is an organisation, a place, a medium, a thing, or the name
    that follows is someone else's (the chain's head is unnamed)."""
    chain = _Chain(line, j)
    n = len(line.cls)
    while chain.k < n:
        c = line.cls[chain.k]
        if c == W_AMBIG:
            k = chain.k
            if k + 1 < n and line.cls[k + 1] in NAME_CLASSES and not line.conj[k + 1] and not (
                    chain.prev == W_TITLE and _indefinite(line, k - 1)):
                break  # مساعد الزهراني is a name; "مساعد وزير", "نائب مشرف السكك" a title
            c = W_TITLE
        elif chain.k == j and c in (W_AL, W_NAT) and described_person(line, j):
            c = W_TITLE  # a role or a nationality before a given name: "المتطوعة نجلاء", "الكوري الجنوبي تشونغ"
        step = _title_step(chain) if c == W_TITLE else _word_step(chain, c)
        if step == _NOBODY:
            return None
        if step == _STOP:
            break
        if step == _NEXT:
            chain.prev = c
            chain.k += 1
    return chain.k, chain.titled, chain.title


def title_end(line: Line, k: int) -> int | None:
    """Where the chain that a title at k opens ends (:func:`title_chain`); None
    if no title stands at k or the chain names nobody."""
    if k >= len(line.cls) or line.cls[k] != W_TITLE:
        return None
    chain = title_chain(line, k)
    return None if chain is None else chain[0]


def _title_step(chain: _Chain) -> int:
    """One title in the chain."""
    line, k = chain.line, chain.k
    keys = line.keys
    own = keys[k][1:] if line.conj[k] else keys[k]  # "الشاعر والناقد فلان": two titles of one person
    if chain.prev == W_TITLE and keys[k - 1] in HONORIFICS and own.startswith("ال") and (
            k + 1 >= len(line.cls) or line.cls[k + 1] in (W_FUNC, W_PUNCT, W_NOUN, W_OTHER, W_PREP)):
        return _STOP  # "ووصف المهندس المخرج هذه المناسبة": after an honorific, a family name that is a title too
    if chain.titled and chain.prev == W_TITLE and keys[k - 1].startswith("ال") and not own.startswith("ال") and not (
            k + 1 < len(line.cls) and line.cls[k + 1] in GIVEN_LIKE) and own not in _RANK_SECONDS | _BARE_HONORIFICS:
        return _STOP  # "أبلغ الرئيس كبير موظفيه …": a second phrase, the object ("المقدم طيار فلان" is his rank)
    if chain.prev in (W_ORG, W_NOUN, W_OTHER, W_AL, W_PREP) and keys[k] in ROYAL and not definite_before(line, k):
        chain.k = max(name_end(line, k + 1), k + 1)  # "مطار الملك عبدالعزيز": an institution's name
        chain.prev = W_ORG
        return _MOVED
    if chain.titled and (chain.on_behalf and not definite_before(line, k) or kin_before(line, k)):
        # "المتحدث باسم عائلة الصحفي فلان", "نجل الرئيس فلان"; but in "الناطق
        # باسم الجيش العقيد فلان" the rank, after a word with ال, is the spokesman's
        return _NOBODY
    if not chain.titled:
        chain.title = title_key(line, k)
        chain.described = True
    # after an indefinite title an unknown word is its complement ("مدير
    # جمرك …"); after a definite one, the name ("الرئيس ترامب")
    chain.titled, chain.org_name = True, _indefinite(line, k) and own not in _BARE_HONORIFICS
    return _NEXT


def definite_before(line: Line, k: int) -> bool:
    """Whether the word before token k has the article: no construct with
    what follows ("مطار الملك فهد" names an airport; in "… الجمركي الشيخ
    فلان" the title starts a person's name)."""
    return line.keys[k - 1].startswith(_DEFINITE)  # (للجمارك: ل + ال)


# What is sent to someone ("برقية للرئيس فلان"; "تصريحات للرئيس فلان" are his).
SENT_TO = folded_words("برقية برقيات رسالة رسائل دعوة")
# Words of a title chain that say when the post is held, not who holds it.
_TENURE = folded_words("الحالي الحالية المنتهية سابقا حاليا بالإنابة بالنيابة")  # (بالإنابة: acting)
_ITS_TERM = folded_words("ولايته ولايتها")  # "المنتهية ولايتها"
_TENURE_THEN = GIVEN_LIKE | {W_TITLE, W_LINK, W_PREP, W_ORG}  # a second title, the name, its body ("الحالي للمنتخب")


def _early_step(chain: _Chain, c: int, following: int) -> int | None:
    """The steps of :func:`_word_step` that its word alone decides, or None."""
    line, k = chain.line, chain.k
    keys, toks = line.keys, line.toks
    if chain.quoted and toks[k] not in QUOTES and chain.titled:
        return _NEXT  # inside quotes after a title: an organisation's or a medium's name
    if chain.titled and (keys[k] in _TENURE and (following in _TENURE_THEN or k + 1 < len(keys) and (
            keys[k + 1] in _TENURE or keys[k + 1] in _ITS_TERM)) or keys[k] in _ITS_TERM
            or keys[k] == _NOT and following in (W_AL, W_ORG, W_NAT)):
        return _NEXT  # "عضو المجلس البلدي الحالي الدكتور فلان", "المنتهية ولايتها", "رئيس الحزب غير المنتخب"
    # "وأبدى المسؤول العسكري رفضه لـ…", "بعث رئيس المجلس برقية لـ…": the verb's
    # object (after في, his term: "رئيس المجلس البلدي في دورته الحالية فلان")
    if c == W_NOUN and chain.titled and (toks[k].endswith(("ه", "ها", "هم")) and keys[k - 1] != _IN
                                         or keys[k] in SENT_TO):
        return _STOP
    if keys[k] in _OF and chain.titled and following == W_AL:
        return _NEXT  # "وزيرة التعليم الفرنسية ذات الأصول المغربية فلانة": "of Moroccan origin"
    if toks[k] == "و" and chain.titled and following in (W_TITLE, W_AMBIG):
        return _NEXT  # "إمام و خطيب المسجد الحرام": و written apart between two titles
    if c == W_AL and chain.prev == W_TITLE and k > 0 and keys[k - 1] in HONORIFICS and following not in GIVEN_LIKE:
        return _STOP  # "المهندس الغبان": a family name after an honorific ("المهندس التشكيلي يوسف": his trade)
    return None


def _word_step(chain: _Chain, c: int) -> int:
    """One word of the chain that is not a title."""
    line, k = chain.line, chain.k
    cls, keys, toks = line.cls, line.keys, line.toks
    following = cls[k + 1] if k + 1 < len(cls) else W_PUNCT
    if c != W_OTHER and not (c in (W_AL, W_NAT) and keys[k].startswith("ال")):
        chain.described = False
    early = _early_step(chain, c, following)
    if early is not None:
        return early
    if c in NOT_PERSON_CLASSES or c in (W_AL, W_PREP):
        if not chain.titled:
            return _NOBODY
        # a bare organisation word opens its name ("صحيفة ذا نيشن"); a definite
        # word or a place closes it, and a bare title's complement ("وزير التجارة …")
        chain.org_name = c in (W_ORG, W_MEDIA, W_PREP, W_NOUN) and not keys[k].startswith(_DEFINITE) and not (
            c == W_PREP and token_info(toks[k][1:])[0] == W_PLACE)
    elif not chain.titled:
        return _STOP
    elif toks[k] in COMMAS:
        chain.on_behalf = chain.org_name = False
    elif (tied := tie(line, k, chain.title, following)) != NO_TIE:
        chain.on_behalf = chain.on_behalf or tied == ON_BEHALF_TIE
        chain.org_name = chain.org_name or tied == IN_CHARGE_TIE
    elif c == W_LINK and chain.prev in (W_ORG, W_NOUN, W_AL) and keys[k] == "ابن":
        chain.k = max(name_end(line, k), k + 1)  # "الحي الجامعي ابن خلدون": an institution's name
        return _MOVED
    elif c == W_OTHER:
        return _unknown_step(chain, following)
    elif c in GIVEN_LIKE and chain.titled and (step := _given_in_chain(chain)) is not None:
        return step
    elif c in GIVEN_LIKE and chain.org_name and _body_named_after_a_person(chain):
        return _MOVED
    elif toks[k] in QUOTES:
        return _quote_step(chain)
    elif (toks[k] in DASHES or toks[k] == "/") and chain.prev == W_TITLE and following in GIVEN_LIKE:
        pass  # "وأكدت السيدة – مها من المدينة", "الشيخ/ فلان": a dash or a slash between the title and the name
    elif toks[k] == "(" and chain.titled and chain.prev == W_TITLE and not chain.org_name and quoted_name(line, k):
        chain.k += 1  # "الشاعر ( محمد الدحيمي )": the name in brackets
        return _STOP
    elif not (toks[k].isdigit() and k + 1 < len(toks) and toks[k + 1] in COMMAS):
        return _STOP  # (a number before a comma: "الأستاذ بمعهد حمام سوسة 2، خالد …")
    return _NEXT


def _unknown_step(chain: _Chain, following: int) -> int:
    """An unknown word in a titled chain: more of an organisation's name, or
    where the person's name starts, or a word to skip to a given name ahead."""
    line, k = chain.line, chain.k
    cls, keys, toks = line.cls, line.keys, line.toks
    if chain.org_name and not (following == W_AL and keys[k + 1].endswith("ي") and keys[k][0] not in "لب"):
        return _NEXT  # the organisation's own name ("صحيفة ذا نيشن"), unless a nisba follows
    if line.conj[k] or toks[k][0] == "و" and chain.prev in (W_AL, W_ORG, W_NOUN, W_PREP):
        return _NEXT  # "… لعلوم الفضاء ونظام تكنولوجيا …": the organisation's name goes on
    if toks[k - 1] in COMMAS:
        return _STOP  # "، يوفال شتاينتز،": the name in apposition
    if chain.prev in (W_ORG, W_NAT, W_AL) and following == W_AL and prefixed(keys[k]):
        return _NEXT  # "الاتحاد الآسيوي لكرة القدم", "المفوضية السامية لحقوق الإنسان": the body's name goes on
    if chain.prev == W_TITLE and k + 2 < len(cls) and keys[k + 1] in FILIATION and cls[k + 2] in GIVEN_LIKE:
        return _STOP  # "… المكرمة العقيد عاطي بن عطية القرشي": an unknown first name before بن
    if chain.prev in (W_NAT, W_ORG, W_AL) and keys[k - 1].startswith("ال") and following in GIVEN_LIKE and (
            not line.conj[k + 1] and toks[k].isalpha() and not glued(toks[k], keys[k])):
        return _STOP  # "لشركة دايملر الالمانية فولفجانج برنارد": after a definite word, a first name
    if chain.described and toks[k].isalpha() and keys[k][0] != "و" and not glued(toks[k], keys[k]):
        # after "الطاهي الأسترالي الشهير" the unknown words are the name, not an organisation's
        # (one in و is no name's start: "الوالدة وتدعى فلانة")
        return _STOP
    ahead = _given_ahead(line, k)
    if ahead is None or line.conj[ahead]:
        return _STOP  # (before "وسارة درور" the unknown words are a first name: "جوليت كيلو وسارة …")
    chain.k = ahead
    return _MOVED


def _given_in_chain(chain: _Chain) -> int | None:
    """A given name in a person's title chain that is not the person's: a
    complement, an adjective, a place's name; None when it starts the name."""
    line, k = chain.line, chain.k
    keys = line.keys
    if keys[k].startswith("ال") and (chain.prev == W_TITLE and _indefinite(line, k - 1) and (
            keys[k - 1] not in HONORIFICS) or keys[k - 1] in _OCEAN):
        return _NEXT  # "شيخ الأزهر", "المحيط الهادي": a given name in ال as a title's complement, an adjective
    if place_noun(keys[k - 1]):
        return _after_a_place_name(chain)
    return None


def _after_a_place_name(chain: _Chain) -> int:
    """Past a place named after a person, the name a comma sets off after it
    ("عضو التنسيقية ببئر علي بن خليفة، العوني بن مسعود"); without a comma the
    two names may not part ("بمستشفى شارل نيكول هشام عوينة"): the name starts here."""
    line, n = chain.line, len(chain.line.cls)
    end = max(name_end(line, chain.k), chain.k + 1)
    if end + 2 < n and line.cls[end] in (W_PREP, W_OTHER) and line.toks[end][0] == "ب" and line.toks[end + 1] in COMMAS:
        end += 1  # "مدير معهد سالم بن حميدة بأكودة، فتحي الإمام": where the place is
    if end + 1 < n and line.toks[end] in COMMAS and line.cls[end + 1] in NAME_CLASSES:
        chain.k = end + 1
    elif _place_noun_key(line.keys[chain.k - 1]) in _TOWNS:
        return _NOBODY  # "الناخبين في مدينة ديار بكر": a town's name, no one's
    return _STOP


def _body_named_after_a_person(chain: _Chain) -> bool:
    """Whether the name after a bare organisation word is the body's own and the
    person's comes after a tie ("أستاذ … في مؤسسة أوستين هيلث في أستراليا بول
    جونسون"); if so the chain goes on to it."""
    line = chain.line
    end = name_end(line, chain.k)
    if end >= len(line.keys) or line.keys[end] not in CHAIN_TIES:
        return False
    ahead = _given_ahead(line, end + 1)
    if ahead is None:
        return False
    chain.k = ahead
    return True


_OCEAN = folded_words("المحيط بالمحيط والمحيط للمحيط")
# Places named after a person ("بئر علي بن خليفة", "حي الملك فهد", "مستشفى الملك خالد", "سيدي بوزيد").
_PLACE_NOUNS = folded_words("سيدي بئر حي شارع ساحة ميدان مطار ميناء مستشفى مدرسة معهد جامعة مسجد جامع مدينة قرية ضاحية")
_TOWNS = folded_words("مدينة قرية ضاحية سيدي")  # named after a person or not, their name is theirs


def place_noun(key: str) -> bool:
    """Whether a word is a bare place noun, maybe after ب, ل or و (ببئر، لمستشفى)."""
    return _place_noun_key(key) in _PLACE_NOUNS


def _place_noun_key(key: str) -> str:
    """The place noun without a ب، ل or و in front (ببئر → بئر)."""
    return key[1:] if key not in _PLACE_NOUNS and key[:1] in "بلو" and key[1:] in _PLACE_NOUNS else key


def _quote_step(chain: _Chain) -> int:
    """A quote mark in the chain: it opens or closes an organisation's or a
    medium's name ("مبادرة «نرسم بسمتهم»", skipped), or opens the quotes
    around the person's name ("صالح القرعوطي", read) unless a given name
    follows the quotes."""
    if chain.quoted:
        chain.quoted = chain.org_name = False  # the organisation's name is closed
        return _NEXT
    if not chain.org_name and quoted_name(chain.line, chain.k):
        close = next(j for j in range(chain.k + 1, len(chain.line.toks)) if chain.line.toks[j] in QUOTES)
        cls = chain.line.cls
        if chain.titled and close + 1 < len(cls) and (cls[close + 1] in GIVEN_LIKE or cls[close + 1] == W_TITLE
                                                       and cls[chain.k + 1] not in GIVEN_LIKE):
            # "المشرف على الفعاليات «تلي ماتش» بدر الذربان", "… "بارع" الدكتور فلان": a thing's name, then
            # his ("الدكتور "موريس روسابي" أستاذ التاريخ": his name in quotes, then his title)
            chain.k = close + 1
            return _MOVED
        chain.k += 1
        return _STOP
    if chain.titled:  # "باسم قوات التحالف «تحالف دعم الشرعية»، العقيد …"
        chain.quoted = True
        return _NEXT
    return _STOP


def _indefinite(line: Line, k: int) -> bool:
    """Whether the title at k is written bare (مدير، وزيرة), not with ال or a
    pronoun (محاميه: his lawyer, whose name follows)."""
    key = line.keys[k][1:] if line.conj[k] else line.keys[k]
    if line.toks[k].endswith("ه") and key[:-1] in TITLES:
        return False  # محاميه (his lawyer), though محامية folds to the same letters
    return key in TITLES or line.toks[k].endswith("ة") and key[:-1] in TITLES


def quoted_name(line: Line, k: int) -> bool:
    """Whether token k opens quotes (or brackets) around a name: "«فرحان حق»",
    "\"الغامدي\"", "( محمد الدحيمي )"."""
    toks, cls = line.toks, line.cls
    closers = (")",) if toks[k] == "(" else QUOTES
    for j in range(k + 2, min(len(toks), k + 5)):
        if toks[j] in closers:
            return all(c in NAME_CLASSES for c in cls[k + 1:j])
    return False
