"""--index, --corpus and --color: before the command, after it, from the environment; after wins."""

import shutil

import pytest
from typer.testing import CliRunner

from archive_search.cli import app

from tests.conftest import SAMPLE_CORPUS
from tests.cli.test_docs import COMMANDS

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
}


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


@pytest.mark.parametrize("command", COMMANDS)
def test_places_after_the_command(run, places, command, monkeypatch):
    monkeypatch.chdir(places / "elsewhere")
    result = run(command, *INVOCATIONS[command], "--index", places / "index", "--corpus", places / "corpus",
                 "--color", "never")
    assert result.exit_code == 0, result.stderr
    assert not (places / "elsewhere" / "index").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_places_before_the_command(run, places, command, monkeypatch):
    monkeypatch.chdir(places / "elsewhere")
    result = run("--index", places / "index", "--corpus", places / "corpus", "--color", "never", command,
                 *INVOCATIONS[command])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("command", ["search", "show", "stats", "index"])
def test_after_wins_over_before_and_environment(run, places, command, monkeypatch):
    monkeypatch.chdir(places / "elsewhere")
    monkeypatch.setenv("ARCHIVE_SEARCH_INDEX", str(places / "elsewhere" / "no-index"))
    monkeypatch.setenv("ARCHIVE_SEARCH_CORPUS", str(places / "elsewhere"))
    wrong = places / "elsewhere" / "wrong-index"
    result = run("--index", wrong, command, *INVOCATIONS[command], "--index", places / "index",
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
