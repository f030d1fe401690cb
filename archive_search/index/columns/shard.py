"""A shard of a segment's columns: its layout on disk, and reading it through memory maps.

A shard covers the segment's documents ``first_doc`` … ``first_doc +
doc_count - 1`` and lives in a folder of two files: ``arrays``, raw
little-endian arrays one after another (each at a multiple of
:data:`ALIGN`), mapped into memory as a whole, and ``meta.json``, which says
where each array is. For each field of :data:`FIELDS`, with T terms and P
postings, the arrays are:

* ``<field>.terms`` (uint8) the terms' UTF-8 bytes, in Whoosh's order of
  terms, one after another; ``<field>.ends`` (uint64, T) where each ends;
* ``<field>.hashes`` (uint32, T) the terms' CRC-32 in ascending order and
  ``<field>.order`` (uint32, T) the term each belongs to, to find a term;
* ``<field>.starts`` (uint64, T + 1) where each term's postings start;
* ``<field>.docs`` (uint32, P) the postings' documents (segment docnums,
  ascending within a term); for the fields of :data:`SCORED`,
  ``<field>.tfs`` (uint16, P) their term counts (65,535 at most) and
  ``<field>.lengths`` (uint8, doc_count) each document's field length as
  Whoosh stores it (a length byte);
* for the fields of :data:`WITH_POSITIONS`, the positions of the terms that
  are stems (not exact forms): ``<field>.vbase`` (uint64, T + 1) where each
  term's position records start in ``<field>.voffsets`` (uint32), which
  point into ``<field>.values`` (uint8): the posting's value as Whoosh
  stores it, LEB128 count then position gaps;

and ``dates`` (int32, doc_count): days since 1970-01-01, :data:`NO_DATE` for none.
"""

from __future__ import annotations

import json
import zlib
from functools import cached_property
from pathlib import Path

# The fields that have columns: the text fields searches score, and the
# fields filters and facets read.
FIELDS = ("body", "source", "speaker_keys", "speaker_words", "speakers", "title", "topic")
SCORED = ("body", "speaker_words", "title")
WITH_POSITIONS = ("body",)
NO_DATE = -(2 ** 31)
MAX_TF = 65_535
META = "meta.json"
ARRAYS = "arrays"
# Where each array starts in ``arrays``: a multiple of every item size.
ALIGN = 64


def term_hash(term: bytes) -> int:
    """The hash a term is found by (CRC-32 of its UTF-8 bytes)."""
    return zlib.crc32(term)


def hashes_of(terms: list[bytes]):
    """The terms' hashes as a uint32 array (numpy is imported here)."""
    import numpy as np

    return np.fromiter((term_hash(t) for t in terms), dtype=np.uint32, count=len(terms))


