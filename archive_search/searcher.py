"""Running queries against an index: filters, sorting, paging, snippets → Hits.

Nothing here prints; results are :class:`Hit` records.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Iterator

from whoosh import query as q

from archive_search import querylang
from archive_search.accumulate import Ranked, as_word_query, top_documents
from archive_search.errors import QueryError
from archive_search.proximity import CANDIDATES, proximity_bonus
from archive_search.ranking import DEFAULT_RANKING, plain_query, weighting
from archive_search.snippets import Fragment, fragments, match_spans
from archive_search.spelling import Substitution, Vocabulary

SORTS = ("relevance", "date", "-date")


@dataclass
class Hit:
    """One search result; the same fields as the JSON Lines output."""

    rank: int
    id: str
    score: float
    title: str
    speakers: list[str]
    date: str | None
    topic: str | None
    source: str | None
    url: str | None
    path: str | None
    fragments: list[Fragment] = field(default_factory=list)
    title_spans: list[tuple[int, int]] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)
    topic_predicted: bool = False

    @property
    def snippet(self) -> str:
        return " ".join(f.plain() for f in self.fragments)

    def to_dict(self) -> dict:
        return {
            "rank": self.rank,
            "id": self.id,
            "score": round(self.score, 4),
            "title": self.title,
            "speakers": list(self.speakers),
            "date": self.date,
            "topic": self.topic,
            "source": self.source,
            "url": self.url,
            "path": self.path,
            "snippet": self.snippet,
            "matched": list(self.matched),
        }


class Results(list):
    """The hits of one page, with the total count, the facets, the query words
    searched with substitutes (see :mod:`archive_search.spelling`) and, when
    there are few hits, a suggested correction of the query."""

    total: int = 0
    facets: dict[str, Counter] | None = None
    suggestion: str | None = None

    def __init__(self, hits=()):
        super().__init__(hits)
        self.substitutions: list[Substitution] = []


# "Did you mean" is asked when a search has fewer hits than this.
FEW_HITS = 3


def _iso(value) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value or None


def _parse_day(value: str | date | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"bad {name} date {value!r}: use YYYY-MM-DD") from None


def build_query(text: str, plain: bool = False, vocabulary=None) -> q.Query:
    """The Whoosh query for query text (see :mod:`archive_search.querylang`).

    Empty text matches every article, so that filters alone can select.
    Plain text, taken as any of its words, is forgiving: with a
    ``vocabulary`` (:class:`archive_search.spelling.Vocabulary`), words the
    index does not know, or barely knows, are also searched by substitutes.
    The query language is precise (``word~`` asks for words one edit away).
    """
    if not text.strip():
        return q.Every()
    if plain:
        return plain_query(text, DEFAULT_RANKING, vocabulary=vocabulary)
    parsed = querylang.parse(text, DEFAULT_RANKING)
    return parsed if parsed is not None else q.NullQuery


def build_filter(speaker=None, topic=None, since=None, until=None) -> q.Query | None:
    """The filter for the search options; None when there is none."""
    parts = []
    if speaker:
        parts.append(querylang.field_query("speaker", speaker))
    if topic:
        parts.append(querylang.field_query("topic", topic))
    since, until = _parse_day(since, "--since"), _parse_day(until, "--until")
    if since and until and since > until:
        raise QueryError(f"--since {since} is after --until {until}")
    if since or until:
        parts.append(querylang.day_range(since, until))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else q.And(parts)


class HitStream:
    """Hits produced one by one, with ``total`` known up front."""

    def __init__(self, searcher: "Searcher", results, terms: set[str], snippets: bool,
                 substitutions: list[Substitution]):
        self.substitutions = substitutions  # as in Results
        self._searcher = searcher
        self._results = results
        self._terms = terms
        self._snippets = snippets
        self.total = len(results)

    def __len__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator[Hit]:
        return self._searcher._hits(self._results, 0, len(self._results), self._terms, self._snippets)


class _WhooshRanked:
    """Whoosh Results seen through the same interface as accumulate.Ranked."""

    def __init__(self, results):
        self._results = results
        self.total = len(results)

    def __len__(self) -> int:
        return self._results.scored_length()

    def docnum(self, i: int) -> int:
        return self._results.docnum(i)

    def score(self, i: int) -> float:
        return self._results.score(i) or 0.0


def collect(searcher, query: q.Query, limit: int | None, filter_query=None, sort_args=None):
    """Run a query on a Whoosh searcher; the ranked documents, best first.

    Queries made only of words are scored term at a time (see
    :mod:`archive_search.accumulate`), the best of them re-ranked by how close
    the words stand (:mod:`archive_search.proximity`); the rest go through Whoosh's collector,
    with one change: Whoosh 2.7's top-N collector periodically "replaces" the
    matcher with a cheaper one that skips documents it estimates cannot enter
    the top N; with BM25F those estimates can fall below real scores and good
    documents are lost (seen on the sample corpus: a page of 4 hits missed the
    3rd best). Replacement and block-quality skipping are therefore turned off.
    """
    if not sort_args:
        word_query = as_word_query(query)
        if word_query is not None:
            allowed = set(searcher.docs_for_query(filter_query)) if filter_query is not None else None
            wanted = None if limit is None else max(limit, CANDIDATES)
            ranked = top_documents(searcher, word_query, searcher.weighting, wanted, allowed)
            return Ranked(proximity_bonus(searcher, word_query, ranked.top)[:limit], ranked.total)
    collector = searcher.collector(limit=limit, filter=filter_query, optimize=False, **(sort_args or {}))
    inner = collector
    while inner is not None:
        if hasattr(inner, "replace"):
            inner.replace = 0
        inner = getattr(inner, "child", None)
    searcher.search_with_collector(query, collector)
    return _WhooshRanked(collector.results())


class Searcher:
    """Queries over one opened index. Use as a context manager."""

    def __init__(self, ix):
        self._ix = ix
        self._searcher = ix.searcher(weighting=weighting())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._searcher.close()

    def _highlight_terms(self, query: q.Query) -> set[str]:
        """The index terms of title and body that the query matches (prefixes expanded)."""
        terms = set()
        reader = self._searcher.reader()
        # Leaf by leaf: Whoosh 2.7's Query.existing_terms reuses its
        # ``fieldname`` argument as a loop variable and skips every leaf whose
        # field differs from the first one's.
        for leaf in query.leaves():
            for fieldname, text in leaf.existing_terms(reader, phrases=True, expand=True):
                if fieldname in ("title", "body"):
                    terms.add(text.decode("utf-8") if isinstance(text, bytes) else text)
        return terms

    def _hits(self, results, start: int, stop: int, terms: set[str], snippets: bool) -> Iterator[Hit]:
        """Hits for ranked positions start … stop - 1, read one by one."""
        for i in range(start, min(stop, len(results))):
            stored = self._searcher.stored_fields(results.docnum(i))
            yield self._hit(i + 1, results.score(i), stored, terms, snippets)

    def _hit(self, rank: int, score: float, stored: dict, terms: set[str], snippets: bool) -> Hit:
        title = stored.get("title") or ""
        body = stored.get("body") or ""
        hit = Hit(
            rank=rank,
            id=stored["id"],
            score=score,
            title=title,
            speakers=list(stored.get("speakers") or []),
            date=_iso(stored.get("date")),
            topic=stored.get("topic"),
            source=stored.get("source"),
            url=stored.get("url"),
            path=stored.get("path"),
            topic_predicted=bool(stored.get("topic_predicted")),
        )
        if snippets:
            hit.title_spans = match_spans(title, terms)
            body_spans = match_spans(body, terms)
            hit.fragments = fragments(body, body_spans)
            seen = []
            for text, spans in ((title, hit.title_spans), (body, body_spans)):
                for start, end in spans:
                    word = text[start:end]
                    if word not in seen:
                        seen.append(word)
            hit.matched = seen
        return hit

    def search(
        self,
        text: str,
        *,
        speaker: str | None = None,
        topic: str | None = None,
        since=None,
        until=None,
        limit: int = 10,
        page: int = 1,
        sort: str = "relevance",
        plain: bool = False,
        snippets: bool = True,
        facets: bool = False,
    ) -> Results:
        """One page of hits, best first (or by date)."""
        if limit < 1 or page < 1:
            raise QueryError("--limit and --page must be at least 1")
        vocabulary = Vocabulary(self._searcher.reader())
        query = build_query(text, plain, vocabulary)
        filter_query = build_filter(speaker, topic, since, until)
        sort_args = self._sort_args(sort)
        results = collect(self._searcher, query, page * limit, filter_query, sort_args)
        terms = self._highlight_terms(query) if snippets else set()
        out = Results()
        offset = (page - 1) * limit
        out.extend(self._hits(results, offset, offset + limit, terms, snippets))
        out.total = results.total
        out.substitutions = vocabulary.substitutions
        if out.total < FEW_HITS:
            out.suggestion = vocabulary.did_you_mean(text)
        if facets:
            out.facets = self.facets(query, filter_query)
        return out

    def iter_hits(
        self,
        text: str,
        *,
        speaker=None,
        topic=None,
        since=None,
        until=None,
        limit: int | None = None,
        sort: str = "relevance",
        plain: bool = False,
        snippets: bool = True,
    ) -> "HitStream":
        """Every hit (or the first ``limit``), streamed in rank order.

        The query runs now (a malformed one raises QueryError here); stored
        fields and snippets are read hit by hit as the stream is consumed.
        """
        vocabulary = Vocabulary(self._searcher.reader())
        query = build_query(text, plain, vocabulary)
        filter_query = build_filter(speaker, topic, since, until)
        results = collect(self._searcher, query, limit, filter_query, self._sort_args(sort))
        terms = self._highlight_terms(query) if snippets else set()
        return HitStream(self, results, terms, snippets, vocabulary.substitutions)

    def facets(self, query: q.Query, filter_query: q.Query | None) -> dict[str, Counter]:
        """Counts of the matching articles by speaker, topic and year."""
        counts = {"speaker": Counter(), "topic": Counter(), "year": Counter()}
        results = self._searcher.search(query, limit=None, filter=filter_query)
        for docnum in results.docs():
            stored = self._searcher.stored_fields(docnum)
            for name in stored.get("speakers") or []:
                counts["speaker"][name] += 1
            if stored.get("topic"):
                counts["topic"][stored["topic"]] += 1
            if stored.get("date"):
                counts["year"][str(stored["date"].year)] += 1
        return counts

    def _sort_args(self, sort: str) -> dict:
        if sort == "relevance":
            return {}
        if sort == "date":
            return {"sortedby": "date"}
        if sort == "-date":
            return {"sortedby": "date", "reverse": True}
        raise QueryError(f"unknown sort {sort!r}: use one of {', '.join(SORTS)}")

    def get(self, article_id: str) -> dict | None:
        """The stored fields of one article, or None."""
        return self._searcher.document(id=article_id)

    def all_stored(self) -> Iterator[dict]:
        return self._searcher.all_stored_fields()

    def doc_count(self) -> int:
        return self._searcher.doc_count()
