"""Posting lists of the Arabic text fields, made from word ids with numpy.

A rebuild reads each article's text as a list of word ids
(:class:`archive_search.text.word_ids.WordIds`) and keeps only those,
document after document (:class:`FieldWords`). When the postings are
wanted, every (term, document, position) occurrence becomes one 64-bit
number, all of them are sorted at once, and, a run of terms at a time, the
runs of equal terms and documents give the postings; posting values (a
count and position gaps for a stem, the count alone for an exact form, as
LEB128 varints: see :mod:`archive_search.index.posting_format`), term
statistics, inlined postings and blocks
(:mod:`archive_search.index.bulk.block_pickles`) are made for all of them
together, in C. The terms, weights and values are those of
:class:`archive_search.index.posting_format.ArabicPositions` (tested against
Whoosh's own writer).
"""

from __future__ import annotations

from array import array
from typing import Iterator, NamedTuple

import numpy as np
from whoosh.util.numeric import length_to_byte

from archive_search.errors import IndexingFailed
from archive_search.index.bulk.block_pickles import TERM_INFO, Postings, inline_records, ranges, term_blocks
from archive_search.index.bulk.w3_postings import INLINE_LIMIT, EncodedField
from archive_search.text.terms import is_exact
from archive_search.text.word_ids import WordIds

# Term occurrences in a run of terms encoded at a time (see encoded_field).
CHUNK = 1 << 20


class _Layout(NamedTuple):
    """How (term rank, document, position) share the 63 bits of a sort key:
    as few bits for each as its largest value needs."""

    position_bits: int
    document_bits: int

    @property
    def term_shift(self) -> int:
        return self.position_bits + self.document_bits

    def term_document(self, keys):
        return keys >> self.position_bits

    def terms(self, keys):
        return keys >> self.term_shift

    def documents(self, keys):
        return (keys >> self.position_bits) & ((1 << self.document_bits) - 1)

    def positions(self, keys):
        return keys & ((1 << self.position_bits) - 1)


class FieldWords:
    """One Arabic text field's words in the documents that have it."""

    def __init__(self, word_ids: WordIds):
        self.word_ids = word_ids
        self.ids = array("I")  # word ids, document after document
        self.docnums = array("I")  # the documents, in order
        self.ends = array("Q")  # where each document's words end in ids

    def add(self, docnum: int, text: str) -> int:
        """Add a document's text; returns the field's length in it."""
        ids = self.word_ids.ids(text)
        self.ids.extend(ids)
        self.docnums.append(docnum)
        self.ends.append(len(self.ids))
        return self.word_ids.length(ids)


def encoded_field(words: FieldWords, boost: float, lengths: array | None, fixed_size: int | None,
                  first_docnum: int = 0, columns: tuple | None = None) -> Iterator[EncodedField]:
    """Every term's postings, in the order of the terms' UTF-8 bytes (as
    Whoosh writes them), encoded as one part each (see
    :func:`archive_search.index.bulk.w3_postings.encode_part`, whose output this is),
    documents renumbered from ``first_docnum``; ``lengths`` are the field's
    lengths by docnum. The terms come in runs of about :data:`CHUNK`
    occurrences, each run encoded when it is asked for: a rebuild's parent
    writes one while the workers encode the next, and the arrays of one run
    at a time are in memory. ``words`` is emptied. With ``columns``, a
    (:class:`~archive_search.index.columns.writer.ShardWriter`, field name),
    each run's postings also go to the shard's columns."""
    terms = words.word_ids.terms
    if not words.ids or not terms:
        return
    # Term ranks in Whoosh's order of terms.
    names = list(map(str.encode, terms))
    order = sorted(range(len(terms)), key=names.__getitem__)
    rank = np.empty(len(terms), dtype=np.int64)
    rank[order] = np.arange(len(terms), dtype=np.int64)
    encoder = TermRunEncoder(
        names=[names[t] for t in order],
        exact=np.fromiter((is_exact(terms[t]) for t in order), dtype=bool, count=len(order)),
        boost=boost,
        length_byte_of=length_byte_by_docnum(lengths, words.docnums[-1] + 1),
        fixed_size=fixed_size,
        first_docnum=first_docnum,
        columns=columns,
    )
    del names, order

    keys, layout = _sorted_keys(words, rank)
    words.ids, words.docnums, words.ends = array("I"), array("I"), array("Q")
    start = 0
    while start < len(keys):
        end = min(start + CHUNK, len(keys))
        if end < len(keys):  # a run ends with a term
            end = int(np.searchsorted(keys, (layout.terms(keys[end - 1]) + 1) << layout.term_shift))
        yield encoder.encoded(keys[start:end], layout)
        start = end


