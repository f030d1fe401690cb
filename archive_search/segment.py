"""Writing a whole index segment at once, from documents inverted in memory.

Whoosh's writer sends every posting of every document through a sorted
temporary pool and then, one call per posting, through the codec: on the news
corpora that was over half of a rebuild. A rebuild knows all its documents
up front, so :class:`BulkWriter` does what search engines do instead: it
inverts documents in memory (:mod:`archive_search.inversion`), writes each
document's stored fields and lengths as they come, and when it commits writes
each term's postings at once (:mod:`archive_search.w3blocks`), joining the
parts inverted by other processes. Terms and posting values come from the
schema's own fields and formats, so they are exactly those Whoosh's writer
would make; the segment is an ordinary Whoosh 3 segment that Whoosh reads,
updates and merges as any other.
"""

from __future__ import annotations

import heapq
import os
import zlib
from itertools import chain, groupby
from operator import itemgetter
from pickle import dumps
from typing import Iterator, NamedTuple

from whoosh.codec.whoosh3 import W3PerDocWriter
from whoosh.columns import VarBytesColumn
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from archive_search.inversion import Inverter
from archive_search.w3blocks import EncodedField, TermTable


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


# Stored fields compress better at this level than at Whoosh's 3 (the work
# is done in the process that analysed the article). On 9,000 news articles:
# level 3 54 µs an article, 42.9 % of the pickled size; 4 57 µs, 41.9 %;
# 6 85 µs, 40.9 %.
_STORED_COMPRESSION = 4


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
    packed = zlib.compress(dumps(stored, 5), _STORED_COMPRESSION) if stored else b""
    return PreparedDocument(kept_lengths, columns, packed)


class BulkWriter(SegmentWriter):
    """A segment writer that inverts documents in memory and writes each
    term's postings at once when it commits.

    Documents come either whole (:meth:`add_documents`, inverted here) or,
    from worker processes, as prepared documents (:meth:`add_prepared`) plus
    their postings, encoded, streamed (:meth:`add_stream`) and numbered
    after the documents before them.
    """

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        if not isinstance(self.perdocwriter, W3PerDocWriter):
            raise TypeError("BulkWriter writes Whoosh 3 segments only")
        self._inverter = Inverter(self.schema)
        self._streams: list[Iterator[tuple[str, EncodedField | None]]] = []

    def add_documents(self, documents: list[dict]) -> None:
        """Add documents given as ``add_document`` keyword arguments."""
        if self._streams:
            raise ValueError("documents must come before postings from elsewhere")
        for fields in documents:
            self.add_prepared(prepare_stored(self.schema, fields, self._inverter.add(fields)))

    def add_stream(self, stream: Iterator[tuple[str, EncodedField | None]]) -> None:
        """Postings inverted and encoded elsewhere, for documents already given
        to :meth:`add_prepared` (after any given before), as
        :meth:`archive_search.inversion.Inverter.encoded` gives them for
        :func:`indexed_fields`. They are read as the segment is written."""
        self._streams.append(stream)

    def add_prepared(self, document: "PreparedDocument") -> None:
        """The next document's field lengths, columns and stored fields (see
        :func:`prepare_stored`)."""
        schema, perdoc = self.schema, self.perdocwriter
        docnum = self.docnum
        perdoc.start_doc(docnum)
        for name, length in document.lengths.items():
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
        for name in indexed_fields(self.schema):  # a field without terms is skipped
            sources = [self._inverter.parts(name)] + [_field_parts(stream, name) for stream in self._streams]
            terms = _by_term(sources)
            first = next(terms, None)
            if first is None:
                continue
            fieldwriter.start_field(name, self.schema[name])
            table = TermTable(fieldwriter, self.schema[name])
            for btext, parts in chain([first], terms):
                table.write(btext, parts)
            fieldwriter.finish_field()
        fieldwriter.close()

    def finish_segment(self):
        """Write the segment's files and return the segment (for
        :func:`archive_search.parallel.write_toc`), without touching the
        index's table of contents."""
        segment = self._finalize_segment()
        self._finish()
        return segment


def indexed_fields(schema) -> list[str]:
    """The fields a segment has postings for, in the order they are written."""
    return sorted(name for name, field in schema.items() if field.indexed)


def _field_parts(stream, name: str):
    """(term, part) of field ``name`` from a stream of encoded runs of terms."""
    for field, chunk in stream:
        if field != name:
            raise ValueError(f"postings of field {field!r} came where {name!r} was expected")
        if chunk is None:
            return
        yield from chunk


def _by_term(sources):
    """(term, [part, …]) from streams of (term, part) in term order, the
    parts in the order of their sources."""
    if len(sources) == 1:
        for btext, part in sources[0]:
            yield btext, [part]
        return
    for btext, group in groupby(heapq.merge(*sources, key=itemgetter(0)), key=itemgetter(0)):
        yield btext, [part for _, part in group]
