"""Every use of Whoosh's private attributes and internals, behind named functions.

archive-search keeps to Whoosh 2.7's public API except where speed needs
its insides: writing a segment's stored fields and term table in bulk, and
reading posting blocks and field lengths as arrays. Those few places are
here and nowhere else, each a function named for what it does, so that
another Whoosh fork (or an upgrade) that changes them fails in one module.
:data:`RELIED_ON` and :data:`SET_IN_INIT` list what is used; a test checks
that each exists in the installed Whoosh.
"""

from __future__ import annotations

from typing import Callable, Iterator

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3FieldWriter, W3LeafMatcher, W3PerDocWriter, _lenfield
from whoosh.columns import VarBytesColumn
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25F

# What this module relies on, by where it is defined: functions and methods
# of Whoosh's classes, and attributes their objects set in ``__init__``. A
# test checks the first on the classes and the second on live objects.
RELIED_ON = {
    "whoosh.codec.whoosh3.W3LeafMatcher": ("_read_ids", "_read_weights", "_read_values", "_next_block"),
    "whoosh.codec.whoosh3.W3PerDocReader": ("_cached_reader",),
    "whoosh.codec.whoosh3": ("_lenfield",),
}
SET_IN_INIT = {
    "whoosh.codec.whoosh3.W3PerDocWriter": ("_colwriters",),
    "whoosh.columns.PickleColumn.Writer": ("_child",),
    "whoosh.codec.whoosh3.W3FieldWriter": ("_postfile", "_tindex", "_fieldid"),
    "whoosh.filedb.filetables.OrderedHashWriter": ("dbfile", "index", "buckets", "hashfn", "lastkey"),
    "whoosh.codec.whoosh3.W3LeafMatcher": ("_ids", "_weights", "_values", "_i"),
    "whoosh.matching.wrappers.FilterMatcher": ("_ids", "child"),
    "whoosh.reading.SegmentReader": ("_perdoc",),
    "whoosh.columns.FixedBytesColumn.Reader": ("_fixedlen", "_dbfile", "_basepos", "_count"),
    "whoosh.scoring.BM25F": ("_field_B", "B"),
    "whoosh.collectors.TopCollector": ("replace",),
}


# --- Writing a segment in bulk ------------------------------------------------


def add_stored_bytes(perdoc: W3PerDocWriter, docnum: int, data: bytes) -> None:
    """Write a document's stored fields, already pickled and compressed as
    Whoosh's stored column stores them, straight into its byte store (the
    ``PickleColumn`` over ``CompressedBytesColumn`` would pickle and
    compress them again)."""
    byte_store = perdoc._colwriters["_stored"]._child
    VarBytesColumn.Writer.add(byte_store, docnum, data)


def postings_file(fieldwriter: W3FieldWriter):
    """The segment's open postings file (``.pst``), for whole posting lists."""
    return fieldwriter._postfile


def field_key_prefix(fieldwriter: W3FieldWriter) -> int:
    """The number of the field being written, as the term table's keys start with it."""
    return fieldwriter._fieldid


def term_table_adder(fieldwriter: W3FieldWriter) -> Callable[[bytes, bytes], None]:
    """``add(key, value)`` for the segment's term table, keys in order.

    The same records and hash buckets as ``OrderedHashWriter.add``, without
    its two ``tell`` system calls, three writes and order check per term
    (a quarter of writing a term table).
    """
    import struct

    tindex = fieldwriter._tindex
    dbfile, index, buckets, hashfn = tindex.dbfile, tindex.index, tindex.buckets, tindex.hashfn
    record_lengths = struct.Struct("!ii")  # the record header of Whoosh's hash files
    position = [dbfile.tell()]

    def add(key: bytes, value: bytes) -> None:
        pos = position[0]
        index.append(pos)
        record = record_lengths.pack(len(key), len(value)) + key + value
        dbfile.write(record)
        h = hashfn(key)
        buckets[h & 255].append((h, pos))
        position[0] = pos + len(record)
        tindex.lastkey = key

    return add


# --- Reading postings and lengths as arrays -----------------------------------


def without_deletions(matcher) -> tuple[object, set | None]:
    """A term's matcher without the wrapper that skips deleted documents,
    and the set of deleted docnums it skipped (None when there was none)."""
    if isinstance(matcher, FilterMatcher):
        return matcher.child, matcher._ids
    return matcher, None


def posting_blocks(matcher, values: bool = False) -> Iterator[tuple] | None:
    """A W3 matcher's postings a block at a time: (ids, weights, first) with
    the block's docnums and weights as arrays, the postings from ``first``
    on not yet read, and with ``values`` the block's posting values too
    (ids, weights, values, first). None for a matcher that does not read blocks."""
    if not isinstance(matcher, W3LeafMatcher):
        return None

    def blocks():
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            if values:
                matcher._read_values()
                block = (matcher._ids, matcher._weights, matcher._values, matcher._i)
            else:
                block = (matcher._ids, matcher._weights, matcher._i)
            matcher._next_block()
            yield block

    return blocks()


def length_bytes(reader, field: str) -> bytes | None:
    """The field's stored length byte of every document of a segment, read
    in one go (``byte_to_length`` decodes them); None where the segment
    does not keep them as one byte a document."""
    try:
        column = reader._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is None or getattr(column, "_fixedlen", None) != 1:
            return None
        return column._dbfile.get(column._basepos, column._count)
    except (AttributeError, TypeError, OSError):
        return None


def field_b(weighting: BM25F, field: str) -> float:
    """BM25F's B of one field (its per-field value, else the model's)."""
    return weighting._field_B.get(field, weighting.B)


# --- Collecting ---------------------------------------------------------------


def disable_matcher_replacement(collector) -> None:
    """Turn off the periodic replacement of the matcher by a cheaper one in a
    collector and the collectors it wraps.

    Whoosh 2.7's top-N collector "replaces" the matcher with one that skips
    documents it estimates cannot enter the top N; with BM25F those
    estimates can fall below real scores and good documents are lost (seen
    on the sample corpus: a page of 4 hits missed the 3rd best).
    """
    inner = collector
    while inner is not None:
        if hasattr(inner, "replace"):
            inner.replace = 0
        inner = getattr(inner, "child", None)
