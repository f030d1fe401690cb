"""A search's hits as a file to download, written by the export code (:mod:`archive_search.output.export`).

The export code writes to a stream; a response is read from an iterator.
Between them sits a pipe: the export runs in a thread of its own and
writes into a small queue, and the response takes the bytes out of it as
the browser reads them, so memory stays flat and the first bytes leave at
once. If the browser goes away, the export is stopped at its next write.

CSV is written for spreadsheets, as ``export --excel`` writes it (a
byte-order mark, and cells that would start a formula neutralized): a CSV
downloaded in a browser is most often opened in one. Programs have
``/api/search`` and the ``export`` command. Workbooks are ``export -f xlsx``'s.
"""

from __future__ import annotations

import io
import queue
import sys
import threading
from typing import Iterator

from archive_search.output.export import export_hits

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
FILE_NAMES = {"csv": "archive-search-hits.csv", "xlsx": "archive-search-hits.xlsx"}
_CHUNK = 64 * 1024
_QUEUED = 16  # chunks waiting for the browser, at most
_END = object()


class _Gone(Exception):
    """The browser stopped reading."""


class _Pipe(io.RawIOBase):
    """The export's end of the pipe: what it writes goes into the queue."""

    def __init__(self, chunks: queue.Queue, gone: threading.Event):
        super().__init__()
        self._chunks = chunks
        self._gone = gone
        self._told = False

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        data = bytes(data)
        while True:
            if self._gone.is_set():
                if self._told:  # what is flushed while the export unwinds goes nowhere
                    return len(data)
                self._told = True
                raise _Gone()
            try:
                self._chunks.put(data, timeout=0.5)
                return len(data)
            except queue.Full:
                continue


def hit_file(hits, fmt: str) -> Iterator[bytes]:
    """The bytes of the hits (an iterable of Hit) as a CSV file or a workbook, as they are written."""
    chunks: queue.Queue = queue.Queue(maxsize=_QUEUED)
    gone = threading.Event()
    worker = threading.Thread(target=_export, args=(hits, fmt, chunks, gone), name="download", daemon=True)
    worker.start()
    try:
        while True:
            chunk = chunks.get()
            if chunk is _END:
                return
            yield chunk
    finally:
        gone.set()


def _export(hits, fmt: str, chunks: queue.Queue, gone: threading.Event) -> None:
    buffered = io.BufferedWriter(_Pipe(chunks, gone), _CHUNK)
    try:
        if fmt == "xlsx":
            export_hits(hits, buffered, fmt="xlsx")
        else:
            text = io.TextIOWrapper(buffered, encoding="utf-8", newline="")
            export_hits(hits, text, fmt="csv", excel=True)
            text.detach()
        buffered.flush()
    except _Gone:
        return
    except Exception as exc:  # headers are sent: the download can only stop short
        sys.stderr.write(f"archive-search: a download stopped short: {type(exc).__name__}: {exc}\n")
    _put_end(chunks, gone)


def _put_end(chunks: queue.Queue, gone: threading.Event) -> None:
    while not gone.is_set():
        try:
            chunks.put(_END, timeout=0.5)
            return
        except queue.Full:
            continue
