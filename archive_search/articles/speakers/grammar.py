"""What a person's name is: where a name that starts at a token ends.

On a :class:`~archive_search.articles.speakers.tokens.Line` (tokens and their classes),
:func:`name_end` reads a name by its grammar, not by a word count: given names
(compounds such as نور الدين، محمد علي), بن/بنت/ابن/ولد chains, آل، أبو/أم،
عبد + the divine name, then family names (ال-nisba or not; an adjective or a
trade in ال that ends the phrase: التركي، المعلم); it ends at a function word,
a punctuation mark, a word that is never a name, a phrase glued to the name
(لصحيفة، بقرار، علنا، منصبه، تنديدات) or, after a family name, at an unknown
word.
"""

from __future__ import annotations

from archive_search.articles.speakers.lexicons import (
    COMMAS, COMPOUND_SECONDS, FOREIGN_FIRSTS, NAME_CLASSES, NATIONALITIES, SAID_OPENERS, STATEMENTS, W_AL, W_AMBIG,
    W_FUNC, W_GIVEN, W_LINK, W_MEDIA, W_NAT, W_NOUN, W_ORG, W_OTHER, W_PLACE, W_PREP, W_PUNCT, W_TITLE, W_VERB, fold,
    folded_words,
)
from archive_search.articles.speakers.foreign import dutch_van, foreign_first_end
from archive_search.articles.speakers.shapes import arabic_pattern, glued, prefixed
from archive_search.articles.speakers.tokens import Line, Subject
from archive_search.text.person_names import FILIATION, JOINED

_FAMILY_OF = fold("آل")
_SHEIKH = fold("الشيخ")
_HAJJ = fold("الحاج")
_ABAD = fold("آباد")
# What sets off a name from what is said of him: a comma, a bracket ("محفوظ كمون (مجهز)").
_APPOSITION_MARKS = COMMAS | {"("}
_UMM = fold("أم")
_BIN = fold("بن")
_WALAD = fold("ولد")
_IN = fold("في")
_ABOUT = fold("عن")
_QAD = fold("قد")
_ABD = fold("عبد")
_ALA = fold("على")
_ALLAH = fold("الله")
# "رضي الله عنه": a blessing, not the compound given name رضي الله.
_BLESSING = folded_words("عنه عنها عنهم عنهما")
# Titles that begin a name rather than end one.
HONORIFICS = folded_words("""الشيخ الشيخة الأمير الأميرة الملك الملكة السيد السيدة الدكتور الدكتورة
    الأستاذ الأستاذة المهندس المهندسة الحاج الحاجة الرئيس الإمام السلطان د د. م.""")
GIVEN_LIKE = frozenset((W_GIVEN, W_AMBIG))
_AFTER_A_TITLE = frozenset((W_TITLE, W_ORG, W_NOUN, W_PLACE, W_NAT, W_AL, W_PREP))
# Titles that are posts only, never a name's word (see _title_in_name).
_OFFICES = folded_words("مدرب رئيس مدير وزير نائب عضو لاعب")
# Unknown words that look like verbs or verbal nouns, not names.
_NOT_NAME_STARTS = ("است", "يت", "تت")


