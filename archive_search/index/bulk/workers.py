"""Indexing batches of articles in worker processes, into one segment.

A rebuild's parent process reads the corpus and hands out batches of
items (articles). A worker prepares each batch into documents (the caller's
:class:`BatchPreparer`, which may also gather something across batches for
the parent to ask for, see :meth:`Processes.reports`) and inverts them in
memory; it sends their stored fields back at once, pickled and compressed.
When the items are done it encodes its postings as parts of Whoosh posting
lists (:mod:`archive_search.index.bulk.w3_postings`) and sends them field by
field, a run of terms at a time. The parent writes stored fields as they
come, the first worker's straight away and the others' after it (so each
worker's documents are one run of docnums), and merges the workers'
postings into one segment as they arrive
(:class:`~archive_search.index.bulk.segment_writer.SegmentWriter`), while
the workers encode the next. One segment, rather than one per worker, keeps
the term table a single copy of the vocabulary and searches a little faster.

With one job the same work runs in the calling process.

Workers ignore Ctrl-C (the parent stops them) and leave on their own when the
parent dies, so a killed rebuild leaves no process behind.
"""

from __future__ import annotations

import gc
import os
import queue
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, NamedTuple, Protocol

from archive_search.errors import IndexingFailed
from archive_search.index.bulk.inversion import Inverter
from archive_search.index.bulk.segment_writer import (
    ProcessStorage, SegmentWriter, indexed_fields, prepare_stored,
)
from archive_search.index.columns.writer import ShardWriter


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
    """The index a segment is written for, and where its columns go."""

    folder: str
    indexname: str
    schema: object
    columns: Path | None

    def writer(self) -> SegmentWriter:
        return SegmentWriter(ProcessStorage(self.folder), self.indexname, self.schema, self.columns)


# Items (articles) handed to a worker at a time.
BATCH_SIZE = 100
# Batches waiting in the queue per worker: enough that no worker waits.
QUEUED_PER_JOB = 2
# How often a waiting process checks that the other side is still alive.
POLL_SECONDS = 0.5
# How often an idle worker looks for a message from the parent (a topic model,
# a request to report): the parent waits for it meanwhile.
IDLE_POLL_SECONDS = 0.01


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


class _Batches:
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


class InProcess(_Batches):
    """The whole segment built in the calling process."""

    def __init__(self, target: Target, prepare: BatchPreparer, on_result: Callable[[Any], None]):
        super().__init__()
        self._writer = target.writer()
        self._prepare = prepare
        self._on_result = on_result
        self._context = None

    def submit(self, batch: list) -> None:
        documents, result = self._prepare(batch, self._context)
        self._writer.add_documents(documents)
        self._prepare.batch_done()
        self._on_result(result)

    def wait(self) -> None:
        """Return once every batch submitted so far is done (flushed first)."""
        self.flush()

    def broadcast(self, context: Any) -> None:
        """Give the batches submitted from now on ``context``."""
        self._context = context

    def reports(self) -> list:
        """What ``prepare`` gathered (see :meth:`Processes.reports`)."""
        self.flush()
        return [self._prepare.report()]

    def finish(self):
        """Write the segment (the last batch flushed first); returns it."""
        self.flush()
        self._prepare.release()
        return self._writer.finish()

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


