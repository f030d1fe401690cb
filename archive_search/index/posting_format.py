"""How the Arabic text fields store a posting: a compact Whoosh format.

Whoosh's ``Positions`` format stores each posting as a four-byte count and a
pickled list of position gaps (about 14 bytes for a word seen once) and reads
text through the analyzer's token objects. :class:`ArabicPositions` stores
LEB128 varints instead, and keeps positions only for the terms that phrase
queries use: stems. An exact-form term (see :mod:`archive_search.text.terms`)
stores its count alone, since phrases are matched on stems. Indexing runs
through the analyzer's token-free path
(:func:`archive_search.text.word_ids.term_positions_function`).
"""

from __future__ import annotations

from operator import sub

from whoosh.formats import Positions

from archive_search.text.terms import is_exact
from archive_search.text.word_ids import term_positions_function


def _varint(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


# Every number below 2**14 has its encoding ready (positions beyond that, in
# articles of over 16,000 words, take the slow path), made on the first
# encoding: a search only decodes, and the tables take milliseconds to make.
_VARINT: list[bytes] = []
_ONCE_AT: list[bytes] = []  # a single position: count 1, then it


def _make_tables() -> None:
    _VARINT.extend(_varint(n) for n in range(1 << 14))
    _ONCE_AT.extend(b"\x01" + v for v in _VARINT)


def _varints(numbers) -> bytes:
    try:
        return b"".join(map(_VARINT.__getitem__, numbers))
    except IndexError:
        return b"".join(map(_varint, numbers))


def _read_varints(data: bytes) -> list[int]:
    numbers, n, shift = [], 0, 0
    for byte in data:
        n |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
        else:
            numbers.append(n)
            n = shift = 0
    return numbers


def encode_positions(positions: list[int]) -> bytes:
    """Count, then the gaps between positions, as varints."""
    if not _VARINT:
        _make_tables()
    if len(positions) == 1 and positions[0] < len(_ONCE_AT):
        return _ONCE_AT[positions[0]]
    return _varints([len(positions), positions[0], *map(sub, positions[1:], positions)])


def encode_count(count: int) -> bytes:
    if not _VARINT:
        _make_tables()
    return _VARINT[count] if count < len(_VARINT) else _varint(count)


def encode_term(term: str, positions: list[int]) -> bytes:
    """A posting's value: positions for a stem, the count for an exact form."""
    if is_exact(term):
        return encode_count(len(positions))
    return encode_positions(positions)


class ArabicPositions(Positions):
    """Positions for stems, counts for exact forms, all as varints."""

    def word_values(self, value, analyzer, **kwargs):
        term_positions = term_positions_function(analyzer) if isinstance(value, str) else None
        if term_positions is None:
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for term, positions in term_positions(value)[0].items():
            yield term, len(positions), len(positions) * boost, encode_term(term, positions)

    def encode(self, poslist) -> bytes:
        return encode_positions(poslist)

    def decode_frequency(self, valuestring) -> int:
        return _read_varints(valuestring[:10])[0]

    def decode_weight(self, valuestring) -> float:
        return self.decode_frequency(valuestring) * self.field_boost

    def decode_positions(self, valuestring) -> list[int]:
        numbers = _read_varints(valuestring)
        position, positions = 0, []
        for gap in numbers[1:]:
            position += gap
            positions.append(position)
        return positions

    def combine(self, vs):
        # Used when Whoosh merges two postings of one term in one document;
        # counts-only values stay counts-only.
        positions, count = set(), 0
        for v in vs:
            decoded = self.decode_positions(v)
            positions.update(decoded)
            count += self.decode_frequency(v)
        return encode_positions(sorted(positions)) if positions else encode_count(count)
