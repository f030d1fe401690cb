"""Errors as a person meets them: one line on stderr and exit code 2, usage errors too; a page past the end."""

import pytest


@pytest.mark.parametrize("args, line", [
    (["search", "مخيم", "--no-such"], "archive-search: error: No such option: --no-such; see 'archive-search search --help'"),
    (["search"], "archive-search: error: Missing argument 'QUERY'; see 'archive-search search --help'"),
    (["search", "مخيم", "--limit", "x"],
     "archive-search: error: Invalid value for '--limit' / '-n': 'x' is not a valid int range; "
     "see 'archive-search search --help'"),
    (["no-such-command"], "archive-search: error: No such command 'no-such-command'; see 'archive-search --help'"),
])
def test_usage_errors_are_one_line(run, sample_index, args, line):
    result = run("--index", sample_index, *args)
    assert result.exit_code == 2
    assert result.stderr == line + "\n"
    assert result.stdout == ""


def test_a_page_past_the_end_says_so(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم", "--page", "999999")
    assert result.exit_code == 1
    assert result.stdout == ""
    total = run("--index", sample_index, "search", "مخيم", "-f", "jsonl", "--limit", "100").stdout.count("\n")
    pages = -(-total // 10)
    assert result.stderr == f"no hits on page 999999: {total} hits on {pages} page{'s' if pages > 1 else ''}\n"


def test_help_still_works(run):
    result = run("--help")
    assert result.exit_code == 0 and "rebuild-index" in result.stdout
