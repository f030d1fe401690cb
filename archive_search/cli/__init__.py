"""The ``archive-search`` command: a thin layer over :class:`archive_search.Archive`.

Commands parse options, call one library method, hand the result to the
output layer (:mod:`archive_search.output`) and map errors to exit codes:
0 hits (or success), 1 no hits, 2 any error. Results go to stdout;
progress, warnings and errors go to stderr. Heavy modules are imported
inside the commands, so that ``--help`` and a search start fast.

:mod:`.app` holds the command group and the entry point, :mod:`.options`
the option declarations several commands share, :mod:`.support` what the
commands share, :mod:`.indexing` and :mod:`.searching` the commands.
"""

from archive_search.cli import indexing, searching, serving  # noqa: F401 (the commands register themselves)
from archive_search.cli.app import PROG, app, main

__all__ = ["PROG", "app", "main"]
