"""Inverting documents in memory: from fields to per-term posting lists.

:class:`Inverter` takes documents as Whoosh ``add_document`` arguments and
keeps, for each field and term, the documents it occurs in with their
weights and posting values, exactly as the schema's fields and formats make
them (the Arabic text fields through the analyzer's token-free path, see
:func:`archive_search.analysis.term_positions_function`), and the length of
each field in each document. It hands them over encoded, term by term in
order (:meth:`Inverter.parts`), as parts of Whoosh 3 posting lists (see
:mod:`archive_search.w3blocks`).
"""

from __future__ import annotations

from array import array
from datetime import datetime
from itertools import repeat

from archive_search.analysis import term_positions_function
from archive_search.postings import ArabicPositions, encode_term
from archive_search.w3blocks import EncodedField, encode_part

# Field values whose index terms are remembered at most (see Inverter._generic_items).
_ITEMS_REMEMBERED = 1 << 14

# field name → term → [docnums, weights, posting values]
Postings = dict[str, dict]


class Inverter:
    """Postings and field lengths of documents numbered 0, 1, … in the order added."""

    def __init__(self, schema):
        self.schema = schema
        self.postings: Postings = {}
        self.lengths: dict[str, array] = {}
        self.doc_count = 0
        self._positions_of: dict[str, object] = {}
        self._items_of: dict[tuple, list] = {}

    def add(self, fields: dict) -> dict[str, int]:
        """Invert one document; returns the length of each indexed field."""
        lengths = {}
        docnum = self.doc_count
        for name, value in fields.items():
            if name.startswith("_") or value is None:
                continue
            field = self.schema[name]
            if field.indexed:
                length = lengths[name] = self._index_field(name, field, value, docnum)
                if field.scorable:
                    column = self.lengths.get(name)
                    if column is None:
                        column = self.lengths[name] = array("I")
                    if len(column) < docnum:
                        column.extend(repeat(0, docnum - len(column)))
                    column.append(length)
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
            items = [(term, len(places) * boost, encode_term(term, places)) for term, places in positions.items()]
        else:
            found = self._generic_items(field, value)
            items = [(term, weight, vbytes) for term, _, weight, vbytes in found]
            length = sum(freq for _, freq, _, _ in found)
        # the hot loop of indexing
        for term, weight, vbytes in items:
            entry = postings.get(term)
            if entry is None:
                postings[term] = [array("I", (docnum,)), array("f", (weight,)), [vbytes]]
            else:
                entry[0].append(docnum)
                entry[1].append(weight)
                entry[2].append(vbytes)
        return length

    def _generic_items(self, field, value) -> list[tuple]:
        """``field.index(value)``, remembered for values that repeat (dates,
        topics, sources, file paths): Whoosh's numeric and date fields take
        tens of microseconds a value."""
        if field.unique or not isinstance(value, (str, datetime)):
            return list(field.index(value))
        key = (id(field), value)
        items = self._items_of.get(key)
        if items is None:
            if len(self._items_of) >= _ITEMS_REMEMBERED:
                self._items_of.clear()
            items = self._items_of[key] = list(field.index(value))
        return items

    def fields(self) -> list[str]:
        return list(self.postings)

    def parts(self, name: str, first_docnum: int = 0):
        """(term bytes, part) of one field in term order, documents renumbered
        from ``first_docnum``; each term is dropped from memory once given."""
        postings = self.postings.pop(name, {})
        lengths = self.lengths.get(name)
        fixed_size = self.schema[name].format.fixed_value_size()
        # Whoosh orders terms by their UTF-8 bytes; analysed terms are str here.
        for btext, term in sorted((t.encode("utf-8") if isinstance(t, str) else t, t) for t in postings):
            yield btext, encode_part(*postings.pop(term), lengths, fixed_size, first_docnum)

    def encode(self, first_docnum: int = 0) -> dict[str, EncodedField]:
        """All the postings encoded for another process; the inverter is left empty."""
        self._positions_of.clear()  # nothing more to analyse (and the analysers hold caches)
        return {name: EncodedField.pack(self.parts(name, first_docnum)) for name in self.fields()}
