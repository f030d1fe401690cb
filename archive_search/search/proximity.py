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


def _stem_positions(searcher, stems, docnums: list[int]) -> dict[str, dict[int, list[int]]]:
    """stem → docnum → positions in the body, for the given documents."""
    found: dict[str, dict[int, list[int]]] = {stem: {} for stem in stems}
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        end = offset + reader.doc_count_all()
        local = [d - offset for d in docnums if offset <= d < end]
        if not local:
            continue
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
    return found


def proximity_bonus(searcher, query, ranked: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """(score, docnum) best first, the first :data:`CANDIDATES` re-scored for
    the word clauses ``query`` (:class:`~archive_search.search.term_at_a_time.WordClauses`)."""
    idf = {}
    for clause in query.clauses:
        if clause.field == "body" and not is_exact(clause.text) and clause.text not in idf:
            idf[clause.text] = searcher.idf("body", clause.text)
    head, tail = ranked[:CANDIDATES], ranked[CANDIDATES:]
    if len(idf) < 2 or len(head) < 2:
        return ranked
    positions = _stem_positions(searcher, list(idf), sorted(d for _, d in head))
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
