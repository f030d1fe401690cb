"""Running queries against an opened index: one page of hits, or every hit streamed.

Both go through one path (:meth:`Searcher._run`): the query text and
options become a Whoosh query and filter, the matching documents are ranked
(:func:`collect`), and hits are read from the stored fields one by one with
their snippets. Nothing here prints.
"""

from __future__ import annotations

import functools
import pickle
import struct
import sys
import zlib
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, NamedTuple

from whoosh import query as q

from archive_search.errors import QueryError
from archive_search.index.integrity import damaged
from archive_search.search.collecting import collect, matching
from archive_search.search.queries import build_filter, build_query
from archive_search.search.records import ArticleRecord, Hit, HitPage, StoredArticle
from archive_search.search.snippets import fragments, match_spans
from archive_search.search.sorting import sort_arguments
from archive_search.search.spelling import QuerySpelling, Substitution
from archive_search.search.weighting import weighting

if TYPE_CHECKING:  # imported where they are used: a search needs neither
    from archive_search.search.facets import Counts
    from archive_search.search.timeline import Timeline

# "Did you mean" is asked when a search has fewer hits than this.
FEW_HITS = 3
# Archives of this many documents look up their terms' frequencies in the
# columns (a list of terms at a time) rather than through Whoosh: their
# searches read enough postings to have numpy imported anyway.
FREQUENCIES_FROM_COLUMNS = 100_000
# What reading a truncated or garbled index file raises, deep in Whoosh.
_DAMAGE = (struct.error, EOFError, zlib.error, pickle.UnpicklingError, OSError)


