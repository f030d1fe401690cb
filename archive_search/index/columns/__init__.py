"""The index's columns: its postings, field lengths and dates as flat arrays, beside Whoosh's segments.

Whoosh keeps postings in pickled, compressed blocks that Python decodes one
posting at a time; a search over a million articles would spend seconds
there. So every segment also has a columnar copy, read through memory maps
with numpy: for each field and term its documents and term counts (and, for
the body's stems, the positions phrases and proximity need), each
document's field lengths as Whoosh stores them, and its date. Whoosh still
reads, updates and merges the index; the copy is written beside each new
segment (by a rebuild's workers as they encode, or from the segment itself
after an update) and removed with it.

A segment's copy is made of *shards*, one a rebuild worker, each covering a
run of the segment's documents (:mod:`.shard`). :mod:`.writer` writes a
shard from arrays, :mod:`.from_segment` from a Whoosh segment,
:mod:`.store` finds and checks the copies of a generation's segments.
numpy is imported by this package; a search imports it only when it reads
enough postings to gain from it.
"""
