"""Where a speaker's name stands: the subject of a verb of saying.

On a :class:`~archive_search.articles.speakers.tokens.Line`:

* :func:`subject_at` reads the subject of a verb of saying: a title chain
  (:func:`archive_search.articles.speakers.chains.title_chain`), then the
  name (:func:`archive_search.articles.speakers.grammar.name_end`); or an organisation,
  place, medium or thing (no person); or a title alone ("وأضاف الوزير"); or
  one family name ("وأضاف الحسن"). A chain whose name is someone else's gives
  no subject: "المتحدث باسم عائلة الصحفي فلان", "نجل الرئيس فلان", "مطار الملك
  عبدالعزيز".
* :func:`name_before` reads a name standing before its verb ("فلان يؤكد");
* :func:`topic_subject` the name that opens a sentence whose verb of saying has
  no subject of its own ("فلانة لم توافقه الرأي، وقالت").
* :func:`as_for` the name after أما for its ف-verb ("أما الكاتب فلان فقال").
"""

from __future__ import annotations

from archive_search.articles.speakers.chains import (
    KIN, QUOTES, ROYAL, SENT_TO, definite_before, described_person, kin_before, place_noun, quoted_name, title_chain,
    title_end,
)
from archive_search.articles.speakers.grammar import HONORIFICS, first_is_given, name_end
from archive_search.articles.speakers.lexicons import (
    ABOUT_IT, ASIDES, COMMAS, DASHES, GIVEN_NAMES, NAME_CLASSES, NATIONALITIES, OF_IT, SAID_OPENERS, SIDES, TITLES,
    W_AL,
    W_AMBIG, W_FUNC, W_GIVEN, W_LINK, W_MEDIA, W_NAT, W_NOUN, W_ORG, W_OTHER, W_PLACE, W_PREP, W_PUNCT, W_TITLE, W_VERB,
    fold, folded_words,
)
from archive_search.articles.speakers.ties import ON_BEHALF, on_behalf_at, title_key
from archive_search.articles.speakers.tokens import Line, Subject, token_info
from archive_search.text.person_names import FILIATION

# Words after a verb that stand between it and its subject ("وقال أيضا فلان").
_SKIPPED = folded_words(ASIDES + " بدورهم")
# "وقال عنه فلان": of whom (or what) it was said, then who said it.
_ABOUT_IT = folded_words(ABOUT_IT)
# "وأوضح من جهته فلان": a phrase between the verb and its subject.
ASIDE = folded_words(SIDES)
# Given names that are also times of day ("صباح الأربعاء").
_TIME_NAMES = folded_words("صباح ضحى فجر نهار سحر")
_EACH, _FROM = fold("كل"), fold("من")
_ON, _THAT = fold("على"), folded_words("ذلك هذا")
_OF_IT = folded_words(OF_IT)
_BIN = fold("بن")
_AS_FOR = fold("أما")
_FROM = fold("من")
# "أحد/إحدى …": one of a group (of officials, of researchers).
ONE_OF = folded_words("أحد إحدى")
# Ranks and honorifics that stand only before a name (not الشيخ, السيد: family names too).
_RANKS = folded_words("""الدكتور الدكتورة د د. م. الأستاذ الأستاذة المهندس المهندسة العقيد اللواء العميد
    المقدم الرائد النقيب""")
_BODY_WORDS = frozenset((W_AL, W_PLACE, W_ORG, W_NAT))
# "فلان الذي قال": who (the name before it spoke; not read as a trade's family name).
WHO = folded_words("الذي التي")


