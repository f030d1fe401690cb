"""Decoding the bytes of a corpus file into text.

UTF-8 (with or without BOM), UTF-16 with BOM, and Windows-1256 when UTF-8
fails and the result reads as Arabic.
"""

from __future__ import annotations

import re

from archive_search.text.letters import ARABIC_LETTERS


class UnreadableText(ValueError):
    """Bytes that are not text in any encoding we accept."""


_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_LETTER = re.compile(r"[^\W\d_]")


def _reads_as_arabic(text: str) -> bool:
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_ARABIC_LETTER.findall(text)) / letters >= 0.5


def decode(data: bytes) -> str:
    """Decode file bytes: BOMs first, then UTF-8, then Windows-1256.

    Raises :class:`UnreadableText` for binary data or bytes that are neither
    UTF-8 nor Arabic in Windows-1256.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise UnreadableText("binary file (NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise UnreadableText("neither UTF-8 nor Windows-1256 text") from None
    if not _reads_as_arabic(text):
        raise UnreadableText("not UTF-8, and not Arabic in Windows-1256")
    return text
