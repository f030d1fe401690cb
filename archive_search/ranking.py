"""The weighting model: BM25F with the idf of the BM25 literature.

Whoosh's BM25F uses ``log(N / (n + 1)) + 1`` as idf, which never falls below
one: a word found in every article still weighs as much as a fairly rare one,
and long natural-language queries drown in their common words. The BM25 idf
(``log(1 + (N - n + 0.5) / (n + 0.5))``, as in Lucene) goes to zero instead.
"""

from __future__ import annotations

from math import log

from whoosh.scoring import BM25F


class ArchiveBM25F(BM25F):
    """BM25F whose idf is BM25's (see the module documentation)."""

    def idf(self, searcher, fieldname, text):
        parent = searcher.get_parent()
        n = parent.doc_frequency(fieldname, text)
        total = parent.doc_count_all()
        return log(1 + (total - n + 0.5) / (n + 0.5))