def subject_at(line: Line, j: int) -> Subject | None:
    """The subject starting at token j (just after a verb of saying), or None."""
    cls, keys = line.cls, line.keys
    n = len(cls)
    if j < n and (line.toks[j] in COMMAS or line.toks[j] in DASHES and j > 0 and cls[j - 1] == W_VERB):
        j += 1  # "وقال، جيسي ويلر، …", "وقال – فلان من مكة بأن"
    if j + 1 < n and keys[j] == "ل" and line.toks[j + 1] in QUOTES:
        close = next((q for q in range(j + 2, min(n, j + 7)) if line.toks[q] in QUOTES), None)
        if close is not None:
            j = close + 1  # "أكد لـ«عكاظ» رئيس الجالية …": the medium spoken to, then the subject
    if j < n and (keys[j] in _OF_IT and j > 1 and keys[j - 2].endswith("ما") or keys[j] in _ABOUT_IT):
        j += 1  # "وفق ما صرح به المندوب الجهوي فلان": what the verb said, then its subject
    while j < n and (keys[j] in _SKIPPED or line.toks[j] in QUOTES and quoted_name(line, j)):
        j += 1
    if j + 2 < n and keys[j] == _ON and keys[j + 1] in _THAT:
        j += 2  # "مثلما أكد على ذلك وزير الخارجية فلان"
    if j + 1 < n and keys[j] == _EACH and keys[j + 1] == _FROM:
        j += 2  # "وقال كل من الرئيس فلان والمستشارة فلانة": each of them
    if j + 1 < n and keys[j] == _FROM and keys[j + 1] in ASIDE:
        j += 2
        while j < n and line.toks[j] in COMMAS:
            j += 1
    if j >= n:
        return None
    if cls[j] in (W_AL, W_NAT) and keys[j].startswith("ال") and (j + 1 >= n or cls[j + 1] not in NAME_CLASSES and not (
            cls[j + 1] == W_NAT and described_person(line, j)) or line.conj[j + 1]):  # ("الكوري الجنوبي فلان")
        return Subject(j, j + 1, kind="family", begin=j)  # "وأضاف الحسن", "وأبرز التركي"
    if cls[j] == W_LINK and j + 1 < n and keys[j + 1] in KIN:
        return None  # "ابن عم فلان": a relative of his
    if cls[j] == W_TITLE and _spoken_to(line, j):
        return None  # "وصرح للصحافيين": those spoken to
    chain = title_chain(line, j)
    if chain is None:
        return None
    k, titled, title = chain
    if title is not None and title.endswith(("ون", "ين")) and title not in TITLES and _no_one_named(line, k):
        return None  # "قال محققون تابعون للأمم المتحدة", "أبدى مستثمرون قلقا": a group, no one named
    if k > j and kin_before(line, k) and not line.toks[k - 1].endswith("ه"):
        return None  # "صديق محمد صلاح", "نجل فلان": a relative's name ("صديقه فلان", his friend, is the friend)
    end = name_end(line, k)
    if end == k and titled and k < n and cls[k] in (W_AL, W_TITLE) and k > j and keys[k - 1] in HONORIFICS and (
            k + 1 >= n or cls[k + 1] not in NAME_CLASSES):
        return Subject(k, k + 1, True, title, "family", j)  # "ألقى المهندس الغبان كلمة": his family name
    if end == k:
        return Subject(k, k, titled, title, "title", j) if titled else None
    if _verb_like(keys[k]) and not _set_off(line, k, end) or (
            end - k == 1 and keys[k] in _TIME_NAMES and end < n and cls[end] == W_FUNC):
        return None  # "يورط"; "أعلن صباح الأربعاء"
    if k > j and (_adjective_after_nationality(line, k, end) or _nationality_after_title(line, k, end)):
        return None  # "قال مسؤول أميركي ثان", "مسؤول عسكري رفيع", "قال مسؤول تركي"
    apposed = _apposed_after_body(line, k, end)
    if apposed is not None:
        return Subject(apposed[0], apposed[1], True, title, begin=j)
    after = _named_after_rank(line, k, end)
    if after is not None:
        return Subject(after, name_end(line, after), True, title_key(line, k), begin=j)
    return Subject(k, end, titled or title_follows(line, end), title, begin=j)


def _named_after_rank(line: Line, k: int, end: int) -> int | None:
    """Where the name starts when the words from k to ``end``, opening with a word
    that is a title as well as a given name, are followed by a rank or an
    honorific and a given name: those words were the title ("قال مشرف الفعالية
    الأستاذ علي النقيدان", "وأكد أمين العاصمة المقدسة الدكتور أسامة البار")."""
    cls, n = line.cls, len(line.cls)
    if cls[k] != W_AMBIG or line.keys[k] not in TITLES:
        return None
    rank = end
    while rank < min(n, end + 3) and cls[rank] in _BODY_WORDS and line.keys[rank] not in _RANKS:
        rank += 1  # "أمين امانة المنطقة الشرقية المهندس …": the rest of the body's name
    if rank + 1 >= n or line.keys[rank] not in _RANKS or cls[rank + 1] not in (W_GIVEN, W_AMBIG):
        return None
    return rank + 1 if name_end(line, rank + 1) > rank + 1 else None


def _adjective_after_nationality(line: Line, start: int, end: int) -> bool:
    """Whether the one unknown word from ``start`` to ``end`` follows an indefinite
    nationality and so is its adjective, no name ("مسؤول أميركي ثان")."""
    return end - start == 1 and line.cls[start] == W_OTHER and line.cls[start - 1] == W_NAT and not (
        line.keys[start - 1].startswith("ال"))


