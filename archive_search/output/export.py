"""CSV and JSON Lines writers for hits, and the choice of format: stable columns, streamed, Arabic unescaped.

Workbooks (.xlsx) are written by :mod:`archive_search.output.spreadsheet`.

CSV is RFC 4180 in UTF-8. ``excel=True`` adds a byte-order mark (so that
spreadsheet programs read the Arabic right) and neutralizes cells that a
spreadsheet would run as a formula (OWASP's CSV-injection guidance: a leading
=, +, -, @, tab or carriage return gets a leading apostrophe). Without it the
data is written exactly as it is.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Iterable

from archive_search.errors import ExportError
from archive_search.output.files import write_output
from archive_search.output.safe_text import json_safe, safe

COLUMNS = ("rank", "score", "id", "title", "speakers", "date", "topic", "source", "url", "path",
           "snippet", "matched")
TEXT_FORMATS = ("csv", "jsonl")
FORMATS = ("csv", "jsonl", "xlsx")
EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".xlsx": "xlsx"}
SPEAKER_SEPARATOR = " ; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def parse_columns(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Column names from ``"id,title,date"`` or a list; an unknown name is an error."""
    if value is None:
        return COLUMNS
    names = [c.strip() for c in (value.split(",") if isinstance(value, str) else value) if c.strip()]
    unknown = [n for n in names if n not in COLUMNS]
    if unknown or not names:
        problem = f"unknown column {unknown[0]!r}" if unknown else "no columns given"
        raise ExportError(f"{problem}; valid columns: {','.join(COLUMNS)}")
    return tuple(names)


def cell_text(hit_dict: dict, column: str) -> str:
    """A hit's value in a column as the text of a cell (lists joined, the score to 4 places)."""
    value = hit_dict[column]
    if value is None:
        return ""
    if column in ("speakers", "matched"):
        return SPEAKER_SEPARATOR.join(value)
    if column == "score":
        return f"{value:.4f}"
    return str(value)


def _neutralize(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def write_hits(hits: Iterable, stream: IO[str], fmt: str = "csv", columns=None, excel: bool = False,
               terminal: bool = False) -> int:
    """Write hits to an open text stream; returns the number of hits written.

    CSV always starts with its header row, even when there are no hits. For
    a ``terminal``, CSV cells are made :func:`~archive_search.output.safe_text.safe`
    (JSON Lines always has its controls escaped).
    """
    if fmt not in TEXT_FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(TEXT_FORMATS)}")
    chosen = parse_columns(columns)
    count = 0
    if fmt == "jsonl":
        for hit in hits:
            record = hit.to_dict()
            if columns is not None:
                record = {c: record[c] for c in chosen}
            stream.write(json_safe(json.dumps(record, ensure_ascii=False)) + "\n")
            count += 1
        return count
    import csv  # here, not at the top: the CLI reads FORMATS at every start

    if excel:
        stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(chosen)
    for hit in hits:
        record = hit.to_dict()
        row = [cell_text(record, c) for c in chosen]
        if terminal:
            row = [safe(cell) for cell in row]
        if excel:
            row = [_neutralize(cell) for cell in row]
        writer.writerow(row)
        count += 1
    return count


def format_for(target, fmt: str | None) -> str:
    """The format to write: ``fmt`` if given, else the one the target's name
    ends with (CSV for stdout, open streams, devices and FIFOs); an unknown name is an error."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        return fmt
    if hasattr(target, "write") or str(target) == "-" or _is_stream(target):
        return "csv"
    found = EXTENSIONS.get(Path(target).suffix.lower())
    if found is None:
        raise ExportError(f"cannot tell the format of {target} from its name: "
                          f"name it {', '.join(EXTENSIONS)} or give --format")
    return found


def _is_stream(target) -> bool:
    """True for a path to a device or FIFO (``/dev/stdout``, ``/dev/null``, a named pipe)."""
    import os
    import stat

    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def export_hits(hits: Iterable, target: str | Path | IO, fmt: str | None = None, columns=None,
                excel: bool = False, terminal: bool = False) -> int:
    """Write hits to a path (``-`` for stdout) or an open stream, in ``fmt``
    or, without it, the format the path's name ends with (:func:`format_for`).

    A path is written as :func:`archive_search.output.files.write_output`
    writes: a regular file atomically (a failed export never leaves a
    half-written file under the target name), a device or FIFO in place.
    """
    chosen = parse_columns(columns)  # a bad column list or name fails before any file is touched
    fmt = format_for(target, fmt)
    if fmt == "xlsx":
        from archive_search.output.spreadsheet import write_workbook

        write = lambda stream: write_workbook(hits, stream, chosen)  # noqa: E731
        binary = True
    else:
        write = lambda stream: write_hits(hits, stream, fmt, columns, excel, terminal)  # noqa: E731
        binary = False
    if hasattr(target, "write"):
        return write(target)
    if str(target) == "-":
        return write(sys.stdout.buffer if binary else sys.stdout)
    return write_output(target, write, binary)
