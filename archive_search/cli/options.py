"""Option declarations shared by several commands, and their choices, built from the library's constants.

Declared once (the sqlite-utils way), so that their names and help stay the
same wherever they appear.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from archive_search.output.bidi import MODES as BIDI_MODES
from archive_search.output.export import FORMATS as EXPORT_FORMATS
from archive_search.output.export import TEXT_FORMATS
from archive_search.search.sorting import SORTS
from archive_search.search.timeline import PERIODS


def examples(*commands: str) -> str:
    """A command's help epilog: its examples, one a line, as typed (Click's \\b keeps them unwrapped).

    >>> print(examples("archive-search stats", "archive-search stats -f json"))
    Examples:
    <BLANKLINE>
    \b
      archive-search stats
      archive-search stats -f json
    """
    return "Examples:\n\n\b\n" + "\n".join(f"  {command}" for command in commands)


def _choices(name: str, values) -> type[Enum]:
    """A str Enum of the library's own values, for Typer's choices."""
    return Enum(name, {value.replace("-", "minus_"): value for value in values}, type=str)


Sort = _choices("Sort", SORTS)
Bidi = _choices("Bidi", BIDI_MODES)
Color = _choices("Color", ("auto", "always", "never"))
SearchFormat = _choices("SearchFormat", ("rich", *TEXT_FORMATS))
ExportFormat = _choices("ExportFormat", EXPORT_FORMATS)
RecordFormat = _choices("RecordFormat", ("rich", "json"))
TableFormat = _choices("TableFormat", ("rich", *TEXT_FORMATS))
Period = _choices("Period", PERIODS)

QueryText = Annotated[str, typer.Argument(
    metavar="QUERY", help='Words, "phrases", +must, -not, OR, ( ), speaker:, topic:, date:2019-01..2019-06, word*, word~')]
SpeakerOption = Annotated[Optional[str], typer.Option(
    "--speaker", help="Only articles quoting this person (full or partial name).")]
TopicOption = Annotated[Optional[str], typer.Option("--topic", help="Only articles on this topic.")]
SinceOption = Annotated[Optional[str], typer.Option(
    "--since", metavar="YYYY-MM-DD", help="Only articles from this day on.")]
UntilOption = Annotated[Optional[str], typer.Option(
    "--until", metavar="YYYY-MM-DD", help="Only articles up to this day.")]
SortOption = Annotated[Sort, typer.Option(
    "--sort", help="relevance, date (oldest first) or -date (newest first).")]
PlainOption = Annotated[bool, typer.Option(
    "--plain", help="Take the query as plain words (operators and quotes ignored; words the archive lacks "
                    "or barely has also searched by the words one edit away).")]
BidiOption = Annotated[Bidi, typer.Option(
    "--bidi", help="Lay out right-to-left text for terminals without BiDi: auto, on, off.")]

AllowEmptyOption = Annotated[bool, typer.Option(
    "--allow-empty", help="Empty the index when the corpus has no articles (refused otherwise: "
                          "an empty folder is more often a failed mount or a wrong path).")]
