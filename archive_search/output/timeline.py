"""A timeline of hits for people (a bar chart in the terminal) and for programs (CSV, JSON Lines).

The chart runs top to bottom in time, one row a period, its bar growing left
to right; labels are dates and numbers, which read the same in terminals
with and without BiDi. Below it, the busiest periods name their top
speakers and topics, one name a line, laid out right to left where the
terminal cannot (see :mod:`archive_search.output.bidi`).
"""

from __future__ import annotations

from typing import IO

from archive_search.output.safe_text import json_safe, safe

COLUMNS = ("period", "start", "articles", "speakers", "topics")
BAR = "cyan"
# Eighths of a cell, for bars finer than a character.
_EIGHTHS = " ▏▎▍▌▋▊▉█"
_NAME_SEPARATOR = " ; "


def bar(count: int, most: int, width: int) -> str:
    """A bar ``width`` cells long at ``most``, in eighths of a cell; a count above zero shows at least a sliver.

    >>> bar(4, 8, 4), bar(8, 8, 4), bar(0, 8, 4), bar(1, 1000, 4)
    ('██', '████', '', '▏')
    """
    if count <= 0 or most <= 0:
        return ""
    eighths = max(1, round(count / most * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def render_chart(console, timeline, bidi: bool = False) -> None:
    """Draw the periods as bars, then the busiest periods' speakers and topics."""
    from rich.text import Text

    from archive_search.output.terminal import META, print_text

    if not timeline.periods:
        return
    label_width = max(len(p.label) for p in timeline.periods)
    most = max(p.articles for p in timeline.periods)
    count_width = len(f"{most:,}")
    width = max(10, console.width - label_width - count_width - 3)
    chart = Text()
    for period in timeline.periods:
        chart.append(f"{period.label.ljust(label_width)} {period.articles:>{count_width},} ",
                     style="" if period.articles else META)
        chart.append(bar(period.articles, most, width), style=BAR)
        chart.append("\n")
    chart.rstrip()
    # one print for the whole chart: Rich's cost is mostly per print, and a
    # timeline by month over decades has a thousand rows
    console.print(chart, overflow="ignore", no_wrap=True, crop=False)
    for period in timeline.busiest():
        console.print()
        console.print(Text(f"{period.label}: {_articles(period.articles)}", style="bold"))
        for heading, pairs in (("speakers", period.speakers), ("topics", period.topics)):
            if pairs:
                console.print(Text(f"  {heading}", style=META))
                for name, count in pairs:
                    print_text(console, Text(f"{safe(name)} ({count:,})"), bidi, indent=4)


def _articles(count: int) -> str:
    return f"{count:,} article{'' if count == 1 else 's'}"


def write_table(timeline, stream: IO[str], fmt: str, terminal: bool = False) -> None:
    """The periods as CSV (a header row first) or as JSON Lines, one period a
    line, zeros included; names made :func:`safe` for a ``terminal``."""
    import json

    if fmt == "jsonl":
        for period in timeline.periods:
            stream.write(json_safe(json.dumps(period.to_dict(), ensure_ascii=False)) + "\n")
        return
    import csv

    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for period in timeline.periods:
        names = [_NAME_SEPARATOR.join(f"{name} ({count})" for name, count in pairs)
                 for pairs in (period.speakers, period.topics)]
        writer.writerow([period.label, period.start.isoformat(), period.articles,
                         *(map(safe, names) if terminal else names)])
