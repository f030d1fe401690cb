"""--index, --corpus and --color: before the command, after it, from the environment; after wins."""

import json
import shutil
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from archive_search.cli import app

from tests.conftest import SAMPLE_CORPUS
from tests.cli.test_docs import COMMANDS
from tests.web.serving import serve_once

SAMPLE_ID = "anha-isis-camps-meeting.txt"
# Each command with what it needs after its name, and an exit code that shows it found the index.
INVOCATIONS = {
    "rebuild-index": [],
    "index": [],
    "search": ["مخيم"],
    "export": ["مخيم"],
    "timeline": ["مخيم"],
    "show": [SAMPLE_ID],
    "stats": [],
    "serve": ["--port", "0"],
}
# serve runs until it is stopped: it is run as a process, asked for its stats and stopped with Ctrl-C
SLOW = {"serve"}
PLACED = [pytest.param(c, marks=pytest.mark.slow) if c in SLOW else c for c in COMMANDS]


@pytest.fixture
def invoke(run):
    """The CLI in process, but serve as a real server that answers once, then is stopped."""

    def call(*args):
        if "serve" not in args:
            return run(*args)
        served, status, body = serve_once(*args)
        assert served.exit_code == 0, served.stderr
        assert status == 200 and json.loads(body)["articles"] == 32, served.stderr
        return SimpleNamespace(exit_code=served.exit_code, stderr=served.stderr)

    return call


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    """A corpus and its index in a folder of their own, and an empty folder to stand in the wrong place."""
    root = tmp_path_factory.mktemp("places")
    shutil.copytree(SAMPLE_CORPUS, root / "corpus")
    (root / "elsewhere").mkdir()
    built = CliRunner().invoke(app, ["--corpus", str(root / "corpus"), "--index", str(root / "index"), "rebuild-index"])
    assert built.exit_code == 0, built.stderr
    return root


def test_every_command_is_covered():
    assert sorted(INVOCATIONS) == sorted(COMMANDS)


@pytest.mark.parametrize("command", PLACED)
def test_places_after_the_command(invoke, places, command, monkeypatch):
    monkeypatch.chdir(places / "elsewhere")
    result = invoke(command, *INVOCATIONS[command], "--index", places / "index", "--corpus", places / "corpus",
                 "--color", "never")
    assert result.exit_code == 0, result.stderr
    assert not (places / "elsewhere" / "index").exists()


@pytest.mark.parametrize("command", PLACED)
def test_places_before_the_command(invoke, places, command, monkeypatch):
    monkeypatch.chdir(places / "elsewhere")
    result = invoke("--index", places / "index", "--corpus", places / "corpus", "--color", "never", command,
                 *INVOCATIONS[command])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("command", ["search", "show", "stats", "index",
                                     pytest.param("serve", marks=pytest.mark.slow)])
def test_after_wins_over_before_and_environment(invoke, places, command, monkeypatch):
    monkeypatch.chdir(places / "elsewhere")
    monkeypatch.setenv("ARCHIVE_SEARCH_INDEX", str(places / "elsewhere" / "no-index"))
    monkeypatch.setenv("ARCHIVE_SEARCH_CORPUS", str(places / "elsewhere"))
    wrong = places / "elsewhere" / "wrong-index"
    result = invoke("--index", wrong, command, *INVOCATIONS[command], "--index", places / "index",
                 "--corpus", places / "corpus")
    assert result.exit_code == 0, result.stderr
    assert not wrong.exists()


def test_environment_still_applies_when_nothing_is_typed(run, places, monkeypatch):
    monkeypatch.chdir(places / "elsewhere")
    monkeypatch.setenv("ARCHIVE_SEARCH_INDEX", str(places / "index"))
    result = run("stats", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert '"articles": 32' in result.stdout


def test_color_after_the_command(run, places):
    coloured = run("search", "مخيم", "--index", places / "index", "--color", "always")
    plain = run("search", "مخيم", "--index", places / "index", "--color", "never")
    assert "\x1b[" in coloured.stdout
    assert "\x1b[" not in plain.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_the_places(run, command):
    result = run(command, "--help")
    for option in ("--index", "--corpus", "--color"):
        assert option in result.stdout
