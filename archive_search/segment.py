"""Writing a whole index segment at once, from documents inverted in memory.

Whoosh's writer sends every posting of every document through a sorted
temporary pool and then, one call per posting, through the codec: on the news
corpora that was over half of a rebuild. A rebuild knows all its documents
up front, so :class:`BulkWriter` does what search engines do instead: it
inverts documents into per-term lists in memory (writing stored fields and
lengths per document as Whoosh does) and, when it commits, writes each term's
postings at once through :class:`TermWriter`. Terms and
posting values come from the schema's own fields and formats, so they are
exactly those Whoosh's writer would make.

The segment is an ordinary Whoosh 3 segment; Whoosh reads, updates and
merges it as any other. What differs is how compactly the blocks are
written: pickle protocol 5 (raw bytes for posting values, where Whoosh's
protocol 2 spends a ``codecs.encode`` call on each), term counts as one byte
each, and terms found in few documents stored inline in the term table.
"""

from __future__ import annotations

import heapq
import os
import struct
import zlib
from array import array
from itertools import repeat
from operator import itemgetter, sub
from typing import NamedTuple
from pickle import dumps

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3PerDocWriter
from whoosh.columns import VarBytesColumn
from whoosh.filedb.filestore import FileStorage
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from archive_search.inversion import Inverter, TermRuns

# Terms with at most this many postings go in the term table instead of a
# block of their own in the postings file (most of the vocabulary is rare).
INLINE_LIMIT = 4


# W3TermInfo's layout: flags, total weight, document frequency, min and max
# field length (as length bytes), max weight, first and last docnum; then the
# inlined postings, or the offset and size of the term's postings.
_TERM_INFO = struct.Struct("!BfIBBfII")
# Blocks smaller than this are not worth a zlib call.
_COMPRESS_FROM = 64
# Pickle protocols: Whoosh writes protocol 2, which spends a codecs.encode
# call on every bytes value; its reader unpickles any. Protocol 3 writes the
# small tuples of inlined postings most compactly, 5 whole blocks (its
# one-byte memo entries pay off there).
_INLINE_PROTOCOL = 3
_BLOCK_PROTOCOL = 5
# The record header of Whoosh's hash files: key and value lengths.
_RECORD_LENGTHS = struct.Struct("!ii")


def _small_weights(weights: array) -> tuple:
    """Inlined weights as ints where they are whole (two bytes pickled, not nine)."""
    if all(map(float.is_integer, weights)):
        return tuple(map(int, weights))
    return tuple(weights)


