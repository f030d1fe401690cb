"""export --output writes like a Unix tool: regular files atomically, devices and FIFOs in place, nothing clobbered.

Cases from the fault matrix: --output /dev/full and /dev/null, a FIFO, a
symlink, a read-only file, the mode of a new file, SIGTERM in mid-export, a
full stdout.
"""

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_CORPUS

SAMPLE_HITS = "مخيم"


def export(*args, **popen):
    return subprocess.run([sys.executable, "-m", "archive_search", *map(str, args)], capture_output=True,
                          text=True, **popen)


def test_a_full_device_is_one_line_and_exit_2(sample_index):
    result = export("--index", sample_index, "export", SAMPLE_HITS, "--output", "/dev/full")
    assert result.returncode == 2
    assert result.stderr == "archive-search: error: cannot write /dev/full: No space left on device\n"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_dev_null_is_written_into_not_replaced(sample_index):
    result = export("--index", sample_index, "export", SAMPLE_HITS, "--output", "/dev/null")
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_gets_the_rows(sample_index, tmp_path):
    fifo = tmp_path / "hits.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    result = export("--index", sample_index, "export", SAMPLE_HITS, "--output", fifo)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received and received[0].startswith("rank,score,id,title")


def test_a_symlink_is_followed_and_its_target_replaced(sample_index, tmp_path):
    target = tmp_path / "real.csv"
    target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = export("--index", sample_index, "export", SAMPLE_HITS, "--output", link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("rank,score,id")


def test_a_symlink_to_a_device_writes_into_the_device(sample_index, tmp_path):
    link = tmp_path / "null.csv"
    link.symlink_to("/dev/null")
    result = export("--index", sample_index, "export", SAMPLE_HITS, "--output", link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_read_only_file_is_refused(sample_index, tmp_path):
    target = tmp_path / "keep.csv"
    target.write_text("precious\n")
    target.chmod(0o444)
    result = export("--index", sample_index, "export", SAMPLE_HITS, "--output", target)
    assert result.returncode == 2
    assert result.stderr == f"archive-search: error: cannot write {target}: it is read-only\n"
    assert target.read_text() == "precious\n"


def test_a_new_file_has_the_umasks_mode_and_an_old_one_keeps_its_own(sample_index, tmp_path):
    new = tmp_path / "new.csv"
    result = export("--index", sample_index, "export", SAMPLE_HITS, "--output", new,
                    preexec_fn=lambda: os.umask(0o027))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(new.stat().st_mode) == 0o640
    old = tmp_path / "old.csv"
    old.write_text("x")
    old.chmod(0o604)
    assert export("--index", sample_index, "export", SAMPLE_HITS, "--output", old).returncode == 0
    assert stat.S_IMODE(old.stat().st_mode) == 0o604


def test_a_full_stdout_is_one_line_and_exit_2(sample_index):
    for command in (["search", SAMPLE_HITS], ["search", SAMPLE_HITS, "-f", "jsonl"], ["export", SAMPLE_HITS],
                    ["show", "anha-isis-camps-meeting.txt"], ["stats"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run([sys.executable, "-m", "archive_search", "--index", str(sample_index), *command],
                                    stdout=full, stderr=subprocess.PIPE, text=True)
        assert result.returncode == 2, command
        assert result.stderr.splitlines()[-1] == "archive-search: error: cannot write the output: " \
                                                 "No space left on device", command
        assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_sigterm_in_mid_export_leaves_no_file(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (SAMPLE_CORPUS / "anha-isis-camps-meeting.txt").read_text(encoding="utf-8")
    with open(corpus / "many.jsonl", "w", encoding="utf-8") as f:
        for n in range(3000):
            f.write(json.dumps({"id": str(n), "title": f"مخيم {n}", "body": text}, ensure_ascii=False) + "\n")
    index = tmp_path / "index"
    assert export("--corpus", corpus, "--index", index, "rebuild-index").returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "archive_search", "--index", str(index), "export", "مخيم",
                             "--output", str(out / "hits.csv")], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(out.glob(".hits.csv.*.tmp")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    assert list(out.glob(".hits.csv.*.tmp")), "the export never began writing"
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM, stderr
    assert list(Path(out).iterdir()) == []