class Shard:
    """One shard, its arrays opened on first use."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        meta = json.loads((self.folder / META).read_text(encoding="utf-8"))
        self.first_doc: int = meta["first_doc"]
        self.doc_count: int = meta["doc_count"]
        self.fields: dict[str, dict] = meta["fields"]
        self._places: dict[str, list[int]] = meta["arrays"]  # name → [offset, bytes]
        self._map = None
        self._arrays: dict[str, object] = {}
        self._term_texts: dict[str, dict[int, str]] = {}

    def array(self, name: str, dtype: str):
        """The raw array ``name`` of the shard, a view of the mapped ``arrays`` file.

        Plain ndarrays over one ``mmap``: ``numpy.memmap`` costs a tenth of a
        millisecond to open and a Python call at each indexing, and a search
        reads hundreds of these arrays and indexes them thousands of times.
        """
        found = self._arrays.get(name)
        if found is None:
            import numpy as np

            offset, size = self._places[name]
            if size:
                itemsize = np.dtype(dtype).itemsize
                found = np.frombuffer(self._mapped(), dtype=dtype, count=size // itemsize, offset=offset)
            else:
                found = np.zeros(0, dtype=dtype)
            self._arrays[name] = found
        return found

    def _mapped(self):
        if self._map is None:
            import mmap

            with open(self.folder / ARRAYS, "rb") as file:
                # the map outlives the file object: the arrays hold it
                self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        return self._map

    def find(self, field: str, terms: list[bytes], hashed=None) -> list[int | None]:
        """Each term's number in the field, or None where the shard does not have it.

        The hashes are searched for all the terms at once; only the few whose
        hash the shard has are compared byte for byte (a query's spelling
        asks for hundreds of candidate terms, most of them in no shard).
        ``hashed`` is the terms' :func:`hashes`, if the caller has them.
        """
        if field not in self.fields or not terms:
            return [None] * len(terms)
        import numpy as np

        hashes, order = self.array(f"{field}.hashes", "<u4"), self.array(f"{field}.order", "<u4")
        if not len(hashes):
            return [None] * len(terms)
        wanted = hashed if hashed is not None else hashes_of(terms)
        at = np.searchsorted(hashes, wanted)
        hit = hashes[np.minimum(at, len(hashes) - 1)] == wanted
        found: list[int | None] = [None] * len(terms)
        for k in np.flatnonzero(hit).tolist():
            i, hashed = int(at[k]), int(wanted[k])
            while i < len(hashes) and hashes[i] == hashed:  # equal hashes: compare the terms
                candidate = int(order[i])
                if self.term(field, candidate) == terms[k]:
                    found[k] = candidate
                    break
                i += 1
        return found

    def postings_count(self, field: str, numbers: list[int | None]) -> list[int]:
        """How many postings (documents) each term number has in the shard; 0 for None."""
        if field not in self.fields:
            return [0] * len(numbers)
        starts = self.array(f"{field}.starts", "<u8")
        return [int(starts[n + 1]) - int(starts[n]) if n is not None else 0 for n in numbers]

    def term_text(self, field: str, number: int) -> str:
        """A term of the field as text, decoded once a shard (for the small
        fields facets count, whose terms are asked for by every search)."""
        texts = self._term_texts.setdefault(field, {})
        found = texts.get(number)
        if found is None:
            found = texts[number] = self.term(field, number).decode("utf-8")
        return found

    def term(self, field: str, number: int) -> bytes:
        ends = self.array(f"{field}.ends", "<u8")
        start = int(ends[number - 1]) if number else 0
        return self.array(f"{field}.terms", "u1")[start:int(ends[number])].tobytes()

    def span(self, field: str, number: int) -> tuple[int, int]:
        """Where a term's postings are in the field's ``docs`` (and ``tfs``)."""
        starts = self.array(f"{field}.starts", "<u8")
        return int(starts[number]), int(starts[number + 1])

    def docs(self, field: str):
        return self.array(f"{field}.docs", "<u4")

    def tfs(self, field: str):
        return self.array(f"{field}.tfs", "<u2")

    def lengths(self, field: str):
        return self.array(f"{field}.lengths", "u1")

    @cached_property
    def dates(self):
        return self.array("dates", "<i4")

    def positions(self, field: str, number: int, posting: int) -> list[int]:
        """The positions of a stem in the document of one of its postings
        (``posting`` counted from the term's first); [] for an exact form."""
        vbase = self.array(f"{field}.vbase", "<u8")
        record = int(vbase[number]) + posting
        if record >= int(vbase[number + 1]):
            return []
        offset = int(self.array(f"{field}.voffsets", "<u4")[record])
        return _positions(self.array(f"{field}.values", "u1"), offset)


def _positions(values, offset: int) -> list[int]:
    """The LEB128 count and gaps at ``offset``, as positions."""
    numbers, n, shift, at = [], 0, 0, offset
    count = None
    while count is None or len(numbers) < count:
        byte = int(values[at])
        at += 1
        n |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
            continue
        if count is None:
            count = n
        else:
            numbers.append(n)
        n = shift = 0
    position, positions = 0, []
    for gap in numbers:
        position += gap
        positions.append(position)
    return positions
