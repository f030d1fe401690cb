"""The query language, through the search command: operators, phrases, prefixes, fuzzy words, malformed queries."""

import json

import pytest

SAMPLE_ID = "anha-isis-camps-meeting.txt"


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def ids(result):
    return [hit["id"] for hit in jsonl(result)]


def test_only_stopwords_is_no_hits(run, sample_index):
    result = run("--index", sample_index, "search", "في على", "-f", "jsonl")
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "query, message",
    [
        ('"مرتزقة داعش', 'unbalanced quote at character 1: add the closing "'),
        ("(مخيم OR الهول", "unbalanced parenthesis at character 1: add the closing )"),
        ("مخيم)", "unbalanced parenthesis at character 5"),
        ("date:2019-13", "bad date '2019-13': use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("colour:red", "unknown field 'colour': use one of speaker, topic, source, date, title, body"),
        ("-مخيم", "a query needs at least one word that is not excluded"),
    ],
)
def test_malformed_query_is_one_line_exit_2(run, sample_index, query, message):
    result = run("--index", sample_index, "search", "--", query)
    assert result.exit_code == 2
    assert result.stderr == f"archive-search: error: {message}\n"
    assert result.stdout == ""


def test_phrase_matches_on_stems(run, sample_index):
    result = run("--index", sample_index, "search", '"مرتزقة داعش"', "-f", "jsonl")
    assert SAMPLE_ID in ids(result)
    # the words apart do not make the phrase
    result = run("--index", sample_index, "search", '"داعش الهول"', "-f", "jsonl")
    assert result.exit_code == 1


def test_and_is_the_default(run, sample_index):
    both = ids(run("--index", sample_index, "search", "مخيم الهول", "-f", "jsonl", "--limit", "50"))
    either = ids(run("--index", sample_index, "search", "مخيم OR الهول", "-f", "jsonl", "--limit", "50"))
    assert set(both) < set(either) or set(both) == set(either)
    assert "reports/hol-camp-repatriation.md" in both
    assert SAMPLE_ID not in both and SAMPLE_ID in either


def test_must_not(run, sample_index):
    with_camp = set(ids(run("--index", sample_index, "search", "الهول", "-f", "jsonl")))
    assert with_camp == {"reports/hol-camp-repatriation.md", "bulletins/regional-bulletin.jsonl#b-008"}
    found = ids(run("--index", sample_index, "search", "الهول -أوروبي", "-f", "jsonl"))
    assert found == ["bulletins/regional-bulletin.jsonl#b-008"]


def test_parentheses(run, sample_index):
    found = ids(run("--index", sample_index, "search", "(الرقة OR منبج) الخبز", "-f", "jsonl"))
    assert found == ["bulletins/regional-bulletin.jsonl#b-001"]


def test_prefix_query(run, sample_index):
    found = ids(run("--index", sample_index, "search", "مرتزق*", "-f", "jsonl"))
    assert SAMPLE_ID in found


def test_fuzzy_query(run, sample_index):
    # a typo: كرمنشاه for كرمانشاه
    found = ids(run("--index", sample_index, "search", "كرمنشاه~", "-f", "jsonl"))
    assert "reports/kermanshah-earthquake.md" in found


def test_date_range_in_query(run, sample_index):
    found = jsonl(run("--index", sample_index, "search", "الهول date:2019-01..2019-06", "-f", "jsonl"))
    assert [h["id"] for h in found] == ["bulletins/regional-bulletin.jsonl#b-008"]


def test_phrase_finds_word_with_preposition(run, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("محاكمة دولية\n\nدعا إلى محكمة دولية لمرتزقة داعش المعتقلين.", encoding="utf-8")
    run("--corpus", corpus, "--index", tmp_path / "ix", "rebuild-index")
    result = run("--index", tmp_path / "ix", "search", '"مرتزقة داعش"', "-f", "jsonl")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["matched"] == ["لمرتزقة", "داعش"]


def test_word_with_preposition_finds_the_bare_word(run, tmp_path):
    # لمرتزقة (ل + مرتزقة) is not light-stemmed to مرتزق, as a first ل is often
    # the word's own; its stem read without the preposition is searched too.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("محاكمة\n\nطالبت الإدارة بمحاكمة مرتزقة داعش المعتقلين.", encoding="utf-8")
    (corpus / "b.txt").write_text("زيارة\n\nزار الوفد مخيم الهول.", encoding="utf-8")
    run("--corpus", corpus, "--index", tmp_path / "ix", "rebuild-index")
    result = run("--index", tmp_path / "ix", "search", "لمرتزقة", "-f", "jsonl")
    assert result.exit_code == 0
    assert [(hit["id"], hit["matched"]) for hit in jsonl(result)] == [("a.txt", ["مرتزقة"])]
