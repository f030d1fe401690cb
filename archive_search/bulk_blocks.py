"""Whoosh 3 posting blocks for many terms at once, their pickles made with numpy.

A block's data is a pickled tuple: the ids (the first, then gaps), the
weights in short (see :func:`archive_search.w3blocks.encode_block`) and the
posting values. Pickling it from Python objects needs one bytes object per
posting, most of the time a rebuild spent on a block besides zlib. Here the
pickles of every block of a run of terms are written into one buffer with
numpy, in the plainest opcodes that ``pickle.loads`` reads back to the very
same tuple: MARK … TUPLE, BININT1/BININT2/BININT for the ids, NONE, BINFLOAT
or SHORT_BINBYTES for the weights, SHORT_BINBYTES/BINBYTES for the values.
Blocks this path does not cover (weights that are not small whole numbers)
go through :func:`~archive_search.w3blocks.encode_block`.
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
    block_of = np.repeat(np.arange(len(bounds)), sizes)
    gaps = ids.copy()
    gaps[1:] -= ids[:-1]
    gaps[bounds] = ids[bounds]
    # ids: BININT1 (< 256), BININT2 (< 65536) or BININT, opcode and payload
    int_sizes = np.where(gaps < 256, 2, np.where(gaps < 65536, 3, 5))
    # weights: all one → NONE; all the same → BINFLOAT; else their bytes
    low, high = np.minimum.reduceat(counts, bounds), np.maximum.reduceat(counts, bounds)
    same = low == high
    weight_sizes = np.where(same, np.where(low == 1, 1, 9), 2 + sizes)
    # values: SHORT_BINBYTES (< 256 bytes) or BINBYTES, opcode, length and data
    value_lengths = value_ends - value_starts
    value_heads = np.where(value_lengths < 256, 2, 5)
    value_sizes = value_heads + value_lengths

    int_totals = np.add.reduceat(int_sizes, bounds)
    value_totals = np.add.reduceat(value_sizes, bounds)
    block_sizes = len(_HEAD) + int_totals + 1 + weight_sizes + 1 + value_totals + 3
    block_ends = np.cumsum(block_sizes)
    block_starts = block_ends - block_sizes
    out = np.zeros(int(block_ends[-1]), dtype=np.uint8)

    def within(item_sizes):
        """Where each posting's item starts, counted from its block's first item."""
        ahead = np.cumsum(item_sizes) - item_sizes
        return ahead - ahead[bounds][block_of]

    for k, byte in enumerate(_HEAD):
        out[block_starts + k] = byte
    # the ids
    at = block_starts[block_of] + len(_HEAD) + within(int_sizes)
    for size, opcode in ((2, _BININT1), (3, _BININT2), (5, _BININT)):
        chosen = int_sizes == size
        where, numbers = at[chosen], gaps[chosen]
        out[where] = opcode[0]
        for k in range(size - 1):
            out[where + 1 + k] = (numbers >> (8 * k)) & 0xFF
    ints_end = block_starts + len(_HEAD) + int_totals
    out[ints_end] = _TUPLE[0]
    # the weights
    weights_at = ints_end + 1
    none = same & (low == 1)
    out[weights_at[none]] = _NONE[0]
    one_float = same & (low != 1)
    out[weights_at[one_float]] = _BINFLOAT[0]
    big_endian = low[one_float].astype(">f8").view(np.uint8).reshape(-1, 8)
    for k in range(8):
        out[weights_at[one_float] + 1 + k] = big_endian[:, k]
    varied = ~same
    out[weights_at[varied]] = _SHORT_BINBYTES[0]
    out[weights_at[varied] + 1] = sizes[varied]
    in_varied = varied[block_of]
    position = np.arange(len(block_of)) - bounds[block_of]
    out[(weights_at[block_of] + 2 + position)[in_varied]] = counts[in_varied] & 0xFF
    # the values
    values_at = weights_at + weight_sizes
    out[values_at] = _MARK[0]
    at = values_at[block_of] + 1 + within(value_sizes)
    short = value_heads == 2
    out[at[short]] = _SHORT_BINBYTES[0]
    out[at[short] + 1] = value_lengths[short]
    long = ~short
    out[at[long]] = _BINBYTES[0]
    for k in range(4):
        out[at[long] + 1 + k] = (value_lengths[long] >> (8 * k)) & 0xFF
    out[ranges(np, at + value_heads, at + value_heads + value_lengths)] = \
        value_bytes[ranges(np, value_starts, value_ends)]
    tail = values_at + 1 + value_totals
    for k, byte in enumerate(_TUPLE + _TUPLE3 + _STOP):
        out[tail + k] = byte
    return out.tobytes(), block_ends


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
