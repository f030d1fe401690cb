"""The rebuild-only bulk writer: a whole index written as one Whoosh segment, in parallel.

One entry point, :func:`build_segment`, used by a rebuild and the benchmarks alike::

    with build_segment(folder, schema, preparer, jobs=2) as build:
        for item in items:
            build.add(item)
        build.finish()  # the segment, then the index's table of contents

Items are handed out in batches to ``jobs`` processes, where the preparer
(:class:`~archive_search.index.bulk.batches.BatchPreparer`) turns them into
documents that are inverted in memory; the postings are encoded in bulk
with numpy and written once. The result is an ordinary Whoosh 3 index that
Whoosh reads, updates and merges like any other, and the columns the
search reads beside it (:mod:`archive_search.index.columns`). This package
imports numpy at its top; a search does not import it.

The rebuild's memory stays within a budget at any archive size: each time a
process holds as many words as the budget allows, the documents so far are
written as a segment of their own (see :mod:`.batches`).

Modules, in the order data flows through them: :mod:`.batches` (what the
processes share, and the budget), :mod:`.processes` and :mod:`.worker`
(batches out to worker processes, documents and postings back; or
:mod:`.in_process`, in the calling process), :mod:`.inversion` (documents →
postings in memory), :mod:`.text_postings` (the Arabic text fields' postings
from word ids, sorted and encoded with numpy), :mod:`.block_pickles`
(posting blocks pickled in bulk), :mod:`.w3_postings` (Whoosh 3 posting
lists and term-table entries, joined from the processes' parts),
:mod:`.segment_writer` (the segment's files).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from archive_search.index.bulk.batches import DEFAULT_MEMORY, BatchPreparer, Target, paused_gc, words_per_segment
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
                 on_result: Callable[[Any], None], indexname: str, memory: int):
        from whoosh.filedb.filestore import FileStorage

        self._ix = FileStorage(str(folder)).create().create_index(schema, indexname=indexname)
        self._gc = paused_gc()
        self._gc.__enter__()
        try:
            target = Target(str(folder), indexname, schema, Path(folder) / COLUMNS, words_per_segment(memory, jobs))
            self._workers = _processes(jobs, target, prepare, on_result)
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
        """Write the last segment and make the segments the index's content."""
        import shutil

        from whoosh.index import TOC, clean_files

        segments = self._workers.finish()
        ix = self._ix
        generation = ix.latest_generation() + 1
        TOC(ix.schema, segments, generation).write(ix.storage, ix.indexname)
        clean_files(ix.storage, ix.indexname, generation, segments)
        live = {segment.segment_id() for segment in segments}
        for folder in (Path(ix.storage.folder) / COLUMNS).glob("*"):
            if folder.name not in live:  # the columns of a segment left out for having no documents
                shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        try:
            self._workers.close()
        finally:
            self._gc.__exit__(None, None, None)


def build_segment(folder: Path, schema, prepare: BatchPreparer | None = None, *, jobs: int = 1,
                  on_result: Callable[[Any], None] | None = None, indexname: str = "MAIN",
                  memory: int = DEFAULT_MEMORY) -> SegmentBuild:
    """A new index in ``folder`` (which must hold none) with ``schema``, to be
    filled with items that ``prepare`` turns into documents (by default the
    items are documents), by ``jobs`` processes within ``memory`` bytes (as
    one segment while that holds, else several). ``on_result`` hears the
    preparer's result for each batch as it is done, in the calling process."""
    return SegmentBuild(Path(folder), schema, prepare or DocumentsAsGiven(), jobs,
                        on_result or (lambda result: None), indexname, memory)


def _processes(jobs: int, target: Target, prepare: BatchPreparer, on_result: Callable[[Any], None]):
    """Processes for a rebuild: ``add`` items (or ``submit`` whole batches),
    ``wait``, ``broadcast`` a context, ``finish`` to write the last segment,
    ``close`` in any case."""
    import multiprocessing

    # Workers are forked (they inherit the schema and the preparer); where
    # fork does not exist (Windows) the rebuild runs in one process.
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        from archive_search.index.bulk.processes import Processes

        return Processes(jobs, target, prepare, on_result)
    from archive_search.index.bulk.in_process import InProcess

    return InProcess(target, prepare, on_result)
