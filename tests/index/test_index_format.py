"""An index built by an earlier release is refused with one line, or rebuilt by ``index``.

``tests/data/index-format-3`` was built by archive-search 0.1.0 before the
package had subpackages: its table of contents pickles the analyzer and the
posting format as ``archive_search.analysis`` and ``archive_search.postings``,
which no longer exist, and it records index format 3.
"""

import shutil
from pathlib import Path

import pytest

from archive_search import Archive
from archive_search.errors import IndexOutdated
from archive_search.index import storage

PREVIOUS = Path(__file__).resolve().parent.parent / "data" / "index-format-3"
REFUSAL = ("archive-search: error: the index at {} was built by another version of archive-search; "
           "rebuild it with 'archive-search rebuild-index'")


@pytest.fixture
def previous_index(tmp_path) -> Path:
    target = tmp_path / "index"
    shutil.copytree(PREVIOUS, target, symlinks=True)
    return target


def test_the_previous_release_pickled_paths_that_are_gone(previous_index):
    toc = next(storage.current_generation(previous_index).glob("_MAIN_*.toc")).read_bytes()
    assert b"archive_search.analysis" in toc and b"archive_search.postings" in toc
    assert storage.is_outdated(storage.current_generation(previous_index))


@pytest.mark.parametrize("command", [["search", "مخيم"], ["show", "one.txt"], ["stats"], ["export", "مخيم"]])
def test_every_reading_command_refuses_it_in_one_line(run, previous_index, command):
    result = run("--index", previous_index, *command)
    assert result.exit_code == 2
    assert result.stderr.strip() == REFUSAL.format(previous_index)
    assert result.stdout == ""


def test_the_api_refuses_it_with_a_named_error(previous_index):
    with Archive(previous_index) as archive, pytest.raises(IndexOutdated):
        archive.search("مخيم")


def test_index_rebuilds_it(run, previous_index, corpus_copy):
    result = run("--index", previous_index, "--corpus", corpus_copy, "index")
    assert result.exit_code == 0, result.output
    assert "the index was built by another version of archive-search: rebuilt it" in result.stderr
    assert run("--index", previous_index, "search", "مخيم").exit_code == 0
