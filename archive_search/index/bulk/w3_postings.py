"""Whoosh 3 posting lists, encoded from whole arrays and joined from parts.

Whoosh 3 stores a term's postings as a header and blocks of up to 128
postings: a length (negative for the last block), a pickled tuple of block
statistics, and the pickled, compressed ids (as gaps), weights and values.
Its term table entry holds the term's statistics and either the postings
themselves (when there are few) or where its blocks are.

Blocks need not be full, so a term's postings can be encoded in parts, each
by the process that inverted those documents, and joined by concatenating
the parts' blocks: only the "last block" mark of each part but the last is
turned off. :func:`encode_part` makes a part, :class:`TermTable` joins and
writes parts, :class:`EncodedField` packs one field's parts flat for another
process.

What is written differs from Whoosh's own writer only in being more compact:
pickle protocols 3 and 5 (Whoosh's protocol 2 spends a ``codecs.encode`` call
on every bytes value), term counts as one byte each, and terms found in up to
:data:`INLINE_LIMIT` documents inlined in the term table (Whoosh's writer
misspells the call that would do that). Whoosh's reader takes all of it.
"""

from __future__ import annotations

import struct
import zlib
from array import array
from itertools import accumulate, chain, repeat
from operator import add, sub
from pickle import dumps
from typing import NamedTuple

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte

from archive_search.index._whoosh import field_key_prefix, postings_file, term_table_adder

BLOCK_LIMIT = 128  # postings a block, as Whoosh 3 writes them
COMPRESSION = 3  # zlib level of block data, as Whoosh 3
# Terms with at most this many postings go in the term table instead of
# blocks in the postings file (most of the vocabulary is rare). A small block
# costs a zlib call and its header: on the news corpora the index is 176 MB
# with 4, 172 MB with 8 and 170 MB with 16, and written a little faster.
INLINE_LIMIT = 16
# Blocks smaller than this are not worth a zlib call.
COMPRESS_FROM = 64
# Protocol 3 pickles the small tuples of inlined postings most compactly, 5
# whole blocks (its one-byte memo entries pay off there).
_INLINE_PROTOCOL = 3
_BLOCK_PROTOCOL = 5
# W3TermInfo's layout: flags, total weight, document frequency, min and max
# field length (as length bytes), max weight, first and last docnum; then the
# inlined postings, or the offset and size of the term's postings.
_TERM_INFO = struct.Struct("!BfIBBfII")


class Part(NamedTuple):
    """Some of a term's postings (documents numbered after any earlier part's)."""

    count: int
    weight: float  # total
    max_weight: float
    min_length: int  # field lengths as length bytes
    max_length: int
    first_id: int
    last_id: int
    raw: tuple | None  # (ids, weights, values) for a part of up to INLINE_LIMIT postings
    blocks: bytes | None  # the encoded blocks of a larger part, its last block marked last
    # for a part of inlined postings, made in bulk: its term-table value if the term has no other part
    record: bytes | None = None


def encode_part(ids: array, weights: array, values: list, lengths: array | None, fixed_size: int | None,
                first_docnum: int = 0) -> Part:
    """A part from postings (docnums ascending, counted from 0 in ``ids`` and
    ``lengths``, the field lengths by docnum), renumbered from ``first_docnum``."""
    length_bytes = _length_bytes(ids, lengths)
    shifted = array("I", map(add, ids, repeat(first_docnum))) if first_docnum else ids
    head = (len(ids), sum(weights), max(weights), *length_bytes, shifted[0], shifted[-1])
    if len(ids) <= INLINE_LIMIT:
        return Part(*head, (shifted, weights, values), None)
    if len(ids) <= BLOCK_LIMIT:
        return Part(*head, None, encode_block(shifted, weights, values, True, length_bytes, fixed_size))
    blocks = [
        encode_block(shifted[first:first + BLOCK_LIMIT], weights[first:first + BLOCK_LIMIT],
               values[first:first + BLOCK_LIMIT], first + BLOCK_LIMIT >= len(ids),
               _length_bytes(ids[first:first + BLOCK_LIMIT], lengths), fixed_size)
        for first in range(0, len(ids), BLOCK_LIMIT)
    ]
    return Part(*head, None, b"".join(blocks))


def _length_bytes(ids, lengths: array | None) -> tuple[int, int]:
    if lengths is None:
        return 0, 0
    found = list(map(lengths.__getitem__, ids))
    return length_to_byte(min(found)), length_to_byte(max(found))