class TermWriter:
    """Writes terms' postings in Whoosh 3's format, a whole term at a time.

    Whoosh's W3PostingsWriter takes one posting per call and keeps running
    statistics; given all of a term's postings at once, the same blocks and
    term info come from a few calls on whole arrays. File offsets are counted
    here rather than asked of the file (``tell`` is a system call, and was a
    quarter of the time), and each term's blocks go out in one write.
    """

    def __init__(self, fieldwriter, codec, fieldobj, lengths: array | None):
        self._postfile = fieldwriter._postfile
        self._offset = self._postfile.tell()
        self._add_term = _term_table_adder(fieldwriter._tindex)
        self._prefix = pack_ushort(fieldwriter._fieldid)
        self._blocklimit = codec._blocklimit
        self._compression = codec._compression
        self._fixed_size = fieldobj.format.fixed_value_size()
        self._lengths = lengths

    def write(self, btext: bytes, ids: array, weights: array, values: list) -> None:
        count = len(ids)
        length_bytes = self._length_bytes(ids)
        head = (sum(weights), count, *length_bytes, max(weights), ids[0], ids[-1])
        if count <= INLINE_LIMIT:
            info = _TERM_INFO.pack(1, *head) + dumps((tuple(ids), _small_weights(weights),
                                                      self._values(values, inline=True)), _INLINE_PROTOCOL)
        else:
            limit = self._blocklimit
            if count <= limit:
                blocks = [self._block(ids, weights, values, True, length_bytes)]
            else:
                blocks = [self._block(ids[first:first + limit], weights[first:first + limit],
                                      values[first:first + limit], first + limit >= count,
                                      self._length_bytes(ids[first:first + limit]))
                          for first in range(0, count, limit)]
            data = b"".join([WHOOSH3_HEADER_MAGIC, *blocks])
            self._postfile.write(data)
            info = _TERM_INFO.pack(0, *head) + pack_long(self._offset) + pack_int(len(data))
            self._offset += len(data)
        self._add_term(self._prefix + btext, info)

    def _length_bytes(self, ids) -> tuple[int, int]:
        if self._lengths is None:
            return 0, 0
        lengths = list(map(self._lengths.__getitem__, ids))
        return length_to_byte(min(lengths)), length_to_byte(max(lengths))

    def _values(self, values: list, inline: bool = False):
        # Inlined postings are read as they are, so they list every value
        # (None where the format has none, as the block reader gives it);
        # a block packs fixed-size values together and stores no empty ones.
        if self._fixed_size == 0:
            return (None,) * len(values) if inline else None
        if inline or self._fixed_size is None or self._fixed_size < 0:
            return tuple(values)
        return b"".join(values)

    def _block(self, ids: array, weights: array, values: list, last: bool,
               length_bytes: tuple[int, int]) -> bytes:
        # As W3PostingsWriter._write_block: ids as gaps, weights minified,
        # then the block's statistics ahead of its data.
        first = weights[0]
        if weights.count(first) == len(weights):
            mini_weights = None if first == 1.0 else first
        elif 0 < min(weights) and max(weights) < 256 and all(map(float.is_integer, weights)):
            # The reader only indexes the weights, so bytes serve as small counts.
            mini_weights = bytes(map(int, weights))
        else:
            mini_weights = tuple(weights)
        data = dumps(((ids[0], *map(sub, ids[1:], ids[:-1])), mini_weights, self._values(values)), _BLOCK_PROTOCOL)
        compression = self._compression if len(data) >= _COMPRESS_FROM else 0
        if compression:
            data = zlib.compress(data, compression)
        info = dumps((len(ids), ids[-1], max(weights), compression, *length_bytes), _BLOCK_PROTOCOL)
        size = len(info) + len(data)
        return b"".join([pack_int(-size if last else size), info, data])


def _term_table_adder(tindex):
    """``tindex.add`` for keys that come in order, counting file offsets itself.

    The same records and hash buckets as Whoosh's OrderedHashWriter.add,
    without its two ``tell`` system calls, three writes and order check per term.
    """
    dbfile, index, buckets, hashfn = tindex.dbfile, tindex.index, tindex.buckets, tindex.hashfn
    position = [dbfile.tell()]

    def add(key: bytes, value: bytes) -> None:
        pos = position[0]
        index.append(pos)
        record = _RECORD_LENGTHS.pack(len(key), len(value)) + key + value
        dbfile.write(record)
        h = hashfn(key)
        buckets[h & 255].append((h, pos))
        position[0] = pos + len(record)
        tindex.lastkey = key

    return add


class ProcessStorage(FileStorage):
    """A file storage whose temporary folders belong to this process.

    Whoosh names a writer's temporary folder after the index alone
    (``MAIN.tmp``); writers of one index in parallel processes would share
    it and delete it under each other.
    """

    def temp_storage(self, name=None):
        return super().temp_storage(f"{name or 'tmp'}.{os.getpid()}")


def open_for_writing(ix):
    """The index ``ix`` opened again through a :class:`ProcessStorage`."""
    return ProcessStorage(ix.storage.folder).open_index(ix.indexname)


class PreparedDocument(NamedTuple):
    """What the segment stores of a document besides its postings."""

    lengths: dict[str, int]  # of the scorable fields it has
    columns: dict[str, object]  # column values (the date, for sorting)
    stored: bytes  # its stored fields, pickled and compressed


# Stored fields compress better together at this level than at Whoosh's 3
# (the work is done in the process that analysed the article).
_STORED_COMPRESSION = 6


