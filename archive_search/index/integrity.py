"""Telling a damaged index from a sound one, and from one of another version.

A generation records the index format it was built for (``FORMAT``) and the
size of every file of its index, Whoosh's and its columns' (``FILES``), written when a rebuild
or an update is complete. Opening an index checks both: a missing or
unreadable ``FORMAT``, or a file missing or of another size (a segment
truncated by a full disk, a file deleted by hand), is damage, reported with
the rebuild hint; a ``FORMAT`` naming another number is another version. The
check costs one ``stat`` a file.
"""

from __future__ import annotations

import os
from pathlib import Path

from archive_search.errors import IndexBroken

FORMAT_FILE = "FORMAT"
FILES_FILE = "FILES"
# Files of a generation that are not Whoosh's (or come and go while it is written).
_NOT_RECORDED = ("FORMAT", "FILES", "manifest.sqlite3", "manifest.sqlite3-journal", "topics.npz",
                 "known-names.json.gz")


def damaged(index_dir: Path, what: str) -> IndexBroken:
    """The error for a damaged index: what is wrong, and the rebuild hint."""
    return IndexBroken(f"the index at {index_dir} is damaged ({what}); "
                       "rebuild it with 'archive-search rebuild-index'")


def read_format(generation: Path) -> int | None:
    """The index format a generation records; None when it records none
    readable (a missing, empty or garbled ``FORMAT``)."""
    try:
        text = (generation / FORMAT_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def write_format(generation: Path, index_format: int) -> None:
    _write_atomically(generation / FORMAT_FILE, f"{index_format}\n")


def _index_files(generation: Path) -> dict[str, int]:
    """The size of every file of the generation's index, by path relative to it."""
    sizes = {}
    for folder, subfolders, names in os.walk(generation):
        subfolders[:] = [d for d in subfolders if not d.startswith(".") and not d.endswith(".tmp")]
        rel = os.path.relpath(folder, generation)
        for name in names:
            if (name not in _NOT_RECORDED and "LOCK" not in name and not name.startswith(".")
                    and not name.endswith(".tmp")):
                path = name if rel == "." else f"{rel}/{name}"
                sizes[path] = os.stat(os.path.join(folder, name)).st_size
    return sizes


def record_files(generation: Path) -> None:
    """Record the size of every file of the generation's index, as they are now."""
    lines = "".join(f"{name}\t{size}\n" for name, size in sorted(_index_files(generation).items()))
    _write_atomically(generation / FILES_FILE, lines)


def check_files(generation: Path, index_dir: Path) -> None:
    """Raise IndexBroken if a file recorded by :func:`record_files` is missing
    or has another size (nothing is checked in a generation without the record)."""
    try:
        recorded = (generation / FILES_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    except OSError as exc:
        raise damaged(index_dir, f"{FILES_FILE}: {exc.strerror}") from None
    for line in recorded.splitlines():
        name, _, size = line.partition("\t")
        if not size.isdigit():
            raise damaged(index_dir, f"{FILES_FILE} is garbled")
        try:
            found = os.stat(generation / name).st_size
        except FileNotFoundError:
            raise damaged(index_dir, f"{name} is missing") from None
        except OSError as exc:
            raise damaged(index_dir, f"{name}: {exc.strerror}") from None
        if found != int(size):
            raise damaged(index_dir, f"{name} has {found:,} bytes, {int(size):,} were written")


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