def _values(values: list, fixed_size: int | None, inline: bool = False):
    # Inlined postings are read as they are, so they list every value (None
    # where the format has none, as the block reader gives it); a block packs
    # fixed-size values together and stores no empty ones.
    if fixed_size == 0:
        return (None,) * len(values) if inline else None
    if inline or fixed_size is None or fixed_size < 0:
        return tuple(values)
    return b"".join(values)


def encode_block(ids, weights, values: list, last: bool, length_bytes: tuple[int, int], fixed_size) -> bytes:
    """One block of up to :data:`BLOCK_LIMIT` postings, marked last or not."""
    # As W3PostingsWriter._write_block: ids as gaps, weights minified, then
    # the block's statistics ahead of its data.
    first = weights[0]
    if weights.count(first) == len(weights):
        mini_weights = None if first == 1.0 else first
    elif 0 < min(weights) and max(weights) < 256 and all(map(float.is_integer, weights)):
        # The reader only indexes the weights, so bytes serve as small counts.
        mini_weights = bytes(map(int, weights))
    else:
        mini_weights = tuple(weights)
    data = dumps(((ids[0], *map(sub, ids[1:], ids[:-1])), mini_weights, _values(values, fixed_size)),
                 _BLOCK_PROTOCOL)
    compression = COMPRESSION if len(data) >= COMPRESS_FROM else 0
    if compression:
        data = zlib.compress(data, compression)
    info = dumps((len(ids), ids[-1], max(weights), compression, *length_bytes), _BLOCK_PROTOCOL)
    size = len(info) + len(data)
    return b"".join([pack_int(-size if last else size), info, data])


def _not_last(blocks: bytes) -> bytes:
    """The blocks with the last one's "last" mark removed."""
    position = 0
    while True:
        size = struct.unpack_from("!i", blocks, position)[0]
        if size < 0:
            return blocks[:position] + pack_int(-size) + blocks[position + 4:]
        position += 4 + size


def _small_weights(weights) -> tuple:
    """Inlined weights as ints where they are whole (two bytes pickled, not nine)."""
    if all(map(float.is_integer, weights)):
        return tuple(map(int, weights))
    return tuple(weights)


class TermTable:
    """Writes one field's terms: postings to the segment's postings file,
    statistics to its term table, through Whoosh's open field writer."""

    def __init__(self, fieldwriter, fieldobj):
        self._postfile = postings_file(fieldwriter)
        # File offsets are counted here rather than asked of the file:
        # ``tell`` is a system call, a quarter of the time otherwise.
        self._offset = self._postfile.tell()
        self._add_term = term_table_adder(fieldwriter)
        self._prefix = pack_ushort(field_key_prefix(fieldwriter))
        self._fixed_size = fieldobj.format.fixed_value_size()

    def write(self, btext: bytes, parts: list[Part]) -> None:
        """Write a term from its parts, in docnum order."""
        term = parts[0] if len(parts) == 1 else _joined(parts)
        if term.record is not None:  # made whole in the process that inverted the term
            info = term.record
        elif term.count <= INLINE_LIMIT:  # every part is unencoded then
            ids, weights, values = term.raw
            info = _term_info(True, term) + dumps(
                (tuple(ids), _small_weights(weights), _values(values, self._fixed_size, inline=True)),
                _INLINE_PROTOCOL)
        else:
            chunks = [WHOOSH3_HEADER_MAGIC]
            encoded = [p.blocks for p in _small_parts_joined(parts, self._fixed_size)]
            chunks.extend(_not_last(blocks) for blocks in encoded[:-1])
            chunks.append(encoded[-1])
            data = b"".join(chunks)
            self._postfile.write(data)
            info = _term_info(False, term) + pack_long(self._offset) + pack_int(len(data))
            self._offset += len(data)
        self._add_term(self._prefix + btext, info)


def _term_info(inlined: bool, term: Part) -> bytes:
    return _TERM_INFO.pack(inlined, term.weight, term.count, term.min_length, term.max_length, term.max_weight,
                           term.first_id, term.last_id)


