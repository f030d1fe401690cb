"""Where an index lives on disk: generations, the writer lock, the atomic swap.

An index directory holds one or more *generations* (complete Whoosh indexes,
``gen-*``) and a symbolic link ``current`` naming the one searches use::

    index/
      current -> gen-20261129-083012.123456789-4711
      gen-20261129-083012.123456789-4711/
      .lock

A rebuild writes a new generation beside the current one and then replaces the
link in one ``rename``; until then searches read the previous generation, and a
rebuild that dies leaves only a ``*.building`` directory that the next writer
removes. Writers hold ``.lock`` (an advisory ``flock``), so a second writer is
refused at once instead of waiting.

Each generation names the :data:`INDEX_FORMAT` it was built for, and the
sizes of its files (:mod:`archive_search.index.integrity`): one built for
another format is refused with a request to rebuild it, a damaged one is
reported as damaged.
"""

from __future__ import annotations

import fcntl
import gc
import io
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from archive_search.errors import IndexBroken, IndexLocked, IndexMissing, IndexOutdated, IndexUnwritable
from archive_search.index.integrity import check_files, damaged, read_format, record_files, write_format

CURRENT = "current"
LOCK = ".lock"
GENERATION_PREFIX = "gen-"
BUILDING_SUFFIX = ".building"
INDEX_NAME = "MAIN"
# What a generation's terms mean, incremented whenever a change to the analysis of
# words (normalization, stopwords, stemming) or to what the index stores
# would make an index built before answer wrongly: a query's terms would no
# longer be the terms of the same words in the index, and words would go
# missing without a sign; or a move of a class the index pickles (its
# analyzers and posting format), which an older index could no longer load.
# 2: longer stems lose a final ا or ت. 3: more stopword spellings (فى, هى,
# ماهي …). 4: the package's subpackages (archive_search.text.analyzer,
# archive_search.index.posting_format). 5: columns beside every segment
# (archive_search.index.columns), the manifest in SQLite. 6: speakers found
# by the finder of archive_search.articles.speakers, and each speaker's key
# (speaker_keys) for finding a person under any variant of the name. 7: a
# shard of columns is one ``arrays`` file (archive_search.index.columns.shard),
# and the speaker finder's better reading of titles and names.
INDEX_FORMAT = 7


def current_generation(index_dir: Path) -> Path:
    """The generation searches should read; raises IndexMissing if none."""
    link = Path(index_dir) / CURRENT
    try:
        target = os.readlink(link)
    except FileNotFoundError:
        raise IndexMissing(f"no index at {index_dir} (run 'archive-search rebuild-index')") from None
    except OSError as exc:
        raise IndexBroken(f"cannot read the index at {index_dir}: {exc.strerror}") from None
    path = Path(index_dir) / target
    if not path.is_dir():
        raise IndexBroken(f"the index at {index_dir} points to a missing generation {target}")
    return path


def exists(index_dir: Path) -> bool:
    try:
        current_generation(index_dir)
        return True
    except (IndexMissing, IndexBroken):
        return False


def open_index(index_dir: Path):
    """Open the current generation for searching.

    ``supports_mmap=False``: Whoosh's memory-mapped storage copies every sub-file
    of a compound segment into a buffer at open (100+ ms on a large index);
    plain file reads open in a few milliseconds.
    """
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import EmptyIndexError

    generation = current_generation(index_dir)
    check(generation, index_dir)
    try:
        return FileStorage(str(generation), supports_mmap=False).open_index(INDEX_NAME)
    except EmptyIndexError:
        raise damaged(index_dir, "it has no table of contents") from None
    except Exception as exc:  # whatever a truncated or garbled file makes Whoosh raise
        raise damaged(index_dir, f"{type(exc).__name__}: {exc}") from None


