"""Posting lists of the Arabic text fields, made from word ids with numpy.

A rebuild reads each article's text as a list of word ids
(:class:`archive_search.analysis.WordIds`) and keeps only those, document
after document (:class:`FieldWords`). When the postings are wanted, every
(term, document, position) occurrence becomes one 64-bit number, all of them
are sorted at once, and, a run of terms at a time, the runs of equal terms
and documents give the postings; posting values (a count and position gaps
for a stem, the count alone for an exact form, as LEB128 varints: see
:mod:`archive_search.postings`), term statistics, inlined postings and blocks
(:mod:`archive_search.bulk_blocks`) are made for all of them together. This
does in C the per-word, per-posting Python work that was over a third of a
rebuild. The terms, weights and values are those of
:class:`archive_search.postings.ArabicPositions` (tested against Whoosh's own
writer).

numpy is imported by a rebuild only, when it writes its postings (and counts
the topic model's stems, see :class:`archive_search.topics.LabelledArticles`).
"""

from __future__ import annotations

from array import array
from typing import Iterator, NamedTuple

from whoosh.util.numeric import length_to_byte

from archive_search.analysis import EXACT_MARK, WordIds
from archive_search.bulk_blocks import TERM_INFO, inline_records, ranges, term_blocks
from archive_search.errors import IndexingFailed
from archive_search.w3blocks import INLINE_LIMIT, EncodedField

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

    def __init__(self, vocabulary: WordIds):
        self.vocabulary = vocabulary
        self.ids = array("I")  # word ids, document after document
        self.docnums = array("I")  # the documents, in order
        self.ends = array("Q")  # where each document's words end in ids

    def add(self, docnum: int, text: str) -> int:
        """Add a document's text; returns the field's length in it."""
        ids = self.vocabulary.ids(text)
        self.ids.extend(ids)
        self.docnums.append(docnum)
        self.ends.append(len(self.ids))
        return self.vocabulary.length(ids)


def encoded_field(words: FieldWords, boost: float, lengths: array | None, fixed_size: int | None,
                  first_docnum: int = 0) -> Iterator[EncodedField]:
    """Every term's postings, in the order of the terms' UTF-8 bytes (as
    Whoosh writes them), encoded as one part each (see
    :func:`archive_search.w3blocks.encode_part`, whose output this is),
    documents renumbered from ``first_docnum``; ``lengths`` are the field's
    lengths by docnum. The terms come in runs of about :data:`CHUNK`
    occurrences, each run encoded when it is asked for: a rebuild's parent
    writes one while the workers encode the next, and the arrays of one run
    at a time are in memory. ``words`` is emptied."""
    import numpy as np

    vocabulary = words.vocabulary
    terms = vocabulary.terms
    if not words.ids or not terms:
        return
    # Term ranks in Whoosh's order of terms.
    names = list(map(str.encode, terms))
    order = sorted(range(len(terms)), key=names.__getitem__)
    rank = np.empty(len(terms), dtype=np.int64)
    rank[order] = np.arange(len(terms), dtype=np.int64)
    run = _Run(
        names=[names[t] for t in order],
        exact=np.fromiter((terms[t].startswith(EXACT_MARK) for t in order), dtype=bool, count=len(order)),
        boost=boost,
        length_byte_of=_length_byte_by_docnum(np, lengths, words.docnums[-1] + 1),
        fixed_size=fixed_size,
        first_docnum=first_docnum,
    )
    del names, order

    keys, layout = _sorted_keys(np, words, rank)
    words.ids, words.docnums, words.ends = array("I"), array("I"), array("Q")
    start = 0
    while start < len(keys):
        end = min(start + CHUNK, len(keys))
        if end < len(keys):  # a run ends with a term
            end = int(np.searchsorted(keys, (layout.terms(keys[end - 1]) + 1) << layout.term_shift))
        yield run.encoded(np, keys[start:end], layout)
        start = end


