"""Export by file name, and a real workbook read back as a spreadsheet program would (openpyxl)."""

import csv
import datetime
import io
import json

import pytest

from archive_search import Archive
from archive_search.output.export import COLUMNS, export_hits
from archive_search.search.records import Hit

openpyxl = pytest.importorskip("openpyxl")


def hit(rank=1, **fields):
    values = dict(id=f"reports/{rank}.md", score=1.5, title="عنوان", speakers=["بدران جيا كرد"], date="2020-01-02",
                  topic="مخيمات", topic_predicted=False, source="ANHA", url="https://example.org/a?x=1",
                  path=f"reports/{rank}.md")
    values.update(fields)
    return Hit(rank=rank, **values)


def sheet_of(path):
    return openpyxl.load_workbook(path).active


def test_cli_writes_a_real_workbook(run, sample_index, tmp_path):
    target = tmp_path / "hits.xlsx"
    result = run("--index", sample_index, "export", "مخيم OR الحسكة", "-o", target)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(f"wrote 11 hits to {target}\n")
    sheet = sheet_of(target)
    assert sheet.title == "hits"
    assert sheet.sheet_view.rightToLeft
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    assert header == list(COLUMNS)
    assert all(cell.font.b for cell in sheet[1])
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 11
    assert [row[0] for row in rows] == list(range(1, 12))
    by_name = [dict(zip(header, row)) for row in rows]
    assert all(isinstance(row["score"], float) for row in by_name)
    assert all(isinstance(row["id"], str) and isinstance(row["path"], str) for row in by_name)
    dated = [row["date"] for row in by_name if row["date"] is not None]
    assert dated and all(isinstance(day, datetime.datetime) for day in dated)


def test_workbook_and_csv_hold_the_same_hits(run, sample_index, tmp_path):
    run("--index", sample_index, "export", "داعش", "-o", tmp_path / "hits.xlsx")
    run("--index", sample_index, "export", "داعش", "-o", tmp_path / "hits.csv")
    workbook = list(sheet_of(tmp_path / "hits.xlsx").iter_rows(min_row=2, values_only=True))
    table = list(csv.DictReader(io.StringIO((tmp_path / "hits.csv").read_text(encoding="utf-8"))))
    assert [row[2] for row in workbook] == [row["id"] for row in table]
    assert [row[3] for row in workbook] == [row["title"] for row in table]
    assert [row[4] or "" for row in workbook] == [row["speakers"] for row in table]


@pytest.mark.parametrize("title", ["=HYPERLINK(\"http://evil\",\"انقر\")", "+1+1", "-2+3", "@SUM(A1)", "=1+1"])
def test_formula_text_stays_text(tmp_path, title):
    target = tmp_path / "hits.xlsx"
    export_hits([hit(title=title, source="=cmd|' /C calc'!A0")], target)
    sheet = sheet_of(target)
    (row,) = sheet.iter_rows(min_row=2)
    title_cell, source_cell = row[COLUMNS.index("title")], row[COLUMNS.index("source")]
    assert (title_cell.value, title_cell.data_type) == (title, "s")
    assert (source_cell.value, source_cell.data_type) == ("=cmd|' /C calc'!A0", "s")


def test_ids_that_look_like_numbers_stay_text(tmp_path):
    target = tmp_path / "hits.xlsx"
    export_hits([hit(id="00123", path="2019/05/0001")], target)
    (row,) = sheet_of(target).iter_rows(min_row=2, values_only=True)
    assert row[COLUMNS.index("id")] == "00123"
    assert row[COLUMNS.index("path")] == "2019/05/0001"


def test_urls_are_links_and_odd_ones_text(tmp_path):
    target = tmp_path / "hits.xlsx"
    export_hits([hit(1), hit(2, url="javascript:alert(1)"), hit(3, url=None)], target)
    sheet = sheet_of(target)
    column = COLUMNS.index("url") + 1
    link, script, empty = (sheet.cell(row=r, column=column) for r in (2, 3, 4))
    assert link.hyperlink.target == "https://example.org/a?x=1"
    assert script.value == "javascript:alert(1)" and script.hyperlink is None
    assert empty.value is None


def test_columns_fitted_to_arabic_text(tmp_path):
    target = tmp_path / "hits.xlsx"
    long_title = "اجتماع موسع في مخيم الهول لبحث أوضاع النازحين وعودة العائلات إلى مناطقها"
    export_hits([hit(title=long_title)], target, columns=["id", "title", "date"])
    sheet = sheet_of(target)
    assert sheet.column_dimensions["B"].width >= len(long_title)
    assert sheet.column_dimensions["A"].width < sheet.column_dimensions["B"].width


def test_control_characters_do_not_break_the_file(tmp_path):
    target = tmp_path / "hits.xlsx"
    export_hits([hit(title="عنوان\x1b]0;x\x07 و\x00نص")], target)
    (row,) = sheet_of(target).iter_rows(min_row=2, values_only=True)
    assert row[COLUMNS.index("title")].startswith("عنوان")


def test_format_overrides_the_name(run, sample_index, tmp_path):
    target = tmp_path / "hits.txt"
    result = run("--index", sample_index, "export", "داعش", "-o", target, "--format", "jsonl")
    assert result.exit_code == 0
    assert all(json.loads(line)["id"] for line in target.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("name, check", [("hits.csv", lambda data: data.startswith(b"rank,score,id")),
                                         ("hits.jsonl", lambda data: data.startswith(b'{"rank": 1')),
                                         ("HITS.XLSX", lambda data: data.startswith(b"PK"))])
def test_format_by_the_name(run, sample_index, tmp_path, name, check):
    run("--index", sample_index, "export", "داعش", "-o", tmp_path / name)
    assert check((tmp_path / name).read_bytes())


def test_unknown_extension_is_one_line_and_writes_nothing(run, sample_index, tmp_path):
    target = tmp_path / "hits.xls"
    result = run("--index", sample_index, "export", "داعش", "-o", target)
    assert result.exit_code == 2
    assert result.stderr == (f"archive-search: error: cannot tell the format of {target} from its name: "
                             "name it .csv, .jsonl, .xlsx or give --format\n")
    assert list(tmp_path.iterdir()) == []


def test_interrupted_workbook_leaves_no_file(tmp_path):
    def hits():
        yield hit(1)
        raise KeyboardInterrupt

    target = tmp_path / "hits.xlsx"
    with pytest.raises(KeyboardInterrupt):
        export_hits(hits(), target)
    assert list(tmp_path.iterdir()) == []


def test_replacing_a_workbook_is_atomic(tmp_path):
    target = tmp_path / "hits.xlsx"
    export_hits([hit(1)], target)
    before = target.read_bytes()

    def failing():
        yield hit(1)
        raise RuntimeError("the index went away")

    with pytest.raises(RuntimeError):
        export_hits(failing(), target)
    assert target.read_bytes() == before
    assert list(tmp_path.iterdir()) == [target]


def test_api_export_by_name(sample_index, tmp_path):
    with Archive(sample_index) as archive:
        count = archive.export("داعش", tmp_path / "out.xlsx", columns=["id", "title", "date"])
    rows = list(sheet_of(tmp_path / "out.xlsx").iter_rows(values_only=True))
    assert rows[0] == ("id", "title", "date") and len(rows) == count + 1
