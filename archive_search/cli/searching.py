"""The commands that read the index: ``search``, ``export``, ``timeline``, ``show``, ``stats``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from archive_search.cli.app import EXIT_HITS, EXIT_NO_HITS, PROG, app, state
from archive_search.cli.options import (
    examples,
    Bidi,
    BidiOption,
    ExportFormat,
    Period,
    PlainOption,
    QueryText,
    RecordFormat,
    SearchFormat,
    TableFormat,
    SinceOption,
    Sort,
    SortOption,
    SpeakerOption,
    TopicOption,
    UntilOption,
)
from archive_search.cli.support import (
    archive,
    console,
    ensure_index,
    fail,
    json_line,
    note_substitutes,
    run_library,
    stdout,
    warn,
)
from archive_search.output.export import COLUMNS as EXPORT_COLUMNS


@app.command(epilog=examples(
    'archive-search search "مخيم الهول" --since 2019-01-01',
    'archive-search search "مرتزقة داعش" --speaker "بدران جيا كرد" --facets',
    'archive-search search "+الكهرباء -الماء" --sort -date -f jsonl',
))
def search(
    query: QueryText,
    speaker: SpeakerOption = None,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Hits per page.")] = 10,
    page: Annotated[int, typer.Option("--page", min=1, help="Page of hits.")] = 1,
    sort: SortOption = Sort.relevance,
    fmt: Annotated[SearchFormat, typer.Option(
        "--format", "-f", help="rich (for people), jsonl or csv (for programs).")] = SearchFormat.rich,
    bidi: BidiOption = Bidi.auto,
    plain: PlainOption = False,
    facets: Annotated[bool, typer.Option(
        "--facets", help="Also print counts of the hits by speaker, topic and year (rich format).")] = False,
):
    """Search the archive; exit code 0 with hits, 1 with none, 2 on error.
    """
    with archive() as chosen:
        ensure_index(chosen)
        options = dict(speaker=speaker, topic=topic, since=since, until=until, sort=sort.value, plain=plain,
                       limit=limit, page=page)
        if fmt is SearchFormat.rich:
            results = run_library(lambda: chosen.search(query, facets=facets, **options))
            _render_results(results, bidi, page, limit)
            raise typer.Exit(EXIT_HITS if results else EXIT_NO_HITS)
        from archive_search.output.export import write_hits

        results = run_library(lambda: chosen.search(query, **options))
        note_substitutes(results.substitutions)
        count = run_library(lambda: write_hits(results, stdout(), fmt=fmt.value, terminal=_on_terminal()))
        raise typer.Exit(EXIT_HITS if count else EXIT_NO_HITS)


def _render_results(results, bidi, page: int, limit: int) -> None:
    from rich.text import Text

    from archive_search.output import bidi as bidi_layout
    from archive_search.output.safe_text import safe
    from archive_search.output.terminal import (
        render_facets,
        render_hits,
        render_summary,
    )

    render_hits(console(), results, bidi=bidi_layout.enabled(bidi.value))
    if results.facets:
        render_facets(console(), results.facets)
    errors = console(stderr=True)
    render_summary(errors, len(results), results.total, page, limit)
    note_substitutes(results.substitutions)
    if results.suggestion:
        errors.print(Text(f"did you mean: {safe(results.suggestion)}"))


@app.command(epilog=examples(
    'archive-search export "داعش" --speaker "بدران جيا كرد" -o hits.xlsx',
    'archive-search export "مخيم الهول" --since 2019-01-01 --columns id,title,date -o hits.csv',
    'archive-search export "الحسكة" -f jsonl | jq -r .title',
))
def export(
    query: QueryText,
    speaker: SpeakerOption = None,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    sort: SortOption = Sort.relevance,
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="FILE",
        help="File to write, its format by its name (.csv, .jsonl, .xlsx); - for stdout (CSV).")] = "-",
    fmt: Annotated[Optional[ExportFormat], typer.Option(
        "--format", "-f", help="csv, jsonl or xlsx, whatever the file's name [default: by the name].")] = None,
    columns: Annotated[Optional[str], typer.Option(
        "--columns", metavar="NAMES", help=f"Comma-separated columns, in order, of: {', '.join(EXPORT_COLUMNS)}.")] = None,
    limit: Annotated[Optional[int], typer.Option(
        "--limit", "-n", min=1, help="At most this many hits [default: all].")] = None,
    excel: Annotated[bool, typer.Option(
        "--excel", help="CSV for spreadsheets: a UTF-8 byte-order mark, and cells that would start a "
                        "formula (=, +, -, @) prefixed with '.")] = False,
    plain: PlainOption = False,
):
    """Export every matching hit, in rank order, as CSV, JSON Lines or a workbook.

    A file is written whole or not at all (a temporary file renamed into
    place); stdout, a device or a FIFO is written as it comes.
    """
    from archive_search.output.export import export_hits, format_for, parse_columns
    from archive_search.output.progress import export_progress

    picked = run_library(lambda: parse_columns(columns))
    chosen_format = run_library(lambda: format_for(output, fmt.value if fmt else None))
    if chosen_format == "xlsx" and output == "-" and _on_terminal():
        fail("a workbook is not for a terminal: give -o FILE.xlsx or redirect stdout to a file")
    with archive() as chosen:
        ensure_index(chosen)
        hits = run_library(lambda: chosen.iter_hits(query, speaker=speaker, topic=topic, since=since,
                                                    until=until, sort=sort.value, limit=limit, plain=plain))
        note_substitutes(hits.substitutions)
        target = stdout() if output == "-" and chosen_format != "xlsx" else output
        stream = export_progress(hits, hits.total, PROG, state.color)
        count = run_library(lambda: export_hits(stream, target, fmt=chosen_format, columns=picked, excel=excel,
                                                terminal=output == "-" and _on_terminal()))
        if output != "-":
            warn(f"wrote {count:,} hits to {output}")
        raise typer.Exit(EXIT_HITS if count else EXIT_NO_HITS)


@app.command(epilog=examples(
    'archive-search timeline "مخيم الهول"',
    'archive-search timeline "داعش" --by year --speaker "بدران جيا كرد"',
    'archive-search timeline "الكهرباء" --by week --since 2020-01-01 -f csv > weeks.csv',
))
def timeline(
    query: QueryText,
    by: Annotated[Period, typer.Option("--by", help="Count by day, week, month or year.")] = Period.month,
    speaker: SpeakerOption = None,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[TableFormat, typer.Option(
        "--format", "-f", help="rich (a bar chart), csv or jsonl (one period a row).")] = TableFormat.rich,
    bidi: BidiOption = Bidi.auto,
    plain: PlainOption = False,
):
    """When was it told: matching articles counted by period, as bars, with
    the top speakers and topics of the busiest periods.

    Every period from the first dated hit to the last is shown, those
    without articles as zero; articles without a date are counted apart.
    """
    with archive() as chosen:
        ensure_index(chosen)
        counted = run_library(lambda: chosen.timeline(query, by=by.value, speaker=speaker, topic=topic,
                                                      since=since, until=until, plain=plain))
        if fmt is TableFormat.rich:
            from archive_search.output import bidi as bidi_layout
            from archive_search.output.timeline import render_chart

            render_chart(console(), counted, bidi=bidi_layout.enabled(bidi.value))
        else:
            from archive_search.output.timeline import write_table

            write_table(counted, stdout(), fmt.value, terminal=_on_terminal())
        dated = counted.total - counted.undated
        message = f"{counted.total:,} article{'' if counted.total == 1 else 's'}, {dated:,} of them dated"
        if counted.undated:
            message += f"; {counted.undated:,} without a date, not in the timeline"
        warn(message)
        raise typer.Exit(EXIT_HITS if counted.total else EXIT_NO_HITS)


def _on_terminal() -> bool:
    import sys

    return sys.stdout.isatty()


@app.command(epilog=examples(
    "archive-search show anha-isis-camps-meeting.txt",
    'archive-search show "bulletins/regional-bulletin.jsonl#b-005" -f json',
    'archive-search search "مخيم الهول" -f jsonl | jq -r .id | head -1 | xargs archive-search show',
))
def show(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="An article id, as search prints it.")],
    fmt: Annotated[RecordFormat, typer.Option(
        "--format", "-f", help="rich or json (one JSON object).")] = RecordFormat.rich,
    bidi: BidiOption = Bidi.auto,
):
    """Print one whole article with its metadata.
    """
    with archive() as chosen:
        article = run_library(lambda: chosen.get(article_id))
        if fmt is RecordFormat.rich:
            from archive_search.output import bidi as bidi_layout
            from archive_search.output.terminal import render_article

            render_article(console(), article, bidi=bidi_layout.enabled(bidi.value))
            return
        json_line(article.to_dict())


@app.command(epilog=examples(
    "archive-search stats",
    "archive-search stats --index ~/أرشيف-الأخبار/index",
    "archive-search stats -f json | jq .top_speakers",
))
def stats(
    fmt: Annotated[RecordFormat, typer.Option(
        "--format", "-f", help="rich or json (one JSON object).")] = RecordFormat.rich,
):
    """Describe the archive: articles, dates, top speakers, topics, index size.
    """
    with archive() as chosen:
        data = run_library(chosen.stats)
        if fmt is RecordFormat.rich:
            from archive_search.output.terminal import render_stats

            render_stats(console(), data)
            return
        json_line(data)
