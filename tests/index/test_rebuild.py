"""rebuild-index: a new generation swapped in, progress on stderr, bad files skipped, a killed rebuild harmless."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from archive_search.index import rebuild, storage
from tests.conftest import SAMPLE_CORPUS


def ids(result):
    return [json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()]


def _big_corpus(root, copies=150):
    """The sample articles many times over, enough for a rebuild that takes a while."""
    from archive_search.articles.readers import read_corpus

    articles = list(read_corpus(SAMPLE_CORPUS))
    root.mkdir()
    with open(root / "many.jsonl", "w", encoding="utf-8") as f:
        for n in range(copies):
            for a in articles:
                f.write(json.dumps({"id": f"{n}-{a.id}", "title": a.title, "body": a.body}, ensure_ascii=False) + "\n")


def test_default_jobs_follow_the_corpus_and_the_machine():
    assert rebuild.default_jobs(300_000) == 1  # a small corpus: no workers to start
    assert 1 <= rebuild.default_jobs(200_000_000) <= rebuild.AUTO_JOBS


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


@pytest.mark.slow
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
