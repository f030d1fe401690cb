"""Where a generation keeps its segments' columns, and opening them for a search.

``columns/<segment id>/<shard>/`` in the generation folder, one shard a
rebuild worker (or one for a segment an update wrote). A segment whose
columns are missing or incomplete is searched through Whoosh instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

from archive_search.index.columns.shard import META, Shard

COLUMNS = "columns"


def segment_folder(generation: Path, segment_id: str) -> Path:
    return Path(generation) / COLUMNS / segment_id


def shards(generation: Path, segment_id: str) -> list[Shard] | None:
    """A segment's shards in document order; None if its columns are missing or incomplete."""
    folder = segment_folder(generation, segment_id)
    try:
        found = [Shard(path) for path in sorted(folder.iterdir(), key=lambda p: int(p.name))
                 if (path / META).exists()]
    except (FileNotFoundError, ValueError):
        return None
    if not found:
        return None
    expected = 0
    for shard in sorted(found, key=lambda s: s.first_doc):
        if shard.first_doc != expected:
            return None  # a shard is missing
        expected += shard.doc_count
    return sorted(found, key=lambda s: s.first_doc)


class Leaf(NamedTuple):
    """One segment of an opened index, as the vectorized scorer reads it."""

    offset: int  # its first document's docnum in the whole index
    doc_count: int  # its documents, deleted ones included
    shards: list[Shard] | None  # None: no columns, read it through Whoosh
    deleted: object  # bool array of its deleted documents, or None
    reader: object  # its Whoosh reader


def leaves(whoosh_searcher, generation: Path) -> list[Leaf]:
    """The segments of a Whoosh searcher with their columns (numpy is imported here)."""
    import numpy as np

    found = []
    for sub, offset in whoosh_searcher.leaf_searchers():
        reader = sub.reader()
        documents = reader.doc_count_all()
        deleted = None
        if reader.has_deletions():
            deleted = np.zeros(documents, dtype=bool)
            deleted[sorted(reader.deleted_docs_set)] = True
        segment_shards = shards(generation, reader.segment().segment_id())
        if segment_shards is not None and sum(s.doc_count for s in segment_shards) != documents:
            segment_shards = None
        found.append(Leaf(offset, documents, segment_shards, deleted, reader))
    _allow_open_files(sum(len(leaf.shards or ()) for leaf in found))  # a shard's map holds a descriptor
    return found


def _allow_open_files(wanted: int) -> None:
    """Raise the soft limit of open files towards the hard one if the shards may need more
    (many systems start processes with 1,024, which a large archive's shards could exceed)."""
    try:
        import resource
    except ImportError:  # not on this system
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted += 256  # the index's own segment files, and whatever else the process has open
    if soft != resource.RLIM_INFINITY and soft < wanted:
        target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError):
            pass


def complete(generation: Path, ix) -> None:
    """Write the columns of every segment of ``ix`` that has none (from the
    segment itself) and remove those of segments it no longer has."""
    from archive_search.index.columns.from_segment import write_from_segment

    live = set()
    with ix.reader() as reader:
        for leaf, _ in _leaf_readers(reader):
            segment_id = leaf.segment().segment_id()
            live.add(segment_id)
            if shards(generation, segment_id) is None:
                folder = segment_folder(generation, segment_id)
                shutil.rmtree(folder, ignore_errors=True)
                write_from_segment(leaf, folder / "0")
    root = Path(generation) / COLUMNS
    if root.is_dir():
        for folder in root.iterdir():
            if folder.name not in live:
                shutil.rmtree(folder, ignore_errors=True)


def _leaf_readers(reader):
    return reader.leaf_readers() if not reader.is_atomic() else [(reader, 0)]
