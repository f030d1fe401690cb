"""Where an index lives: generations, the writer lock, the format check, clear errors."""

import os

from archive_search.index import storage


def _outdate(index):
    """Make the current generation look built by another version (format 3)."""
    (index / os.readlink(index / "current") / "FORMAT").write_text("3\n")  # as an earlier version wrote it


def test_unwritable_index_directory(run, tmp_path, corpus_copy):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = run("--corpus", corpus_copy, "--index", blocker / "ix", "rebuild-index")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"archive-search: error: cannot write the index directory {blocker / 'ix'}")
    assert "Traceback" not in result.output


def test_second_writer_is_refused(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0
    with storage.writer_lock(index):
        result = run("--corpus", corpus_copy, "--index", index, "rebuild-index")
        assert result.exit_code == 2
        assert result.stderr == f"archive-search: error: the index at {index} is being updated by another process\n"
        # searches keep working while a writer holds the lock
        assert run("--index", index, "search", "مخيم", "-f", "jsonl").exit_code == 0


def test_missing_generation_is_a_clear_error(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    run("--corpus", corpus_copy, "--index", index, "rebuild-index")
    target = index / os.readlink(index / "current")
    target.rename(index / "elsewhere")
    result = run("--index", index, "search", "مخيم")
    assert result.exit_code == 2
    assert "points to a missing generation" in result.stderr


def test_search_refuses_an_index_of_an_earlier_version(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    run("--corpus", corpus_copy, "--index", index, "rebuild-index")
    _outdate(index)
    result = run("--index", index, "search", "مخيم")
    assert result.exit_code == 2
    assert result.stderr == (f"archive-search: error: the index at {index} was built by another version "
                             "of archive-search; rebuild it with 'archive-search rebuild-index'\n")
