"""Decoding the bytes of a corpus file into text, on the evidence of the bytes.

UTF-8 (with or without BOM) and UTF-16 with BOM are read as such. Bytes that
are not valid UTF-8 are looked at before a whole file is given another
encoding: scraped UTF-8 with a few broken bytes (a cut multibyte letter, a
stray Latin-1 byte) stays UTF-8, the bad bytes read as U+FFFD and named by
their offsets (:meth:`Decoded.problem`); only bytes that do not look like
UTF-8 at all are read as Windows-1256, and only if the result reads as Arabic.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from archive_search.text.letters import ARABIC_LETTERS

# UTF-8 it is when at least this many of its non-ASCII sequences are valid for
# each one that is not: text in Windows-1256 has next to no valid sequences,
# broken UTF-8 has a few bad ones among many good ones.
VALID_PER_INVALID = 4
# Bytes looked at first to tell broken UTF-8 from another encoding.
SAMPLE_BYTES = 4096
# Bad bytes named in a warning at most.
SHOWN_OFFSETS = 5


class UnreadableText(ValueError):
    """Bytes that are not text in any encoding we accept."""


class Decoded(NamedTuple):
    """Text decoded from bytes; how many invalid byte sequences it had (each
    read as U+FFFD) and where the first of them start."""

    text: str
    bad: int = 0
    first_bad: tuple[int, ...] = ()

    def problem(self) -> str | None:
        """What a warning says of the bad bytes; None when there are none.

        >>> Decoded("x", 7, (3, 4, 90, 91, 95)).problem()
        '7 bytes that are not UTF-8 (at bytes 3, 4, 90, 91, 95, …) read as U+FFFD'
        """
        if not self.bad:
            return None
        shown = ", ".join(map(str, self.first_bad))
        more = ", …" if self.bad > len(self.first_bad) else ""
        several = self.bad > 1
        return (f"{self.bad} byte{'s' if several else ''} that {'are' if several else 'is'} not UTF-8 "
                f"(at bytes {shown}{more}) read as U+FFFD")


_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII = re.compile("[^\x00-\x7f]+")


def _reads_as_arabic(text: str) -> bool:
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_ARABIC_LETTER.findall(text)) / letters >= 0.5


def _utf8_with_replacements(data: bytes, base: int = 0) -> Decoded:
    """UTF-8, every invalid byte sequence read as U+FFFD; ``base`` is the
    offset of ``data`` in the file, for the offsets reported."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    first, position = [], 0
    while len(first) < min(bad, SHOWN_OFFSETS):
        try:
            data[position:].decode("utf-8")
            break
        except UnicodeDecodeError as error:
            first.append(base + position + error.start)
            position += error.end
    return Decoded(text, bad, tuple(first))


def _looks_like_utf8(decoded: Decoded) -> bool:
    """Whether text decoded with bad bytes in it was still mostly valid UTF-8."""
    valid = sum(map(len, _NON_ASCII.findall(decoded.text))) - decoded.bad
    return valid >= VALID_PER_INVALID * decoded.bad


def decode(data: bytes) -> Decoded:
    """Decode file bytes: BOMs first, then UTF-8 (repaired where it has a few
    bad bytes), then Windows-1256.

    Raises :class:`UnreadableText` for binary data, and for bytes that are
    neither (mostly) UTF-8 nor Arabic in Windows-1256.

    >>> decode("مخيم".encode()).text
    'مخيم'
    >>> decode("مخيم".encode() + b"\\xff" + "الهول".encode())
    Decoded(text='مخيم\ufffdالهول', bad=1, first_bad=(8,))
    >>> decode("مخيم".encode("cp1256")).text
    'مخيم'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        decoded = _utf8_with_replacements(data[3:], base=3)
        if decoded.bad and not _looks_like_utf8(decoded):
            raise UnreadableText("a UTF-8 byte order mark, but not UTF-8 text")
        return decoded
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise UnreadableText("a UTF-16 byte order mark, but not UTF-16 text") from None
    if b"\x00" in data:
        raise UnreadableText("binary file (NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    # the opening first: a file in another encoding shows it at once
    if _looks_like_utf8(_utf8_with_replacements(data[:SAMPLE_BYTES])):
        repaired = _utf8_with_replacements(data)
        if _looks_like_utf8(repaired):
            return repaired
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_arabic(text):
        return Decoded(text)
    raise UnreadableText("not UTF-8, and not Arabic in Windows-1256")
