"""A rebuild's documents prepared, inverted and written in the calling process."""

from __future__ import annotations

from typing import Any, Callable

from archive_search.index.bulk.batches import Batches, BatchPreparer, Target, collect_cycles


class InProcess(Batches):
    """The segments built in the calling process: a new one each time the
    documents inverted reach the target's words per segment."""

    def __init__(self, target: Target, prepare: BatchPreparer, on_result: Callable[[Any], None]):
        super().__init__()
        self._target = target
        self._writer = target.writer()
        self._prepare = prepare
        self._on_result = on_result
        self._context = None
        self.segments: list = []

    def submit(self, batch: list) -> None:
        documents, result = self._prepare(batch, self._context)
        self._writer.add_documents(documents)
        self._prepare.batch_done()
        self._on_result(result)
        if self._writer.words() >= self._target.words_per_segment:
            self.segments.append(self._writer.finish())
            collect_cycles()
            self._writer = self._target.writer()

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

    def finish(self) -> list:
        """Write the last segment (the last batch flushed first); returns every segment."""
        self.flush()
        self._prepare.release()
        if self._writer.docnum or not self.segments:
            self.segments.append(self._writer.finish())
        else:
            self._writer.cancel()
        return self.segments

    def close(self) -> None:
        if not self._writer.is_closed:
            self._writer.cancel()
