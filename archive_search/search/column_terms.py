"""How many documents have each of a list of terms, read from the index's columns.

Whoosh answers a term at a time, segment after segment, each a lookup in the
segment's term table: a rebuild within a memory budget leaves a large
archive several segments, and the spelling of one query word asks for some
300 terms one edit away. The columns' term hashes answer a list of terms in
one search a shard. Like Whoosh's, the counts include deleted documents
until their segment is merged.
"""

from __future__ import annotations

from archive_search.index.columns.shard import hashes_of
from archive_search.index.columns.store import Leaf


def doc_frequencies(leaves: list[Leaf], field: str, terms: list[str]) -> list[int]:
    """The number of documents of each term in ``field`` (segments without columns read through Whoosh)."""
    encoded = [term.encode("utf-8") for term in terms]
    hashed = hashes_of(encoded)
    totals = [0] * len(terms)
    for leaf in leaves:
        if leaf.shards is None:
            counts = [leaf.reader.doc_frequency(field, term) for term in terms]
            totals = [a + b for a, b in zip(totals, counts)]
            continue
        for shard in leaf.shards:
            counts = shard.postings_count(field, shard.find(field, encoded, hashed))
            totals = [a + b for a, b in zip(totals, counts)]
    return totals
