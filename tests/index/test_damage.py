"""A damaged index is reported as damaged, in one line with the rebuild hint, by every command;
an update that fails (a full disk, a read-only folder) leaves nothing behind and the next one works.

Cases from the fault matrix: a segment truncated to zero or cut in half, a TOC
truncated to zero, a truncated FORMAT file, a permission error, a full disk
during ``index``.
"""

import errno
import subprocess
from pathlib import Path

import pytest

from archive_search import Archive
from archive_search.index import storage

COMMANDS = [["search", "مخيم"], ["show", "anha-isis-camps-meeting.txt"], ["stats"], ["index"],
            ["export", "مخيم"], ["search", "مخيم", "--sort", "date"]]
HINT = "; rebuild it with 'archive-search rebuild-index'"


@pytest.fixture
def index(run, tmp_path, corpus_copy) -> Path:
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0
    return index


def generation(index: Path) -> Path:
    return storage.current_generation(index)


def assert_damaged_everywhere(run, index, corpus, why: str):
    for command in COMMANDS:
        result = run("--index", index, "--corpus", corpus, *command)
        assert result.exit_code == 2, (command, result.output)
        assert result.stderr == f"archive-search: error: the index at {index} is damaged ({why}){HINT}\n", command
        assert "unchanged" not in result.stderr


@pytest.mark.parametrize("pattern", ["*.seg", "_MAIN_*.toc"], ids=["segment", "toc"])
def test_a_file_truncated_to_zero(run, index, corpus_copy, pattern):
    (file,) = generation(index).glob(pattern)
    size = file.stat().st_size
    file.write_bytes(b"")
    assert_damaged_everywhere(run, index, corpus_copy, f"{file.name} has 0 bytes, {size:,} were written")


def test_a_segment_cut_in_half(run, index, corpus_copy):
    (segment,) = generation(index).glob("*.seg")
    data = segment.read_bytes()
    segment.write_bytes(data[: len(data) // 2])
    assert_damaged_everywhere(run, index, corpus_copy,
                              f"{segment.name} has {len(data) // 2:,} bytes, {len(data):,} were written")


def test_a_missing_segment(run, index, corpus_copy):
    (segment,) = generation(index).glob("*.seg")
    segment.unlink()
    assert_damaged_everywhere(run, index, corpus_copy, f"{segment.name} is missing")


def test_a_truncated_format_file_is_damage_not_another_version(run, index, corpus_copy):
    (generation(index) / "FORMAT").write_bytes(b"")
    assert_damaged_everywhere(run, index, corpus_copy, "its FORMAT file is missing or garbled")


def test_damage_the_size_record_cannot_see_is_still_one_line(run, index, corpus_copy):
    (generation(index) / "FILES").unlink()  # as an index written before sizes were recorded
    (segment,) = generation(index).glob("*.seg")
    data = bytearray(segment.read_bytes())
    data[len(data) // 3: len(data) // 3 + 4000] = bytes(4000)  # garbled in the middle, same size
    segment.write_bytes(bytes(data))
    for command in COMMANDS[:3] + COMMANDS[4:]:
        result = run("--index", index, *command)
        assert result.exit_code in (0, 1, 2), command  # whatever the garbled bytes still give …
        assert "Traceback" not in result.output and "Aborted" not in result.output  # … never a traceback
        if result.exit_code == 2:
            assert result.stderr.startswith(f"archive-search: error: the index at {index} is damaged"), command


def _failing_writes(monkeypatch, error: OSError, after_bytes: int = 0):
    """Make every write into the index's files fail with ``error`` once ``after_bytes`` were written."""
    from whoosh.filedb.structfile import StructFile

    written = [0]
    real_write = StructFile.write

    def write(self, data):
        written[0] += len(data)
        if written[0] > after_bytes:
            raise error
        return real_write(self, data)

    monkeypatch.setattr(StructFile, "write", write)


@pytest.mark.parametrize("error, message", [
    (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
    (PermissionError(errno.EPERM, "Operation not permitted"), "Operation not permitted"),
])
def test_an_update_that_cannot_write_leaves_nothing_behind(run, index, corpus_copy, monkeypatch, error, message):
    before = {p.name: p.stat().st_size for p in generation(index).iterdir()}
    (corpus_copy / "new.txt").write_text("مخيم جديد للنازحين\n\nافتتح مخيم جديد للنازحين.", encoding="utf-8")
    with monkeypatch.context() as patched:
        _failing_writes(patched, error)
        result = run("--corpus", corpus_copy, "--index", index, "index")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"archive-search: error: cannot write the index at {index}: {message}"
    assert {p.name: p.stat().st_size for p in generation(index).iterdir()} == before
    assert run("--index", index, "search", "مخيم").exit_code == 0  # the index as it was
    result = run("--corpus", corpus_copy, "--index", index, "index")  # the disk has room again
    assert result.exit_code == 0 and "1 added" in result.stderr
    assert run("--index", index, "search", "للنازحين").exit_code == 0


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MB tmpfs (skipped where mounting is not allowed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if result.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mount
    subprocess.run(["umount", "--lazy", str(mount)], check=False)


def test_index_on_a_full_disk(run, small_disk, corpus_copy):
    index = small_disk / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0
    before = {p.name: p.stat().st_size for p in generation(index).iterdir()}
    words = " ".join(f"كلمة{n}" for n in range(10_000))  # a new article too big for what is left
    (corpus_copy / "big.txt").write_text(f"مقال طويل\n\n{words}", encoding="utf-8")
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == \
        f"archive-search: error: cannot write the index at {index}: No space left on device"
    assert {p.name: p.stat().st_size for p in generation(index).iterdir()} == before
    with Archive(index) as archive:
        assert archive.search("مخيم")
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert result.exit_code == 0 and "1 added" in result.stderr, result.output


def test_index_on_an_immutable_generation(run, index, corpus_copy):
    folder = generation(index)
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not possible here")
    try:
        (corpus_copy / "new.txt").write_text("مخيم جديد\n\nافتتح مخيم جديد.", encoding="utf-8")
        result = run("--corpus", corpus_copy, "--index", index, "index")
        assert result.exit_code == 2
        assert result.stderr.splitlines()[-1] == \
            f"archive-search: error: cannot write the index at {index}: Operation not permitted"
        assert run("--index", index, "search", "مخيم").exit_code == 0
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
