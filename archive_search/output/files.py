"""Writing an output file the way a Unix tool does.

* A regular file (new, or there already) is written atomically: into a
  temporary file in the same folder, flushed to disk, then renamed over the
  target, so that an interrupted or failed write leaves the target as it was.
  The file gets the existing file's mode, or for a new one what the umask
  allows (as ``open`` would make it).
* A symbolic link is followed: the file it points to is the target.
* Anything else (a device such as ``/dev/null``, a FIFO, ``/dev/stdout``) is
  written straight into, never replaced.
* A read-only target is refused (even for root, who could write it).

Every failure is an :class:`~archive_search.errors.ExportError` with one line.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, Callable

from archive_search.errors import ExportError

Writer = Callable[[IO], int]


def write_output(target: str | Path, write: Writer, binary: bool = False) -> int:
    """Open ``target`` as described above, call ``write`` with the stream
    (text: UTF-8, newlines as written; or ``binary``) and return what it returns."""
    path = Path(os.path.realpath(target))
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        return _write_in_place(target, path, write, binary)
    if info is not None and not info.st_mode & 0o222:
        raise ExportError(f"cannot write {target}: it is read-only")
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    return _write_replacing(target, path, mode, write, binary)


def _open(path_or_fd, binary: bool, closefd: bool = True):
    if binary:
        return open(path_or_fd, "wb", closefd=closefd)
    return open(path_or_fd, "w", encoding="utf-8", newline="", closefd=closefd)


def _write_in_place(target, path: Path, write: Writer, binary: bool) -> int:
    try:
        with _open(path, binary) as stream:
            return write(stream)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror}") from None


def _write_replacing(target, path: Path, mode: int, write: Writer, binary: bool) -> int:
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror}") from None
    try:
        os.fchmod(fd, mode)
        with _open(fd, binary) as stream:
            count = write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
        _fsync_folder(path.parent)
    except OSError as exc:
        _remove(tmp)
        raise ExportError(f"cannot write {target}: {exc.strerror}") from None
    except BaseException:  # an error in ``write``, Ctrl-C, SIGTERM: no temporary file left behind
        _remove(tmp)
        raise
    return count


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
