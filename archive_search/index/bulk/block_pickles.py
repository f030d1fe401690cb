"""Whoosh 3 posting blocks and inlined postings of many terms at once, pickled with numpy.

A block's data is a pickled tuple: the ids (the first, then gaps), the
weights in short (see :func:`archive_search.index.bulk.w3_postings.encode_block`) and the
posting values; a term with few postings keeps them in its term-table value,
as a pickled (ids, weights, values) after its statistics. Pickling them from
Python objects needs one bytes object per posting, most of the time a
rebuild spent on a block besides zlib. Here the pickles of every block (and
inlined term) of a run of terms are written into one buffer with numpy, in
the plainest opcodes that ``pickle.loads`` reads back to the very same
tuple: MARK … TUPLE, BININT1/BININT2/BININT for the ids and whole weights,
NONE, BINFLOAT or SHORT_BINBYTES for a block's weights, SHORT_BINBYTES or
BINBYTES for the values. Blocks this path does not cover (weights that are
not small whole numbers) go through :func:`~archive_search.index.bulk.w3_postings.encode_block`.
"""

from __future__ import annotations

import zlib
from array import array
from pickle import dumps
from typing import NamedTuple

import numpy as np
from whoosh.system import pack_int

from archive_search.index.bulk.w3_postings import BLOCK_LIMIT, COMPRESS_FROM, COMPRESSION, encode_block

_MARK, _TUPLE, _TUPLE3, _STOP = b"(", b"t", b"\x87", b"."
_NONE, _BINFLOAT, _SHORT_BINBYTES, _BINBYTES = b"N", b"G", b"C", b"B"
_BININT1, _BININT2, _BININT = b"K", b"M", b"J"
_HEAD = b"\x80\x05("  # PROTO 5, MARK

# W3TermInfo's header as a numpy record (w3_postings._TERM_INFO: "!BfIBBfII").
TERM_INFO = [("inlined", "u1"), ("weight", ">f4"), ("count", ">u4"), ("min_length", "u1"),
             ("max_length", "u1"), ("max_weight", ">f4"), ("first_id", ">u4"), ("last_id", ">u4")]


class Postings(NamedTuple):
    """Postings of a run of terms, term after term (docnums ascending within a
    term), one row a posting: every array but ``value_bytes`` has one entry a
    posting."""

    docnums: np.ndarray  # uint32
    weights: np.ndarray  # float32 (whole counts for the Arabic text fields)
    value_bytes: np.ndarray  # uint8: every posting's value, one after another
    value_starts: np.ndarray  # int64: where each posting's value starts in value_bytes …
    value_ends: np.ndarray  # int64: … and ends
    length_bytes: np.ndarray  # uint8: the field length of the posting's document, as a length byte

    def take(self, rows) -> "Postings":
        """The postings at ``rows`` (an index array or mask), values left in place."""
        return Postings(self.docnums[rows], self.weights[rows], self.value_bytes, self.value_starts[rows],
                        self.value_ends[rows], self.length_bytes[rows])


def term_blocks(starts, ends, postings: Postings, fixed_size) -> list[bytes]:
    """The encoded blocks of each term whose postings are rows
    [starts[i], ends[i]) of ``postings`` (int64 arrays of one entry a term),
    as :func:`archive_search.index.bulk.w3_postings.encode_part` encodes them."""
    docnums, weights = postings.docnums, postings.weights
    counts = weights.astype(np.int64)
    if fixed_size is not None or not len(starts) or (counts != weights).any() or docnums.max() >= 1 << 31:
        data = postings.value_bytes.tobytes()
        return [_python_blocks(first, end, postings, data, fixed_size)
                for first, end in zip(starts.tolist(), ends.tolist())]
    blocks = _Blocks.of(starts, ends)
    rows = ranges(blocks.firsts, blocks.lasts)  # the blocks' postings, gathered in block order
    sizes = blocks.lasts - blocks.firsts
    bounds = np.cumsum(sizes) - sizes  # each block's first posting in the gathered arrays
    ids, counts = docnums[rows].astype(np.int64), counts[rows]
    buffer, data_ends = _pickles(ids, counts, postings.value_bytes, postings.value_starts[rows],
                                 postings.value_ends[rows], bounds, sizes)
    data_starts = np.concatenate(([0], data_ends[:-1]))
    high = np.maximum.reduceat(counts, bounds)
    # weights that differ and are not all below 256 are pickled as floats: left to encode_block
    large = (high > 255) & (np.minimum.reduceat(counts, bounds) != high)
    lengths = postings.length_bytes[rows]
    heads = zip(sizes.tolist(), ids[bounds + sizes - 1].tolist(), high.tolist(),
                np.minimum.reduceat(lengths, bounds).tolist(), np.maximum.reduceat(lengths, bounds).tolist(),
                data_starts.tolist(), data_ends.tolist(), blocks.last.tolist(), large.tolist(),
                blocks.firsts.tolist())
    blobs: list[list[bytes]] = [[] for _ in range(len(starts))]
    data = None
    for term, (size, last_id, max_weight, min_length, max_length, start, end, last, large, first) in \
            zip(blocks.term.tolist(), heads):
        if large:
            if data is None:
                data = postings.value_bytes.tobytes()
            blobs[term].append(_python_block(first, first + size, postings, data, (min_length, max_length), last,
                                             fixed_size))
            continue
        blobs[term].append(_framed_block(buffer[start:end], (size, last_id, float(max_weight), min_length,
                                                             max_length), last))
    return [b"".join(term_blobs) for term_blobs in blobs]