class _Run(NamedTuple):
    """What encoding a run of terms needs besides its occurrences."""

    names: list[bytes]  # by term rank
    exact: object  # by term rank: an exact form (its postings have no positions)
    boost: float
    length_byte_of: object  # by docnum: the field length as Whoosh stores it (a byte)
    fixed_size: int | None
    first_docnum: int

    def encoded(self, np, keys, layout: _Layout) -> EncodedField:
        """The postings of the terms whose occurrences are ``keys`` (sorted; whole terms)."""
        # Postings: runs of one term in one document.
        term_document = layout.term_document(keys)
        starts = np.flatnonzero(np.concatenate(([True], term_document[1:] != term_document[:-1])))
        del term_document
        counts = np.diff(np.append(starts, len(keys)))
        posting_terms = layout.terms(keys[starts])
        local_docnums = layout.documents(keys[starts])
        value_bytes, value_ends = _varint_values(np, layout.positions(keys), starts, counts,
                                                 ~self.exact[posting_terms])
        del starts
        value_starts = np.concatenate(([0], value_ends[:-1]))
        docnums = (local_docnums + self.first_docnum).astype(np.uint32)
        weights = (counts * self.boost).astype(np.float32)
        length_bytes = self.length_byte_of[local_docnums]
        del counts, local_docnums

        # Each term's statistics, as encode_part gives them.
        term_starts = np.flatnonzero(np.concatenate(([True], posting_terms[1:] != posting_terms[:-1])))
        term_ends = np.append(term_starts[1:], len(posting_terms))
        term_counts = term_ends - term_starts
        numbers = np.column_stack([
            term_counts,
            np.minimum.reduceat(length_bytes, term_starts),
            np.maximum.reduceat(length_bytes, term_starts),
            docnums[term_starts],
            docnums[term_ends - 1],
        ]).astype(np.uint64)
        totals = np.column_stack([
            np.add.reduceat(weights.astype(np.float64), term_starts),
            np.maximum.reduceat(weights, term_starts),
        ]).astype(np.float64)
        names = list(map(self.names.__getitem__, posting_terms[term_starts].tolist()))

        # Terms of few postings keep them unencoded (inlined in the term
        # table); the others are encoded in blocks.
        inline = term_counts <= INLINE_LIMIT
        kept = np.repeat(inline, term_counts)
        inline_starts, inline_ends = value_starts[kept], value_ends[kept]
        records, record_ends = self._records(np, inline, term_counts, numbers, totals, docnums[kept],
                                             weights[kept], value_bytes, inline_starts, inline_ends)
        block_terms = np.flatnonzero(~inline)
        blobs = term_blocks(np, term_starts[block_terms], term_ends[block_terms], docnums, weights, value_bytes,
                            value_starts, value_ends, length_bytes, self.fixed_size)
        blob_sizes = np.zeros(len(term_starts), dtype=np.int64)
        blob_sizes[block_terms] = list(map(len, blobs))
        return EncodedField(
            names,
            array("Q", numbers.tobytes()),
            array("d", totals.tobytes()),
            array("I", docnums[kept].tobytes()),
            array("f", weights[kept].tobytes()),
            array("I", (inline_ends - inline_starts).astype(np.uint32).tobytes()),
            value_bytes[ranges(np, inline_starts, inline_ends)].tobytes(),
            array("Q", np.cumsum(blob_sizes).astype(np.uint64).tobytes()),
            b"".join(blobs),
            records,
            record_ends,
        )

    def _records(self, np, inline, term_counts, numbers, totals, ids, weights, value_bytes, value_starts,
                 value_ends):
        """The term-table values of the inlined terms (see
        :func:`archive_search.bulk_blocks.inline_records`), and where each
        term's ends (none for the others)."""
        counts = weights.astype(np.int64)
        if not inline.any() or (counts != weights).any() or ids.max() >= 1 << 31:
            return b"", None
        terms = np.flatnonzero(inline)
        info = np.empty(len(terms), dtype=TERM_INFO)
        info["inlined"] = 1
        info["count"], info["min_length"], info["max_length"], info["first_id"], info["last_id"] = \
            numbers[terms].T
        info["weight"], info["max_weight"] = totals[terms].T
        sizes = term_counts[terms]
        records, ends = inline_records(np, info, ids.astype(np.int64), counts, value_bytes, value_starts,
                                       value_ends, np.cumsum(sizes) - sizes, sizes)
        record_sizes = np.zeros(len(inline), dtype=np.int64)
        record_sizes[terms] = np.diff(np.concatenate(([0], ends)))
        return records, array("Q", np.cumsum(record_sizes).astype(np.uint64).tobytes())


def _length_byte_by_docnum(np, lengths: array | None, documents: int):
    """By docnum, the field length as Whoosh stores it (a byte)."""
    if lengths is None:
        return np.zeros(documents, dtype=np.uint8)
    by_docnum = np.frombuffer(lengths, dtype=np.uint32)
    found, where = np.unique(by_docnum, return_inverse=True)
    return np.array([length_to_byte(int(n)) for n in found], dtype=np.uint8)[where.reshape(-1)]


def _sorted_keys(np, words: FieldWords, rank):
    """Every term occurrence as (term rank, document, position) packed in one
    int64, sorted; and how they are packed."""
    vocabulary = words.vocabulary
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
    first_term = np.frombuffer(vocabulary.first_term, dtype=np.uint32).astype(np.int64)
    term_count = np.frombuffer(vocabulary.term_count, dtype=np.uint32)
    word_term_ids = np.frombuffer(vocabulary.word_term_ids, dtype=np.uint32)
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


def _varint_values(np, positions, starts, counts, with_positions):
    """Every posting's value as varints, one buffer: for postings
    ``with_positions`` the count then the position gaps, for the others the
    count. ``positions`` are those of every occurrence, posting after
    posting. Returns the bytes and where each posting's value ends."""
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
