"""Writing one whole Whoosh 3 segment at once, from documents inverted in memory.

A rebuild knows all its documents up front, so instead of Whoosh's writer
(a sorted temporary pool, then one codec call per posting) the segment is
written as search engines write theirs: documents are inverted in memory
(:mod:`archive_search.index.bulk.inversion`), each document's stored fields
and lengths are written as it comes, and at the end each term's postings at
once (:mod:`archive_search.index.bulk.w3_postings`), joining the parts
inverted by other processes. Terms and posting values come from the schema's
own fields and formats, so they are exactly those Whoosh's writer would
make; the segment is an ordinary Whoosh 3 segment that Whoosh reads, updates
and merges as any other. Only Whoosh's public codec API is used here, and
:mod:`archive_search.index._whoosh` for the stored bytes.
"""

from __future__ import annotations

import heapq
import os
import zlib
from pathlib import Path
from itertools import chain, groupby
from operator import itemgetter
from pickle import dumps
from typing import Iterator, NamedTuple

from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage

from archive_search.index._whoosh import add_stored_bytes
from archive_search.index.bulk.inversion import Inverter
from archive_search.index.bulk.w3_postings import EncodedField, TermTable
from archive_search.index.columns.writer import ShardWriter


class ProcessStorage(FileStorage):
    """A file storage whose temporary folders belong to this process.

    Whoosh names a writer's temporary folder after the index alone
    (``MAIN.tmp``); writers of one index in parallel processes would share
    it and delete it under each other.
    """

    def temp_storage(self, name=None):
        return super().temp_storage(f"{name or 'tmp'}.{os.getpid()}")


class PreparedDocument(NamedTuple):
    """What the segment stores of a document besides its postings."""

    lengths: dict[str, int]  # of the scorable fields it has
    columns: dict[str, object]  # column values (the date, for sorting)
    stored: bytes  # its stored fields, pickled and compressed


# zlib level of the stored fields (Whoosh's is 3). On 9,000 news articles:
# level 3 54 µs an article, 42.9 % of the pickled size; 4 57 µs, 41.9 %;
# 6 85 µs, 40.9 %. The work is done in the process that analysed the article.
_STORED_COMPRESSION = 4


def prepare_stored(schema, fields: dict, lengths: dict[str, int]) -> PreparedDocument:
    """The lengths, column values and stored fields of a document, as
    Whoosh's ``add_document`` would store them, ready for
    :meth:`SegmentWriter.add_prepared` (in another process if need be)."""
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


def indexed_fields(schema) -> list[str]:
    """The fields a segment has postings for, in the order they are written."""
    return sorted(name for name, field in schema.items() if field.indexed)


class SegmentWriter:
    """One new segment of an index, written at once.

    Documents come either whole (:meth:`add_documents`, inverted here) or,
    from worker processes, as prepared documents (:meth:`add_prepared`) plus
    their postings, encoded and streamed (:meth:`add_stream`), numbered
    after the documents before them. :meth:`finish` writes the segment's
    files and returns the segment, for the index's table of contents.
    """

    def __init__(self, storage: FileStorage, indexname: str, schema, columns: Path | None = None):
        codec = W3Codec()
        self.columns = columns  # where the segments' columns go (see archive_search.index.columns)
        self.schema = schema
        self._storage = storage
        self._indexname = indexname
        self.segment = codec.new_segment(storage, indexname)
        self._perdoc = codec.per_document_writer(storage, self.segment)
        self._fields = codec.field_writer(storage, self.segment)
        self._inverter = Inverter(schema)
        self._streams: list[Iterator[tuple[str, EncodedField | None]]] = []
        self.docnum = 0
        self.is_closed = False

    def words(self) -> int:
        """How many words of the Arabic text fields the documents inverted here hold."""
        return self._inverter.word_count()

    def add_documents(self, documents: list[dict]) -> None:
        """Add documents given as ``add_document`` keyword arguments."""
        if self._streams:
            raise ValueError("documents must come before postings from elsewhere")
        for fields in documents:
            self.add_prepared(prepare_stored(self.schema, fields, self._inverter.add(fields)))

    def add_stream(self, stream: Iterator[tuple[str, EncodedField | None]]) -> None:
        """Postings inverted and encoded elsewhere, for documents already given
        to :meth:`add_prepared` (after any given before), as
        :meth:`archive_search.index.bulk.inversion.Inverter.encoded` gives them
        for :func:`indexed_fields`. They are read as the segment is written."""
        self._streams.append(stream)

    def add_prepared(self, document: PreparedDocument) -> None:
        """The next document's field lengths, columns and stored fields (see
        :func:`prepare_stored`)."""
        schema, perdoc = self.schema, self._perdoc
        perdoc.start_doc(self.docnum)
        for name, length in document.lengths.items():
            perdoc.add_field(name, schema[name], None, length)
        for name, value in document.columns.items():
            perdoc.add_column_value(name, schema[name].column_type, value)
        add_stored_bytes(perdoc, self.docnum, document.stored)
        perdoc.finish_doc()
        self.docnum += 1

    def shard_folder(self, number: int) -> Path | None:
        """Where shard ``number`` of this segment's columns goes (None: no columns)."""
        return self.columns / self.segment.segment_id() / str(number) if self.columns is not None else None

    def finish(self):
        """Write the postings and close the segment's files; returns the segment."""
        self._perdoc.close()
        own = self._inverter.doc_count
        shard = ShardWriter(self.shard_folder(0), 0, own) if own and self.columns is not None else None
        for name in indexed_fields(self.schema):
            self._write_field(name, shard)
        if shard is not None:
            self._inverter.finish_shard(shard)
        self._fields.close()
        segment = self.segment
        segment.set_doc_count(self.docnum)
        if segment.should_assemble():
            segment.create_compound_file(self._storage)
            segment.compound = True
        self._close()
        return segment

    def _write_field(self, name: str, shard: ShardWriter | None) -> None:
        """One field's terms, every source's parts joined; nothing for a field
        without terms. The columns of the documents inverted here go to ``shard``."""
        sources = [self._inverter.parts(name, 0, shard)] + [_field_parts(stream, name) for stream in self._streams]
        terms = _by_term(sources)
        first = next(terms, None)
        if first is None:
            return
        self._fields.start_field(name, self.schema[name])
        table = TermTable(self._fields, self.schema[name])
        for btext, parts in chain([first], terms):
            table.write(btext, parts)
        self._fields.finish_field()

    def cancel(self) -> None:
        """Close without finishing (the segment's files are left to the caller)."""
        if self.is_closed:
            return
        for writer in (self._perdoc, self._fields):
            if not writer.is_closed:
                writer.close()
        self._close()

    def _close(self) -> None:
        # the per-document writer's column files live in this temporary folder
        self._storage.temp_storage(f"{self._indexname}.tmp").destroy()
        self.is_closed = True


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
