"""Queries are bounded: a very long query or deeply nested parentheses get one line and exit 2, never a traceback.

Cases from the fault matrix: a query of 1,000 words with --sort date, 2,000
nested parentheses; and 10,000 words, 5,000 parentheses.
"""

import pytest

from archive_search import Archive, QueryError
from archive_search.search.queries import MAX_QUERY_WORDS
from archive_search.search.query_language import MAX_DEPTH


@pytest.mark.parametrize("words", [1_000, 10_000])
@pytest.mark.parametrize("options", [[], ["--sort", "date"], ["--plain"]])
def test_a_query_of_too_many_words_is_refused(run, sample_index, words, options):
    result = run("--index", sample_index, "search", " ".join(["مخيم", "الهول"] * (words // 2)), *options)
    assert result.exit_code == 2
    assert result.stderr == f"archive-search: error: the query has {words:,} words; at most 200 are searched\n"


@pytest.mark.parametrize("depth", [2_000, 5_000])
def test_deeply_nested_parentheses_are_refused(run, sample_index, depth):
    result = run("--index", sample_index, "search", "(" * depth + "مخيم" + ")" * depth)
    assert result.exit_code == 2
    assert result.stderr == (f"archive-search: error: parentheses nested more than {MAX_DEPTH} deep "
                             f"at character {MAX_DEPTH + 1}\n")


def test_queries_at_the_limits_are_answered(run, sample_index):
    words = " ".join(["مخيم", "الهول", "داعش", "النفط"] * (MAX_QUERY_WORDS // 4))
    for options in ([], ["--sort", "date"], ["--plain"]):
        result = run("--index", sample_index, "search", words, *options)
        assert result.exit_code in (0, 1) and "error" not in result.stderr, options  # every word, or any of them
    assert run("--index", sample_index, "search", words, "--plain").exit_code == 0
    nested = "(" * MAX_DEPTH + "مخيم" + ")" * MAX_DEPTH
    assert run("--index", sample_index, "search", nested).exit_code == 0


def test_the_api_raises_query_error(sample_index):
    with Archive(sample_index) as archive, pytest.raises(QueryError):
        archive.search("مخيم " * 500)
