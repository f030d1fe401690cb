"""Writing a shard of a segment's columns (the layout is :mod:`.shard`'s), a run of terms at a time.

The terms of a field come in Whoosh's order, in runs (all the postings of
each term of a run at once); each run is appended to the field's part files
as it comes, so that a writer holds one run in memory. :meth:`ShardWriter.finish`
writes the hashes the terms are found by, packs the parts into the shard's
one ``arrays`` file and writes its ``meta.json``, last: a shard without it is
not one.
"""

from __future__ import annotations

import json
import os
import shutil
from array import array
from pathlib import Path

import numpy as np

from archive_search.errors import IndexingFailed
from archive_search.index.columns.shard import (
    ALIGN, ARRAYS, FIELDS, MAX_TF, META, NO_DATE, SCORED, WITH_POSITIONS, term_hash,
)

# Where the parts of a shard are written before they are packed.
_PARTS = ".parts"


class _FieldFiles:
    """The open files of one field, and what has been written to them."""

    def __init__(self, folder: Path, name: str):
        self.name = name
        self._folder = folder
        self._files: dict[str, object] = {}  # part name → open file
        self.hashes = array("I")  # by term, in Whoosh's order
        self.postings = 0
        self.term_bytes = 0
        self.records = 0  # position records
        self.value_bytes = 0

    def write(self, part: str, array) -> None:
        f = self._files.get(part)
        if f is None:
            f = self._files[part] = open(self._folder / self.part_name(part), "wb")
        f.write(np.ascontiguousarray(array).tobytes())

    def part_name(self, part: str) -> str:
        return f"{self.name}.{part}"

    def close(self) -> None:
        for f in self._files.values():
            f.close()


