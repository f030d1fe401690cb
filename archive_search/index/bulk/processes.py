"""A rebuild's documents prepared and inverted by worker processes, and written as segments by the parent.

The parent hands out batches, writes the stored fields the workers send
back (the first worker's straight away, the others' held until a segment is
written, so that each worker's documents are one run of docnums in it), and
when a worker holds :attr:`Target.words_per_segment` words, or the items
are done, has every worker send its postings and joins them into one
segment as they arrive
(:class:`~archive_search.index.bulk.segment_writer.SegmentWriter`), while
the workers encode the next field. One segment for all the workers, rather
than one each, keeps the term table a single copy of the vocabulary.
"""

from __future__ import annotations

import os
import queue
from collections import deque
from typing import Any, Callable

from archive_search.errors import IndexingFailed
from archive_search.index.bulk.batches import Batches, BatchPreparer, Target, collect_cycles
from archive_search.index.bulk.worker import POLL_SECONDS, worker_main

# Batches waiting in the queue per worker: enough that no worker waits.
QUEUED_PER_JOB = 2


class Processes(Batches):
    """The documents prepared and inverted by ``jobs`` forked workers."""

    def __init__(self, jobs: int, target: Target, prepare: BatchPreparer, on_result: Callable[[Any], None]):
        import multiprocessing

        super().__init__()
        context = multiprocessing.get_context("fork")
        self._target = target
        self._tasks = context.Queue(maxsize=jobs * QUEUED_PER_JOB)
        self._results = context.Queue()
        self._on_result = on_result
        self._submitted = self._done = 0
        # each worker's encoded postings as they arrive: (field, run of terms or None)
        self._postings: list[deque] = [deque() for _ in range(jobs)]
        self._reports: dict[int, Any] = {}
        self.segments: list = []
        self._controls, self._workers = [], []
        for number in range(jobs):
            receive, send = context.Pipe(duplex=False)
            worker = context.Process(
                target=worker_main,
                args=(number, target.schema, prepare, self._tasks, self._results, receive, os.getpid()),
                daemon=True,
            )
            worker.start()
            receive.close()  # the worker's end: a send to a dead worker then fails instead of blocking
            self._controls.append(send)
            self._workers.append(worker)
        self._new_segment()

    def _new_segment(self) -> None:
        self._writer = self._target.writer()
        self._doc_counts = [0] * len(self._workers)
        self._words = [0] * len(self._workers)
        # prepared documents of the workers after the first, written once the segment is
        self._held: list[list] = [[] for _ in self._workers]

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
        if max(self._words) >= self._target.words_per_segment:
            self._write_segment(last=False)

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

    def finish(self) -> list:
        """Write the last segment and stop the workers; returns every segment."""
        self._write_segment(last=True)
        for _ in self._workers:
            self._tasks.put(None)
        for worker in self._workers:
            worker.join()
        return self.segments

    def _write_segment(self, last: bool) -> None:
        """Every worker's documents so far written as one segment."""
        self.wait()
        first = 0
        for number, (control, count) in enumerate(zip(self._controls, self._doc_counts)):
            self._tell(control, ("segment", (first, self._writer.shard_folder(number), last)))
            first += count
        for held in self._held[1:]:
            for document in held:
                self._writer.add_prepared(document)
            held.clear()
        for number in range(len(self._workers)):
            self._writer.add_stream(self._stream(number))
        # the segment is written as the workers' postings come in
        segment = self._writer.finish()
        collect_cycles()
        if first or not self.segments:  # the last one may have no documents left for it
            self.segments.append(segment)
        if not last:
            self._new_segment()

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
                self._take_batch(number, *value)
            block = False

    def _take_batch(self, number: int, result, prepared: list, words: int) -> None:
        self._doc_counts[number] += len(prepared)
        self._words[number] = words
        if number == 0:
            for document in prepared:
                self._writer.add_prepared(document)
        else:
            self._held[number].extend(prepared)
        self._done += 1
        self._on_result(result)

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
