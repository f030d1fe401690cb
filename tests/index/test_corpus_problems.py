"""Reading a messy corpus loses nothing without a word: unreadable folders and files keep their
articles, names that are not UTF-8 are indexed, an empty corpus does not empty an index.

Cases from the fault matrix. A folder or file that cannot be read is made so
by the operating system's answer (PermissionError), as a user without the
right to read it would get it (the tests may run as root, who reads anything).
"""

import os
from pathlib import Path

from archive_search import Archive

NEW_ARTICLE = "مخيم جديد للنازحين\n\nافتتح مخيم جديد للنازحين قرب الحدود."


def _unreadable(monkeypatch, *names):
    """Make the folders or files of these names unreadable (PermissionError), as they are for a user."""
    real_scandir, real_read_bytes = os.scandir, Path.read_bytes

    def scandir(path="."):
        if Path(path).name in names:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def read_bytes(self):
        if self.name in names:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def test_an_unreadable_folder_keeps_its_articles(run, tmp_path, corpus_copy, monkeypatch):
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0
    in_reports = len(list((corpus_copy / "reports").iterdir()))
    _unreadable(monkeypatch, "reports")
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert result.exit_code == 0
    assert "archive-search: skipped reports/: cannot read the folder: Permission denied" in result.stderr
    assert f"kept {in_reports} articles of files that could not be read, as they were" in result.stderr
    assert "0 deleted" in result.stderr
    assert run("--index", index, "show", "reports/hol-camp-repatriation.md").exit_code == 0


def test_an_unreadable_file_keeps_its_articles(run, tmp_path, corpus_copy, monkeypatch):
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0
    path = corpus_copy / "anha-isis-camps-meeting.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nسطر جديد.", encoding="utf-8")  # changed, then unreadable
    _unreadable(monkeypatch, path.name)
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert result.exit_code == 0
    assert "cannot read: Permission denied" in result.stderr and "0 deleted" in result.stderr
    assert run("--index", index, "show", path.name).exit_code == 0


def test_a_file_name_that_is_not_utf8_is_indexed(run, tmp_path, corpus_copy):
    name = os.fsdecode(b"bad\xff.txt")
    (corpus_copy / name).write_text(NEW_ARTICLE, encoding="utf-8")
    index = tmp_path / "ix"
    for command in ("rebuild-index", "index"):
        result = run("--corpus", corpus_copy, "--index", index, command)
        assert result.exit_code == 0, result.output
    result = run("--index", index, "search", "للنازحين", "-f", "jsonl")
    assert result.exit_code == 0 and '"id": "bad\\\\xff.txt"' in result.stdout
    assert run("--index", index, "show", "bad\\xff.txt").exit_code == 0
    (corpus_copy / name).unlink()
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert "1 deleted" in result.stderr


def test_an_empty_corpus_does_not_empty_the_index(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    for command in ("rebuild-index", "index"):
        result = run("--corpus", empty, "--index", index, command)
        assert result.exit_code == 2, command
        assert result.stderr == (f"archive-search: error: no articles in the corpus at {empty}, and the index at "
                                 f"{index} has 32: left as it is (--allow-empty empties it)\n")
    with Archive(index) as archive:
        assert archive.stats()["articles"] == 32
    assert not list(index.glob("*.building"))
    result = run("--corpus", empty, "--index", index, "rebuild-index", "--allow-empty")
    assert result.exit_code == 0
    with Archive(index) as archive:
        assert archive.stats()["articles"] == 0


def test_a_corpus_of_only_bad_files_does_not_empty_the_index(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "image.txt").write_bytes(b"\x89PNG\x00\x00")
    result = run("--corpus", bad, "--index", index, "rebuild-index")
    assert result.exit_code == 2 and "left as it is" in result.stderr