def _nationality_after_title(line: Line, start: int, end: int) -> bool:
    """Whether the one given name from ``start`` to ``end`` follows an indefinite
    title and reads as a nationality, its adjective ("مسؤول تركي": Turkish, not
    تركي the given name)."""
    return end - start == 1 and line.cls[start - 1] in (W_TITLE, W_AMBIG) and not line.keys[
        start - 1].startswith("ال") and "ال" + line.keys[start] in NATIONALITIES


def _no_one_named(line: Line, k: int) -> bool:
    """Whether the words at k, after a plural title, name no one: no given name
    and no list of names ("الفنانين عبد الله الرويشد وعمر …", "للخبيرتين جوليت
    كيلو وسارة درور" name them)."""
    if k >= len(line.cls) or line.cls[k] in (W_GIVEN, W_AMBIG, W_LINK):
        return False
    end = name_end(line, k)
    return not (end < len(line.cls) and line.conj[end])


def _apposed_after_body(line: Line, k: int, end: int) -> tuple[int, int] | None:
    """The name set off by commas after the name of a body or a place ("حاكم
    ولاية ريو دي جانيرو، لويز فرناندو بيزاو، …": the governor is Pezão, Rio
    the state), when it starts with a given name; None otherwise."""
    cls, toks, n = line.cls, line.toks, len(line.cls)
    if not (k > 0 and cls[k - 1] in (W_ORG, W_PLACE) and end + 1 < n and toks[end] in COMMAS
            and cls[end + 1] in (W_GIVEN, W_AMBIG)):
        return None
    second = name_end(line, end + 1)
    if second > end + 2 and (second >= n or toks[second] in COMMAS):
        return end + 1, second
    return None


def second_subject(line: Line, subject: Subject) -> tuple[Line, Subject] | None:
    """The subject joined to this one by و: "قال فلان وفلان", "ماكرون والمستشارة … ميركل"."""
    k = subject.end
    if k + 1 < len(line.cls) and line.toks[k] in COMMAS and line.conj[k + 1]:
        k += 1  # "قال فلان، والوزيرة فلانة"
    elif subject.kind == "name" and k < len(line.cls) and line.cls[k] == W_TITLE and not line.conj[k]:
        k = _past_own_title(line, k)  # "وقال فلان عضو اللجنة … وسعد جميل القرشي رئيس اللجنة …:"
    if k >= len(line.cls) or not line.conj[k] or line.cls[k] not in (W_GIVEN, W_AMBIG, W_TITLE, W_OTHER, W_NAT, W_AL):
        return None  # (a nationality: "الرئيسان الروسي فلان والتركي فلان")
    shorter = line.without_prefix(k, 1)
    second = subject_at(shorter, k)
    return (shorter, second) if second is not None and second.kind != "family" else None


def _past_own_title(line: Line, k: int) -> int:
    """After a name, past its own title (from token k) to a second given name in
    و, if one comes before any mark and is itself followed by a title; else k."""
    cls, n = line.cls, len(line.cls)
    for t in range(k + 1, min(n - 1, k + 8)):
        if line.conj[t] and cls[t] == W_GIVEN:
            return t if name_end(line, t) < n and cls[name_end(line, t)] == W_TITLE else k
        if line.conj[t] and cls[t] not in (W_AL, W_ORG, W_NOUN, W_OTHER):
            return k  # (a body's name goes on in و: "اللجنة الوطنية للحج والعمرة")
        if cls[t] in (W_PUNCT, W_FUNC, W_VERB):
            return k
    return k


def add_joined(line: Line, subject: Subject, out: list[tuple[Line, Subject]]) -> None:
    """The subject, and up to seven more joined to it by و ("قال فلان وفلان";
    the people a report asked, in a row: "وقال كل من أحمد إبراهيم وسامي الحازمي …")."""
    out.append((line, subject))
    for _ in range(7):
        if subject.kind == "family":
            return
        joined = second_subject(line, subject)
        if joined is None:
            return
        line, subject = joined
        out.append(joined)


def _spoken_to(line: Line, j: int) -> bool:
    """Whether the title at j is ل + a title ("للصحافيين", "لمراسل"), not a
    title whose own first letter is ل (لاعب)."""
    key = line.keys[j]
    if not key.startswith("ل") or key.startswith("ال"):
        return False
    return key.startswith("لل") or token_info(line.toks[j][1:])[0] in (W_TITLE, W_AMBIG)


def _verb_like(key: str) -> bool:
    """An unknown word that starts like a verb in the present (يورط، يتوعد);
    one that ends in ا is a name (يوها): a verb in the present ends so only
    in the dual, which has a ن after it."""
    return key[:1] == "ي" and len(key) <= 5 and key not in GIVEN_NAMES and not key.endswith("ا")