class _Blocks(NamedTuple):
    """The blocks of a run of terms: up to BLOCK_LIMIT postings of one term each."""

    term: np.ndarray  # int64, by block: the term (0, 1, … in the run)
    firsts: np.ndarray  # int64, by block: its first posting's row
    lasts: np.ndarray  # int64, by block: the row after its last posting
    last: np.ndarray  # bool, by block: the last block of its term

    @classmethod
    def of(cls, starts, ends) -> "_Blocks":
        per_term = (ends - starts + BLOCK_LIMIT - 1) // BLOCK_LIMIT
        term = np.repeat(np.arange(len(starts)), per_term)
        within = np.arange(len(term)) - np.repeat(np.cumsum(per_term) - per_term, per_term)
        firsts = starts[term] + within * BLOCK_LIMIT
        lasts = np.minimum(firsts + BLOCK_LIMIT, ends[term])
        return cls(term, firsts, lasts, lasts == ends[term])


def _framed_block(data: bytes, info: tuple, last: bool) -> bytes:
    """A block as Whoosh 3 reads it: its length (negative for a term's last
    block), its pickled statistics (count, last id, max weight, compression,
    min and max length byte), its data, compressed if it is worth it."""
    compression = COMPRESSION if len(data) >= COMPRESS_FROM else 0
    if compression:
        data = zlib.compress(data, compression)
    size, last_id, max_weight, min_length, max_length = info
    head = dumps((size, last_id, max_weight, compression, min_length, max_length), 5)
    length = len(head) + len(data)
    return pack_int(-length if last else length) + head + data


def _pickles(ids, counts, value_bytes, value_starts, value_ends, bounds, sizes):
    """The pickled (ids, weights, values) of every block, one after another
    in one buffer, and where each ends. ``ids`` are docnums (each block's
    first kept, the others turned into gaps here)."""
    gaps = ids.copy()
    gaps[1:] -= ids[:-1]
    gaps[bounds] = ids[bounds]
    ends = bounds + sizes
    id_items = _int_items(gaps)
    value_items = _bytes_items(value_bytes, value_starts, value_ends)
    return _assemble(len(bounds), [
        _HEAD, _items_of(id_items, bounds, ends), _TUPLE,
        _block_weights(counts, bounds, sizes), _MARK, _items_of(value_items, bounds, ends),
        _TUPLE + _TUPLE3 + _STOP,
    ])


def inline_records(term_info, postings: Postings, bounds, sizes):
    """The term-table value of each term whose postings are inlined: its
    statistics (``term_info``, packed as W3TermInfo packs them) and its
    pickled (ids, weights, values), as :class:`~archive_search.index.bulk.w3_postings.TermTable`
    writes them for a term given in one part. ``term_info`` is a numpy array of
    :data:`TERM_INFO` records, one a term; the postings of term i are rows
    [bounds[i], bounds[i] + sizes[i]) of ``postings`` (whole weights, docnums
    below 2**31). (bytes, where each term's value ends)."""
    ends = bounds + sizes
    ids, counts = postings.docnums.astype(np.int64), postings.weights.astype(np.int64)
    info = np.frombuffer(term_info.tobytes(), dtype=np.uint8)
    info_size = term_info.dtype.itemsize
    info_starts = np.arange(len(bounds)) * info_size
    return _assemble(len(bounds), [
        (info, info_starts, info_starts + info_size), b"\x80\x03((",
        _items_of(_int_items(ids), bounds, ends), _TUPLE + _MARK,
        _items_of(_int_items(counts), bounds, ends), _TUPLE + _MARK,
        _items_of(_bytes_items(postings.value_bytes, postings.value_starts, postings.value_ends), bounds, ends),
        _TUPLE + _TUPLE + _STOP,
    ])


def _int_items(numbers):
    """Each number (0 to 2**31 - 1) pickled: BININT1, BININT2 or BININT and its
    little-endian payload. (bytes, each item's size)."""
    sizes = np.where(numbers < 256, 2, np.where(numbers < 65536, 3, 5))
    ends = np.cumsum(sizes)
    starts = ends - sizes
    out = np.empty(int(ends[-1]) if len(ends) else 0, dtype=np.uint8)
    for size, opcode in ((2, _BININT1), (3, _BININT2), (5, _BININT)):
        chosen = sizes == size
        at, chosen_numbers = starts[chosen], numbers[chosen]
        out[at] = opcode[0]
        for k in range(size - 1):
            out[at + 1 + k] = (chosen_numbers >> (8 * k)) & 0xFF
    return out, sizes


