"""Rich output for the terminal: hits with highlighted snippets, articles, stats, facets.

Rendering never queries the index; it formats what the library returned.
Everything from articles reaches Rich as :class:`~rich.text.Text` (never as
markup) and through :func:`~archive_search.output.safe_text.safe`, so that
no control sequence of an article's reaches the terminal.
With ``bidi=True`` every line is wrapped first and then laid out for display
(see :mod:`archive_search.output.bidi`), right-aligned, highlights kept on the
characters they belong to.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from archive_search.output import bidi as bidi_layout
from archive_search.output.safe_text import safe

HIGHLIGHT = "bold black on yellow"
TITLE = "bold"
META = "dim"


def styled(text: str, spans=(), style: str = HIGHLIGHT, base: str = "") -> Text:
    """Text from the archive (made safe first: Rich would drop some controls
    itself and shift the spans) with the given (start, end) spans highlighted."""
    out = Text(safe(text), style=base)
    for start, end in spans:
        out.stylize(style, start, end)
    return out


def _visual_line(line: Text) -> Text:
    """One wrapped line laid out for a terminal without BiDi."""
    shown, order = bidi_layout.visual(line.plain)
    styles = [None] * len(line.plain)
    for span in line.spans:
        for i in range(span.start, min(span.end, len(styles))):
            styles[i] = span.style
    out = Text(style=line.style)
    run, run_style = [], None
    for char, index in zip(shown, order):
        if styles[index] != run_style and run:
            out.append("".join(run), style=run_style)
            run = []
        run_style = styles[index]
        run.append(char)
    if run:
        out.append("".join(run), style=run_style)
    return out


def print_text(console: Console, text: Text, bidi: bool, indent: int = 0) -> None:
    """Print text wrapped to the console, indented; laid out right to left if asked."""
    _print_lines(console, text_lines(console, text, bidi, indent))


def text_lines(console: Console, text: Text, bidi: bool, indent: int = 0) -> list[Text]:
    """The lines :func:`print_text` prints.

    Lines are wrapped here (not by Rich) so that each can be reordered on its
    own and none carries trailing padding into a pipe.
    """
    width = max(20, console.width - indent)
    shown = safe(text.plain)
    if shown != text.plain:
        text = text.copy()
        text.plain = shown  # as long as before: the spans stay where they were
    lines = []
    for line in text.wrap(console, width):
        line.rstrip()
        if bidi:
            line = _visual_line(line)
            line.align("right", width)
        lines.append(Text(" " * indent) + line)
    return lines


def _print_lines(console: Console, lines: list[Text]) -> None:
    # One print for them all: each of Rich's prints costs about half a
    # millisecond, and a page of hits is a hundred lines.
    if lines:
        console.print(Text("\n").join(lines), overflow="ignore", no_wrap=True, crop=False)


def render_hits(console: Console, results, bidi: bool = False) -> None:
    """Each hit: rank, title, metadata line, up to three highlighted fragments."""
    lines: list[Text] = []
    for hit in results:
        heading = Text(f"{hit.rank}. ", style=META) + styled(hit.title or "(untitled)", hit.title_spans, base=TITLE)
        lines += text_lines(console, heading, bidi)
        meta = [hit.date or "no date"]
        if hit.speakers:
            meta.append("، ".join(hit.speakers))
        if hit.topic:
            meta.append(_topic_label(hit.topic, hit.topic_predicted))
        meta.append(hit.id)
        lines += text_lines(console, styled(" · ".join(meta), base=META), bidi, indent=3)
        for fragment in hit.fragments:
            text = styled(fragment.text, fragment.spans)
            if fragment.leading:
                text = Text("… ") + text
            if fragment.trailing:
                text.append(" …")
            lines += text_lines(console, text, bidi, indent=3)
        lines.append(Text())
    _print_lines(console, lines)


def render_summary(console: Console, shown: int, total: int, page: int, limit: int) -> None:
    first = (page - 1) * limit + 1
    if total == 0:
        console.print("no hits", style=META)
    elif not shown:
        pages = -(-total // limit)
        console.print(f"no hits on page {page}: {total} hits on {pages} page{'s' if pages > 1 else ''}", style=META)
    else:
        console.print(f"hits {first}–{first + shown - 1} of {total}", style=META)


def _cell(value) -> Text:
    """A table cell of text from the archive: plain text, never markup."""
    return Text(safe(str(value)))


def _table(title: str | None = None):
    """A table without borders or header (Rich's tables are imported here:
    they take milliseconds to import, and a page of hits has none)."""
    from rich.table import Table

    return Table(title=title, show_header=False, box=None, title_justify="left")


def render_facets(console: Console, facets: dict, top: int = 10) -> None:
    for name, counts in facets.items():
        table = _table(f"by {name}")
        for value, count in counts.most_common(top):
            table.add_row(_cell(value), str(count))
        if counts:
            console.print(table)


def _topic_label(topic: str | None, predicted: bool) -> str | None:
    return topic + (" (predicted)" if predicted else "") if topic else None


def render_article(console: Console, article, bidi: bool = False) -> None:
    """One whole article (a :class:`~archive_search.search.records.StoredArticle`):
    title, metadata lines, paragraphs."""
    print_text(console, styled(article.title or "(untitled)", base=TITLE), bidi)
    meta = [
        ("id", article.id),
        ("date", article.date),
        ("speakers", "، ".join(article.speakers) or None),
        ("topic", _topic_label(article.topic, article.topic_predicted)),
        ("source", article.source),
        ("url", article.url),
        ("path", article.path),
    ]
    for name, value in meta:
        if value:
            print_text(console, styled(f"{name}: {value}", base=META), bidi)
    console.print()
    for paragraph in article.body.split("\n"):
        if paragraph.strip():
            print_text(console, styled(paragraph), bidi)
            console.print()


def render_stats(console: Console, stats: dict) -> None:
    table = _table()
    table.add_row("articles", f"{stats['articles']:,}")
    table.add_row("dated", f"{stats['dated_articles']:,}")
    table.add_row("dates", f"{stats['first_date'] or '—'} … {stats['last_date'] or '—'}")
    table.add_row("index size", f"{stats['index_bytes'] / 1e6:,.1f} MB")
    table.add_row("index", _cell(stats["index_dir"]))
    table.add_row("corpus", _cell(stats["corpus_dir"]))
    table.add_row("last update", stats["last_update"])
    console.print(table)
    for title, rows in (("top speakers", stats["top_speakers"]), ("topics", stats["topics"])):
        if rows:
            sub = _table(title)
            for name, count in rows:
                sub.add_row(_cell(name), str(count))
            console.print(sub)
