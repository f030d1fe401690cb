"""What a rebuild's indexing processes share: the preparer of batches, the index written, and the memory budget.

Items (articles) go to the processes in batches of :data:`BATCH_SIZE`; each
process turns them into documents with the caller's :class:`BatchPreparer`
and inverts them in memory. The memory a rebuild may use (its budget) sets
how many words each process inverts before the documents so far are
written out as a segment of their own (see :func:`words_per_segment`), as
Lucene flushes its buffer: the rebuild's memory stays the same at any
archive size, and a large archive is written as several segments.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from archive_search.index.bulk.segment_writer import ProcessStorage, SegmentWriter

# Items (articles) handed to a process at a time.
BATCH_SIZE = 100
# The memory a rebuild uses by default, for all its processes together.
DEFAULT_MEMORY = 3_000_000_000
# What the budget leaves aside: the parent (reading the corpus, holding the
# documents of the processes after the first until a segment is written),
# and each process besides its inverted words (Python, its vocabulary).
PARENT_MEMORY = 500_000_000
PROCESS_MEMORY = 350_000_000
# Bytes an inverted word takes at most, while its postings are sorted and
# encoded: 52 measured at a million synthetic articles, and a margin for a
# vocabulary that grows with the archive.
BYTES_PER_WORD = 55
# Fewest words a process inverts before a segment is written, whatever the budget.
MIN_WORDS = 1_000_000


def words_per_segment(memory: int, jobs: int) -> int:
    """How many words a process may invert before the documents so far become a segment.

    >>> words_per_segment(3_000_000_000, 2)
    16363636
    """
    share = (memory - PARENT_MEMORY - jobs * PROCESS_MEMORY) // jobs
    return max(MIN_WORDS, share // BYTES_PER_WORD)


class BatchPreparer(Protocol):
    """What turns a batch of items into documents, in whichever process indexes them."""

    def __call__(self, batch: list, context: Any) -> tuple[list[dict], Any]:
        """The batch's documents (``add_document`` arguments) and a result for
        the parent; ``context`` is what the parent last broadcast (or None)."""

    def batch_done(self) -> None:
        """The batch's documents are inverted: what was kept for them may go."""

    def report(self) -> Any:
        """What was gathered across batches since last asked."""

    def release(self) -> None:
        """No more batches come: caches may go before the postings are encoded."""


class Target(NamedTuple):
    """The index segments are written for, where their columns go, and how
    many words a process inverts before its documents become a segment."""

    folder: str
    indexname: str
    schema: object
    columns: Path | None
    words_per_segment: int

    def writer(self) -> SegmentWriter:
        return SegmentWriter(ProcessStorage(self.folder), self.indexname, self.schema, self.columns)


@contextmanager
def paused_gc():
    """Pause Python's cyclic garbage collector: inverting documents allocates
    millions of small objects and no cycles, and the collector's passes over a
    heap that only grows cost a third of the indexing time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def collect_cycles() -> None:
    """Free the reference cycles a segment's writing leaves (Whoosh's writer
    objects: half a million objects a segment), which the paused collector
    would otherwise keep until the end: a rebuild's memory would then grow
    with the archive, segment after segment."""
    gc.collect()


class Batches:
    """Items gathered into batches of :data:`BATCH_SIZE` for ``submit``."""

    def __init__(self):
        self._batch: list = []

    def add(self, item) -> None:
        self._batch.append(item)
        if len(self._batch) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        """Submit the items added since the last full batch."""
        if self._batch:
            batch, self._batch = self._batch, []
            self.submit(batch)

    def submit(self, batch: list) -> None:
        raise NotImplementedError