def _joined(parts: list[Part]) -> Part:
    """One part for consecutive parts: their statistics together, and their
    postings if none is encoded."""
    counts, weights, max_weights, min_lengths, max_lengths, _, _, raws, _, _ = zip(*parts)
    raw = None
    if None not in raws:
        raw = tuple(list(chain.from_iterable(column)) for column in zip(*raws))
    return Part(sum(counts), sum(weights), max(max_weights), min(min_lengths), max(max_lengths),
                parts[0].first_id, parts[-1].last_id, raw, None)


def _small_parts_joined(parts: list[Part], fixed_size) -> list[Part]:
    """The parts of a term too large to inline, each small (unencoded) run of
    them encoded as one block: one block instead of one a process."""
    joined, run = [], []
    for part in [*parts, None]:
        if part is not None and part.raw is not None and sum(p.count for p in run) + part.count <= BLOCK_LIMIT:
            run.append(part)
            continue
        if run:
            small = _joined(run)
            ids, weights, values = small.raw
            block = encode_block(array("I", ids), array("f", weights), values, True,
                           (small.min_length, small.max_length), fixed_size)
            joined.append(small._replace(raw=None, blocks=block))
            run = [part] if part is not None and part.raw is not None else []
        if part is not None and part.raw is None:
            joined.append(part)
    return joined


class EncodedField:
    """One field's terms and parts, packed flat to cross between processes.

    Each term's statistics are five whole numbers (count, min and max length
    byte, first and last id) in ``numbers`` and two weights (total, max) in
    ``totals``. Terms with inlined postings may come with their term-table
    value made (``records``, ending at ``record_ends``; a term without one
    ends where the one before it does).
    """

    __slots__ = ("terms", "numbers", "totals", "ids", "weights", "sizes", "values", "blob_ends", "blobs",
                 "records", "record_ends")

    def __init__(self, terms, numbers, totals, ids, weights, sizes, values, blob_ends, blobs, records=b"",
                 record_ends=None):
        self.terms, self.numbers, self.totals = terms, numbers, totals
        self.ids, self.weights, self.sizes, self.values = ids, weights, sizes, values
        self.blob_ends, self.blobs = blob_ends, blobs
        self.records = records
        self.record_ends = record_ends if record_ends is not None else array("Q", bytes(8 * len(terms)))

    def __reduce__(self):
        return EncodedField, (self.terms, self.numbers, self.totals, self.ids, self.weights, self.sizes,
                              self.values, self.blob_ends, self.blobs, self.records, self.record_ends)

    @classmethod
    def pack(cls, parts) -> "EncodedField":
        """Pack (term, part) pairs given in term order."""
        terms, numbers, totals = [], array("Q"), array("d")
        ids, weights, values, blob_ends, blobs = array("I"), array("f"), [], array("Q"), []
        end = 0
        for term, part in parts:
            terms.append(term)
            numbers.extend((part.count, part.min_length, part.max_length, part.first_id, part.last_id))
            totals.extend((part.weight, part.max_weight))
            if part.raw is not None:
                ids.extend(part.raw[0])
                weights.extend(part.raw[1])
                values.extend(part.raw[2])
            else:
                blobs.append(part.blocks)
                end += len(part.blocks)
            blob_ends.append(end)
        sizes = array("I", map(len, values))
        return cls(terms, numbers, totals, ids, weights, sizes, b"".join(values), blob_ends, b"".join(blobs))

    def __iter__(self):
        """(term, part) in term order."""
        blob_ends, blobs = self.blob_ends, self.blobs
        ids, weights, values = self.ids, self.weights, self.values
        value_ends = accumulate(self.sizes)
        raw_at = value_at = blob_at = 0
        # (count, weight, max weight, min length, max length, first id, last id):
        # zip takes from the two iterators in that order
        numbers, totals = iter(self.numbers.tolist()), iter(self.totals.tolist())
        heads = zip(numbers, totals, totals, numbers, numbers, numbers, numbers)
        records, record_at = self.records, 0
        for term, head, blob_end, record_end in zip(self.terms, heads, blob_ends, self.record_ends):
            if blob_end == blob_at:
                count = head[0]
                part_values = []
                for _ in range(count):
                    end = next(value_ends)
                    part_values.append(values[value_at:end])
                    value_at = end
                raw = (ids[raw_at:raw_at + count], weights[raw_at:raw_at + count], part_values)
                raw_at += count
                record = records[record_at:record_end] if record_end != record_at else None
                record_at = record_end
                yield term, Part(*head, raw, None, record)
            else:
                yield term, Part(*head, None, blobs[blob_at:blob_end])
                blob_at = blob_end
