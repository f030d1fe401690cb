"""timeline: counts by period from the same query and filters as search, zeros shown, undated said."""

import csv
import io
import json
from datetime import date

import pytest

from archive_search import Archive
from archive_search.search.timeline import period_start

QUERIES = ["مخيم", "مخيم OR داعش OR الكهرباء", "الحسكة", '"مخيم الهول"']


def table(result):
    return list(csv.DictReader(io.StringIO(result.stdout)))


def search_hits(run, index, *args):
    found = run("--index", index, "search", *args, "-f", "jsonl", "--limit", "1000")
    return [json.loads(line) for line in found.stdout.splitlines()]


def search_total(run, index, *args):
    return len(search_hits(run, index, *args))


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_sum_is_search_total(run, sample_index, query, by):
    result = run("--index", sample_index, "timeline", query, "--by", by, "-f", "csv")
    assert result.exit_code == 0, result.stderr
    counted = sum(int(row["articles"]) for row in table(result))
    hits = search_hits(run, sample_index, query)
    undated = sum(1 for hit in hits if hit["date"] is None)
    assert counted + undated == len(hits)
    assert f"{counted + undated} article" in result.stderr


def test_filters_as_search(run, sample_index):
    args = ["مخيم OR داعش", "--since", "2020-01-01", "--until", "2021-12-31"]
    result = run("--index", sample_index, "timeline", *args, "--by", "year", "-f", "csv")
    rows = table(result)
    assert [row["period"] for row in rows] == ["2020", "2021"]
    assert sum(int(row["articles"]) for row in rows) == search_total(run, sample_index, *args)


def test_speaker_filter(run, sample_index):
    result = run("--index", sample_index, "timeline", "داعش", "--speaker", "بدران جيا كرد", "-f", "jsonl")
    periods = [json.loads(line) for line in result.stdout.splitlines()]
    hits = search_hits(run, sample_index, "داعش", "--speaker", "بدران جيا كرد")
    assert sum(p["articles"] for p in periods) == sum(1 for hit in hits if hit["date"]) == 1
    assert len(hits) == 2 and "2 articles, 1 of them dated" in result.stderr
    assert all("بدران جيا كرد" in dict(p["speakers"]) for p in periods if p["articles"])


def test_every_period_between_first_and_last_zeros_included(run, sample_index):
    rows = table(run("--index", sample_index, "timeline", "مخيم", "-f", "csv"))
    starts = [date.fromisoformat(row["start"]) for row in rows]
    assert starts[0] == date(2019, 4, 1) and starts[-1] == date(2021, 8, 1)
    assert len(rows) == 29  # April 2019 … August 2021, month by month
    assert any(row["articles"] == "0" for row in rows)
    assert all(period_start(start, "month") == start for start in starts)


def test_weeks_start_on_monday(run, sample_index):
    rows = table(run("--index", sample_index, "timeline", "مخيم", "--by", "week", "-f", "csv"))
    assert all(date.fromisoformat(row["start"]).weekday() == 0 for row in rows)
    assert rows[0]["period"].startswith("2019-W")


def test_undated_articles_counted_apart(run, sample_index):
    result = run("--index", sample_index, "timeline", "مخيم")
    assert result.exit_code == 0
    assert result.stderr == "archive-search: 5 articles, 4 of them dated; 1 without a date, not in the timeline\n"


def test_chart_shows_bars_zeros_and_busiest_speakers(run, sample_index):
    result = run("--index", sample_index, "timeline", "مخيم OR داعش OR الكهرباء", "--by", "year", "--bidi", "off")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2019 2 █")
    assert lines[1].startswith("2020 1 █")
    assert "2019: 2 articles" in lines
    assert "بدران جيا كرد (1)" in [line.strip() for line in lines]


def test_chart_for_terminals_without_bidi(run, sample_index):
    result = run("--index", sample_index, "timeline", "مخيم OR داعش OR الكهرباء", "--by", "year", "--bidi", "on")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2019 2 █")  # dates and bars read the same either way
    assert "بدران جيا كرد (1)" not in result.stdout  # names laid out for display, right to left


def test_no_hits_exit_1(run, sample_index):
    result = run("--index", sample_index, "timeline", "بطريق", "-f", "csv")
    assert result.exit_code == 1
    assert table(result) == []
    assert "0 articles" in result.stderr


def test_unknown_period_one_line(run, sample_index):
    result = run("--index", sample_index, "timeline", "مخيم", "--by", "decade")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1


def test_api_timeline(sample_index):
    with Archive(sample_index) as archive:
        counted = archive.timeline("مخيم", by="year")
        total = archive.search("مخيم").total
    assert counted.total == total
    assert [p.label for p in counted.periods] == ["2019", "2020", "2021"]
    assert counted.undated == 1
    assert counted.busiest()[0].label == "2021"


def test_api_timeline_without_columns_agrees(sample_index, monkeypatch):
    from archive_search.search import searcher

    with Archive(sample_index) as archive:
        from_columns = archive.timeline("مخيم OR داعش", by="month")
        monkeypatch.setattr(searcher.Searcher, "has_columns", lambda self: False)
        from_records = archive.timeline("مخيم OR داعش", by="month")
    assert [p.to_dict() for p in from_records.periods] == [p.to_dict() for p in from_columns.periods]
    assert (from_records.undated, from_records.total) == (from_columns.undated, from_columns.total)
