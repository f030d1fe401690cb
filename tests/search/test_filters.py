"""Filters: speaker, topic and date, as options and in the query."""

import csv
import io
import json

SAMPLE_ID = "anha-isis-camps-meeting.txt"


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def ids(result):
    return [hit["id"] for hit in jsonl(result)]


def rows(text):
    return list(csv.reader(io.StringIO(text)))


def test_speaker_filter_full_and_partial_name(run, sample_index):
    full = ids(run("--index", sample_index, "search", "داعش", "--speaker", "بدران جيا كرد", "-f", "jsonl"))
    assert set(full) == {SAMPLE_ID, "bulletins/regional-bulletin.jsonl#b-005"}
    part = ids(run("--index", sample_index, "search", "داعش speaker:جيا", "-f", "jsonl"))
    assert set(part) == set(full)


def test_date_filters(run, sample_index):
    found = jsonl(run("--index", sample_index, "search", "مخيم", "--since", "2020-01-01", "--until",
                      "2021-12-31", "-f", "jsonl"))
    assert found and all("2020-01-01" <= h["date"] <= "2021-12-31" for h in found)


def test_bad_since_date(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم", "--since", "2020-31-01")
    assert result.exit_code == 2
    assert result.stderr == "archive-search: error: bad --since date '2020-31-01': use YYYY-MM-DD\n"


def test_topic_filter(run, sample_index):
    found = jsonl(run("--index", sample_index, "search", "مخيم", "--topic", "صحة", "-f", "jsonl"))
    assert found and all(h["topic"] == "صحة" for h in found)


def test_empty_query_with_filters_selects_by_filter(run, sample_index):
    result = run("--index", sample_index, "export", "", "--speaker", "بدران جيا كرد", "--columns", "id")
    assert result.exit_code == 0
    assert sorted(r[0] for r in rows(result.stdout)[1:]) == [
        "anha-isis-camps-meeting.txt",
        "bulletins/regional-bulletin.jsonl#b-005",
    ]
