"""export: stable columns, streamed, Excel guard, files, the API."""

import csv
import io
import json

from archive_search import Archive
from archive_search.output.export import COLUMNS, write_hits
from archive_search.search.records import Hit


def rows(text):
    return list(csv.reader(io.StringIO(text)))


def test_default_columns_and_all_hits(run, sample_index):
    result = run("--index", sample_index, "export", "مخيم OR الحسكة")
    assert result.exit_code == 0
    table = rows(result.stdout)
    assert table[0] == list(COLUMNS)
    assert len(table) - 1 == 11  # every hit, not a first page of 10
    assert [r[0] for r in table[1:]] == [str(i) for i in range(1, 12)]


def test_columns_pick_and_order(run, sample_index):
    result = run("--index", sample_index, "export", "داعش", "--columns", "id,speakers,date")
    table = rows(result.stdout)
    assert table[0] == ["id", "speakers", "date"]
    assert ["bulletins/regional-bulletin.jsonl#b-005", "بدران جيا كرد", "2019-06-12"] in table


def test_unknown_column_lists_valid_ones(run, sample_index):
    result = run("--index", sample_index, "export", "داعش", "--columns", "id,author")
    assert result.exit_code == 2
    assert result.stderr == (
        "archive-search: error: unknown column 'author'; valid columns: "
        "rank,score,id,title,speakers,date,topic,source,url,path,snippet,matched\n"
    )


def test_speakers_joined(run, sample_index):
    result = run("--index", sample_index, "export", "الهول", "--columns", "id,speakers")
    assert ["reports/hol-camp-repatriation.md", "عبد الكريم عمر ; فنر الكعيط"] in rows(result.stdout)


def test_no_hits_header_only_exit_1(run, sample_index):
    result = run("--index", sample_index, "export", "بطريق")
    assert result.exit_code == 1
    assert rows(result.stdout) == [list(COLUMNS)]


def test_filters_apply(run, sample_index):
    result = run("--index", sample_index, "export", "مخيم", "--since", "2020-01-01", "--columns", "date")
    dates = [r[0] for r in rows(result.stdout)[1:]]
    assert dates and all(d >= "2020-01-01" for d in dates)


def test_output_file(run, sample_index, tmp_path):
    target = tmp_path / "hits.csv"
    result = run("--index", sample_index, "export", "مخيم", "-o", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "wrote 5 hits to" in result.stderr
    assert rows(target.read_text(encoding="utf-8"))[0] == list(COLUMNS)
    assert [p.name for p in tmp_path.iterdir()] == ["hits.csv"]


def test_unwritable_target(run, sample_index, tmp_path):
    target = tmp_path / "no" / "such" / "dir" / "hits.csv"
    result = run("--index", sample_index, "export", "مخيم", "-o", target)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"archive-search: error: cannot write {target}")
    assert not target.exists()


def test_excel_bom_and_formula_guard():
    hits = [
        Hit(rank=1, id="a", score=1.0, title="=HYPERLINK(\"x\")", speakers=["+علي"], date=None, topic="-سياسة",
            topic_predicted=False, source="@src", url="\tx", path="p", matched=["عادي"]),
    ]
    out = io.StringIO()
    write_hits(hits, out, excel=True)
    text = out.getvalue()
    assert text.startswith("\ufeff")
    (header, row) = rows(text[1:])
    record = dict(zip(header, row))
    assert record["title"] == "'=HYPERLINK(\"x\")"
    assert record["speakers"] == "'+علي"
    assert record["topic"] == "'-سياسة"
    assert record["source"] == "'@src"
    assert record["url"] == "'\tx"
    assert record["matched"] == "عادي"
    # without --excel the data is left exactly as it is
    plain = io.StringIO()
    write_hits(hits, plain)
    assert dict(zip(*rows(plain.getvalue())))["title"] == "=HYPERLINK(\"x\")"


def test_excel_through_cli(run, sample_index, tmp_path):
    target = tmp_path / "hits.csv"
    run("--index", sample_index, "export", "مخيم", "--excel", "-o", target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_round_trip_of_tricky_arabic_fields():
    title = 'قال: "لا، لن نغادر"،\nوأضاف, بفاصلة'
    hits = [Hit(rank=1, id="x#1", score=2.5, title=title, speakers=["بدران جيا كرد", "ليلى مصطفى"], date="2020-01-02",
                topic=None, topic_predicted=False, source=None, url=None, path=None)]
    out = io.StringIO()
    write_hits(hits, out)
    (_header, row) = rows(out.getvalue())
    assert row[3] == title
    assert row[4] == "بدران جيا كرد ; ليلى مصطفى"


def test_jsonl_export(run, sample_index):
    result = run("--index", sample_index, "export", "داعش", "-f", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(isinstance(r["speakers"], list) for r in records)


def test_api_export(sample_index, tmp_path):
    target = tmp_path / "out.csv"
    with Archive(sample_index) as archive:
        count = archive.export("داعش", target, columns=["id", "date"], speaker="بدران جيا كرد",
                               since="2019-01-01", until="2019-12-31")
    assert count == 1
    assert rows(target.read_text(encoding="utf-8")) == [["id", "date"],
                                                        ["bulletins/regional-bulletin.jsonl#b-005", "2019-06-12"]]
