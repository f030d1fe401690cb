"""The analysis steps with bounded caches, for the analyzer chain and queries.

A news archive has a few hundred thousand distinct words, and the same
words come back in every article and query; each step is cached on its own
so that a word already seen costs a dictionary lookup. A rebuild analyses
each distinct word once through :class:`~archive_search.text.word_ids.WordIds`
instead, and a process done analysing clears these (:func:`clear_caches`).
"""

from __future__ import annotations

from functools import lru_cache

from archive_search.text.normalize import normalize
from archive_search.text.stemmer import proclitic_stem, stem
from archive_search.text.stopwords import is_stopword

_STEP_CACHE_SIZE = 1 << 15

cached_normalize = lru_cache(maxsize=_STEP_CACHE_SIZE)(normalize)
cached_stem = lru_cache(maxsize=_STEP_CACHE_SIZE)(stem)
cached_proclitic_stem = lru_cache(maxsize=_STEP_CACHE_SIZE)(proclitic_stem)
cached_is_stopword = lru_cache(maxsize=1 << 14)(is_stopword)


def clear_caches() -> None:
    """Forget the cached words (they hold a few hundred thousand on a news archive)."""
    for cached in (cached_normalize, cached_stem, cached_proclitic_stem, cached_is_stopword):
        cached.cache_clear()
