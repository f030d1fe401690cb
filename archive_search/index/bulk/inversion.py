"""Inverting documents in memory: from fields to per-term posting lists.

:class:`Inverter` takes documents as Whoosh ``add_document`` arguments and
keeps, for each field and term, the documents it occurs in with their
weights and posting values, exactly as the schema's fields and formats make
them, and the length of each field in each document. The Arabic text fields
are kept as word ids and inverted all at once when their postings are
wanted (:mod:`archive_search.index.bulk.text_postings`); the other fields term by term.
It hands them over encoded, term by term in order (:meth:`Inverter.parts`),
as parts of Whoosh 3 posting lists (see :mod:`archive_search.index.bulk.w3_postings`).
"""

from __future__ import annotations

from array import array
from datetime import datetime
from itertools import repeat
from typing import Iterator

from archive_search.index.bulk import text_postings
from archive_search.index.bulk.text_postings import FieldWords, length_byte_by_docnum
from archive_search.index.columns.shard import FIELDS, NO_DATE, SCORED
from archive_search.index.columns.writer import ShardWriter
from archive_search.index.bulk.w3_postings import EncodedField, encode_part
from archive_search.index.posting_format import ArabicPositions
from archive_search.text.word_ids import word_ids_for

# Field values whose index terms are remembered at most (see Inverter._generic_items).
_ITEMS_REMEMBERED = 1 << 14

# field name → term → [docnums, weights, posting values]
FieldPostings = dict[str, dict]
_EPOCH = datetime(1970, 1, 1)


class Inverter:
    """Postings and field lengths of documents numbered 0, 1, … in the order added."""

    def __init__(self, schema):
        self.schema = schema
        self.postings: FieldPostings = {}
        self.lengths: dict[str, array] = {}
        self.dates = array("i")  # by docnum: days since 1970-01-01, NO_DATE for none
        self.doc_count = 0
        self._words: dict[str, FieldWords] = {}  # the Arabic text fields
        self._generic: set[str] = set()  # the other fields seen
        self._items_of: dict[tuple, list] = {}

    def word_count(self) -> int:
        """How many words of the Arabic text fields are inverted (a position each)."""
        return sum(len(words.ids) for words in self._words.values())

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
        date = fields.get("date")
        self.dates.append((date - _EPOCH).days if isinstance(date, datetime) else NO_DATE)
        self.doc_count += 1
        return lengths

    def _index_field(self, name: str, field, value, docnum: int) -> int:
        words = self._words.get(name)
        if words is None and name not in self._generic:
            word_ids = word_ids_for(field.analyzer) if type(field.format) is ArabicPositions else None
            if word_ids is not None:
                words = self._words[name] = FieldWords(word_ids)
            else:
                self._generic.add(name)
        if words is not None:
            return words.add(docnum, value)
        postings = self.postings.get(name)
        if postings is None:
            postings = self.postings[name] = {}
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

    def parts(self, name: str, first_docnum: int = 0, shard: ShardWriter | None = None):
        """(term bytes, part) of one field in term order, documents renumbered
        from ``first_docnum``; each term is dropped from memory once given.
        The field's columns go to ``shard`` as they are made."""
        if name in self._words:
            for chunk in self._encoded_words(name, first_docnum, shard):
                yield from chunk
            return
        lengths = self.lengths.get(name)
        fixed_size = self.schema[name].format.fixed_value_size()
        field_postings = self.postings.pop(name, {})
        columns = _GenericColumns(name, first_docnum) if shard is not None and name in FIELDS else None
        # Whoosh orders terms by their UTF-8 bytes; analysed terms are str here.
        for btext, term in sorted((t.encode("utf-8") if isinstance(t, str) else t, t) for t in field_postings):
            postings = field_postings.pop(term)
            if columns is not None:
                columns.add(btext, postings)
            yield btext, encode_part(*postings, lengths, fixed_size, first_docnum)
        if columns is not None:
            columns.write(shard)

    def _encoded_words(self, name: str, first_docnum: int, shard: ShardWriter | None) -> Iterator[EncodedField]:
        field_format = self.schema[name].format
        return text_postings.encoded_field(self._words.pop(name), field_format.field_boost, self.lengths.get(name),
                                           field_format.fixed_value_size(), first_docnum,
                                           (shard, name) if shard is not None and name in FIELDS else None)

    def encoded(self, names: list[str], first_docnum: int = 0,
                shard: ShardWriter | None = None) -> Iterator[tuple[str, EncodedField | None]]:
        """The postings of the named fields, in that order, encoded for
        another process as they are ready: (name, part of the field's terms)
        for each run of its terms, then (name, None) when the field is done
        (for a field without terms too); the columns to ``shard``, completed
        once every field is done. The inverter is left empty."""
        for words in self._words.values():
            words.word_ids.forget_texts()  # nothing more to analyse
        for name in names:
            if name in self._words:
                for chunk in self._encoded_words(name, first_docnum, shard):
                    yield name, chunk
            elif name in self.postings:
                yield name, EncodedField.pack(self.parts(name, first_docnum, shard))
            yield name, None
        if shard is not None:
            self.finish_shard(shard)

    def finish_shard(self, shard: ShardWriter) -> None:
        """The documents' field lengths and dates to ``shard``, and the shard finished."""
        for name in SCORED:
            shard.set_lengths(name, length_byte_by_docnum(self.lengths.get(name), self.doc_count))
        shard.set_dates(self.dates)
        shard.finish()


class _GenericColumns:
    """The columns of a field inverted term by term, gathered for one shard run."""

    def __init__(self, name: str, first_docnum: int):
        self.name, self.first_docnum = name, first_docnum
        self.terms, self.counts = [], []
        self.docs, self.tfs = array("I"), array("f")

    def add(self, btext: bytes, postings) -> None:
        docnums, weights, _ = postings
        self.terms.append(btext)
        self.counts.append(len(docnums))
        self.docs.extend(docnums)
        self.tfs.extend(weights)

    def write(self, shard: ShardWriter) -> None:
        import numpy as np

        docs = np.frombuffer(self.docs, dtype=np.uint32).astype(np.int64) + self.first_docnum
        shard.add_run(self.name, self.terms, self.counts, docs, np.frombuffer(self.tfs, dtype=np.float32))
