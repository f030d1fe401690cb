"""Searching the sample corpus: Arabic-aware matching, metadata in hits, sorting, paging, facets, the API."""

import json

import pytest

from archive_search import Archive

SAMPLE_ID = "anha-isis-camps-meeting.txt"


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def ids(result):
    return [hit["id"] for hit in jsonl(result)]


def test_search_finds_definite_plural_from_singular(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم", "-f", "jsonl")
    assert result.exit_code == 0
    assert SAMPLE_ID in ids(result)
    hit = next(h for h in jsonl(result) if h["id"] == SAMPLE_ID)
    assert "المخيمات" in hit["matched"]


def test_sample_article_metadata_in_hits(run, sample_index):
    result = run("--index", sample_index, "search", "اجتماع دولي مرتزقة", "-f", "jsonl")
    hit = next(h for h in jsonl(result) if h["id"] == SAMPLE_ID)
    assert hit["title"] == "اجتماع دولي لمناقشة أوضاع مرتزق داعش وأسرهم في المخيمات"
    assert hit["speakers"] == ["بدران جيا كرد"]
    assert hit["date"] is None


@pytest.mark.parametrize(
    "query, expected_id, surface",
    [
        ("اعلان", "bulletins/regional-bulletin.jsonl#b-010", "إعلان"),  # hamza on alef
        ("مستشفي", "reports/kobani-hospital.txt", "مستشفى"),  # alef maqsura
        ("2022", "reports/qamishli-book-fair.txt", "٢٠٢٢"),  # Arabic-Indic digits
        ("كرمانشاه", "reports/kermanshah-earthquake.md", "کرمانشاه"),  # Persian kaf
        ("مسؤول", "bulletins/regional-bulletin.jsonl#b-011", "مسئول"),  # hamza seat
        ("اللغة", "reports/vocalized-poetry-evening.md", "اللُّغَةَ"),  # vocalized text
    ],
)
def test_arabic_variants_match(run, sample_index, query, expected_id, surface):
    result = run("--index", sample_index, "search", query, "-f", "jsonl", "--limit", "20")
    assert result.exit_code == 0
    hit = next(h for h in jsonl(result) if h["id"] == expected_id)
    assert surface in hit["matched"]


def test_sort_by_date(run, sample_index):
    found = jsonl(run("--index", sample_index, "search", "مخيم", "--sort", "-date", "-f", "jsonl"))
    dates = [h["date"] for h in found if h["date"]]
    assert dates == sorted(dates, reverse=True)


def test_paging(run, sample_index):
    all_ids = ids(run("--index", sample_index, "search", "مخيم OR الحسكة", "-f", "jsonl", "--limit", "50"))
    page2 = jsonl(run("--index", sample_index, "search", "مخيم OR الحسكة", "-f", "jsonl", "--limit", "2",
                      "--page", "2"))
    assert [h["id"] for h in page2] == all_ids[2:4]
    assert [h["rank"] for h in page2] == [3, 4]


def test_plain_ignores_operators(run, sample_index):
    result = run("--index", sample_index, "search", "--plain", "-f", "jsonl", "--", '- ما هو "مخيم (الهول؟')
    assert result.exit_code == 0
    assert "reports/hol-camp-repatriation.md" in ids(result)


def test_facets(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم", "--facets", "--bidi", "off")
    assert "by topic" in result.stdout and "by year" in result.stdout


def test_api_search_and_named_errors(sample_index):
    from archive_search import QueryError

    with Archive(sample_index) as archive:
        hits = archive.search("مخيم", limit=2)
        assert len(hits) == 2 and hits.total == 5
        assert hits[0].to_dict()["rank"] == 1
        with pytest.raises(QueryError):
            archive.search('"unbalanced')
        # plain=True takes stray quotes and parentheses as words
        assert archive.search('"مخيم (الهول', plain=True)
