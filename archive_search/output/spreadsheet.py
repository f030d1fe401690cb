"""Hits as a real Office Open XML workbook (.xlsx), with XlsxWriter, streamed.

XlsxWriter's constant-memory mode writes each row as it comes, so memory
stays flat whatever the number of hits. The sheet reads right to left, its
header row is bold and frozen, dates are real dates, URLs are links, ids
and paths are text, columns are as wide as their text (Arabic included) up
to a limit, and every value is written as a string or a number, never as a
formula: a title that starts with ``=`` is text.

Excel's own limits hold: a sheet has at most 1,048,576 rows (more hits are
an error, before the file appears, rather than a silent cut), a cell at most
32,767 characters (XlsxWriter cuts longer text) and at most 65,530 links
(later URLs are plain text).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import IO, Iterable

from archive_search.errors import ExportError
from archive_search.output.export import COLUMNS, cell_text

SHEET = "hits"
# Column widths, in characters: at least the header's, at most this.
MAX_WIDTH = 80
MAX_ROWS = 1_048_576
MAX_LINKS = 65_530
MAX_URL_CHARS = 2_079
_NUMBERS = ("rank", "score")


def write_workbook(hits: Iterable, stream: IO[bytes], columns=COLUMNS) -> int:
    """Write hits to a binary stream as a workbook; returns the number of hits written.

    XlsxWriter keeps its row data in temporary files until the end; they
    live in a folder of this call's, gone whether the export ends or fails.
    """
    import tempfile

    import xlsxwriter

    with tempfile.TemporaryDirectory(prefix="archive-search-xlsx-") as scratch:
        workbook = xlsxwriter.Workbook(stream, {"constant_memory": True, "tmpdir": scratch,
                                                "strings_to_numbers": False, "strings_to_formulas": False,
                                                "strings_to_urls": False})
        try:
            count = _write_rows(workbook, hits, columns)
        except BaseException:
            _abandon(workbook)
            raise
        workbook.close()
    return count


def _write_rows(workbook, hits: Iterable, columns) -> int:
    sheet = _Sheet(workbook, columns)
    count = 0
    for count, hit in enumerate(hits, 1):
        if count >= MAX_ROWS:
            raise ExportError(f"a workbook holds at most {MAX_ROWS - 1:,} hits: "
                              "narrow the search, give --limit, or export CSV")
        sheet.write_row(count, hit.to_dict())
    sheet.finish()
    return count


def _abandon(workbook) -> None:
    """Close the row files of a workbook that will not be finished (XlsxWriter
    has no call for that; its constant-memory sheets keep them in ``row_data_fh``)."""
    for sheet in workbook.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        if handle is not None and not handle.closed:
            handle.close()


class _Sheet:
    """One worksheet of hits: its formats, column widths and links so far."""

    def __init__(self, workbook, columns) -> None:
        self.sheet = workbook.add_worksheet(SHEET)
        self.sheet.right_to_left()
        self.columns = tuple(columns)
        self.formats = {"header": workbook.add_format({"bold": True}),
                        "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
                        "score": workbook.add_format({"num_format": "0.0000"})}
        self.widths = [len(name) for name in self.columns]
        self.links = 0
        for column, name in enumerate(self.columns):
            self.sheet.write_string(0, column, name, self.formats["header"])
        self.sheet.freeze_panes(1, 0)
        # Printed (or saved as PDF): across, as wide as the page, the header on every page.
        self.sheet.set_landscape()
        self.sheet.fit_to_pages(1, 0)
        self.sheet.repeat_rows(0)

    def write_row(self, row: int, record: dict) -> None:
        for column, name in enumerate(self.columns):
            self.widths[column] = max(self.widths[column], self._write_cell(row, column, name, record))

    def finish(self) -> None:
        for column, width in enumerate(self.widths):
            self.sheet.set_column(column, column, min(MAX_WIDTH, width + 2))

    def _write_cell(self, row: int, column: int, name: str, record: dict) -> int:
        """Write a hit's value as its kind of cell; returns how wide it is, in characters."""
        value = record[name]
        if value is None or value == []:
            return 0
        if name in _NUMBERS:
            self.sheet.write_number(row, column, value, self.formats["score"] if name == "score" else None)
            return len(cell_text(record, name))
        if name == "date":
            self.sheet.write_datetime(row, column, _midnight(value), self.formats["date"])
            return len("yyyy-mm-dd")
        if name == "url" and self._linkable(value):
            self.links += 1
            self.sheet.write_url(row, column, value, string=value)
            return len(value)
        text = cell_text(record, name)
        self.sheet.write_string(row, column, text)
        return len(text)

    def _linkable(self, url: str) -> bool:
        return (self.links < MAX_LINKS and url.startswith(("http://", "https://"))
                and len(url) <= MAX_URL_CHARS and "#" not in url)


def _midnight(value: str) -> datetime:
    return datetime.combine(date.fromisoformat(value), datetime.min.time())
