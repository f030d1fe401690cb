"""rebuild-index and index: atomic swaps, incremental updates, locks, bad input."""

import json
import os
import signal
import subprocess
import sys
import time

from archive_search import storage

from .conftest import SAMPLE_CORPUS


def ids(result):
    return [json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()]


def test_rebuild_reports_on_stderr_only(run, tmp_path, corpus_copy):
    result = run("--corpus", corpus_copy, "--index", tmp_path / "ix", "rebuild-index")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "indexed 32 articles from 17 files" in result.stderr
    assert storage.exists(tmp_path / "ix")


def test_rebuild_with_two_jobs(run, tmp_path, corpus_copy):
    result = run("--corpus", corpus_copy, "--index", tmp_path / "ix", "rebuild-index", "--jobs", "2")
    assert result.exit_code == 0, result.output
    stats = json.loads(run("--index", tmp_path / "ix", "stats", "-f", "json").stdout)
    assert stats["articles"] == 32


def test_rebuild_replaces_generation_and_keeps_one_previous(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    for _ in range(3):  # within a second or so: generation names must still differ
        assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0
    generations = sorted(p.name for p in index.glob("gen-*"))
    assert len(generations) == 2
    assert os.readlink(index / "current") == generations[-1]


def test_incremental_add_change_delete_rename(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0

    (corpus_copy / "new.txt").write_text("مزارعون في الحسكة يزرعون القطن\n\nبدأ موسم زراعة القطن.", encoding="utf-8")
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert result.exit_code == 0
    assert "1 added, 0 changed, 0 deleted, 32 unchanged (33 articles)" in result.stderr
    assert ids(run("--index", index, "search", "القطن", "-f", "jsonl")) == ["new.txt"]

    (corpus_copy / "new.txt").write_text("مزارعون في الحسكة يزرعون الشعير\n\nبدأ موسم الشعير.", encoding="utf-8")
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert "0 added, 1 changed, 0 deleted" in result.stderr
    assert run("--index", index, "search", "القطن", "-f", "jsonl").exit_code == 1
    assert ids(run("--index", index, "search", "الشعير", "-f", "jsonl")) == ["new.txt"]

    (corpus_copy / "new.txt").rename(corpus_copy / "renamed.txt")
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert "1 added, 0 changed, 1 deleted" in result.stderr
    assert ids(run("--index", index, "search", "الشعير", "-f", "jsonl")) == ["renamed.txt"]

    (corpus_copy / "renamed.txt").unlink()
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert "0 added, 0 changed, 1 deleted, 32 unchanged (32 articles)" in result.stderr
    assert run("--index", index, "search", "الشعير", "-f", "jsonl").exit_code == 1


def test_incremental_jsonl_by_record(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0
    path = corpus_copy / "bulletins" / "regional-bulletin.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    records[0]["title"] = "ارتفاع أسعار الكعك في أسواق منبج"
    del records[1]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert "0 added, 1 changed, 1 deleted, 30 unchanged" in result.stderr
    assert ids(run("--index", index, "search", "الكعك", "-f", "jsonl")) == ["bulletins/regional-bulletin.jsonl#b-001"]


def test_nothing_changed(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    run("--corpus", corpus_copy, "--index", index, "rebuild-index")
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert result.exit_code == 0
    assert "0 added, 0 changed, 0 deleted, 32 unchanged" in result.stderr


def test_index_without_index_builds_it(run, tmp_path, corpus_copy):
    result = run("--corpus", corpus_copy, "--index", tmp_path / "ix", "index")
    assert result.exit_code == 0
    assert "32 added" in result.stderr


def test_bad_files_are_skipped_with_a_summary(run, tmp_path, corpus_copy):
    (corpus_copy / "broken.txt").write_bytes(b"\x00\x01binary")
    (corpus_copy / "empty.md").write_bytes(b"")
    result = run("--corpus", corpus_copy, "--index", tmp_path / "ix", "rebuild-index")
    assert result.exit_code == 0
    assert "archive-search: skipped broken.txt: binary file (NUL bytes)\n" in result.stderr
    assert "archive-search: skipped empty.md: empty file\n" in result.stderr
    assert "skipped 2 (1 binary file (NUL bytes), 1 empty file)" in result.stderr
    assert "indexed 32 articles" in result.stderr


def test_missing_corpus(run, tmp_path):
    result = run("--corpus", tmp_path / "nowhere", "--index", tmp_path / "ix", "rebuild-index")
    assert result.exit_code == 2
    assert result.stderr == f"archive-search: error: no corpus folder at {tmp_path / 'nowhere'}\n"


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


def _outdate(index):
    """Make the current generation look built by another version (no FORMAT file)."""
    (index / os.readlink(index / "current") / storage.FORMAT_FILE).unlink()


def test_search_refuses_an_index_of_an_earlier_version(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    run("--corpus", corpus_copy, "--index", index, "rebuild-index")
    _outdate(index)
    result = run("--index", index, "search", "مخيم")
    assert result.exit_code == 2
    assert result.stderr == (f"archive-search: error: the index at {index} was built by another version "
                             "of archive-search; rebuild it with 'archive-search rebuild-index'\n")


def test_update_rebuilds_an_index_of_an_earlier_version(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    run("--corpus", corpus_copy, "--index", index, "rebuild-index")
    _outdate(index)
    result = run("--corpus", corpus_copy, "--index", index, "index")
    assert result.exit_code == 0
    assert "built by another version of archive-search: rebuilt it" in result.stderr
    assert "32 added" in result.stderr
    assert run("--index", index, "search", "مخيم", "-f", "jsonl").exit_code == 0


def _big_corpus(root, copies=150):
    """The sample articles many times over, enough for a rebuild that takes a while."""
    from archive_search.documents import read_corpus

    articles = list(read_corpus(SAMPLE_CORPUS))
    root.mkdir()
    with open(root / "many.jsonl", "w", encoding="utf-8") as f:
        for n in range(copies):
            for a in articles:
                f.write(json.dumps({"id": f"{n}-{a.id}", "title": a.title, "body": a.body}, ensure_ascii=False) + "\n")


def test_rebuild_killed_midway_leaves_old_index(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0
    big = tmp_path / "big"
    _big_corpus(big)
    proc = subprocess.Popen(
        [sys.executable, "-m", "archive_search", "--corpus", str(big), "--index", str(index), "rebuild-index"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not list(index.glob("*.building")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(0.5)
    assert proc.poll() is None, "the rebuild finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    # The old index still answers, with the old articles.
    result = run("--index", index, "search", "مخيم", "-f", "jsonl")
    assert result.exit_code == 0
    assert "anha-isis-camps-meeting.txt" in ids(result)
    assert list(index.glob("*.building"))  # the debris is there …

    # … and the next writer clears it away.
    result = run("--corpus", corpus_copy, "--index", index, "rebuild-index")
    assert result.exit_code == 0, result.stderr
    assert not list(index.glob("*.building"))


def test_progress_lines_when_not_a_terminal(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "archive_search", "--corpus", str(SAMPLE_CORPUS), "--index", str(tmp_path / "ix"),
         "rebuild-index"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0
    assert result.stdout == ""
    assert "archive-search: indexing: 32 articles, 17/17 files" in result.stderr


def test_broken_metadata_is_dropped_not_fatal(run, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bad-date.md").write_text(
        "---\ntitle: خبر بتاريخ غير صالح\ndate: 31/02/2020\nspeakers: ;;\n---\nنص الخبر عن المخيم.\n", encoding="utf-8"
    )
    (corpus / "dump.jsonl").write_text(
        '{"id": "a", "title": "خبر", "body": "نص عن المخيم", "date": "yesterday", "speakers": 7}\n', encoding="utf-8"
    )
    result = run("--corpus", corpus, "--index", tmp_path / "ix", "rebuild-index")
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in run("--index", tmp_path / "ix", "search", "مخيم", "-f", "jsonl").stdout.splitlines()]
    assert sorted(h["id"] for h in hits) == ["bad-date.md", "dump.jsonl#a"]
    assert all(h["date"] is None for h in hits)
