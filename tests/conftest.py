import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archive_search.cli import app

REPO = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = REPO / "corpus"
SHARED = Path(os.environ.get("ARCHIVE_SEARCH_SHARED", REPO.parent / "shared"))


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch):
    for name in ("ARCHIVE_SEARCH_INDEX", "ARCHIVE_SEARCH_CORPUS", "ARCHIVE_SEARCH_BIDI"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory) -> Path:
    """An index of the repository's sample corpus, built once through the CLI."""
    index = tmp_path_factory.mktemp("sample") / "index"
    result = CliRunner().invoke(app, ["--corpus", str(SAMPLE_CORPUS), "--index", str(index), "rebuild-index"])
    assert result.exit_code == 0, result.output
    return index


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the sample corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(SAMPLE_CORPUS, target)
    return target


@pytest.fixture
def run():
    """Invoke the CLI; returns the Result (exit_code, stdout, stderr)."""

    def invoke(*args, **kwargs):
        return CliRunner().invoke(app, [str(a) for a in args], **kwargs)

    return invoke


def needs_shared(*parts) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


def run_on_terminal(*args, env=None, timeout=60, command=None) -> tuple[int, bytes]:
    """Run the real command (``command``, by default this Python's
    ``-m archive_search``) with its stdout and stderr on a pseudo-terminal, as
    a person's terminal would get them: (exit code, the bytes written)."""
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", **(env or {})}
    environment.pop("NO_COLOR", None)
    command = command or [sys.executable, "-m", "archive_search"]
    proc = subprocess.Popen([*command, *map(str, args)], stdin=subprocess.DEVNULL,
                            stdout=follower, stderr=follower, env=environment, close_fds=True)
    os.close(follower)
    output = bytearray()
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is closed once the process is gone
            break
        if not chunk:
            break
        output.extend(chunk)
    os.close(leader)
    return proc.wait(timeout=timeout), bytes(output)