def _set_off(line: Line, k: int, end: int) -> bool:
    """Whether a name of two or more unknown words is set off by a comma: a
    transliterated name, though its first word begins like a verb in the
    present ("وقالت يفيت كوبر، عضو البرلمان"; "يرافق بومبيو إن" is a verb and
    its object)."""
    return end - k >= 2 and all(c == W_OTHER for c in line.cls[k:end]) and end < len(line.cls) and (
        line.toks[end] in COMMAS)


def title_follows(line: Line, end: int) -> bool:
    """Whether a person's title follows the name ("أنور قرقاش وزير الدولة",
    "روكسانا سلافيشيفا، معدة المسح", "فلان، أحد كبار مسؤولي الشركة")."""
    n = len(line.cls)
    if end < n and line.toks[end] in COMMAS:
        end += 1
        if end + 1 < n and line.keys[end] in ONE_OF and line.cls[end + 1] in (W_TITLE, W_OTHER, W_AL):
            return True  # "برافين بهاتناغار، أحد كبار مسؤولي الشركة": one of them
    return end < n and line.cls[end] in (W_TITLE, W_AMBIG) and not line.conj[end]


def _named_for(line: Line, on_behalf: int, start: int) -> bool:
    """Whether the name at ``start`` is the one a spokesman speaks for (باسم
    at ``on_behalf``): a title stands between them, right after باسم or after
    an indefinite word ("باسم الملك فلان", "باسم عائلة الصحفي فلان"); after a
    body's words alone ("باسم الخارجية الأمريكية فلانة") the name is the
    spokesman's own."""
    return start == on_behalf + 1 or any(
        line.cls[t] in (W_TITLE, W_AMBIG) and (t == on_behalf + 1 or not definite_before(line, t))
        for t in range(on_behalf + 1, start))


def name_before(line: Line, i: int) -> Subject | None:
    """The name that ends just before token i (a verb with no و in front), with
    the titles before it: "وزير الخارجية سيرغي لافروف قال", "ترامب يؤكد"."""
    cls = line.cls
    earliest = i
    if i > 1 and cls[i - 1] == W_TITLE and line.keys[i - 1].startswith("ال") and cls[i - 2] == W_GIVEN and (
            not line.conj[i - 1] and line.keys[i] not in WHO):
        # a family name that is also a trade after a given name: "وليد المعلم أعلن" ("مساعد
        # الطيار قال": the co-pilot; "وضحى الرجل الذي قال": a man)
        earliest -= 1
    while earliest > 0 and cls[earliest - 1] in NAME_CLASSES and i - earliest < 6:
        earliest -= 1
        if line.conj[earliest]:
            break
    def reads_to_verb(s: int) -> bool:  # (not from باسم after a title: "المتحدثة باسم البيت الأبيض أشارت")
        return name_end(line, s) == i and not (cls[s] == W_LINK and line.keys[s] in FILIATION) and (
            cls[s] != W_AL and not on_behalf_at(line, s))

    # the name starts at the first word from which the grammar reads up to the verb, or at
    # a given name after an organisation's own name ("قائد شرطة كابول عبدالرحمن رحيمي قد صرح")
    first = next((s for s in range(earliest, i) if reads_to_verb(s)), i)
    start = next((s for s in range(max(first, earliest + 1), i) if cls[s] in (W_GIVEN, W_AMBIG)
                  and cls[s - 1] == W_OTHER and s > 1 and cls[s - 2] in (W_ORG, W_PLACE) and reads_to_verb(s)), first)
    if start == i or start > 0 and (_adjective_after_nationality(line, start, i) or place_noun(line.keys[start - 1])):
        return None  # ("وزير إيطالي متطرف يتعهد", "في مدينة ديار بكر بقوله": a place named so)
    if i - start == 1 and start > 0 and line.keys[start].startswith("ال") and cls[start - 1] == W_TITLE and (
            not line.keys[start - 1].startswith("ال") and line.keys[start - 1] not in HONORIFICS):
        return None  # "شيخ الأزهر دعا": a given name in ال as a bare title's complement
    t = start - 1
    titled, title = False, None
    while t >= 0 and (cls[t] in (W_TITLE, W_AMBIG, W_ORG, W_MEDIA, W_NAT, W_AL, W_PLACE, W_NOUN, W_PREP, W_GIVEN) or (
            cls[t] == W_OTHER and t > 0 and cls[t - 1] in (W_ORG, W_PLACE) and t == start - 1)):
        if cls[t] == W_GIVEN and line.keys[t] != ON_BEHALF:
            break
        if line.keys[t] == ON_BEHALF and _named_for(line, t, start):
            return None  # "متحدث باسم الملك فلان قد أعلن": his spokesman speaks
        if t == start - 1 and line.keys[t] in ROYAL and t > 0 and cls[t - 1] in (
                W_ORG, W_NOUN, W_PREP, W_OTHER) and not definite_before(line, t):
            return None  # "جامعة الملك خالد تعلن": an institution named after him
        if cls[t] in (W_TITLE, W_AMBIG):
            if not titled and line.keys[t][0] == "ل" and not line.keys[t].startswith("ال") and t > 0 and (
                    line.keys[t - 1] in SENT_TO):
                return None  # "برقية للرئيس فلان يعرب فيها": the one it is sent to, not its writer
            titled, title = True, title_key(line, t)
        t -= 1
    if t >= 0 and cls[t] not in (W_PUNCT, W_FUNC):
        return None  # the name is part of a longer phrase ("زار فلان المدينة قال")
    return Subject(start, i, titled, title)


