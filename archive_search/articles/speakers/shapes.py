"""Whether an unknown word has the shape of an Arabic word rather than of a name.

The finder's lexicons cannot list every word of the news; an unknown word next
to a name is read by its shape: :func:`arabic_pattern` (a noun with its
pronoun, a plural, a verbal noun, an accusative participle), :func:`prefixed`
(ب/ل/ك glued to a word) and :func:`glued` (either: a phrase glued to a name,
not more of it).
"""

from __future__ import annotations

from archive_search.articles.speakers.lexicons import W_OTHER, classify


def arabic_pattern(token: str, key: str) -> bool:
    """Whether an unknown word has the shape of an Arabic word, not of a name:
    a noun with a pronoun (منصبه، انفصالها),
    a plural (تنديدات، مزاعم), a verbal noun (ارتكاب، تفكيك)."""
    if token.endswith(("ها", "هم", "هما")) or key.endswith("ات") and len(key) > 4:
        return True
    if len(key) == 5 and key[0] == "م" and key[2] == "ا":
        return True  # the plural pattern مفاعل: مزاعم، مواقف
    if len(key) >= 5 and key[0] == "م" and key[-1] == "و" and key[1] not in "اوي":
        return True  # a plural participle before its complement: مبتكرو، منظمو، ممثلو (ماريو is a name)
    if len(key) == 6 and key[0] == "ا" and key[4] == "ا" and (key[2] == "ت" or key[1] == "ن"):
        return True  # the verbal nouns افتعال، انفعال: ارتكاب، اجتماع، انسحاب
    if accusative_participle(key):
        return True
    if len(key) == 7 and key[0] == "ا" and key[2] == "ت" and key[4] == "ا" and key[-1] == "ا":
        return True  # an accusative verbal noun افتعالا: اختصارا، احتراما، اهتماما
    if len(key) == 5 and key[0] == "ا" and key[3] == "ا" and not token.startswith("آ"):
        return True  # the verbal noun إفعال: إحراز، إدخال (آرجال, with a madda, is a name)
    if len(key) == 5 and key[0] == "ت" and key[3] == "ي" and key[1] not in "اوي":
        return True  # the verbal noun تفعيل: تفكيك، تنظيم
    if len(key) == 7 and key.startswith("است") and key[5] == "ا":
        return True  # the verbal noun استفعال: استهلاك، استقبال
    if len(key) == 5 and key[0] == "ت" and key[3] == "ا" and key[1] not in "اوي" and key[2] not in "اوي":
        return True  # the verbal noun تفعال: تكرار، تذكار (تسيان is a name)
    if token.endswith("ه") and len(key) > 3 and (key[-2] not in "اوي" or key[-2] == "ا" and len(key) >= 5
                                                 and key[0] == "م"):
        return True  # (as written: ة is no pronoun, أبوشوشة is a name; مستواه، معناه have one, توتاه none)
    return False


def glued(token: str, key: str) -> bool:
    """Whether an unknown word after a name is a phrase glued to it, not more
    of the name: an Arabic pattern (:func:`arabic_pattern`) or ب/ل/ك + a word
    (:func:`prefixed`)."""
    return arabic_pattern(token, key) or prefixed(key)


def prefixed(key: str) -> bool:
    """Whether an unknown word reads as ب/ل/ك + an Arabic word (بقطع، بكولورادو):
    the second letter no long vowel and no ل/ر, with which foreign names
    begin (بلاتر، برلسكوني), or ب + a verbal noun (بانتظام). ك ("as") is
    rare after a name, and then before a word the lexicons know or of an
    Arabic shape (كمستشار، كتعويض); before an unknown word it begins a
    foreign name (كنافو، كتشنر), unless the word ends in the accusative's
    alef, an adjective ("نجاحا كبيرا")."""
    if key[0] not in "بلك" or len(key) < 4:
        return False
    rest = key[1:]
    if not (key[1] not in "اويلر" or len(key) > 5 and arabic_pattern(rest, rest)):  # بانتظام، بإدخال
        return False
    return key[0] != "ك" or key[-1] == "ا" or classify(rest)[0] != W_OTHER or arabic_pattern(rest, rest)


def accusative_participle(key: str) -> bool:
    """Whether a word is an accusative participle, how one spoke or acted:
    فاعلا (مازحا، ضاحكا) or مُفعِلا (متحدثا، مبتسما، مستغربا)."""
    if len(key) < 5 or key[-1] != "ا":
        return False
    return len(key) == 5 and key[1] == "ا" or key[0] == "م" and key[1] not in "اويلر"
