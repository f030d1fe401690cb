"""CSV and JSON Lines writers for hits: stable columns, streamed, Arabic unescaped.

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
from archive_search.output.safe_text import json_safe

COLUMNS = ("rank", "score", "id", "title", "speakers", "date", "topic", "source", "url", "path",
           "snippet", "matched")
FORMATS = ("csv", "jsonl")
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


def _cell(hit_dict: dict, column: str) -> str:
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


def write_hits(hits: Iterable, stream: IO[str], fmt: str = "csv", columns=None, excel: bool = False) -> int:
    """Write hits to an open text stream; returns the number of hits written.

    CSV always starts with its header row, even when there are no hits.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
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
        row = [_cell(record, c) for c in chosen]
        if excel:
            row = [_neutralize(cell) for cell in row]
        writer.writerow(row)
        count += 1
    return count


def export_hits(hits: Iterable, target: str | Path | IO[str], fmt: str = "csv", columns=None,
                excel: bool = False) -> int:
    """Write hits to a path (``-`` for stdout) or an open text stream.

    A path is written as :func:`archive_search.output.files.write_output`
    writes: a regular file atomically (a failed export never leaves a
    half-written file under the target name), a device or FIFO in place.
    """
    parse_columns(columns)  # a bad column list fails before any file is touched
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if hasattr(target, "write"):
        return write_hits(hits, target, fmt, columns, excel)
    if str(target) == "-":
        return write_hits(hits, sys.stdout, fmt, columns, excel)
    return write_output(target, lambda stream: write_hits(hits, stream, fmt, columns, excel))
