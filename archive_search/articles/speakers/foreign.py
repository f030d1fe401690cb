"""Foreign names that open or go on with a word spelled as an Arabic function word.

Transliterated, Lee, Ben, Anne, Le and Van are لي، بين، آن، لو، فان: "me",
"between", "now", "if", "so". Where a name stands they are a name's words
(:func:`foreign_first_end`: "وقال بين ستانتون، المحلل"); فان inside a name
is the Dutch van (:func:`dutch_van`: "روبن فان بيرسي"), not فإن written
without its hamza.
"""

from __future__ import annotations

from archive_search.articles.speakers.lexicons import (
    COMMAS, FOREIGN_FIRSTS, W_AMBIG, W_GIVEN, W_NAT, W_OTHER, W_PUNCT, W_TITLE, W_VERB, fold,
)
from archive_search.articles.speakers.shapes import glued
from archive_search.articles.speakers.tokens import Line

_VAN = fold("فان")
# The words a transliterated name is made of: given names, or words the lexicons lack.
_NAME_WORDS = frozenset((W_GIVEN, W_AMBIG, W_OTHER))


def foreign_first_end(line: Line, k: int) -> int:
    """Where a name ends that opens with a foreign given name spelled as an
    Arabic function word (لي، بين، آن، لو، فان: Lee, Ben, Anne, Le, Van; not
    دون, Don, which is "without" before a word of any shape): in a name's
    place (after a verb of saying, a title or a comma), before transliterated
    words only (no ال-word, nothing glued, no accusative) that a comma, the
    line's end or a title closes (after لي, "me", only unknown words before
    the title): "وقال بين ستانتون، المحلل", "الباحث المشرف على الدراسة، آن
    غابرييل، أن", "وصرح لو كانغ المتحدث"; k itself otherwise ("وقال لي مصدر")."""
    cls, keys, toks, n = line.cls, line.keys, line.toks, len(line.cls)
    if toks[k] not in FOREIGN_FIRSTS or k == 0 or not (
            cls[k - 1] in (W_VERB, W_TITLE, W_NAT) or toks[k - 1] in COMMAS):
        return k
    end = k + 1
    while end < n and end - k <= 3 and cls[end] in _NAME_WORDS and not line.conj[end] and not (
            keys[end].startswith("ال") or glued(toks[end], keys[end]) or toks[end] in FOREIGN_FIRSTS
            or cls[end] == W_OTHER and keys[end].endswith("ا")):  # ("قال لي شيئا")
        end += 1
    closed = end == n or toks[end] in COMMAS or cls[end] == W_PUNCT and not toks[end].isdigit() or (
        cls[end] == W_TITLE and keys[end].startswith("ال") and (
            toks[k] != "لي" or all(c == W_OTHER for c in cls[k + 1:end])))  # "وصرح لو كانغ المتحدث"
    return end if end > k + 1 and closed else k


def dutch_van(line: Line, k: int) -> bool:
    """Whether فان at k is the Dutch van inside a name, not فإن written without
    its hamza: an unknown word follows, no Arabic word (فان ستة عشر شابا)."""
    n = len(line.cls)
    if line.keys[k] != _VAN or k + 1 >= n or line.cls[k + 1] != W_OTHER or line.conj[k + 1]:
        return False
    token = line.toks[k + 1]
    return not token.endswith(("ة", "ه")) and not glued(token, line.keys[k + 1])
