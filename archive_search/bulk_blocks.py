"""Whoosh 3 posting blocks and inlined postings of many terms at once, pickled with numpy.

A block's data is a pickled tuple: the ids (the first, then gaps), the
weights in short (see :func:`archive_search.w3blocks.encode_block`) and the
posting values; a term with few postings keeps them in its term-table value,
as a pickled (ids, weights, values) after its statistics. Pickling them from
Python objects needs one bytes object per posting, most of the time a
rebuild spent on a block besides zlib. Here the pickles of every block (and
inlined term) of a run of terms are written into one buffer with numpy, in
the plainest opcodes that ``pickle.loads`` reads back to the very same
tuple: MARK … TUPLE, BININT1/BININT2/BININT for the ids and whole weights,
NONE, BINFLOAT or SHORT_BINBYTES for a block's weights, SHORT_BINBYTES or
BINBYTES for the values. Blocks this path does not cover (weights that are
not small whole numbers) go through :func:`~archive_search.w3blocks.encode_block`.
"""

from __future__ import annotations

import zlib
from array import array
from pickle import dumps

from whoosh.system import pack_int

from archive_search.w3blocks import BLOCK_LIMIT, COMPRESS_FROM, COMPRESSION, encode_block

_MARK, _TUPLE, _TUPLE3, _STOP = b"(", b"t", b"\x87", b"."
_NONE, _BINFLOAT, _SHORT_BINBYTES, _BINBYTES = b"N", b"G", b"C", b"B"
_BININT1, _BININT2, _BININT = b"K", b"M", b"J"
_HEAD = b"\x80\x05("  # PROTO 5, MARK

# W3TermInfo's header as a numpy record (w3blocks._TERM_INFO: "!BfIBBfII").
TERM_INFO = [("inlined", "u1"), ("weight", ">f4"), ("count", ">u4"), ("min_length", "u1"),
             ("max_length", "u1"), ("max_weight", ">f4"), ("first_id", ">u4"), ("last_id", ">u4")]


def term_blocks(np, starts, ends, docnums, weights, value_bytes, value_starts, value_ends, length_bytes,
                fixed_size) -> list[bytes]:
    """The encoded blocks of each term whose postings are [starts[i], ends[i])
    of the arrays given (docnums ascending within a term), as
    :func:`archive_search.w3blocks.encode_part` encodes them."""
    counts = weights.astype(np.int64)
    if fixed_size is not None or not len(starts) or (counts != weights).any() or docnums.max() >= 1 << 31:
        data = value_bytes.tobytes()
        return [_python_blocks(np, first, end, docnums, weights, data, value_starts, value_ends, length_bytes,
                               fixed_size) for first, end in zip(starts.tolist(), ends.tolist())]
    # The blocks: up to BLOCK_LIMIT postings of one term each.
    per_term = (ends - starts + BLOCK_LIMIT - 1) // BLOCK_LIMIT
    block_term = np.repeat(np.arange(len(starts)), per_term)
    within = np.arange(len(block_term)) - np.repeat(np.cumsum(per_term) - per_term, per_term)
    firsts = starts[block_term] + within * BLOCK_LIMIT
    lasts = np.minimum(firsts + BLOCK_LIMIT, ends[block_term])
    # the postings of the blocks, gathered in block order
    postings = ranges(np, firsts, lasts)
    sizes = lasts - firsts
    bounds = np.cumsum(sizes) - sizes  # each block's first posting in the gathered arrays
    ids, counts = docnums[postings].astype(np.int64), counts[postings]
    buffer, data_ends = _pickles(np, ids, counts, value_bytes, value_starts[postings], value_ends[postings],
                                 bounds, sizes)
    data_starts = np.concatenate(([0], data_ends[:-1]))
    high = np.maximum.reduceat(counts, bounds)
    # weights that differ and are not all below 256 are pickled as floats: left to encode_block
    large = (high > 255) & (np.minimum.reduceat(counts, bounds) != high)
    heads = zip(sizes.tolist(), ids[bounds + sizes - 1].tolist(), high.tolist(),
                np.minimum.reduceat(length_bytes[postings], bounds).tolist(),
                np.maximum.reduceat(length_bytes[postings], bounds).tolist(),
                data_starts.tolist(), data_ends.tolist(), (lasts == ends[block_term]).tolist(),
                large.tolist(), firsts.tolist())
    blobs: list[list[bytes]] = [[] for _ in range(len(starts))]
    data = None
    for term, (size, last_id, max_weight, min_length, max_length, start, end, last, large, first) in \
            zip(block_term.tolist(), heads):
        if large:
            if data is None:
                data = value_bytes.tobytes()
            blobs[term].append(_python_block(np, first, first + size, docnums, weights, data, value_starts,
                                             value_ends, (min_length, max_length), last, fixed_size))
            continue
        block = buffer[start:end]
        compression = COMPRESSION if len(block) >= COMPRESS_FROM else 0
        if compression:
            block = zlib.compress(block, compression)
        info = dumps((size, last_id, float(max_weight), compression, min_length, max_length), 5)
        length = len(info) + len(block)
        blobs[term].append(pack_int(-length if last else length) + info + block)
    return [b"".join(blocks) for blocks in blobs]


