"""The commands that read the index: ``search``, ``export``, ``show``, ``stats``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from archive_search.cli.app import EXIT_HITS, EXIT_NO_HITS, PROG, app, state
from archive_search.cli.options import (
    Bidi,
    BidiOption,
    ExportFormat,
    PlainOption,
    QueryText,
    RecordFormat,
    SearchFormat,
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
    json_line,
    note_substitutes,
    run_library,
    stdout,
    warn,
)


@app.command()
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

    Example: archive-search search "مرتزقة داعش" --speaker "بدران جيا كرد" --since 2019-01-01
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
        count = run_library(lambda: write_hits(results, stdout(), fmt=fmt.value))
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


@app.command()
def export(
    query: QueryText,
    speaker: SpeakerOption = None,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    sort: SortOption = Sort.relevance,
    output: Annotated[str, typer.Option("--output", "-o", help="File to write, or - for stdout.")] = "-",
    columns: Annotated[Optional[str], typer.Option(
        "--columns", help="Comma-separated columns, in order.")] = None,
    limit: Annotated[Optional[int], typer.Option(
        "--limit", "-n", min=1, help="At most this many hits [default: all].")] = None,
    excel: Annotated[bool, typer.Option(
        "--excel", help="UTF-8 BOM and formula-injection guard for spreadsheets.")] = False,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv or jsonl.")] = ExportFormat.csv,
    plain: PlainOption = False,
):
    """Export every matching hit, in rank order, as CSV (or JSON Lines).

    Example: archive-search export "داعش" --speaker "بدران جيا كرد" --since 2019-01-01 -o hits.csv
    """
    from archive_search.output.export import export_hits, parse_columns
    from archive_search.output.progress import export_progress

    with archive() as chosen:
        ensure_index(chosen)
        picked = run_library(lambda: parse_columns(columns))
        hits = run_library(lambda: chosen.iter_hits(query, speaker=speaker, topic=topic, since=since,
                                                    until=until, sort=sort.value, limit=limit, plain=plain))
        note_substitutes(hits.substitutions)
        target = stdout() if output == "-" else output
        stream = export_progress(hits, hits.total, PROG, state.color)
        count = run_library(lambda: export_hits(stream, target, fmt=fmt.value, columns=picked, excel=excel))
        if output != "-":
            warn(f"wrote {count:,} hits to {output}")
        raise typer.Exit(EXIT_HITS if count else EXIT_NO_HITS)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="An article id, as search prints it.")],
    fmt: Annotated[RecordFormat, typer.Option(
        "--format", "-f", help="rich or json (one JSON object).")] = RecordFormat.rich,
    bidi: BidiOption = Bidi.auto,
):
    """Print one whole article with its metadata.

    Example: archive-search show anha-isis-camps-meeting.txt
    """
    with archive() as chosen:
        article = run_library(lambda: chosen.get(article_id))
        if fmt is RecordFormat.rich:
            from archive_search.output import bidi as bidi_layout
            from archive_search.output.terminal import render_article

            render_article(console(), article, bidi=bidi_layout.enabled(bidi.value))
            return
        json_line(article.to_dict())


@app.command()
def stats(
    fmt: Annotated[RecordFormat, typer.Option(
        "--format", "-f", help="rich or json (one JSON object).")] = RecordFormat.rich,
):
    """Describe the archive: articles, dates, top speakers, topics, index size.

    Example: archive-search stats --format json
    """
    with archive() as chosen:
        data = run_library(chosen.stats)
        if fmt is RecordFormat.rich:
            from archive_search.output.terminal import render_stats

            render_stats(console(), data)
            return
        json_line(data)