def prepare_stored(schema, fields: dict, lengths: dict[str, int]) -> PreparedDocument:
    """The lengths, column values and stored fields of a document, as
    ``SegmentWriter.add_document`` would store them, ready for
    :meth:`BulkWriter.add_prepared` (in another process if need be)."""
    stored, columns, kept_lengths = {}, {}, {}
    for name in sorted(n for n in fields if not n.startswith("_")):
        value = fields[name]
        if value is None:
            continue
        field = schema[name]
        if field.scorable and lengths.get(name):
            kept_lengths[name] = lengths[name]
        custom = fields.get(f"_stored_{name}", value)
        if field.stored and custom is not None:
            stored[name] = custom
        if field.column_type and custom is not None:
            columns[name] = field.to_column_value(custom)
    # Whoosh pickles stored fields with protocol 2; its reader takes any.
    packed = zlib.compress(dumps(stored, _BLOCK_PROTOCOL), _STORED_COMPRESSION) if stored else b""
    return PreparedDocument(kept_lengths, columns, packed)


class BulkWriter(SegmentWriter):
    """A segment writer that inverts documents in memory and writes each
    term's postings at once when it commits.

    Documents come either whole (:meth:`add_documents`, inverted here) or,
    from worker processes, as prepared documents (:meth:`add_prepared`) plus their
    postings packed in :class:`~archive_search.inversion.TermRuns`
    (:meth:`add_runs`), numbered after the documents before them.
    """

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        if not isinstance(self.perdocwriter, W3PerDocWriter):
            raise TypeError("BulkWriter writes Whoosh 3 segments only")
        self._inverter = Inverter(self.schema)
        self._runs: list[dict[str, TermRuns]] = []
        # field name → length of the field in each document, for block statistics
        self._field_lengths: dict[str, array] = {}

    def add_documents(self, documents: list[dict]) -> None:
        """Add documents given as ``add_document`` keyword arguments."""
        if self._runs:
            raise ValueError("documents must come before postings from elsewhere")
        for fields in documents:
            self.add_prepared(prepare_stored(self.schema, fields, self._inverter.add(fields)))

    def add_runs(self, runs: dict[str, TermRuns]) -> None:
        """Postings inverted elsewhere, for documents already given to :meth:`add_prepared`."""
        self._runs.append(runs)

    def add_prepared(self, document: "PreparedDocument") -> None:
        """The next document's field lengths, columns and stored fields (see
        :func:`prepare_stored`)."""
        schema, perdoc = self.schema, self.perdocwriter
        docnum = self.docnum
        perdoc.start_doc(docnum)
        for name, length in document.lengths.items():
            column = self._field_lengths.get(name)
            if column is None:
                column = self._field_lengths[name] = array("I")
            if len(column) < docnum:
                column.extend(repeat(0, docnum - len(column)))
            column.append(length)
            perdoc.add_field(name, schema[name], None, length)
        for name, value in document.columns.items():
            perdoc.add_column_value(name, schema[name].column_type, value)
        # Straight into the stored column's byte store: the value arrives
        # pickled and compressed (PickleColumn over CompressedBytesColumn).
        stored_bytes = perdoc._colwriters["_stored"]._child
        VarBytesColumn.Writer.add(stored_bytes, docnum, document.stored)
        perdoc.finish_doc()
        self.docnum += 1
        self._added = True

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        fieldwriter = self.fieldwriter
        names = set(self._inverter.postings).union(*self._runs)
        for name in sorted(names):
            field = self.schema[name]
            fieldwriter.start_field(name, field)
            terms = TermWriter(fieldwriter, self.codec, field, self._field_lengths.get(name))
            sources = [self._inverter.terms(name)] + [runs.pop(name) for runs in self._runs if name in runs]
            for btext, ids, weights, values in _merged(sources):
                terms.write(btext, ids, weights, values)
            fieldwriter.finish_field()
        fieldwriter.close()

    def finish_segment(self):
        """Write the segment's files and return the segment (for
        :func:`archive_search.parallel.write_toc`), without touching the
        index's table of contents."""
        segment = self._finalize_segment()
        self._finish()
        return segment


def _merged(sources):
    """One stream of (term, docnums, weights, values) from streams in term
    order whose documents come one source after another."""
    if len(sources) == 1:
        yield from sources[0]
        return
    current = None
    for btext, ids, weights, values in heapq.merge(*sources, key=itemgetter(0)):
        if current is not None and current[0] == btext:
            current[1].extend(ids)
            current[2].extend(weights)
            current[3].extend(values)
            continue
        if current is not None:
            yield current
        current = (btext, array("I", ids), array("f", weights), list(values))
    if current is not None:
        yield current
