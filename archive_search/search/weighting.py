"""How matches are weighed: BM25F with BM25's idf, and the weights of each kind of match.

The weighting model is BM25F with the idf of the BM25 literature.

Whoosh's BM25F uses ``log(N / (n + 1)) + 1`` as idf, which never falls below
one: a word found in every article still weighs as much as a fairly rare one,
and long natural-language queries drown in their common words. The BM25 idf
(``log(1 + (N - n + 0.5) / (n + 0.5))``, as in Lucene) goes to zero instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import log

from whoosh.scoring import BM25F


def bm25_idf(documents_with_term: int, documents: int) -> float:
    """BM25's idf of a term in ``documents_with_term`` of ``documents``."""
    return log(1 + (documents - documents_with_term + 0.5) / (documents_with_term + 0.5))


class ArchiveBM25F(BM25F):
    """BM25F whose idf is BM25's (see the module documentation)."""

    def idf(self, searcher, fieldname, text):
        parent = searcher.get_parent()
        return bm25_idf(parent.doc_frequency(fieldname, text), parent.doc_count_all())


def weighting() -> ArchiveBM25F:
    """The weighting model searches use.

    B and K1 are BM25's usual values; on the dev half of the pooled
    evaluation sets B=0.6, K1=0.9 scored a little higher, but with the news
    articles as distractors it lost 0.02 MRR@10, so the defaults stand.
    """
    return ArchiveBM25F(B=0.75, K1=1.2)


@dataclass(frozen=True)
class Ranking:
    """How matches are weighed.

    :param title_weight: extra weight of a match in the title. The body field
        indexes the title too (see :func:`archive_search.index.schema.text_fields`),
        so this is a bonus on top; tuned on the dev half of the evaluation
        sets (0.15 over 0, 0.25 and 0.5: the Wikipedia passages share titles).
    :param exact_boost: extra weight of a match on the exact word form over a
        stem-only match, relative to the stem match (0.25 over 0.5 and 1 on
        the dev half); 0 disables exact-form matching.
    :param proclitic_weight: weight, relative to the stem match, of a body
        match on the stem of the query word read as preposition + word (a
        query لمرتزقة also finds مرتزقة; the index holds these stems for its
        own words, see :class:`archive_search.text.analyzer.ArabicStemFilter`):
        0.25 over 0.4 and 1 on the dev half; 0 disables it.
    :param substitute_weight: weight, relative to the stem match, of a body
        match on a substitute of a query word the index does not know, or
        barely knows (see :mod:`archive_search.search.spelling`): 0.5 over 0.25
        and 1 on the dev half.
    """

    title_weight: float = 0.15
    body_weight: float = 1.0
    exact_boost: float = 0.25
    proclitic_weight: float = 0.25
    substitute_weight: float = 0.5


DEFAULT_RANKING = Ranking()
