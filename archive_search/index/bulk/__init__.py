"""The rebuild-only bulk writer: a whole index written as one Whoosh segment, in parallel.

One entry point, :func:`build_segment`, used by a rebuild and the benchmarks alike::

    with build_segment(folder, schema, preparer, jobs=2) as build:
        for item in items:
            build.add(item)
        build.finish()  # the segment, then the index's table of contents

Items are handed out in batches to ``jobs`` processes, where the preparer
(:class:`~archive_search.index.bulk.workers.BatchPreparer`) turns them into
documents that are inverted in memory; the postings are encoded in bulk
with numpy and written once. The result is an ordinary Whoosh 3 index that
Whoosh reads, updates and merges like any other. This package imports numpy
at its top; a search never imports it.

Modules, in the order data flows through them: :mod:`.workers` (batches out
to processes, documents and postings back), :mod:`.inversion` (documents →
postings in memory), :mod:`.text_postings` (the Arabic text fields' postings
from word ids, sorted and encoded with numpy), :mod:`.block_pickles`
(posting blocks pickled in bulk), :mod:`.w3_postings` (Whoosh 3 posting
lists and term-table entries, joined from the processes' parts),
:mod:`.segment_writer` (the segment's files).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from archive_search.index.bulk.workers import BatchPreparer, Target, paused_gc, segment_workers
from archive_search.index.columns.store import COLUMNS

__all__ = ["BatchPreparer", "DocumentsAsGiven", "SegmentBuild", "build_segment"]


class DocumentsAsGiven:
    """A preparer for items that already are documents (``add_document`` arguments)."""

    def __call__(self, batch: list, context: Any) -> tuple[list[dict], int]:
        return batch, len(batch)

    def batch_done(self) -> None:
        pass

    def report(self) -> None:
        return None

    def release(self) -> None:
        pass


class SegmentBuild:
    """A new index in a folder, filled by :meth:`add` and written by :meth:`finish`.

    Use it as a context manager: leaving it stops any worker process, and
    without :meth:`finish` nothing is committed (the folder then holds an
    index without documents and partial files, for the caller to remove).
    """

    def __init__(self, folder: Path, schema, prepare: BatchPreparer, jobs: int,
                 on_result: Callable[[Any], None], indexname: str):
        from whoosh.filedb.filestore import FileStorage

        self._ix = FileStorage(str(folder)).create().create_index(schema, indexname=indexname)
        self._gc = paused_gc()
        self._gc.__enter__()
        try:
            target = Target(str(folder), indexname, schema, Path(folder) / COLUMNS)
            self._workers = segment_workers(jobs, target, prepare, on_result)
        except BaseException:
            self._gc.__exit__(None, None, None)
            raise

    def __enter__(self) -> "SegmentBuild":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def add(self, item) -> None:
        """One item, for the preparer (batched)."""
        self._workers.add(item)

    def wait(self) -> None:
        """Return once every item added so far is prepared and inverted."""
        self._workers.wait()

    def reports(self) -> list:
        """What each process's preparer gathered since last asked (see
        :meth:`BatchPreparer.report`), once every item added is done."""
        return self._workers.reports()

    def broadcast(self, context: Any) -> None:
        """Give the items added from now on ``context`` (the preparer's second argument)."""
        self._workers.broadcast(context)

    def finish(self) -> None:
        """Write the segment and make it the index's content."""
        from whoosh.index import TOC, clean_files

        segment = self._workers.finish()
        ix = self._ix
        generation = ix.latest_generation() + 1
        TOC(ix.schema, [segment], generation).write(ix.storage, ix.indexname)
        clean_files(ix.storage, ix.indexname, generation, [segment])

    def close(self) -> None:
        try:
            self._workers.close()
        finally:
            self._gc.__exit__(None, None, None)


def build_segment(folder: Path, schema, prepare: BatchPreparer | None = None, *, jobs: int = 1,
                  on_result: Callable[[Any], None] | None = None, indexname: str = "MAIN") -> SegmentBuild:
    """A new index in ``folder`` (which must hold none) with ``schema``, to be
    filled with items that ``prepare`` turns into documents (by default the
    items are documents), by ``jobs`` processes. ``on_result`` hears the
    preparer's result for each batch as it is done, in the calling process."""
    return SegmentBuild(Path(folder), schema, prepare or DocumentsAsGiven(), jobs,
                        on_result or (lambda result: None), indexname)