def family_in_bin(line: Line, j: int) -> Subject | None:
    """A family name in بن right after the verb and right before what was said
    ("وقال بن دغر إن", "وأكد بن علي أن"): the article's only name for him; or a
    name in بن with his title after it."""
    keys, n = line.keys, len(line.keys)
    if not (j + 2 < n and keys[j] == _BIN and line.cls[j + 1] in (W_OTHER, W_GIVEN, W_AMBIG)):
        return None
    if keys[j + 2] in SAID_OPENERS or line.toks[j + 2] == ":":
        return Subject(j, j + 2, kind="family", begin=j)
    if title_follows(line, j + 2):
        return Subject(j, j + 2, True, begin=j)  # "كما قال بن رودز المتحدث باسم …": Ben, a first name
    return None


def title_by(line: Line, subject: Subject) -> bool:
    """Whether a person's title stands before the subject's name, or after it set off by a
    comma or in construct ("طلبت خديجة جنكيز، خطيبة …", "طلبت فلانة حاكمة ولاية …"; in
    "انتقد فينغر تساهل الحكم" the title after, with ال, belongs to the object)."""
    end = subject.end
    if subject.title is not None:
        return True
    return end < len(line.toks) and title_follows(line, end) and (
        line.toks[end] in COMMAS or not line.keys[end].startswith("ال"))


def topic_subject(line: Line) -> Subject | None:
    """The name that opens a sentence whose verb of saying has no subject of its
    own, when a verb or a particle follows it ("تامار برادي لم توافقه الرأي، وقالت"):
    a name with a title or a given name, which the sentence is about."""
    subject = subject_at(line, 0)
    if subject is None or subject.kind != "name" or not (subject.titled or first_is_given(line, subject)) or (
            subject.end - subject.start < 2 and line.cls[subject.start] not in (W_GIVEN, W_AMBIG)) or (
            subject.end - subject.start < 2 and not subject.titled):
        return None  # ("يشار إلى أن …": a given name alone opens as many sentences as a verb does; "المدرب قلل")
    if any(line.cls[k] == W_OTHER and len(line.keys[k]) == 4 and line.keys[k][0] == "ي"
           for k in range(subject.start + 1, subject.end)):
        return None  # a verb read into the name: "البروفيسور روينبرغ يذهب أبعد"
    if subject.end - subject.start > 2 and line.cls[subject.end - 1] == W_OTHER:
        subject.end -= 1  # what he is, read into the name: "والتر روبنسون مختص في المجال السياحي"
    end = subject.end
    return subject if end < len(line.cls) and line.cls[end] in (W_OTHER, W_FUNC) and not line.conj[end] else None


def as_for(line: Line, i: int) -> Subject | None:
    """The topic of "أما … فقال": the name after أما, when it ends before the verb."""
    for a in range(i - 1, max(-1, i - 15), -1):
        if line.keys[a] == _AS_FOR:
            subject = subject_at(line, a + 1)
            end = i - 1 if line.toks[i - 1] in COMMAS else i  # "أما فلان، فقال"
            if subject is not None and subject.kind == "name" and (
                    subject.end == end or _own_title_between(line, subject.end, end)):
                return subject
            return None
    return None


def _own_title_between(line: Line, k: int, end: int) -> bool:
    """Whether the words from k to end are the name's own title ("أما الألماني
    يورغن كلوب مدرب ليفربول فقال"), perhaps with where he is from ("أما علي
    العمران مواطن من جدة فيقول")."""
    stop = title_end(line, k)
    if stop is None:
        return False
    if stop + 1 < end and line.keys[stop] == _FROM and all(c == W_PLACE for c in line.cls[stop + 1:end]):
        return True
    return stop == end