class ShardWriter:
    """A shard in ``folder`` (made if need be) for documents ``first_doc`` …
    ``first_doc + doc_count - 1`` of a segment."""

    def __init__(self, folder: Path, first_doc: int, doc_count: int):
        self.folder = Path(folder)
        self._parts = self.folder / _PARTS
        self._parts.mkdir(parents=True, exist_ok=True)
        self.first_doc, self.doc_count = first_doc, doc_count
        self._fields: dict[str, _FieldFiles] = {}

    def _field(self, name: str) -> _FieldFiles:
        files = self._fields.get(name)
        if files is None:
            files = self._fields[name] = _FieldFiles(self._parts, name)
            files.write("starts", np.zeros(1, dtype="<u8"))
            if name in WITH_POSITIONS:
                files.write("vbase", np.zeros(1, dtype="<u8"))
        return files

    def add_run(self, field: str, terms: list[bytes], counts, docs, tfs=None, values=None) -> None:
        """A run of a field's terms: their bytes (in Whoosh's order, after any
        given before), each one's number of postings (``counts``), and the
        postings term after term: ``docs`` (segment docnums), ``tfs`` (term
        counts, for the fields of :data:`SCORED`) and, for the fields of
        :data:`WITH_POSITIONS`, ``values``: (value bytes, value starts,
        value ends, has positions by term) as the bulk encoder has them."""
        if field not in FIELDS or not terms:
            return
        files = self._field(field)
        counts = np.asarray(counts, dtype=np.int64)
        files.write("terms", np.frombuffer(b"".join(terms), dtype=np.uint8))
        files.write("ends", files.term_bytes + np.cumsum([len(t) for t in terms], dtype=np.int64).astype("<u8"))
        files.term_bytes += sum(len(t) for t in terms)
        files.write("starts", (files.postings + np.cumsum(counts)).astype("<u8"))
        files.postings += int(counts.sum())
        files.write("docs", np.asarray(docs).astype("<u4"))
        if field in SCORED:
            files.write("tfs", np.minimum(np.asarray(tfs), MAX_TF).astype("<u2"))
        if field in WITH_POSITIONS:
            self._add_positions(files, counts, values)
        files.hashes.extend(map(term_hash, terms))

    def _add_positions(self, files: _FieldFiles, counts, values) -> None:
        value_bytes, value_starts, value_ends, with_positions = values
        kept = np.repeat(np.asarray(with_positions, dtype=bool), counts)
        starts, ends = np.asarray(value_starts)[kept], np.asarray(value_ends)[kept]
        sizes = ends - starts
        if files.value_bytes + int(sizes.sum()) >= 1 << 32:
            raise IndexingFailed("over 4 GiB of positions in one indexing process's share: use a lower --memory")
        files.write("voffsets", (files.value_bytes + np.cumsum(sizes) - sizes).astype("<u4"))
        gathered = np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(int(sizes.sum()))
        files.write("values", np.asarray(value_bytes)[gathered])
        files.value_bytes += int(sizes.sum())
        per_term = np.where(with_positions, counts, 0)
        files.write("vbase", (files.records + np.cumsum(per_term)).astype("<u8"))
        files.records += int(per_term.sum())

    def add_term(self, field: str, term: bytes, docs, tfs=None) -> None:
        """One term of a field without positions."""
        self.add_run(field, [term], [len(docs)], docs, tfs)

    def set_lengths(self, field: str, length_bytes) -> None:
        """The field's length byte of every document of the shard."""
        if field in SCORED:
            self._field(field).write("lengths", np.asarray(length_bytes, dtype=np.uint8))

    def set_dates(self, days) -> None:
        """Every document's date, as days since 1970-01-01 (:data:`NO_DATE` for none)."""
        with open(self._parts / "dates", "wb") as f:
            f.write(np.asarray(days, dtype="<i4").tobytes())

    def finish(self) -> None:
        """Write what finds the terms, pack the parts into one file, and write the shard's description."""
        fields = {}
        for name, files in self._fields.items():
            hashes = np.frombuffer(files.hashes, dtype=np.uint32)
            order = np.argsort(hashes, kind="stable").astype("<u4")
            files.write("hashes", hashes[order])
            files.write("order", order)
            files.close()
            fields[name] = {"terms": len(hashes), "postings": files.postings}
            if name in WITH_POSITIONS:
                fields[name]["offsets"] = "<u4"
        self._complete_missing()
        meta = {"first_doc": self.first_doc, "doc_count": self.doc_count, "fields": fields,
                "arrays": self._pack()}
        tmp = self.folder / f".{META}.tmp"
        tmp.write_text(json.dumps(meta), encoding="utf-8")
        os.replace(tmp, self.folder / META)

    def _pack(self) -> dict[str, list[int]]:
        """Copy the part files one after another (each at a multiple of
        :data:`ALIGN`) into the ``arrays`` file, and remove them: where each
        part is, [offset, bytes], by name. One file a shard is one map for a
        search to make (a map costs tens of microseconds, and a search at a
        million articles would make hundreds) and one size to check."""
        table, offset = {}, 0
        with open(self.folder / ARRAYS, "wb") as out:
            for part in sorted(self._parts.iterdir()):
                size = part.stat().st_size
                out.write(b"\0" * (-offset % ALIGN))
                offset += -offset % ALIGN
                with open(part, "rb") as source:
                    shutil.copyfileobj(source, out, 1 << 20)
                table[part.name] = [offset, size]
                offset += size
        shutil.rmtree(self._parts)
        return table

    def _complete_missing(self) -> None:
        """Parts a shard must have even when it holds no such data (empty arrays)."""
        if not (self._parts / "dates").exists():
            self.set_dates(np.full(self.doc_count, NO_DATE, dtype=np.int32))
        for name, files in self._fields.items():
            parts = ["docs", "terms", "ends"]
            if name in SCORED:
                parts += ["tfs", "lengths"]
            if name in WITH_POSITIONS:
                parts += ["voffsets", "values"]
            for part in parts:
                (self._parts / files.part_name(part)).touch()
