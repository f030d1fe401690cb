"""Re-ranking the best matches by how close the query's words stand.

BM25 counts words wherever they are in an article; a question's words
standing together ("مخيم الهول" as against مخيم in one paragraph and الهول
in another) is evidence BM25 cannot see. The best :data:`CANDIDATES` documents
of a word query get a bonus for each pair of its stems found at most
:data:`WINDOW` words apart in the body, worth the rarer stem's idf divided by
the distance (a term-proximity score in the manner of Rasolofo and Savoy's
BM25TP). Positions come from the body field's postings, read only for those
documents.

Tuned on the dev half of the pooled+news questions (bench/quality.py; window
3, 5, 10, 20 words, weight 0.1 to 1, distance or its square): MRR@10 0.7241 →
0.7311 there, 0.7415 → 0.7420 on the other half; a passage score (the best
window's idf mass) did no better.
"""

from __future__ import annotations

from itertools import combinations

from archive_search.text.terms import is_exact

CANDIDATES = 50
WINDOW = 5
WEIGHT = 0.5


def _min_distance(a: list[int], b: list[int]) -> int:
    """The smallest gap between a position in a and one in b (both sorted)."""
    i = j = 0
    best = None
    while i < len(a) and j < len(b):
        gap = a[i] - b[j]
        if best is None or abs(gap) < best:
            best = abs(gap)
        if gap < 0:
            i += 1
        else:
            j += 1
    return best if best is not None else 0


def _stem_positions(searcher, stems, docnums: list[int], leaves=None) -> dict[str, dict[int, list[int]]]:
    """stem → docnum → positions in the body, for the given documents: from
    the segments' columns where ``leaves`` has them (see
    :func:`archive_search.index.columns.store.leaves`), else through Whoosh."""
    found: dict[str, dict[int, list[int]]] = {stem: {} for stem in stems}
    if leaves is None:
        for sub, offset in searcher.leaf_searchers():
            _whoosh_positions(sub.reader(), offset, stems, docnums, found)
        return found
    for leaf in leaves:
        if leaf.shards is None:
            _whoosh_positions(leaf.reader, leaf.offset, stems, docnums, found)
        else:
            for shard in leaf.shards:
                _shard_positions(shard, leaf.offset, stems, docnums, found)
    return found


def _shard_positions(shard, offset: int, stems, docnums: list[int], found) -> None:
    import numpy as np

    first = offset + shard.first_doc
    local = [d - offset for d in docnums if first <= d < first + shard.doc_count]
    if not local:
        return
    for stem, number in zip(stems, shard.find("body", [s.encode("utf-8") for s in stems])):
        if number is None:
            continue
        start, end = shard.span("body", number)
        docs = shard.docs("body")[start:end]
        at = np.searchsorted(docs, local)
        for docnum, i in zip(local, at.tolist()):
            if i < len(docs) and docs[i] == docnum:
                found[stem][docnum + offset] = shard.positions("body", number, i)


def _whoosh_positions(reader, offset: int, stems, docnums: list[int], found) -> None:
    end = offset + reader.doc_count_all()
    local = [d - offset for d in docnums if offset <= d < end]
    if not local:
        return
    for stem in stems:
        if ("body", stem) not in reader:
            continue
        matcher = reader.postings("body", stem)
        for docnum in local:
            if not matcher.is_active():
                break
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                found[stem][docnum + offset] = matcher.value_as("positions")


def proximity_bonus(searcher, query, ranked: list[tuple[float, int]], leaves=None) -> list[tuple[float, int]]:
    """(score, docnum) best first, the first :data:`CANDIDATES` re-scored for
    the word clauses ``query`` (:class:`~archive_search.search.term_at_a_time.WordClauses`)."""
    idf = {}
    for clause in query.clauses:
        if clause.field == "body" and not is_exact(clause.text) and clause.text not in idf:
            idf[clause.text] = searcher.idf("body", clause.text)
    head, tail = ranked[:CANDIDATES], ranked[CANDIDATES:]
    if len(idf) < 2 or len(head) < 2:
        return ranked
    positions = _stem_positions(searcher, list(idf), sorted(d for _, d in head), leaves)
    rescored = []
    for score, docnum in head:
        present = [(stem, places[docnum]) for stem, places in positions.items() if docnum in places]
        bonus = 0.0
        for (a, at_a), (b, at_b) in combinations(present, 2):
            gap = _min_distance(at_a, at_b)
            if 0 < gap <= WINDOW:
                bonus += min(idf[a], idf[b]) / gap
        rescored.append((score + WEIGHT * bonus, docnum))
    # best score first, the lower docnum among equals (as before)
    rescored.sort(key=lambda item: (-item[0], item[1]))
    return rescored + tail
