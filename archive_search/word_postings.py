"""Posting lists of the Arabic text fields, made from word ids with numpy.

A rebuild reads each article's text as a list of word ids
(:class:`archive_search.analysis.WordIds`) and keeps only those, document
after document (:class:`FieldWords`). When the postings are wanted, every
(term, document, position) occurrence becomes one 64-bit number, all of them
are sorted at once, and the runs of equal terms and documents give the
postings; posting values (a count and position gaps for a stem, the count
alone for an exact form, as LEB128 varints: see
:mod:`archive_search.postings`) are encoded for all postings together. This
does in C the per-word, per-posting Python work that was over a third of a
rebuild. The terms, weights and values are those of
:class:`archive_search.postings.ArabicPositions` (tested against Whoosh's own
writer).

numpy is imported only here, only when a rebuild writes its postings.
"""

from __future__ import annotations

from array import array
from typing import Iterator, NamedTuple

from archive_search.analysis import EXACT_MARK, WordIds
from archive_search.errors import IndexingFailed

# Postings turned into Python objects at a time (bounds the memory that takes).
_CHUNK = 1 << 14


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


def postings(words: FieldWords, boost: float) -> Iterator[tuple[str, array, array, list[bytes]]]:
    """(term, docnums, weights, values) of every term, in the order of the
    terms' UTF-8 bytes (as Whoosh writes them); ``words`` is emptied."""
    import numpy as np

    vocabulary = words.vocabulary
    terms = vocabulary.terms
    if not words.ids or not terms:
        return
    # Term ranks in Whoosh's order of terms.
    order = sorted(range(len(terms)), key=lambda t: terms[t].encode("utf-8"))
    rank = np.empty(len(terms), dtype=np.int64)
    rank[order] = np.arange(len(terms), dtype=np.int64)
    sorted_terms = [terms[t] for t in order]
    exact = np.fromiter((t.startswith(EXACT_MARK) for t in sorted_terms), dtype=bool, count=len(sorted_terms))

    keys, layout = _sorted_keys(np, words, rank)
    words.ids, words.docnums, words.ends = array("I"), array("I"), array("Q")

    # Postings: runs of one term in one document.
    term_document = layout.term_document(keys)
    starts = np.flatnonzero(np.concatenate(([True], term_document[1:] != term_document[:-1])))
    del term_document
    counts = np.diff(np.append(starts, len(keys)))
    posting_terms = layout.terms(keys[starts])
    docnums = layout.documents(keys[starts]).astype(np.uint32)
    weights = (counts * boost).astype(np.float32)
    value_bytes, value_ends = _values(np, layout.positions(keys), starts, counts, ~exact[posting_terms])
    del keys
    value_starts = np.concatenate(([0], value_ends[:-1]))
    value_data = value_bytes.tobytes()
    del value_bytes

    # Each term's postings, turned into Python objects a chunk at a time.
    term_starts = np.flatnonzero(np.concatenate(([True], posting_terms[1:] != posting_terms[:-1])))
    term_ranks = posting_terms[term_starts].tolist()
    term_ends = np.append(term_starts[1:], len(posting_terms)).tolist()
    term_starts = term_starts.tolist()
    chunk_start = chunk_end = 0
    for term_rank, first, end in zip(term_ranks, term_starts, term_ends):
        if end > chunk_end:
            chunk_start, chunk_end = first, max(end, first + _CHUNK)
            chunk_docnums = docnums[chunk_start:chunk_end].tobytes()
            chunk_weights = weights[chunk_start:chunk_end].tobytes()
            chunk_value_starts = value_starts[chunk_start:chunk_end].tolist()
            chunk_value_ends = value_ends[chunk_start:chunk_end].tolist()
        a, b = first - chunk_start, end - chunk_start
        ids = array("I")
        ids.frombytes(chunk_docnums[4 * a:4 * b])
        term_weights = array("f")
        term_weights.frombytes(chunk_weights[4 * a:4 * b])
        values = list(map(value_data.__getitem__, map(slice, chunk_value_starts[a:b], chunk_value_ends[a:b])))
        yield sorted_terms[term_rank], ids, term_weights, values


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
    parts = []
    # The first term of every word that has one, then the second, …
    for k in range(int(term_count.max(initial=0))):
        having = counts > k
        term_ids = word_term_ids[first_term[ids[having]] + k]
        parts.append((rank[term_ids] << layout.term_shift) | document_position[having])
    keys = np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)
    keys.sort()
    return keys, layout


def _values(np, positions, starts, counts, with_positions):
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
    # LEB128: seven bits a byte, low bits first, the high bit on all but the last.
    byte_counts = np.ones(len(numbers), dtype=np.int64)
    for bits in (7, 14, 21, 28, 35):
        byte_counts += numbers >= (1 << bits)
    byte_ends = np.cumsum(byte_counts)
    byte_starts = byte_ends - byte_counts
    data = np.empty(int(byte_ends[-1]) if len(byte_ends) else 0, dtype=np.uint8)
    for k in range(int(byte_counts.max(initial=0))):
        having = byte_counts > k
        chunk = (numbers[having] >> (7 * k)) & 0x7F
        chunk |= np.where(byte_counts[having] > k + 1, 0x80, 0)
        data[byte_starts[having] + k] = chunk
    value_ends = byte_ends[value_first + sizes - 1]
    return data, value_ends
