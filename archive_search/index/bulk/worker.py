"""A rebuild's worker process: batches in, prepared documents out, postings and columns when told.

The worker prepares each batch it takes (the caller's
:class:`~archive_search.index.bulk.batches.BatchPreparer`), inverts the
documents in memory and sends their stored fields back at once, pickled and
compressed, with how many words it now holds. When the parent tells it to
write a segment, it encodes its postings as parts of Whoosh posting lists
(:mod:`archive_search.index.bulk.w3_postings`), sends them field by field,
a run of terms at a time, writes its shard of the segment's columns, and
starts a new inverter. It ignores Ctrl-C (the parent stops it) and leaves
on its own when the parent dies, so a killed rebuild leaves no process behind.
"""

from __future__ import annotations

import gc
import os
import queue
import signal
import threading
import time

from archive_search.index.bulk.batches import BatchPreparer, collect_cycles
from archive_search.index.bulk.inversion import Inverter
from archive_search.index.bulk.segment_writer import indexed_fields, prepare_stored
from archive_search.index.columns.writer import ShardWriter

# How often a waiting process checks that the other side is still alive.
POLL_SECONDS = 0.5
# How often an idle worker looks for a message from the parent (a topic model,
# a request to report or to write a segment): the parent waits for it meanwhile.
IDLE_POLL_SECONDS = 0.01


def _exit_with_parent(parent: int) -> None:
    """Leave at once when the parent is gone (killed in mid-rebuild): the
    worker may be blocked on a half-sent batch, and an ordinary exit would
    wait to flush results nobody reads."""
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)


class _Worker:
    """One worker's state: its inverter, and what the parent last sent."""

    def __init__(self, number: int, schema, prepare: BatchPreparer, results):
        self.number, self.schema, self.prepare, self.results = number, schema, prepare, results
        self.inverter = Inverter(schema)
        self.context = None

    def take(self, kind: str, value) -> None:
        """Handle one message from the parent."""
        if kind == "report":
            self.results.put(("report", self.number, self.prepare.report()))
        elif kind == "context":
            self.context = value
        elif kind == "segment":
            self.write_segment(*value)

    def batch(self, batch: list) -> None:
        documents, result = self.prepare(batch, self.context)
        prepared = [prepare_stored(self.schema, fields, self.inverter.add(fields)) for fields in documents]
        self.prepare.batch_done()
        self.results.put(("batch", self.number, (result, prepared, self.inverter.word_count())))

    def write_segment(self, first_docnum: int, folder, last: bool) -> None:
        """Send the postings of the documents inverted so far, numbered from
        ``first_docnum``, and write their columns' shard in ``folder``."""
        if last:
            self.prepare.release()  # the worker's memory peaks while it encodes
        shard = ShardWriter(folder, first_docnum, self.inverter.doc_count) if folder is not None else None
        for item in self.inverter.encoded(indexed_fields(self.schema), first_docnum, shard):
            self.results.put(("postings", self.number, item))
        self.inverter = Inverter(self.schema)
        collect_cycles()


def worker_main(number: int, schema, prepare: BatchPreparer, tasks, results, control, parent: int) -> None:
    """The worker process: batches from ``tasks`` until None, messages from ``control``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent stops a worker with SIGTERM
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    gc.disable()  # as paused_gc, for the worker's whole life
    try:
        worker = _Worker(number, schema, prepare, results)
        while True:
            # A message is sent while the workers are idle (a context may be
            # too big for the pipe's buffer), so look for one while waiting too.
            while control.poll():
                worker.take(*control.recv())
            try:
                batch = tasks.get(timeout=IDLE_POLL_SECONDS)
            except queue.Empty:
                continue
            while control.poll():  # a context broadcast just before this batch was queued
                worker.take(*control.recv())
            if batch is None:
                break
            worker.batch(batch)
    except BaseException as exc:  # reported to the parent, which stops the rebuild
        results.put(("error", number, f"{type(exc).__name__}: {exc}"))