def _reading(method):
    """A Searcher method whose damaged-index errors become IndexBroken, with the rebuild hint."""

    @functools.wraps(method)
    def reading(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except _DAMAGE as exc:
            raise damaged(self.index_dir, f"{type(exc).__name__}: {exc}") from None

    return reading


def _reading_all(items: Iterator, index_dir) -> Iterator:
    """The items of an iterator that reads the index, as :func:`_reading` does it for a call."""
    try:
        yield from items
    except _DAMAGE as exc:
        raise damaged(index_dir, f"{type(exc).__name__}: {exc}") from None


class _Run(NamedTuple):
    """A query run: its ranked documents and what reading the hits needs."""

    query: q.Query
    filter: q.Query | None
    ranked: object  # RankedDocs or WhooshRankedDocs
    terms: set[str]  # the index terms to highlight
    spelling: QuerySpelling


class HitStream:
    """Hits produced one by one, with ``total`` and ``substitutions`` known up front."""

    def __init__(self, searcher: "Searcher", run: _Run, snippets: bool):
        self.substitutions: list[Substitution] = run.spelling.substitutions
        self.total = run.ranked.total
        self._searcher = searcher
        self._run = run
        self._snippets = snippets

    def __len__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator[Hit]:
        hits = self._searcher._hits(self._run, 0, len(self._run.ranked), self._snippets)
        return _reading_all(hits, self._searcher.index_dir)


class Searcher:
    """Queries over one opened index. Use as a context manager."""

    def __init__(self, ix, index_dir: Path | None = None):
        self._ix = ix
        self.index_dir = index_dir or "?"
        self._whoosh_searcher = ix.searcher(weighting=weighting())
        self._leaves = None

    def leaves(self):
        """The index's segments with their columns (numpy is imported here, on first use)."""
        if self._leaves is None:
            from archive_search.index.columns.store import leaves

            self._leaves = leaves(self._whoosh_searcher, Path(self._ix.storage.folder))
        return self._leaves

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._whoosh_searcher.close()

    @property
    def whoosh_searcher(self):
        """The Whoosh searcher underneath, for benchmarks and tests that compare with Whoosh's own ranking."""
        return self._whoosh_searcher

    @_reading
    def search(self, text: str, *, speaker: str | None = None, topic: str | None = None, since=None,
               until=None, limit: int = 10, page: int = 1, sort: str = "relevance", plain: bool = False,
               snippets: bool = True, facets: bool = False) -> HitPage:
        """One page of hits, best first (or by date)."""
        if limit < 1 or page < 1:
            raise QueryError("--limit and --page must be at least 1")
        run = self._run(text, speaker, topic, since, until, page * limit, sort, plain, snippets)
        out = HitPage()
        offset = (page - 1) * limit
        out.extend(self._hits(run, offset, offset + limit, snippets))
        out.total = run.ranked.total
        out.substitutions = run.spelling.substitutions
        if out.total < FEW_HITS:
            out.suggestion = run.spelling.did_you_mean(text)
        if facets:
            out.facets = self.facets(run.query, run.filter)
        return out

    @_reading
    def iter_hits(self, text: str, *, speaker=None, topic=None, since=None, until=None, limit: int | None = None,
                  sort: str = "relevance", plain: bool = False, snippets: bool = True) -> HitStream:
        """Every hit (or the first ``limit``), streamed in rank order.

        The query runs now (a malformed one raises QueryError here); stored
        fields and snippets are read hit by hit as the stream is consumed.
        """
        return HitStream(self, self._run(text, speaker, topic, since, until, limit, sort, plain, snippets),
                         snippets)

    def _run(self, text: str, speaker, topic, since, until, limit: int | None, sort: str, plain: bool,
             snippets: bool) -> _Run:
        spelling = self._spelling()
        query = build_query(text, plain, spelling)
        filter_query = build_filter(speaker, topic, since, until)
        ranked = collect(self._whoosh_searcher, query, limit, filter_query, sort_arguments(sort), self.leaves)
        terms = self._highlight_terms(query) if snippets else set()
        return _Run(query, filter_query, ranked, terms, spelling)

    def _spelling(self) -> QuerySpelling:
        """The query words' spelling against this index, its frequencies from
        the columns for a large archive (see :data:`FREQUENCIES_FROM_COLUMNS`)."""
        if "numpy" in sys.modules or self._whoosh_searcher.doc_count_all() >= FREQUENCIES_FROM_COLUMNS:
            from archive_search.search.column_terms import doc_frequencies

            leaves = self.leaves()
            return QuerySpelling(lambda terms: doc_frequencies(leaves, "body", terms))
        return QuerySpelling.of_reader(self._whoosh_searcher.reader())

    def _highlight_terms(self, query: q.Query) -> set[str]:
        """The index terms of title and body that the query matches (prefixes expanded)."""
        terms = set()
        reader = self._whoosh_searcher.reader()
        # Leaf by leaf: Whoosh 2.7's Query.existing_terms reuses its
        # ``fieldname`` argument as a loop variable and skips every leaf whose
        # field differs from the first one's.
        for leaf in query.leaves():
            for fieldname, text in leaf.existing_terms(reader, phrases=True, expand=True):
                if fieldname in ("title", "body"):
                    terms.add(text.decode("utf-8") if isinstance(text, bytes) else text)
        return terms

    def _hits(self, run: _Run, start: int, stop: int, snippets: bool) -> Iterator[Hit]:
        """Hits for ranked positions start … stop - 1, read one by one."""
        ranked = run.ranked
        for i in range(start, min(stop, len(ranked))):
            stored = self._whoosh_searcher.stored_fields(ranked.docnum(i))
            hit = Hit.from_stored(stored)
            hit.rank, hit.score = i + 1, ranked.score(i)
            if snippets:
                _add_snippets(hit, stored.get("body") or "", run.terms)
            yield hit

    def has_columns(self) -> bool:
        """Whether every segment of the index has its columns."""
        return all(leaf.shards is not None for leaf in self.leaves())

    @_reading
    def facets(self, query: q.Query, filter_query: q.Query | None) -> dict[str, Counter]:
        """Counts of the matching articles by speaker, topic and year."""
        if self.has_columns():
            from archive_search.search import column_facets

            chosen = matching(self._whoosh_searcher, query, filter_query, self.leaves())
            return column_facets.count(self.leaves(), chosen).facets()
        from archive_search.search import facets as facet_counts

        results = self._whoosh_searcher.search(query, limit=None, filter=filter_query)
        records = (ArticleRecord.from_stored(self._whoosh_searcher.stored_fields(docnum))
                   for docnum in results.docs())
        return facet_counts.count(records).facets()

    @_reading
    def get(self, article_id: str) -> StoredArticle | None:
        """One whole article, or None."""
        stored = self._whoosh_searcher.document(id=article_id)
        return StoredArticle.from_stored(stored) if stored is not None else None

    @_reading
    def timeline(self, text: str, *, by: str = "month", speaker=None, topic=None, since=None, until=None,
                 plain: bool = False) -> Timeline:
        """How many articles match, period by period (see :mod:`archive_search.search.timeline`)."""
        from archive_search.search import timeline_counts
        from archive_search.search.timeline import PERIODS

        if by not in PERIODS:
            raise QueryError(f"unknown period {by!r}: use one of {', '.join(PERIODS)}")
        query = build_query(text, plain, self._spelling())
        filter_query = build_filter(speaker, topic, since, until)
        if self.has_columns():
            return timeline_counts.from_columns(self._whoosh_searcher, query, filter_query, self.leaves(), by)
        ranked = collect(self._whoosh_searcher, query, None, filter_query)
        records = (ArticleRecord.from_stored(self._whoosh_searcher.stored_fields(ranked.docnum(i)))
                   for i in range(len(ranked)))
        return timeline_counts.from_records(records, by)

    @_reading
    def counts(self) -> Counts:
        """The archive's articles counted by speaker, topic and year."""
        from archive_search.search import facets as facet_counts

        if self.has_columns():
            from archive_search.search import column_facets

            live = column_facets.live_documents(self.leaves(), self._whoosh_searcher.doc_count_all())
            return column_facets.count(self.leaves(), live)
        return facet_counts.count(self.records())

    def records(self) -> Iterator[ArticleRecord]:
        """Every article's record, in index order."""
        stored = self._whoosh_searcher.all_stored_fields()
        return _reading_all(map(ArticleRecord.from_stored, stored), self.index_dir)

    def articles(self) -> Iterator[StoredArticle]:
        """Every whole article, in index order."""
        stored = self._whoosh_searcher.all_stored_fields()
        return _reading_all(map(StoredArticle.from_stored, stored), self.index_dir)


def _add_snippets(hit: Hit, body: str, terms: set[str]) -> None:
    """The hit's title highlights, body fragments and the words that matched, as written."""
    hit.title_spans = match_spans(hit.title, terms)
    body_spans = match_spans(body, terms)
    hit.fragments = fragments(body, body_spans)
    seen = []
    for text, spans in ((hit.title, hit.title_spans), (body, body_spans)):
        for start, end in spans:
            word = text[start:end]
            if word not in seen:
                seen.append(word)
    hit.matched = seen
