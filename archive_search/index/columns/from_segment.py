"""A segment's columns made from the segment itself, read back through Whoosh.

For the small segments an update writes through Whoosh's own writer (and
those Whoosh merges them into): every term's postings read one by one, so
this costs time in proportion to the segment. A rebuild's workers write the
columns of theirs as they encode them instead (see
:mod:`archive_search.index.bulk`); a test checks that both give the same.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from archive_search.index._whoosh import length_bytes, posting_blocks, without_deletions
from archive_search.index.columns.shard import FIELDS, NO_DATE, SCORED, WITH_POSITIONS
from archive_search.index.columns.writer import ShardWriter
from archive_search.text.terms import is_exact

# Terms handed to the shard writer at a time.
RUN = 10_000
_EPOCH = datetime(1970, 1, 1)


def write_from_segment(reader, folder: Path) -> None:
    """Write the columns of the segment ``reader`` reads (a Whoosh
    ``SegmentReader``, deleted documents included) as one shard in ``folder``."""
    documents = reader.doc_count_all()
    shard = ShardWriter(folder, 0, documents)
    for field in FIELDS:
        if field in reader.schema:
            _write_field(reader, shard, field)
            if field in SCORED:
                shard.set_lengths(field, _length_bytes(reader, field, documents))
    shard.set_dates([_days(reader.stored_fields(docnum).get("date")) for docnum in range(documents)])
    shard.finish()


def _write_field(reader, shard: ShardWriter, field: str) -> None:
    run = _Run()
    for btext in reader.lexicon(field):
        matcher, _ = without_deletions(reader.postings(field, btext))
        positions = field in WITH_POSITIONS and not is_exact(btext.decode("utf-8"))
        run.add(btext, matcher, positions)
        if len(run.terms) >= RUN:
            run.write(shard, field)
            run = _Run()
    run.write(shard, field)


class _Run:
    """Terms and their postings gathered for one call of :meth:`ShardWriter.add_run`."""

    def __init__(self):
        self.terms, self.counts, self.with_positions = [], [], []
        self.docs, self.tfs, self.values = [], [], []

    def add(self, btext: bytes, matcher, positions: bool) -> None:
        count = len(self.docs)
        blocks = posting_blocks(matcher, values=True)
        if blocks is None:  # few postings, kept in the term table
            while matcher.is_active():
                self.docs.append(matcher.id())
                self.tfs.append(matcher.weight())
                self.values.append(matcher.value() or b"")
                matcher.next()
        else:
            for ids, weights, values, first in blocks:
                self.docs.extend(ids[first:])
                self.tfs.extend(weights[first:])
                self.values.extend(v or b"" for v in values[first:])
        count = len(self.docs) - count
        self.terms.append(btext)
        self.counts.append(count)
        self.with_positions.append(positions)

    def write(self, shard: ShardWriter, field: str) -> None:
        import numpy as np

        if not self.terms:
            return
        sizes = np.array([len(v) for v in self.values], dtype=np.int64)
        ends = np.cumsum(sizes)
        values = (np.frombuffer(b"".join(self.values), dtype=np.uint8), ends - sizes, ends, self.with_positions)
        shard.add_run(field, self.terms, self.counts, self.docs, self.tfs, values)


def _length_bytes(reader, field: str, documents: int):
    from whoosh.util.numeric import length_to_byte

    raw = length_bytes(reader, field)
    if raw is None:
        return bytearray(length_to_byte(reader.doc_field_length(d, field, 0)) for d in range(documents))
    lengths = bytearray(raw[:documents])
    lengths.extend(bytes(documents - len(lengths)))  # documents after the last with the field have none
    return lengths


def _days(value) -> int:
    if isinstance(value, datetime):
        return (value - _EPOCH).days
    return NO_DATE
