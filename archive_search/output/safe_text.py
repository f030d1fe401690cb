"""Text from articles made safe for a terminal: no control sequence of theirs reaches it.

Articles are scraped from the web, and their titles, bodies, names and file
names may hold escape sequences (``ESC]0;…`` retitles a window, ``ESC[2J``
clears the screen, ``ESC]8;;URL`` plants a hyperlink), C1 controls that some
terminals obey as escapes (U+009B is CSI), and bidi overrides that reorder
what a reader sees. Every such character is shown as a visible stand-in of
one character, so that highlight spans computed on the original text stay
on the same characters:

* C0 controls (but tab and newline) and DEL → their Control Pictures (␛ for ESC);
* C1 controls, bidi embeddings, overrides and isolates → U+FFFD (�);
* line and paragraph separators (U+2028, U+2029) → a space.

:func:`safe` is for text a terminal shows; :func:`json_safe` escapes the
same characters in JSON text (``\\u009b``), which decodes back to the very
same string.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_C0 = {chr(c): chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\t\n"}
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_TABLE = str.maketrans({
    **_C0,
    "\x7f": "\u2421",
    **{chr(c): REPLACEMENT for c in range(0x80, 0xA0)},
    **{c: REPLACEMENT for c in _BIDI_CONTROLS},
    "\u2028": " ",
    "\u2029": " ",
})
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029" + _BIDI_CONTROLS + "]")


def safe(text: str) -> str:
    """The text with every character a terminal could take as a control shown as a visible stand-in.

    >>> safe("عنوان\\x1b]0;pwned\\x07") == "عنوان\u241b]0;pwned\u2407"
    True
    >>> safe("\\u202eabc\\x9b2J") == "\ufffdabc\ufffd2J"
    True
    """
    if not text or not _UNSAFE.search(text):
        return text
    return text.translate(_TABLE)


def json_safe(encoded: str) -> str:
    """JSON text (as ``json.dumps(…, ensure_ascii=False)`` writes it) with the
    characters :func:`safe` replaces written as ``\\uXXXX`` escapes instead
    (json.dumps already escapes the other C0 controls).

    >>> json_safe('"a\\x9bb\\u202e"') == '"a\\\\u009bb\\\\u202e"'
    True
    """
    if not _UNSAFE.search(encoded):
        return encoded
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
