"""Indexing batches of articles in worker processes, each writing a segment.

A rebuild's parent process reads the corpus and hands out batches; each worker
analyses its batches into a :class:`~archive_search.segment.BulkWriter` of
its own and, at the end, writes that segment. The parent then lists the
segments in the index's table of contents. Nothing but articles and small
per-batch results crosses between processes, and the segments are written in
parallel; BM25 statistics (document frequencies, average lengths) are summed
over segments by Whoosh, so ranking is the same as with one segment.

With one job the same work runs in the calling process.

Workers ignore Ctrl-C (the parent stops them) and leave on their own when the
parent dies, so a killed rebuild leaves no process behind.
"""

from __future__ import annotations

import gc
import os
import queue
import random
import signal
import threading
import time
from contextlib import contextmanager
from typing import Any, Callable

from archive_search.segment import BulkWriter

# IndexBatch(writer, batch, context) → a result for the parent
IndexBatch = Callable[[BulkWriter, list, Any], Any]

# Batches waiting in the queue per worker: enough that no worker waits.
QUEUED_PER_JOB = 2
# How often a waiting process checks that the other side is still alive.
POLL_SECONDS = 0.5


class WorkerFailed(RuntimeError):
    """A worker process failed or died; the message says why."""


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


def write_toc(ix, segments: list) -> None:
    """Make ``segments`` the content of index ``ix``."""
    from whoosh.index import TOC, clean_files

    generation = ix.latest_generation() + 1
    TOC(ix.schema, segments, generation).write(ix.storage, ix.indexname)
    clean_files(ix.storage, ix.indexname, generation, segments)


class InProcess:
    """One segment written by the calling process."""

    def __init__(self, ix, index_batch: IndexBatch, on_result: Callable[[Any], None]):
        self._writer = BulkWriter(ix, _lk=False)
        self._index_batch = index_batch
        self._on_result = on_result
        self._context = None

    def submit(self, batch: list) -> None:
        self._on_result(self._index_batch(self._writer, batch, self._context))

    def wait(self) -> None:
        """Return once every batch submitted so far is done."""

    def broadcast(self, context: Any) -> None:
        """Give the batches submitted from now on ``context``."""
        self._context = context

    def finish(self) -> list:
        """Write the segment; returns the segments to list in the index."""
        return [self._writer.finish_segment()]

    def close(self) -> None:
        if not self._writer.is_closed:
            self._writer.cancel()


def _exit_with_parent(parent: int) -> None:
    """Leave at once when the parent is gone (killed in mid-rebuild): the
    worker may be blocked on a half-sent batch, and an ordinary exit would
    wait to flush results nobody reads."""
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)


def _worker_main(ix, index_batch: IndexBatch, tasks, results, control, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    gc.disable()  # as paused_gc, for the worker's whole life
    random.seed()  # forked workers must not draw the same segment names
    try:
        writer = BulkWriter(ix, _lk=False)
        context = None
        while True:
            # A context is sent while the workers are idle (and may be too
            # big for the pipe's buffer), so look for one while waiting too.
            while control.poll():
                context = control.recv()
            try:
                batch = tasks.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            while control.poll():
                context = control.recv()
            if batch is None:
                results.put(("segment", writer.finish_segment()))
                return
            results.put(("batch", index_batch(writer, batch, context)))
    except BaseException as exc:  # reported to the parent, which stops the rebuild
        results.put(("error", f"{type(exc).__name__}: {exc}"))


class Processes:
    """Segments written by ``jobs`` forked worker processes."""

    def __init__(self, jobs: int, ix, index_batch: IndexBatch, on_result: Callable[[Any], None]):
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._tasks = context.Queue(maxsize=jobs * QUEUED_PER_JOB)
        self._results = context.Queue()
        self._on_result = on_result
        self._submitted = self._done = 0
        self._segments: list = []
        self._controls = []
        self._workers = []
        for _ in range(jobs):
            receive, send = context.Pipe(duplex=False)
            worker = context.Process(
                target=_worker_main,
                args=(ix, index_batch, self._tasks, self._results, receive, os.getpid()),
                daemon=True,
            )
            worker.start()
            self._controls.append(send)
            self._workers.append(worker)

    def submit(self, batch: list) -> None:
        while True:
            try:
                self._tasks.put(batch, timeout=POLL_SECONDS)
                break
            except queue.Full:
                self._collect(block=False)
        self._submitted += 1
        self._collect(block=False)

    def wait(self) -> None:
        while self._done < self._submitted:
            self._collect(block=True)

    def broadcast(self, context: Any) -> None:
        # Sent before the next batch is queued, so a worker sees it first.
        for control in self._controls:
            control.send(context)

    def finish(self) -> list:
        for _ in self._workers:
            self._tasks.put(None)
        while len(self._segments) < len(self._workers):
            self._collect(block=True)
        for worker in self._workers:
            worker.join()
        return self._segments

    def _collect(self, block: bool) -> None:
        """Handle the results that have arrived (waiting for one if ``block``)."""
        while True:
            try:
                kind, value = self._results.get(timeout=POLL_SECONDS) if block else self._results.get_nowait()
            except queue.Empty:
                if not block:
                    return
                dead = [w for w in self._workers if w.exitcode not in (None, 0)]
                if dead:
                    raise WorkerFailed(f"an indexing process died (exit code {dead[0].exitcode})") from None
                continue
            if kind == "error":
                raise WorkerFailed(f"an indexing process failed: {value}")
            if kind == "segment":
                self._segments.append(value)
            else:
                self._done += 1
                self._on_result(value)
            block = False

    def close(self) -> None:
        for worker in self._workers:
            if worker.is_alive():
                worker.terminate()
        for worker in self._workers:
            worker.join()


def segment_workers(jobs: int, ix, index_batch: IndexBatch, on_result: Callable[[Any], None]):
    """Workers for a rebuild: ``submit`` batches, ``wait``, ``broadcast`` a
    context, ``finish`` to get the segments, ``close`` in any case."""
    if jobs > 1:
        return Processes(jobs, ix, index_batch, on_result)
    return InProcess(ix, index_batch, on_result)