def _worker_main(number: int, schema, prepare: BatchPreparer, tasks, results, control, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent stops a worker with SIGTERM
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    gc.disable()  # as paused_gc, for the worker's whole life
    try:
        inverter = Inverter(schema)
        received = {"context": None, "first docnum": None}

        def take_messages() -> None:
            while control.poll():
                kind, value = control.recv()
                if kind == "report":
                    results.put(("report", number, prepare.report()))
                else:
                    received[kind] = value

        while True:
            # A context is sent while the workers are idle (and may be too
            # big for the pipe's buffer), so look for one while waiting too.
            take_messages()
            try:
                batch = tasks.get(timeout=IDLE_POLL_SECONDS)
            except queue.Empty:
                continue
            take_messages()
            if batch is None:
                break
            documents, result = prepare(batch, received["context"])
            prepared = [prepare_stored(schema, fields, inverter.add(fields)) for fields in documents]
            prepare.batch_done()
            results.put(("batch", number, (result, prepared)))
        while received["first docnum"] is None:
            received.update([control.recv()])
        prepare.release()  # the worker's memory peaks while it encodes
        first, folder = received["first docnum"]
        shard = ShardWriter(folder, first, inverter.doc_count) if folder is not None else None
        for item in inverter.encoded(indexed_fields(schema), first, shard):
            results.put(("postings", number, item))
    except BaseException as exc:  # reported to the parent, which stops the rebuild
        results.put(("error", number, f"{type(exc).__name__}: {exc}"))


class Processes(_Batches):
    """The segment's documents prepared and inverted by ``jobs`` forked workers."""

    def __init__(self, jobs: int, target: Target, prepare: BatchPreparer, on_result: Callable[[Any], None]):
        import multiprocessing

        super().__init__()
        context = multiprocessing.get_context("fork")
        self._writer = target.writer()
        self._tasks = context.Queue(maxsize=jobs * QUEUED_PER_JOB)
        self._results = context.Queue()
        self._on_result = on_result
        self._submitted = self._done = 0
        self._doc_counts = [0] * jobs
        # prepared documents of the workers after the first, written once it is done
        self._held: list[list] = [[] for _ in range(jobs)]
        # each worker's encoded postings as they arrive: (field, run of terms or None)
        self._postings: list[deque] = [deque() for _ in range(jobs)]
        self._reports: dict[int, Any] = {}
        self._controls = []
        self._workers = []
        for number in range(jobs):
            receive, send = context.Pipe(duplex=False)
            worker = context.Process(
                target=_worker_main,
                args=(number, target.schema, prepare, self._tasks, self._results, receive, os.getpid()),
                daemon=True,
            )
            worker.start()
            receive.close()  # the worker's end: a send to a dead worker then fails instead of blocking
            self._controls.append(send)
            self._workers.append(worker)

    def submit(self, batch: list) -> None:
        while True:
            try:
                self._tasks.put(batch, timeout=POLL_SECONDS)
                break
            except queue.Full:
                self._collect(block=False)
                self._check_alive()
        self._submitted += 1
        self._collect(block=False)

    def wait(self) -> None:
        self.flush()
        while self._done < self._submitted:
            self._collect(block=True)

    def broadcast(self, context: Any) -> None:
        # Sent before the next batch is queued, so a worker sees it first.
        for control in self._controls:
            self._tell(control, ("context", context))

    def reports(self) -> list:
        """What each worker's ``prepare`` gathered since last asked
        (``prepare.report()``), once every batch submitted is done."""
        self.wait()
        for control in self._controls:
            self._tell(control, ("report", None))
        while len(self._reports) < len(self._workers):
            self._collect(block=True)
        return [self._reports.pop(number) for number in range(len(self._workers))]

    @staticmethod
    def _tell(control, message) -> None:
        try:
            control.send(message)
        except (BrokenPipeError, ConnectionResetError):
            raise IndexingFailed("an indexing process died") from None

    def finish(self):
        self.wait()
        first = 0
        for number, (control, count) in enumerate(zip(self._controls, self._doc_counts)):
            self._tell(control, ("first docnum", (first, self._writer.shard_folder(number))))
            first += count
        for _ in self._workers:
            self._tasks.put(None)
        for held in self._held[1:]:
            for document in held:
                self._writer.add_prepared(document)
            held.clear()
        for number in range(len(self._workers)):
            self._writer.add_stream(self._stream(number))
        # the segment is written as the workers' postings come in
        segment = self._writer.finish()
        for worker in self._workers:
            worker.join()
        return segment

    def _stream(self, number: int):
        """The encoded postings of one worker, waited for as they are read."""
        while True:
            while not self._postings[number]:
                self._collect(block=True)
            yield self._postings[number].popleft()

    def _collect(self, block: bool) -> None:
        """Handle the results that have arrived (waiting for one if ``block``)."""
        while True:
            try:
                kind, number, value = self._results.get(timeout=POLL_SECONDS) if block \
                    else self._results.get_nowait()
            except queue.Empty:
                if not block:
                    return
                self._check_alive()
                continue
            if kind == "error":
                raise IndexingFailed(f"an indexing process failed: {value}")
            if kind == "postings":
                self._postings[number].append(value)
            elif kind == "report":
                self._reports[number] = value
            else:
                result, prepared = value
                self._doc_counts[number] += len(prepared)
                if number == 0:
                    for document in prepared:
                        self._writer.add_prepared(document)
                else:
                    self._held[number].extend(prepared)
                self._done += 1
                self._on_result(result)
            block = False

    def _check_alive(self) -> None:
        dead = [w for w in self._workers if w.exitcode not in (None, 0)]
        if dead:
            raise IndexingFailed(f"an indexing process died (exit code {dead[0].exitcode})")

    def close(self) -> None:
        for worker in self._workers:
            if worker.is_alive():
                worker.terminate()
        for worker in self._workers:
            worker.join()
        # Batches still on their way to the stopped workers are dropped:
        # otherwise Python's exit waits for them to be read, for ever.
        self._tasks.cancel_join_thread()
        self._tasks.close()
        if not self._writer.is_closed:
            self._writer.cancel()


def segment_workers(jobs: int, target: Target, prepare: BatchPreparer, on_result: Callable[[Any], None]):
    """Workers for a rebuild: ``add`` items (or ``submit`` whole batches),
    ``wait``, ``broadcast`` a context, ``finish`` to write the segment,
    ``close`` in any case."""
    import multiprocessing

    # Workers are forked (they inherit the schema and the prepare function);
    # where fork does not exist (Windows) the rebuild runs in one process.
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        return Processes(jobs, target, prepare, on_result)
    return InProcess(target, prepare, on_result)
