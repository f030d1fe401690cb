"""The ``archive-search`` command group: global options, one-line errors, the entry point."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from archive_search.cli.options import Color

PROG = "archive-search"
EXIT_HITS, EXIT_NO_HITS, EXIT_ERROR = 0, 1, 2


# The group's options that every command takes too, after its name.
PLACE_OPTIONS = ("index", "corpus", "color")
# The commands that read the index and print. Once one has returned and its
# output is flushed, the process ends at once: the interpreter's teardown of
# numpy's, Whoosh's and Rich's modules and of the index's maps took 60-85 ms
# of a one-word search, and frees only what the system frees anyway. The
# commands that write an index (and serve) end the usual way, finalizers and
# exit handlers run.
QUICK_EXIT = frozenset({"search", "show", "stats", "timeline", "export"})


class _Commands(TyperGroup):
    """The command group, whose usage errors are one line on stderr and exit
    code 2, like every other error, and whose full or closed stdout is one line too.

    ``--index``, ``--corpus`` and ``--color`` are the group's, and every
    command's as well: people type ``archive-search search مخيم --index x``
    as often as ``archive-search --index x search مخيم``. Given in both
    places, the one after the command wins.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        placed = [param for param in self.params if param.name in PLACE_OPTIONS]
        for command in self.commands.values():
            _take_place_options(command, placed)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        from typer._click.exceptions import UsageError

        try:
            code = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                                standalone_mode=False, **extra)
            sys.stdout.flush()  # a full disk behind stdout shows here, not at exit
        except UsageError as exc:
            where = f"; see '{exc.ctx.command_path} --help'" if exc.ctx is not None else ""
            sys.stderr.write(f"{PROG}: error: {one_line(exc.format_message()).rstrip('.')}{where}\n")
            code = EXIT_ERROR
        except OSError as exc:
            _drop_stdout()
            sys.stderr.write(f"{PROG}: error: cannot write the output: {exc.strerror or exc}\n")
            code = EXIT_ERROR
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _take_place_options(command, placed) -> None:
    """Give a command copies of the group's place options: with no default and
    no environment variable, so that only what is typed after the command
    overrides what the group set."""
    import copy

    for param in placed:
        mine = copy.copy(param)
        mine.name, mine.default, mine.envvar = f"place_{param.name}", None, None
        command.params.append(mine)
    callback = command.callback

    def take_places(**values):
        state.command = command.name
        _apply_places(**{name: values.pop(f"place_{name}") for name in PLACE_OPTIONS})
        return callback(**values)

    command.callback = take_places


def _drop_stdout() -> None:
    """Send what is still buffered for stdout nowhere, so that exiting does not fail on it again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


app = typer.Typer(
    cls=_Commands,
    name=PROG,
    help="Search an archive of Arabic articles from the terminal.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State:
    index: Path
    corpus: Path
    color: str = "auto"
    command: str | None = None  # the command that ran


state = State()


def _print_version(asked: bool) -> None:
    if asked:
        from archive_search import __version__

        sys.stdout.write(f"{PROG} {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    index: Annotated[Optional[Path], typer.Option(
        "--index", envvar="ARCHIVE_SEARCH_INDEX", help="Index directory [default: ./index].")] = None,
    corpus: Annotated[Optional[Path], typer.Option(
        "--corpus", envvar="ARCHIVE_SEARCH_CORPUS", help="Corpus folder [default: ./corpus].")] = None,
    color: Annotated[Color, typer.Option(
        "--color", help="Colour: auto (terminal only, not under NO_COLOR), always, never.")] = Color.auto,
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, callback=_print_version, help="Print the version and exit.")] = False,
):
    state.index = index or Path("index")
    state.corpus = corpus or Path("corpus")
    state.color = color.value


def _apply_places(index=None, corpus=None, color=None) -> None:
    """What was typed after the command (raw, as the command line gave it), over the group's."""
    if index is not None:
        state.index = Path(index)
    if corpus is not None:
        state.corpus = Path(corpus)
    if color is not None:
        state.color = getattr(color, "value", color)


def _terminated(signum, frame) -> None:
    # raised where the process is, so that a half-written export or index is cleaned away
    raise SystemExit(128 + signum)


def main() -> None:
    """Entry point. A closed pipe (``archive-search … | head``) ends the process
    quietly, as it does grep: SIGPIPE keeps its default action. SIGTERM ends it
    as Ctrl-C does, cleaning up what it was writing."""
    import os
    import signal

    # numpy's OpenBLAS starts a thread a core when it loads, some 30 ms of a
    # search command; nothing here multiplies matrices. The command owns its
    # process (the library leaves the setting to its caller's).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, _terminated)
    try:
        app(prog_name=PROG)
    except SystemExit as exc:
        code = 0 if exc.code is None else exc.code
        if state.command in QUICK_EXIT and isinstance(code, int):
            _quick_exit(code)
        raise


def _quick_exit(code: int) -> None:
    """End the process now, its output flushed (see :data:`QUICK_EXIT`)."""
    import os

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # the usual exit reports it
    os._exit(code)


def one_line(message: str) -> str:
    """A message for stderr: on one line, no control character of an article's or file name's in it."""
    from archive_search.output.safe_text import safe

    return safe(message.replace("\n", " "))