def _pickles(np, ids, counts, value_bytes, value_starts, value_ends, bounds, sizes):
    """The pickled (ids, weights, values) of every block, one after another
    in one buffer, and where each ends. ``ids`` are docnums (each block's
    first kept, the others turned into gaps here)."""
    gaps = ids.copy()
    gaps[1:] -= ids[:-1]
    gaps[bounds] = ids[bounds]
    ends = bounds + sizes
    id_items = _int_items(np, gaps)
    value_items = _bytes_items(np, value_bytes, value_starts, value_ends)
    return _assemble(np, len(bounds), [
        _HEAD, _items_of(id_items, bounds, ends), _TUPLE,
        _block_weights(np, counts, bounds, sizes), _MARK, _items_of(value_items, bounds, ends),
        _TUPLE + _TUPLE3 + _STOP,
    ])


def inline_records(np, term_info, ids, counts, value_bytes, value_starts, value_ends, bounds, sizes):
    """The term-table value of each term whose postings are inlined: its
    statistics (``term_info``, packed as W3TermInfo packs them) and its
    pickled (ids, weights, values), as :class:`~archive_search.w3blocks.TermTable`
    writes them for a term given in one part. The postings of term i are
    [bounds[i], bounds[i] + sizes[i]) of the arrays. (bytes, where each ends)."""
    ends = bounds + sizes
    info = np.frombuffer(term_info.tobytes(), dtype=np.uint8)
    info_size = term_info.dtype.itemsize
    info_starts = np.arange(len(bounds)) * info_size
    return _assemble(np, len(bounds), [
        (info, info_starts, info_starts + info_size), b"\x80\x03((",
        _items_of(_int_items(np, ids), bounds, ends), _TUPLE + _MARK,
        _items_of(_int_items(np, counts), bounds, ends), _TUPLE + _MARK,
        _items_of(_bytes_items(np, value_bytes, value_starts, value_ends), bounds, ends),
        _TUPLE + _TUPLE + _STOP,
    ])


def _int_items(np, numbers):
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


def _bytes_items(np, data, starts, ends):
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
    out[ranges(np, at + heads, at + heads + lengths)] = data[ranges(np, starts, ends)]
    return out, sizes


def _items_of(items, firsts, ends):
    """(buffer, start, end) of the runs [firsts[i], ends[i]) of pickled items
    (each run has one at least)."""
    buffer, sizes = items
    item_ends = sizes.cumsum()
    return buffer, (item_ends - sizes)[firsts], item_ends[ends - 1]


def _block_weights(np, counts, bounds, sizes):
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


def _assemble(np, records: int, pieces: list):
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
            out[ranges(np, at, at + length)] = buffer[ranges(np, starts, ends)]
        at = at + length
    return out.tobytes(), record_ends


def _python_blocks(np, first: int, end: int, docnums, weights, data: bytes, value_starts, value_ends,
                   length_bytes, fixed_size) -> bytes:
    """The postings [first, end) of one term in blocks, through encode_block."""
    blocks = []
    for block_first in range(first, end, BLOCK_LIMIT):
        block_end = min(block_first + BLOCK_LIMIT, end)
        block_lengths = length_bytes[block_first:block_end]
        blocks.append(_python_block(np, block_first, block_end, docnums, weights, data, value_starts, value_ends,
                                    (int(block_lengths.min()), int(block_lengths.max())), block_end == end,
                                    fixed_size))
    return b"".join(blocks)


def _python_block(np, first: int, end: int, docnums, weights, data: bytes, value_starts, value_ends,
                  length_range: tuple[int, int], last: bool, fixed_size) -> bytes:
    ids = array("I")
    ids.frombytes(docnums[first:end].astype(np.uint32).tobytes())
    block_weights = array("f")
    block_weights.frombytes(weights[first:end].astype(np.float32).tobytes())
    values = list(map(data.__getitem__, map(slice, value_starts[first:end].tolist(), value_ends[first:end].tolist())))
    return encode_block(ids, block_weights, values, last, length_range, fixed_size)


def ranges(np, starts, ends):
    """The indexes of the ranges [start, end), one after another."""
    sizes = ends - starts
    return np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(int(sizes.sum()))
