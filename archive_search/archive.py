"""The API that scripts use: one object for an index (and the corpus behind it).

    >>> from archive_search import Archive
    >>> archive = Archive("index", corpus_dir="corpus")     # doctest: +SKIP
    >>> for hit in archive.search("مخيم الهول", since="2019-01-01"):   # doctest: +SKIP
    ...     print(hit.rank, hit.title, hit.date)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Iterator

from archive_search.errors import ArticleNotFound
from archive_search.index import storage

DEFAULT_INDEX = "index"
DEFAULT_CORPUS = "corpus"


def default_index_dir() -> Path:
    return Path(os.environ.get("ARCHIVE_SEARCH_INDEX") or DEFAULT_INDEX)


def default_corpus_dir() -> Path:
    return Path(os.environ.get("ARCHIVE_SEARCH_CORPUS") or DEFAULT_CORPUS)


class Archive:
    """An index directory, and optionally the corpus folder it is built from.

    :param index_dir: where the index lives (default ``$ARCHIVE_SEARCH_INDEX`` or ``./index``).
    :param corpus_dir: the articles (default ``$ARCHIVE_SEARCH_CORPUS`` or ``./corpus``).
    """

    def __init__(self, index_dir: str | Path | None = None, corpus_dir: str | Path | None = None):
        self.index_dir = Path(index_dir) if index_dir is not None else default_index_dir()
        self.corpus_dir = Path(corpus_dir) if corpus_dir is not None else default_corpus_dir()
        self._searcher = None

    # --- building ---------------------------------------------------------------

    def exists(self) -> bool:
        return storage.exists(self.index_dir)

    def rebuild(self, jobs: int | None = None, on_progress=None, on_skip=None, on_notice=None,
                allow_empty: bool = False, memory: int | None = None):
        """Index the whole corpus anew (atomically replacing the current index);
        returns an :class:`~archive_search.index.progress.IndexReport`.

        ``on_progress`` hears how far it is, ``on_skip`` of each file, folder or
        record that could not be read, ``on_notice`` of each one read with a
        repair (bad bytes replaced, an overlong body cut); the report lists both.
        A corpus without articles does not replace an index that has some
        unless ``allow_empty``. ``memory`` is the bytes the rebuild may use,
        its processes together (by default 3 GB; a large archive is then
        written as several segments).
        """
        from archive_search.index.rebuild import rebuild

        self.close()
        return rebuild(self.corpus_dir, self.index_dir, jobs, on_progress, on_skip, on_notice, allow_empty,
                       memory)

    def update(self, on_progress=None, on_skip=None, on_notice=None, allow_empty: bool = False):
        """Apply added, changed and deleted corpus files to the index (see
        :meth:`rebuild` for the arguments); the articles of files and folders
        that could not be read are kept."""
        from archive_search.index.update import update

        self.close()
        return update(self.corpus_dir, self.index_dir, on_progress, on_skip, on_notice, allow_empty)

    # --- searching --------------------------------------------------------------

    def searcher(self):
        if self._searcher is None:
            from archive_search.search.searcher import Searcher

            self._searcher = Searcher(storage.open_index(self.index_dir), self.index_dir)
        return self._searcher

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def search(self, query: str, **options):
        """One page of hits for ``query`` (a :class:`~archive_search.search.records.HitPage`:
        a list of :class:`~archive_search.search.records.Hit` with ``.total``).

        Options: ``speaker``, ``topic``, ``since``, ``until`` (YYYY-MM-DD),
        ``limit`` (10), ``page`` (1), ``sort`` (relevance, date, -date),
        ``plain`` (take the text as plain words), ``snippets``, ``facets``.
        :raises QueryError: for a malformed query.
        """
        return self.searcher().search(query, **options)

    def iter_hits(self, query: str, **options) -> Iterator:
        """Every hit for ``query``, streamed in rank order (same options as search)."""
        return self.searcher().iter_hits(query, **options)

    def export(self, query: str, target: str | Path | IO, columns=None, excel: bool = False,
               fmt: str | None = None, **options) -> int:
        """Write every hit for ``query`` to a path or open file: as CSV, JSON
        Lines or a workbook, by ``fmt`` or else by the path's name (.csv,
        .jsonl, .xlsx; CSV for a stream).

        Returns the number of rows written. See :mod:`archive_search.output.export`.
        """
        from archive_search.output.export import export_hits

        return export_hits(self.iter_hits(query, **options), target, fmt=fmt, columns=columns, excel=excel)

    def timeline(self, query: str, by: str = "month", **options):
        """How many articles match ``query`` each day, week, month or year (a
        :class:`~archive_search.search.timeline.Timeline`); options as :meth:`search`'s
        filters, and ``plain``."""
        return self.searcher().timeline(query, by=by, **options)

    def get(self, article_id: str):
        """One whole article (a :class:`~archive_search.search.records.StoredArticle`);
        raises ArticleNotFound."""
        article = self.searcher().get(article_id)
        if article is None:
            raise ArticleNotFound(f"no article with id {article_id!r}")
        return article

    def stats(self, top: int = 10) -> dict:
        """Counts and ranges that describe the archive."""
        counts = self.searcher().counts()
        generation = storage.current_generation(self.index_dir)
        return {
            "articles": counts.articles,
            "dated_articles": counts.dated,
            "first_date": counts.first_date,
            "last_date": counts.last_date,
            "top_speakers": counts.speaker.most_common(top),
            "topics": counts.topic.most_common(),
            "index_bytes": storage.size_on_disk(self.index_dir),
            "index_dir": str(self.index_dir),
            "corpus_dir": str(self.corpus_dir),
            "last_update": _mtime_iso(generation),
        }


def _mtime_iso(path: Path) -> str:
    from datetime import datetime, timezone

    newest = max((p.stat().st_mtime for p in path.iterdir()), default=path.stat().st_mtime)
    return datetime.fromtimestamp(newest, timezone.utc).isoformat(timespec="seconds")