def name_end(line: Line, k: int) -> int:
    """Where the name starting at token k ends (k itself if no name starts there)."""
    cls, keys, conj = line.cls, line.keys, line.conj
    n = len(cls)
    if k < n and cls[k] == W_FUNC:
        return foreign_first_end(line, k)
    start, last, unknown, families = k, "", 0, 0
    while k < n:
        c, key = cls[k], keys[k]
        if conj[k] and k > start:
            break  # وفلان: a second name
        if k + 2 < n and keys[k + 1] == _ALLAH and keys[k + 2] in _BLESSING:
            break  # "… رضي الله عنه": a blessing, no name
        if c == W_LINK or c == W_FUNC and k > start and dutch_van(line, k):
            step = _link(line, k, start) if c == W_LINK else (k + 2, "family")  # فان: "روبن فان بيرسي"
            if step is None:
                break
            k, last = step
            if key == _FAMILY_OF:
                break  # آل ثاني closes the name
            continue
        if c in GIVEN_LIKE:
            if last == "family" and families >= 2 or c == W_AMBIG and k > start and k + 1 < n and cls[
                    k + 1] in _AFTER_A_TITLE and not _nisba_closes(line, k + 1) or k + 1 < n and keys[
                    k + 1] == _ABAD:  # (جلال آباد: a city)
                break  # "عبدالرحمن الفهد مساعد مدير …": a title after the name ("صالح فارس الزهراني عضو": a name)
            last = "given" if last != "family" else "family"
            k += 1
            continue
        if c == W_AL:
            if key in COMPOUND_SECONDS and last in ("given", "other"):
                k += 1
                continue
            if k == start or families >= 2 or (last == "other" and k - start > 1) or _no_family(line, k, families):
                break  # a family name in ال follows a given name, not a foreign surname nor a plural
            families += 1
            last = "family"
            k += 1
            continue
        if last in ("given", "other") and _family_of_a_place(line, k, start, last == "given"):
            k += 1
            break
        if c == W_OTHER and last == "given" and (_family_despite_shape(line, k) or _between_commas(line, k, start)):
            k += 1  # "نبيل بسباس رئيس الغرفة": ب/ل/ك begin his family name, his title follows
            break
        if c == W_TITLE and last == "given" and _title_in_name(line, k):
            k += 2  # "الباجي قائد السبسي": a title word with a nisba after it, in construct, is a name
            break
        if last == "given" and k > start and _closing_family(line, k):
            k += 1  # a family name that is also an adjective or a title: التركي، المعلم
            break
        if c == W_OTHER and last != "family" and unknown < 2 and _unknown_goes_on(line, k, start):
            unknown += 1
            last = "other"
            k += 1
            continue
        break
    while k > start and cls[k - 1] == W_LINK:
        k -= 1
    return k


def _nisba_closes(line: Line, k: int) -> bool:
    """Whether the word at k is a family name in ال, a nisba (ي), that ends the name."""
    return line.cls[k] == W_AL and line.keys[k].endswith("ي") and (k + 1 >= len(line.cls) or line.cls[
        k + 1] not in NAME_CLASSES)


def _family_of_a_place(line: Line, k: int, start: int, given: bool) -> bool:
    """Whether a nationality, a city's or a body's name without ال after a given
    name is his family name: "وحيد سعودي" (a proper name takes no adjective
    without ال), "وقال النائب المحافظ بيتر بون إن", "عبدالرقيب فتح، في بيان";
    after an unknown first name, a nationality the commas set off with it
    ("في منظمة العفو، ماجدالينا مغربي، على")."""
    cls, key, n = line.cls, line.keys[k], len(line.cls)
    if not given:
        return cls[k] == W_NAT and k == start + 1 and start > 0 and line.toks[start - 1] in COMMAS and (
            k + 1 < n and line.toks[k + 1] in COMMAS and key in NATIONALITIES and not line.conj[k])
    if cls[k] == W_NAT:
        if line.conj[k] or k + 1 < n and cls[k + 1] in NAME_CLASSES:
            return False
        if key in NATIONALITIES and not key.endswith("ه"):
            return True
        # a feminine one only right after a titled given name: "الناشطة الحقوقية زهرة كوبية في تصريح"
        return key[:-1] in NATIONALITIES and k == start + 1 and start > 0 and cls[start - 1] in (W_TITLE, W_NAT) and (
            k + 1 < n and cls[k + 1] in (W_FUNC, W_PUNCT))
    if k != start + 1 or key.startswith("ال"):
        return False
    if cls[k] == W_ORG:  # a body's name only when a comma closes it
        return k + 1 < n and line.toks[k + 1] in COMMAS and not line.conj[k]
    return cls[k] == W_PLACE and (k + 1 >= n or cls[k + 1] in (W_FUNC, W_PUNCT))