class _TermStatistics(NamedTuple):
    """Each term of a run, as :func:`~archive_search.index.bulk.w3_postings.encode_part` describes it."""

    starts: np.ndarray  # int64: the term's first posting
    ends: np.ndarray  # int64: the posting after its last
    numbers: np.ndarray  # uint64, (terms, 5): count, min and max length byte, first and last docnum
    totals: np.ndarray  # float64, (terms, 2): total weight, max weight

    @classmethod
    def of(cls, posting_terms, postings: Postings) -> "_TermStatistics":
        starts = np.flatnonzero(np.concatenate(([True], posting_terms[1:] != posting_terms[:-1])))
        ends = np.append(starts[1:], len(posting_terms))
        docnums, weights, length_bytes = postings.docnums, postings.weights, postings.length_bytes
        numbers = np.column_stack([
            ends - starts,
            np.minimum.reduceat(length_bytes, starts),
            np.maximum.reduceat(length_bytes, starts),
            docnums[starts],
            docnums[ends - 1],
        ]).astype(np.uint64)
        totals = np.column_stack([
            np.add.reduceat(weights.astype(np.float64), starts),
            np.maximum.reduceat(weights, starts),
        ]).astype(np.float64)
        return cls(starts, ends, numbers, totals)

    @property
    def counts(self):
        return self.ends - self.starts


class TermRunEncoder(NamedTuple):
    """What encoding a run of terms needs besides its occurrences."""

    names: list[bytes]  # by term rank: the term's UTF-8 bytes
    exact: np.ndarray  # bool, by term rank: an exact form (its postings have no positions)
    boost: float
    length_byte_of: np.ndarray  # uint8, by docnum: the field length as Whoosh stores it
    fixed_size: int | None
    first_docnum: int
    columns: tuple | None  # (shard writer, field name) the runs' columns go to

    def encoded(self, keys, layout: _Layout) -> EncodedField:
        """The postings of the terms whose occurrences are ``keys`` (int64,
        sorted; whole terms), as one :class:`EncodedField`."""
        postings, posting_terms, counts = self._postings(keys, layout)
        terms = _TermStatistics.of(posting_terms, postings)
        names = list(map(self.names.__getitem__, posting_terms[terms.starts].tolist()))
        if self.columns is not None:
            shard, field = self.columns
            values = (postings.value_bytes, postings.value_starts, postings.value_ends,
                      ~self.exact[posting_terms[terms.starts]])
            shard.add_run(field, names, terms.counts, postings.docnums, counts, values)
        # Terms of few postings keep them unencoded (inlined in the term
        # table); the others are encoded in blocks.
        inline = terms.counts <= INLINE_LIMIT
        kept = np.repeat(inline, terms.counts)
        inlined = postings.take(kept)
        records, record_ends = _inline_records(inline, terms, inlined)
        block_terms = np.flatnonzero(~inline)
        blobs = term_blocks(terms.starts[block_terms], terms.ends[block_terms], postings, self.fixed_size)
        blob_sizes = np.zeros(len(terms.starts), dtype=np.int64)
        blob_sizes[block_terms] = list(map(len, blobs))
        return EncodedField(
            names,
            array("Q", terms.numbers.tobytes()),
            array("d", terms.totals.tobytes()),
            array("I", inlined.docnums.tobytes()),
            array("f", inlined.weights.tobytes()),
            array("I", (inlined.value_ends - inlined.value_starts).astype(np.uint32).tobytes()),
            postings.value_bytes[ranges(inlined.value_starts, inlined.value_ends)].tobytes(),
            array("Q", np.cumsum(blob_sizes).astype(np.uint64).tobytes()),
            b"".join(blobs),
            records,
            record_ends,
        )

    def _postings(self, keys, layout: _Layout) -> tuple[Postings, np.ndarray, np.ndarray]:
        """The postings of the occurrences (runs of one term in one document),
        each posting's term rank and its term count (int64 both)."""
        term_document = layout.term_document(keys)
        starts = np.flatnonzero(np.concatenate(([True], term_document[1:] != term_document[:-1])))
        del term_document
        counts = np.diff(np.append(starts, len(keys)))
        posting_terms = layout.terms(keys[starts])
        local_docnums = layout.documents(keys[starts])
        value_bytes, value_ends = _varint_values(layout.positions(keys), starts, counts,
                                                 ~self.exact[posting_terms])
        value_starts = np.concatenate(([0], value_ends[:-1]))
        postings = Postings(
            docnums=(local_docnums + self.first_docnum).astype(np.uint32),
            weights=(counts * self.boost).astype(np.float32),
            value_bytes=value_bytes, value_starts=value_starts, value_ends=value_ends,
            length_bytes=self.length_byte_of[local_docnums],
        )
        return postings, posting_terms, counts


def _inline_records(inline, terms: _TermStatistics, inlined: Postings):
    """The term-table values of the inlined terms (``inline``: bool by term;
    ``inlined``: their postings), see
    :func:`archive_search.index.bulk.block_pickles.inline_records`, and where
    each term's ends (uint64 by term; none for the other terms): (b"", None)
    where weights are not whole or docnums too large for that path."""
    counts = inlined.weights.astype(np.int64)
    if not inline.any() or (counts != inlined.weights).any() or inlined.docnums.max() >= 1 << 31:
        return b"", None
    chosen = np.flatnonzero(inline)
    info = np.empty(len(chosen), dtype=TERM_INFO)
    info["inlined"] = 1
    info["count"], info["min_length"], info["max_length"], info["first_id"], info["last_id"] = \
        terms.numbers[chosen].T
    info["weight"], info["max_weight"] = terms.totals[chosen].T
    sizes = terms.counts[chosen]
    records, ends = inline_records(info, inlined, np.cumsum(sizes) - sizes, sizes)
    record_sizes = np.zeros(len(inline), dtype=np.int64)
    record_sizes[chosen] = np.diff(np.concatenate(([0], ends)))
    return records, array("Q", np.cumsum(record_sizes).astype(np.uint64).tobytes())


