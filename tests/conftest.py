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


def search_process(index: Path, after: str, env=None):
    """A new Python process that runs a one-word search (``-f jsonl``) as the
    command does, then the Python code ``after`` (which may look at what the
    search imported); the finished process."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from archive_search.cli import app\n"  # as main() runs it, without ending the process
        f"sys.argv = ['archive-search', '--index', {str(index)!r}, 'search', 'مخيم', '-f', 'jsonl']\n"
        "try:\n    app(prog_name='archive-search')\nexcept SystemExit as exit:\n    code = exit.code\n"
        + after
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