def _unknown_goes_on(line: Line, k: int, start: int) -> bool:
    """Whether an unknown word at k may be more of the name that starts at
    ``start``: no verb's or verbal noun's start, nothing that is no more of it
    after the first word, and after two words of a name no word in و with the
    phrase going on after it ("and …": "مختار علي وقوع الانفجار")."""
    if line.keys[k].startswith(_NOT_NAME_STARTS):
        return False
    if k == start:
        return True
    key = line.keys[k]
    if k - start >= 2 and len(key) == 5 and key[2] == "ا" and key[-1] == "ا" and k + 1 < len(line.cls) and (
            line.cls[k + 1] not in (W_PUNCT, W_TITLE, W_AMBIG)):
        # a third word in the accusative فعالا, a phrase after it, is the verb's object ("إيمانويل ماكرون
        # خطابا باللغة"; "كارلوس مارتينيز ألافا، لوكالة" is a name)
        return False
    return not _no_more_of_it(line, k) and not (k - start >= 2 and line.toks[k][0] == "و" and k + 1 < len(
        line.cls) and line.cls[k + 1] in (W_AL, W_NOUN, W_OTHER, W_ORG))  # ("سارة ليا ويتسن، مديرة …": Whitson)


def _no_more_of_it(line: Line, k: int) -> bool:
    """Whether an unknown word after a name's first word is no more of the name:
    a phrase glued to it, و + a word, or a verb in the present."""
    token, key = line.toks[k], line.keys[k]
    return glued(token, key) or _and_a_word(token, key) or _present_verb(line, k)


def _present_verb(line: Line, k: int) -> bool:
    """Whether an unknown word after a name's first word reads as a verb in the
    present, يفعل, with its object after it ("المدرب غاريكا يثير الجدل"; but
    "يحيى يخلف، فيرى": a family name so spelled)."""
    key = line.keys[k]
    return len(key) == 4 and key[0] == "ي" and key[1] not in "اوي" and k + 1 < len(line.cls) and (
        line.cls[k + 1] in (W_AL, W_NOUN, W_ORG))


def _no_family(line: Line, k: int, families: int) -> bool:
    """Whether the word in ال at k is no family name: no second one (see
    :func:`_no_second_family`), no verbal noun تفاعل, nor a rank before its
    number ("أنس جابر المصنفة 181 عالميا")."""
    key = line.keys[k]
    if families and _no_second_family(key) or len(key) == 7 and key[2] == "ت" and key[4] == "ا" and (
            key[5] not in "اوي" and key[-1] != "ي"):
        return True  # (a verbal noun تفاعل is no first one either: "لبث روح التنافس")
    return line.toks[k].endswith("ة") and k + 1 < len(line.toks) and line.toks[k + 1].isdigit()


def _no_second_family(key: str) -> bool:
    """Whether a word in ال after a family name is no second one: a plural
    (ون، ين، ات), a feminine adjective (أنس جابر المصنفة) or a verbal noun
    تفاعل, تفعيل or فعول (خالد الزيلعي التعامل الراقي، محمد الناصر التصويت،
    مروان الزبيدي العزوف عن)."""
    rest = key[2:]
    return (key.endswith(("ين", "ون", "ات")) and len(key) > 6 or key.endswith("ه")
            or len(rest) == 5 and rest[0] == "ت" and (rest[2] == "ا" or rest[3] == "ي")
            or len(rest) == 4 and rest[2] == "و")


def _and_a_word(token: str, key: str) -> bool:
    """Whether an unknown word after a name's first word is no more of it: و +
    a feminine word (ومثيرة: "and exciting") or a three-letter accusative
    (حدًّا written without its marks: حدا)."""
    return token[0] == "و" and token.endswith("ة") or len(key) == 3 and key.endswith("ا")


