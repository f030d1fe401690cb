"""Every command has help with an example and a line in the README."""

import re

import pytest

from archive_search.cli import app
from tests.conftest import REPO

COMMANDS = [info.name or info.callback.__name__.replace("_", "-") for info in app.registered_commands]


def test_all_commands_known():
    assert sorted(COMMANDS) == sorted(["rebuild-index", "index", "search", "export", "show", "stats"])


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_has_example(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example: archive-search" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_command_in_readme(command):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"archive-search {command}" in readme


def test_readme_setup_commands_match_ci():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"```sh\n(python3 -m venv .venv && .venv/bin/pip install -q -e '\.\[test\]'.*)\n```",
                             readme)
    assert test_command, "README lacks the test set-up command"
    assert test_command.group(1) in ci