def check(generation: Path, index_dir: Path) -> None:
    """Raise IndexOutdated for a generation of another format, IndexBroken for a damaged one."""
    found = read_format(generation)
    if found is None:
        raise damaged(index_dir, "its FORMAT file is missing or garbled")
    if found != INDEX_FORMAT:
        raise IndexOutdated(f"the index at {index_dir} was built by another version of archive-search; "
                            "rebuild it with 'archive-search rebuild-index'")
    check_files(generation, index_dir)


def seal(generation: Path) -> None:
    """Record in a complete generation its format and the sizes of its files."""
    record_files(generation)
    write_format(generation, INDEX_FORMAT)


def is_outdated(generation: Path) -> bool:
    """Whether a generation records another index format than :data:`INDEX_FORMAT`
    (a damaged record is not another format: see :func:`check`)."""
    found = read_format(generation)
    return found is not None and found != INDEX_FORMAT


@contextmanager
def writer_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index's writer lock; raises IndexLocked if another process has it."""
    index_dir = Path(index_dir)
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(index_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise IndexUnwritable(f"cannot write the index directory {index_dir}: {exc.strerror}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexLocked(f"the index at {index_dir} is being updated by another process") from None
        yield
    finally:
        os.close(fd)


def new_generation(index_dir: Path) -> Path:
    """A fresh, empty ``*.building`` directory for a rebuild (lock held)."""
    remove_stale(index_dir)
    # Time to the nanosecond: two rebuilds within one second (a script calling
    # Archive.rebuild twice) must not get the same name; names sort by age.
    now = time.time_ns()
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now // 10**9))
    name = f"{GENERATION_PREFIX}{stamp}.{now % 10**9:09d}-{os.getpid()}{BUILDING_SUFFIX}"
    path = Path(index_dir) / name
    try:
        path.mkdir()
    except OSError as exc:
        raise IndexUnwritable(f"cannot write the index directory {index_dir}: {exc.strerror}") from None
    return path


def publish(index_dir: Path, building: Path) -> Path:
    """Make a finished generation current, atomically; drop all but the previous one."""
    index_dir = Path(index_dir)
    final = building.with_name(building.name[: -len(BUILDING_SUFFIX)])
    os.rename(building, final)
    tmp_link = index_dir / f".{CURRENT}.{os.getpid()}"
    if tmp_link.is_symlink():
        tmp_link.unlink()
    os.symlink(final.name, tmp_link)
    previous = os.readlink(index_dir / CURRENT) if (index_dir / CURRENT).is_symlink() else None
    os.replace(tmp_link, index_dir / CURRENT)
    _fsync_dir(index_dir)
    # Keep the previous generation: a search that opened it a moment ago may
    # still be reading its files. Anything older goes.
    for path in index_dir.glob(f"{GENERATION_PREFIX}*"):
        if path.name not in (final.name, previous) and not path.name.endswith(BUILDING_SUFFIX):
            shutil.rmtree(path, ignore_errors=True)
    return final


def remove_stale(index_dir: Path) -> None:
    """Remove half-built generations left by an interrupted rebuild (lock held)."""
    for path in Path(index_dir).glob(f"{GENERATION_PREFIX}*{BUILDING_SUFFIX}"):
        shutil.rmtree(path, ignore_errors=True)


def size_on_disk(index_dir: Path) -> int:
    generation = current_generation(index_dir)
    return sum(p.stat().st_size for p in generation.iterdir() if p.is_file())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def close_files_in(folder: Path) -> None:
    """Close every file this process still has open in ``folder``: a write
    that failed leaves Whoosh's writer with files it never closed, and they
    would try to flush onto the full disk again whenever they are freed."""
    where = str(folder)
    for obj in gc.get_objects():
        if isinstance(obj, io.IOBase) and str(getattr(obj, "name", "")).startswith(where):
            try:
                if not obj.closed:
                    obj.close()
            except (OSError, ValueError):
                pass  # the flush on the way out fails on a full disk; the file is closed all the same