def _link(line: Line, k: int, start: int) -> tuple[int, str] | None:
    """A name's link word at k (بن، آل، أبو، عبد …) with the word it binds:
    where the name goes on and what the name has read last, or None if the
    link binds nothing here."""
    cls, keys, conj = line.cls, line.keys, line.conj
    n, key = len(cls), keys[k]
    if k + 2 < n and keys[k + 1] == _SHEIKH and cls[k + 2] in GIVEN_LIKE:
        return k + 2, "link"  # "إسماعيل ولد الشيخ أحمد": الشيخ inside a Mauritanian name
    if key == _WALAD and k > start and k + 1 < n and keys[k + 1] == _SHEIKH:
        return k + 2, "family"  # "إسماعيل ولد الشيخ،": the family name ولد الشيخ
    if key == _FAMILY_OF and k + 1 < n and not conj[k + 1] and cls[k + 1] not in (W_PUNCT, W_FUNC, W_VERB):
        return k + 2, "family"  # "آل ثاني", "آل الشيخ": the family of, whatever word follows
    if key == _ABD and k + 1 < n and keys[k + 1].startswith("ال") and not conj[k + 1]:
        # "عبد الكبير": the servant of, whatever ال-word follows; a given name
        # (the father's after a first name: "أسامة عبد الله خياط")
        return k + 2, "given"
    if key in FILIATION and k > start and k + 2 < n and keys[k + 1] in JOINED and not conj[k + 1] and (
            cls[k + 2] in NAME_CLASSES and cls[k + 2] != W_LINK):
        return k + 1, "link"  # "سلمان بن عبد العزيز", "فيصل بن أبو بكر": the father's name is a link's
    if key in FILIATION and k > start and k + 1 < n and keys[k + 1] == _ALA and (
            k + 2 >= n or cls[k + 2] in (W_AL, W_GIVEN, W_FUNC, W_PUNCT)):
        return k + 2, "link"  # "وليد بن على الجلال", "زين العابدين بن على": علي written as the preposition
    if key in FILIATION and k > start and k + 2 < n and cls[k + 1] == W_PREP and not conj[k + 1] and (
            cls[k + 2] in NAME_CLASSES):
        return k + 2, "link"  # "مبارك بن بنيه الخرينج": after بن a father's name, not a preposition
    if key in FILIATION and k > start and k + 2 < n and cls[k + 1] == W_NOUN and not conj[k + 1] and (
            cls[k + 2] == W_AL and keys[k + 2].endswith("ي")):
        return k + 2, "link"  # "محمد بن ماضي السبيعي": a father's name that is also a noun, a nisba after it
    if k + 1 >= n or cls[k + 1] not in NAME_CLASSES or conj[k + 1] or cls[k + 1] == W_LINK:
        return None
    if k == start and key == _BIN:
        return None  # a name does not begin with بن ("… بن عبدالعزيز" belongs to a name before it); ابن may
    if k == start and key == _UMM and cls[k + 1] not in GIVEN_LIKE:
        return None  # أم opens a name only before a given name ("ذكر أم أنثى": "or")
    if key in JOINED:
        return k + 2, "given" if k == start else "family"
    return k + 2, "link"


