"""A search's Whoosh query, from its text: plain words or the query language."""

from __future__ import annotations

from whoosh import query as q

from archive_search.errors import QueryError
from archive_search.search import query_language
from archive_search.search.filters import build_filter
from archive_search.search.weighting import DEFAULT_RANKING
from archive_search.search.word_queries import plain_query
from archive_search.text.words import find_words

__all__ = ["MAX_QUERY_WORDS", "build_filter", "build_query"]

# The most words a query may have (a question pasted from elsewhere has a few
# dozen); a longer text is refused rather than searched for seconds.
MAX_QUERY_WORDS = 200


def build_query(text: str, plain: bool = False, spelling=None) -> q.Query:
    """The Whoosh query for query text (see :mod:`archive_search.search.query_language`).

    Empty text matches every article, so that filters alone can select.
    Plain text, taken as any of its words, is forgiving: with a ``spelling``
    (:class:`archive_search.search.spelling.QuerySpelling`), words the index
    does not know, or barely knows, are also searched by substitutes. The
    query language is precise (``word~`` asks for words one edit away).
    """
    if not text.strip():
        return q.Every()
    words = len(find_words(text))
    if words > MAX_QUERY_WORDS:
        raise QueryError(f"the query has {words:,} words; at most {MAX_QUERY_WORDS} are searched")
    if plain:
        return plain_query(text, DEFAULT_RANKING, spelling=spelling)
    parsed = query_language.parse(text, DEFAULT_RANKING)
    return parsed if parsed is not None else q.NullQuery