def length_byte_by_docnum(lengths: array | None, documents: int):
    """By docnum (uint8, ``documents`` of them), the field length as Whoosh
    stores it (a byte), from the field's lengths (an ``array("I")`` by
    docnum; the documents after its end have none)."""
    out = np.zeros(documents, dtype=np.uint8)
    if lengths is None or not len(lengths):
        return out
    by_docnum = np.frombuffer(lengths, dtype=np.uint32)[:documents]
    found, where = np.unique(by_docnum, return_inverse=True)
    out[:len(by_docnum)] = np.array([length_to_byte(int(n)) for n in found], dtype=np.uint8)[where.reshape(-1)]
    return out


def _sorted_keys(words: FieldWords, rank):
    """Every term occurrence as (term rank, document, position) packed in one
    int64, sorted; and how they are packed. ``rank`` is int64 by term id."""
    word_ids = words.word_ids
    ids = np.frombuffer(words.ids, dtype=np.uint32)
    ends = np.frombuffer(words.ends, dtype=np.uint64).astype(np.int64)
    lengths = np.diff(np.concatenate(([0], ends)))
    docnums = np.frombuffer(words.docnums, dtype=np.uint32).astype(np.int64)
    layout = _Layout(int(lengths.max()).bit_length(), int(docnums.max()).bit_length())
    if layout.term_shift + len(rank).bit_length() > 63:
        raise IndexingFailed("too many articles, words or terms for one indexing process; use more --jobs")
    positions = np.arange(len(ids), dtype=np.int64) - np.repeat(ends - lengths, lengths)
    document_position = (np.repeat(docnums, lengths) << layout.position_bits) | positions
    del positions
    first_term = np.frombuffer(word_ids.first_term, dtype=np.uint32).astype(np.int64)
    term_count = np.frombuffer(word_ids.term_count, dtype=np.uint32)
    word_term_ids = np.frombuffer(word_ids.word_term_ids, dtype=np.uint32)
    counts = term_count[ids]
    keys = np.empty(int(counts.sum(dtype=np.int64)), dtype=np.int64)
    filled = 0
    # The first term of every word that has one, then the second, …
    for k in range(int(term_count.max(initial=0))):
        having = np.flatnonzero(counts > k)
        part = keys[filled:filled + len(having)]
        np.left_shift(rank[word_term_ids[first_term[ids[having]] + k]], layout.term_shift, out=part)
        part |= document_position[having]
        filled += len(having)
    del document_position, counts
    keys.sort()
    return keys, layout


def _varint_values(positions, starts, counts, with_positions):
    """Every posting's value as varints, one buffer: for postings
    ``with_positions`` (bool, by posting) the count then the position gaps,
    for the others the count. ``positions`` (int64) are those of every
    occurrence, posting after posting; ``starts`` and ``counts`` (int64, by
    posting) say which are whose. Returns the bytes (uint8) and where each
    posting's value ends (int64)."""
    gaps = positions.copy()
    gaps[1:] -= positions[:-1]
    gaps[starts] = positions[starts]  # a posting's first position is counted from 0
    del positions
    # Numbers a posting's value holds: the count, and its positions if kept.
    sizes = 1 + np.where(with_positions, counts, 0)
    value_first = np.cumsum(sizes) - sizes
    numbers = np.empty(int(sizes.sum()), dtype=np.int64)
    numbers[value_first] = counts
    kept = np.repeat(with_positions, counts)
    # occurrence i of a posting p goes to value_first[p] + 1 + (i - starts[p])
    slots = np.repeat(value_first + 1 - starts, counts) + np.arange(len(gaps))
    numbers[slots[kept]] = gaps[kept]
    del gaps, slots, kept
    # LEB128: seven bits a byte, low bits first, the high bit on all but the
    # last. Most numbers take one byte; the longer ones are few.
    byte_counts = np.searchsorted(np.array([1 << 7, 1 << 14, 1 << 21, 1 << 28, 1 << 35]), numbers, side="right") + 1
    byte_ends = np.cumsum(byte_counts)
    byte_starts = byte_ends - byte_counts
    data = np.empty(int(byte_ends[-1]) if len(byte_ends) else 0, dtype=np.uint8)
    data[byte_starts] = (numbers & 0x7F) | ((byte_counts > 1) << 7)
    longer = np.flatnonzero(byte_counts > 1)
    for k in range(1, int(byte_counts.max(initial=1))):
        longer = longer[byte_counts[longer] > k]
        data[byte_starts[longer] + k] = ((numbers[longer] >> (7 * k)) & 0x7F) | ((byte_counts[longer] > k + 1) << 7)
    value_ends = byte_ends[value_first + sizes - 1]
    return data, value_ends