def _family_despite_shape(line: Line, k: int) -> bool:
    """Whether an unknown word whose shape reads as no name's is a family name all
    the same, where a name ends:

    * a short word in ات before a title, a comma, what was said or قد ("خالد
      شوكات إن", "جمانة غنيمات قد أكدت"), a longer one before a comma and a title;
    * the shape مفاعل before a title, what was said or a second name in و
      ("الخبير فهد مزاحم أن", "بندر مناجي ومحمد زكري");
    * a word in ه (no pronoun ها/هم) before his title ("ماريو أندراده، مدير …"),
      or after a titled given name before what was said ("الوزير بيجن زنغنه إن");
    * ب/ل/ك + a word (:func:`prefixed`), no Arabic pattern, before a title, a
      comma, في + a statement or ل + the medium spoken to ("نبيل بسباس رئيس
      الغرفة", "سليم بلحاج، وزير …", "سالم باهمام لـ"الوطن" أن"); a nisba so
      before a mark or a function word ("محمود بسيوني "إن …""); or before what was
      said, unless it is an adverb in ة or ب + a verbal noun ("فاتو بنسودا إن";
      "أكد محمد بقوة أن")."""
    token, key = line.toks[k], line.keys[k]
    if k + 1 >= len(line.cls):
        return False
    before_title = line.cls[k + 1] in (W_TITLE, W_AMBIG) or line.toks[k + 1] in _APPOSITION_MARKS or statement_at(
        line, k + 1) or (
        k + 2 < len(line.cls) and line.keys[k + 1] == "ل" and line.cls[k + 2] in (W_PUNCT, W_MEDIA))
    said_next = line.keys[k + 1] in SAID_OPENERS
    if key.endswith("ات") and len(key) <= 6 and not token.endswith(("ها", "هم", "هما")):
        return before_title or said_next or line.keys[k + 1] == _QAD
    if key.endswith("ات") and _title_apposed(line, k + 1) and line.toks[k + 1] in COMMAS:
        return True  # a longer one set off by a comma before his title: "ربيكا هيلسنرات، المديرة التنفيذية"
    if len(key) == 5 and key[0] == "م" and key[2] == "ا" and (before_title or said_next or (
            line.conj[k + 1] and line.cls[k + 1] in GIVEN_LIKE)):
        return True  # (or before a second name in و: "وقال بندر مناجي ومحمد زكري")
    if token.endswith("ه") and not token.endswith(("ها", "هم", "هما")) and (_title_apposed(line, k + 1) or (
            said_next or before_title) and k >= 2 and line.cls[k - 2] in (W_TITLE, W_NAT) and not prefixed(key)):
        return True  # (or after a titled given name, before what he said: "وزير النفط الإيراني بيجن زنغنه إن")
    if not prefixed(key) or arabic_pattern(token, key):
        return False
    if before_title or key.endswith("ي") and (line.cls[k + 1] in (W_PUNCT, W_FUNC) or said_next):
        return True
    return said_next and not token.endswith("ة") and not arabic_pattern(token[1:], key[1:])


def _between_commas(line: Line, k: int, start: int) -> bool:
    """Whether an unknown word of Arabic shape after a one-word given name is his
    family name because the name is set off: after the verb or a comma, before a
    comma ("مدير الشرطة بالمدينة، حسن رامزه، بأن", "وأضاف ياسين أقطاي، في تصريح").
    An accusative (ضاحكا), a pronoun in ها/هم or a preposition glued on (بدوره) is
    no name even there."""
    token, key = line.toks[k], line.keys[k]
    if k != start + 1 or start == 0 or k + 1 >= len(line.cls) or line.toks[k + 1] not in _APPOSITION_MARKS:
        return False
    if not (line.toks[start - 1] in COMMAS or line.cls[start - 1] == W_VERB):
        return False
    return not (key.endswith("ا") or token.endswith(("ها", "هم", "هما")) or prefixed(key))


def statement_at(line: Line, k: int, statements: frozenset[str] = STATEMENTS, pronoun: bool = False) -> bool:
    """Whether في + a statement stands at token k ("في تصريح", "في تغريدة"): what
    a name before it said, and where; ``statements`` the words read as one, and
    with ``pronoun`` one with his pronoun too ("في مؤتمره")."""
    if k + 1 >= len(line.keys) or line.keys[k] != _IN:
        return False
    word = line.keys[k + 1]
    return word in statements or pronoun and word.endswith("ه") and word[:-1] in statements


