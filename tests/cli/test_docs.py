"""Every command's help teaches with examples, and the README's command table says what the help says."""

import re

import pytest

from archive_search import __version__
from archive_search.cli import app
from tests.conftest import REPO

COMMANDS = [info.name or info.callback.__name__.replace("_", "-") for info in app.registered_commands]
ARABIC = re.compile("[\u0600-\u06ff]")


def readme() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def table_rows() -> dict[str, str]:
    """The README's command table: command name → its synopsis."""
    rows = re.findall(r"^\| `archive-search ([a-z-]+)([^`]*)` \|", readme(), re.MULTILINE)
    return {name: synopsis for name, synopsis in rows}


def test_all_commands_known():
    assert sorted(COMMANDS) == sorted(["rebuild-index", "index", "search", "export", "timeline", "show", "stats",
                                    "serve"])


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_ends_with_examples(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    examples = result.stdout.split("  Examples:\n", 1)[1].strip().splitlines()  # the last thing in the help
    assert 2 <= len(examples) <= 3
    assert all(line.strip().startswith("archive-search ") for line in examples)
    assert any(ARABIC.search(line) for line in examples)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_has_help(run, command):
    from typer.main import get_command

    for param in get_command(app).commands[command].params:
        if param.param_type_name == "option":
            assert param.help, f"{command} {param.opts[0]} has no help"


def test_readme_table_has_every_command():
    assert sorted(table_rows()) == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_options_are_the_commands(run, command):
    help_text = run(command, "--help").stdout
    for option in re.findall(r"--[a-z-]+", table_rows()[command]):
        assert option in help_text, f"the README gives {command} {option}, its help does not"


def test_version(run):
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"archive-search {__version__}\n")


def test_readme_setup_commands_match_ci():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"```sh\n(python3 -m venv .venv && .venv/bin/pip install -q -e '\.\[test\]'.*)\n```",
                             readme())
    assert test_command, "README lacks the test set-up command"
    assert test_command.group(1) in ci