def _bytes_items(data, starts, ends):
    """Each data[start:end] pickled: SHORT_BINBYTES (under 256 bytes) or
    BINBYTES, its length and its bytes. (bytes, each item's size)."""
    lengths = ends - starts
    heads = np.where(lengths < 256, 2, 5)
    sizes = heads + lengths
    item_ends = np.cumsum(sizes)
    at = item_ends - sizes
    out = np.empty(int(item_ends[-1]) if len(item_ends) else 0, dtype=np.uint8)
    short = heads == 2
    out[at[short]] = _SHORT_BINBYTES[0]
    out[at[short] + 1] = lengths[short]
    long = ~short
    out[at[long]] = _BINBYTES[0]
    for k in range(4):
        out[at[long] + 1 + k] = (lengths[long] >> (8 * k)) & 0xFF
    out[ranges(at + heads, at + heads + lengths)] = data[ranges(starts, ends)]
    return out, sizes


def _items_of(items, firsts, ends):
    """(buffer, start, end) of the runs [firsts[i], ends[i]) of pickled items
    (each run has one at least)."""
    buffer, sizes = items
    item_ends = sizes.cumsum()
    return buffer, (item_ends - sizes)[firsts], item_ends[ends - 1]


def _block_weights(counts, bounds, sizes):
    """Each block's weights pickled as encode_block makes them: NONE when all
    are 1, BINFLOAT when all are the same, else SHORT_BINBYTES of the counts."""
    low, high = np.minimum.reduceat(counts, bounds), np.maximum.reduceat(counts, bounds)
    same = low == high
    item_sizes = np.where(same, np.where(low == 1, 1, 9), 2 + sizes)
    ends = np.cumsum(item_sizes)
    at = ends - item_sizes
    out = np.zeros(int(ends[-1]) if len(ends) else 0, dtype=np.uint8)
    none = same & (low == 1)
    out[at[none]] = _NONE[0]
    one_float = same & (low != 1)
    out[at[one_float]] = _BINFLOAT[0]
    big_endian = low[one_float].astype(">f8").view(np.uint8).reshape(-1, 8)
    for k in range(8):
        out[at[one_float] + 1 + k] = big_endian[:, k]
    varied = ~same
    out[at[varied]] = _SHORT_BINBYTES[0]
    out[at[varied] + 1] = sizes[varied]
    block_of = np.repeat(np.arange(len(bounds)), sizes)
    in_varied = varied[block_of]
    position = np.arange(len(block_of)) - bounds[block_of]
    out[(at[block_of] + 2 + position)[in_varied]] = counts[in_varied] & 0xFF
    return out, at, ends


def _assemble(records: int, pieces: list):
    """Records made of pieces in order, each piece a constant bytes string or
    (buffer, starts, ends) giving each record's bytes. (bytes, where each
    record ends)."""
    lengths = [np.full(records, len(piece), dtype=np.int64) if isinstance(piece, bytes) else piece[2] - piece[1]
               for piece in pieces]
    record_sizes = sum(lengths)
    record_ends = np.cumsum(record_sizes)
    at = record_ends - record_sizes
    out = np.empty(int(record_ends[-1]) if records else 0, dtype=np.uint8)
    for piece, length in zip(pieces, lengths):
        if isinstance(piece, bytes):
            for k, byte in enumerate(piece):
                out[at + k] = byte
        else:
            buffer, starts, ends = piece
            out[ranges(at, at + length)] = buffer[ranges(starts, ends)]
        at = at + length
    return out.tobytes(), record_ends


def _python_blocks(first: int, end: int, postings: Postings, data: bytes, fixed_size) -> bytes:
    """Rows [first, end) of ``postings`` (one term's) in blocks, through
    encode_block; ``data`` is ``postings.value_bytes`` as bytes."""
    blocks = []
    for block_first in range(first, end, BLOCK_LIMIT):
        block_end = min(block_first + BLOCK_LIMIT, end)
        block_lengths = postings.length_bytes[block_first:block_end]
        blocks.append(_python_block(block_first, block_end, postings, data,
                                    (int(block_lengths.min()), int(block_lengths.max())), block_end == end,
                                    fixed_size))
    return b"".join(blocks)


def _python_block(first: int, end: int, postings: Postings, data: bytes, length_range: tuple[int, int],
                  last: bool, fixed_size) -> bytes:
    ids = array("I")
    ids.frombytes(postings.docnums[first:end].astype(np.uint32).tobytes())
    block_weights = array("f")
    block_weights.frombytes(postings.weights[first:end].astype(np.float32).tobytes())
    values = list(map(data.__getitem__, map(slice, postings.value_starts[first:end].tolist(),
                                            postings.value_ends[first:end].tolist())))
    return encode_block(ids, block_weights, values, last, length_range, fixed_size)


def ranges(starts, ends):
    """The indexes of the ranges [start, end), one after another."""
    sizes = ends - starts
    return np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(int(sizes.sum()))