def _title_apposed(line: Line, k: int) -> bool:
    """Whether a person's title stands at token k, or after a comma there ("،
    مدير الاتصالات", "المدير الإداري", "مدرب حراس المرمى")."""
    n = len(line.cls)
    if k < n and line.toks[k] in COMMAS:
        k += 1
        return k < n and line.cls[k] in (W_TITLE, W_AMBIG)
    return k < n and line.cls[k] == W_TITLE and not line.conj[k]


def _title_in_name(line: Line, k: int) -> bool:
    """Whether a bare title word after a given name belongs to the name: an
    unknown nisba in ال follows it and ends the name (قائد السبسي); a title's
    own complement is a body or a place (قائد الجيش، مدير التعليم). Between
    given names الحاج is a family name's first word ("فتحي الحاج عامر")."""
    cls, keys = line.cls, line.keys
    if keys[k] == _HAJJ and k + 1 < len(cls) and cls[k + 1] == W_GIVEN and not line.conj[k + 1]:
        return True
    if keys[k].startswith("ال") or line.conj[k] or k + 1 >= len(cls) or cls[k + 1] != W_AL or keys[k] in _OFFICES:
        return False  # ("فتحي مبروك مدرب الأهلي": a coach's post, no name)
    return keys[k + 1].endswith("ي") and (k + 2 >= len(cls) or cls[k + 2] not in NAME_CLASSES)


def _closing_family(line: Line, k: int) -> bool:
    """Whether token k, after a given name, is a family name that is also a
    word of another class: an adjective (نور الدين التركي) or a trade (وليد
    المعلم), written with ال and followed by no more of the name."""
    key, cls = line.keys[k], line.cls
    if not key.startswith("ال") or (k + 1 < len(cls) and cls[k + 1] in NAME_CLASSES):
        return False
    if cls[k] == W_NAT:
        return True
    # a trade or a place not in ة (a nisba: سمر الرمادي) closes a name only where the
    # phrase ends ("وليد المعلم المبعوث …" is an object after; "عبد العزيز
    # حمزة المدير التنفيذي" is a title; "برنارد المسؤول عن …" his post)
    ends = k + 1 >= len(cls) or cls[k + 1] in (W_FUNC, W_PUNCT, W_VERB, W_TITLE) and line.keys[k + 1] != _ABOUT
    if cls[k] == W_TITLE and key in HONORIFICS:
        # an honorific ends a name only right before a mark or what was said ("فيصل الشيخ:")
        return k + 1 >= len(cls) or cls[k + 1] == W_PUNCT or line.keys[k + 1] in SAID_OPENERS
    return ends and (cls[k] == W_TITLE or cls[k] == W_PLACE and not key.endswith("ه"))


def middle_name(line: Line, k: int, family: int) -> bool:
    """Whether the unknown word at k, after a given name, is a middle name of a
    titled person ("الوزير خوسيه أزيريدو لوبيز", "التركي مولود تشاووش أوغلو"):
    the family name at ``family`` unknown too and of no Arabic noun's shape,
    or a given name ("الوزيرة … نجاة فالو بلقاسم")."""
    if line.cls[family] not in (W_OTHER, W_GIVEN) or len(line.keys[k]) <= 2 or line.toks[family].endswith("ة") or k < 2:
        return False
    return line.cls[k - 2] in (W_TITLE, W_AMBIG, W_NAT) or line.toks[k - 2] in COMMAS


def first_is_given(line: Line, subject: Subject) -> bool:
    """Whether the subject's name starts with a given name, a kunya or عبد (not
    with بن nor with آل: "آل قرط" is a family, not one of them), or a foreign
    given name spelled as a function word (:func:`~archive_search.articles.speakers.foreign.foreign_first_end`)."""
    c, key = line.cls[subject.start], line.keys[subject.start]
    return c in GIVEN_LIKE or (c == W_LINK and key not in FILIATION and key != _FAMILY_OF) or (
        c == W_FUNC and line.toks[subject.start] in FOREIGN_FIRSTS and subject.end > subject.start + 1)
