"""Inverting documents in memory: from fields to per-term posting lists.

:class:`Inverter` takes documents as Whoosh ``add_document`` arguments and
keeps, for each field and term, the documents it occurs in with their
weights and posting values, exactly as the schema's fields and formats make
them (the Arabic text fields through the analyzer's token-free path, see
:func:`archive_search.analysis.term_positions_function`). :class:`TermRuns`
is the same postings sorted by term and packed into a few flat arrays: what a
worker process hands back, cheap to pickle, and what the segment writer
merges.
"""

from __future__ import annotations

from array import array
from itertools import accumulate, repeat
from operator import add

from archive_search.analysis import term_positions_function
from archive_search.postings import ArabicPositions, encode_term

# field name → term → [docnums, weights, posting values]
Postings = dict[str, dict]


class Inverter:
    """Postings and field lengths of documents numbered 0, 1, … in the order added."""

    def __init__(self, schema):
        self.schema = schema
        self.postings: Postings = {}
        self.doc_count = 0
        self._positions_of: dict[str, object] = {}

    def add(self, fields: dict) -> dict[str, int]:
        """Invert one document; returns the length of each indexed field."""
        lengths = {}
        docnum = self.doc_count
        for name, value in fields.items():
            if name.startswith("_") or value is None:
                continue
            field = self.schema[name]
            if field.indexed:
                lengths[name] = self._index_field(name, field, value, docnum)
        self.doc_count += 1
        return lengths

    def _index_field(self, name: str, field, value, docnum: int) -> int:
        postings = self.postings.get(name)
        if postings is None:
            postings = self.postings[name] = {}
            arabic = type(field.format) is ArabicPositions
            self._positions_of[name] = term_positions_function(field.analyzer) if arabic else None
        positions_of = self._positions_of[name]
        if positions_of is not None and isinstance(value, str):
            positions, length = positions_of(value)
            boost = field.format.field_boost
            # the hot loop of indexing: one pass, no intermediate tuples
            for term, places in positions.items():
                weight = len(places) * boost
                vbytes = encode_term(term, places)
                entry = postings.get(term)
                if entry is None:
                    postings[term] = [array("I", (docnum,)), array("f", (weight,)), [vbytes]]
                else:
                    entry[0].append(docnum)
                    entry[1].append(weight)
                    entry[2].append(vbytes)
            return length
        length = 0
        for term, freq, weight, vbytes in field.index(value):
            length += freq
            entry = postings.get(term)
            if entry is None:
                postings[term] = [array("I", (docnum,)), array("f", (weight,)), [vbytes]]
            else:
                entry[0].append(docnum)
                entry[1].append(weight)
                entry[2].append(vbytes)
        return length

    def terms(self, name: str):
        """(term bytes, docnums, weights, values) of one field in term order,
        each term dropped from memory once given."""
        postings = self.postings.pop(name, {})
        # Whoosh orders terms by their UTF-8 bytes; analysed terms are str here.
        for btext, term in sorted((t.encode("utf-8") if isinstance(t, str) else t, t) for t in postings):
            yield (btext, *postings.pop(term))

    def runs(self, first_docnum: int = 0) -> dict[str, "TermRuns"]:
        """All the postings packed for another process, documents renumbered
        from ``first_docnum``; the inverter is left empty."""
        return {name: TermRuns.pack(self.terms(name), first_docnum) for name in list(self.postings)}


class TermRuns:
    """One field's postings sorted by term, packed flat.

    Term i has ``counts[i]`` postings; its docnums, weights and value sizes
    follow those of term i - 1 in ``ids``, ``weights`` and ``sizes``, and its
    values follow in ``values``.
    """

    __slots__ = ("terms", "counts", "ids", "weights", "sizes", "values")

    def __init__(self, terms, counts, ids, weights, sizes, values):
        self.terms, self.counts, self.ids = terms, counts, ids
        self.weights, self.sizes, self.values = weights, sizes, values

    def __reduce__(self):
        return TermRuns, (self.terms, self.counts, self.ids, self.weights, self.sizes, self.values)

    @classmethod
    def pack(cls, terms, first_docnum: int) -> "TermRuns":
        """Pack (term, docnums, weights, values) in term order."""
        names, counts, ids, weights, values = [], array("I"), array("I"), array("f"), []
        for term, term_ids, term_weights, term_values in terms:
            names.append(term)
            counts.append(len(term_ids))
            ids.extend(term_ids)
            weights.extend(term_weights)
            values.extend(term_values)
        if first_docnum:
            ids = array("I", map(add, ids, repeat(first_docnum)))
        return cls(names, counts, ids, weights, array("I", map(len, values)), b"".join(values))

    def __iter__(self):
        """(term bytes, docnums, weights, values) for each term in order."""
        ids, weights, values, sizes = self.ids, self.weights, self.values, self.sizes
        ends = accumulate(sizes)
        start = end = 0
        offset = 0
        for term, count in zip(self.terms, self.counts):
            stop = start + count
            term_values = []
            for _ in range(count):
                end = next(ends)
                term_values.append(values[offset:end])
                offset = end
            yield term, ids[start:stop], weights[start:stop], term_values
            start = stop
