"""The one :class:`~archive_search.Archive` every request shares, one call at a time.

The index is opened once, when the server starts. Starlette runs the app's
(synchronous) endpoints in a pool of threads, and a Whoosh searcher is not
made for threads: its readers seek and read shared file objects, and the
searcher fills caches (the index's columns, spelling's neighbours) as it
goes. So every call into the archive holds one lock. A page costs tens of
milliseconds, so requests wait little for each other; a download, which may
stream thousands of hits, takes the lock for a batch of hits at a time, so
that pages are still served while it runs.
"""

from __future__ import annotations

import threading
from typing import Iterator

# Hits a download reads under the lock before letting other requests in.
BATCH = 100
# Speakers offered as suggestions in the search form, the most quoted first.
SUGGESTED_SPEAKERS = 300


class SharedArchive:
    """An opened archive, its calls serialized; its stats are read once (the
    index opened is the one served until the server stops)."""

    def __init__(self, archive):
        self.archive = archive
        self._lock = threading.Lock()
        self._stats: dict | None = None

    def close(self) -> None:
        with self._lock:
            self.archive.close()

    def open(self) -> None:
        """Open the index now, so that a missing or broken one is known before serving."""
        self.stats()

    def search(self, query: str, **options):
        with self._lock:
            return self.archive.search(query, **options)

    def timeline(self, query: str, **options):
        with self._lock:
            return self.archive.timeline(query, **options)

    def get(self, article_id: str):
        with self._lock:
            return self.archive.get(article_id)

    def stats(self) -> dict:
        """The archive's stats, with the speakers suggested in the search form in ``top_speakers``."""
        if self._stats is not None:
            return self._stats
        with self._lock:
            if self._stats is None:
                self._stats = self.archive.stats(top=SUGGESTED_SPEAKERS)
            return self._stats

    def iter_hits(self, query: str, **options):
        """Every hit, streamed (see :meth:`archive_search.Archive.iter_hits`): the query
        runs now, under the lock; the hits are read :data:`BATCH` at a time, each batch under it."""
        with self._lock:
            stream = self.archive.iter_hits(query, **options)
        return _Batched(stream, self._lock)


class _Batched:
    """A hit stream read in batches, each under the lock; ``total`` and ``substitutions`` as the stream's."""

    def __init__(self, stream, lock: threading.Lock):
        self.total = stream.total
        self.substitutions = stream.substitutions
        self._stream = stream
        self._lock = lock

    def __len__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator:
        hits = iter(self._stream)
        while True:
            with self._lock:
                batch = [hit for _, hit in zip(range(BATCH), hits)]
            yield from batch
            if len(batch) < BATCH:
                return
