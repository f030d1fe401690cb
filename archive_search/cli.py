"""The ``archive-search`` command: a thin layer over :class:`archive_search.Archive`.

Commands parse options, call one library method, hand the result to the
output layer (:mod:`archive_search.output`) and map errors to exit codes:
0 hits (or success), 1 no hits, 2 any error. Results go to stdout;
progress, warnings and errors go to stderr. Heavy modules are imported
inside the commands, so that ``--help`` and a search start fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from archive_search.output.bidi import MODES as BIDI_MODES
from archive_search.output.export import FORMATS as EXPORT_FORMATS
from archive_search.search.sorting import SORTS

PROG = "archive-search"
EXIT_HITS, EXIT_NO_HITS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    name=PROG,
    help="Search an archive of Arabic articles from the terminal.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _choices(name: str, values) -> type[Enum]:
    """A str Enum of the library's own values, for Typer's choices."""
    return Enum(name, {value.replace("-", "minus_"): value for value in values}, type=str)


Sort = _choices("Sort", SORTS)
Bidi = _choices("Bidi", BIDI_MODES)
Color = _choices("Color", ("auto", "always", "never"))
SearchFormat = _choices("SearchFormat", ("rich", *EXPORT_FORMATS))
ExportFormat = _choices("ExportFormat", EXPORT_FORMATS)
RecordFormat = _choices("RecordFormat", ("rich", "json"))

# --- options shared by several commands ------------------------------------------
# Declared once, so that their names and help stay the same wherever they appear.

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


class State:
    index: Path
    corpus: Path
    color: str = "auto"


state = State()


def fail(message: str) -> None:
    """One line on stderr, exit code 2."""
    sys.stderr.write(f"{PROG}: error: {message}\n")
    raise typer.Exit(EXIT_ERROR)


def warn(message: str) -> None:
    sys.stderr.write(f"{PROG}: {message}\n")


def _archive():
    """The archive the global options name; use it in a with-block (it closes the index)."""
    from archive_search.archive import Archive

    return Archive(state.index, state.corpus)


def _progress(label: str):
    from archive_search.output.progress import IndexingProgress

    return IndexingProgress(label, PROG, state.color)


def _console(stderr: bool = False):
    from archive_search.output.console import make_console

    return make_console(stderr=stderr, color=state.color)


@app.callback()
def main_options(
    index: Annotated[Optional[Path], typer.Option(
        "--index", envvar="ARCHIVE_SEARCH_INDEX", help="Index directory [default: ./index].")] = None,
    corpus: Annotated[Optional[Path], typer.Option(
        "--corpus", envvar="ARCHIVE_SEARCH_CORPUS", help="Corpus folder [default: ./corpus].")] = None,
    color: Annotated[Color, typer.Option(
        "--color", help="Colour: auto (terminal only, not under NO_COLOR), always, never.")] = Color.auto,
):
    state.index = index or Path("index")
    state.corpus = corpus or Path("corpus")
    state.color = color.value


def _report_skip(skipped) -> None:
    warn(f"skipped {skipped}")


def _summarize_skips(report) -> None:
    if report.skipped:
        from collections import Counter

        reasons = Counter(s.reason.split(":")[0] for s in report.skipped)
        detail = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
        warn(f"skipped {len(report.skipped)} ({detail})")


def _run_library(call):
    """Call the library; its named errors become one line and exit code 2."""
    from archive_search.errors import ArchiveError

    try:
        return call()
    except ArchiveError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        warn("interrupted; the index is as it was")
        raise typer.Exit(130) from None


# --- indexing -------------------------------------------------------------------


@app.command("rebuild-index")
def rebuild_index(
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, max=64, show_default=False,
        help="Processes that index articles [default: one a core, up to 4; 1 for a small corpus].")] = None,
):
    """Build the index anew from the corpus, then swap it in atomically.

    Example: archive-search --corpus corpus --index index rebuild-index --jobs 2
    """
    with _archive() as archive:
        with _progress("indexing") as progress:
            report = _run_library(lambda: archive.rebuild(jobs=jobs, on_progress=progress, on_skip=_report_skip))
        _summarize_skips(report)
        rate = report.articles / report.seconds if report.seconds else 0
        warn(f"indexed {report.articles:,} articles from {report.files:,} files in {report.seconds:.1f} s "
             f"({rate:,.0f} articles/s) into {state.index}")


@app.command("index")
def index_update():
    """Update the index with added, changed and deleted corpus files.

    Example: archive-search index
    """
    with _archive() as archive:
        with _progress("updating") as progress:
            report = _run_library(lambda: archive.update(on_progress=progress, on_skip=_report_skip))
        _summarize_skips(report)
        if report.outdated:
            warn("the index was built by another version of archive-search: rebuilt it")
        warn(f"{report.added} added, {report.changed} changed, {report.deleted} deleted, "
             f"{report.unchanged} unchanged ({report.articles:,} articles) in {report.seconds:.1f} s")


# --- searching ------------------------------------------------------------------


def _ensure_index(archive) -> None:
    """A new user's first search just works: build the index if there is none."""
    from archive_search.errors import ArchiveError, IndexMissing
    from archive_search.index import storage

    try:
        storage.current_generation(archive.index_dir)
        return
    except IndexMissing:
        pass  # build it below
    except ArchiveError as exc:
        fail(str(exc))  # a broken index is reported, not silently replaced
    if not archive.corpus_dir.is_dir():
        fail(f"no index at {archive.index_dir} and no corpus at {archive.corpus_dir}; "
             "use --index and --corpus, or run 'archive-search rebuild-index'")
    warn(f"no index yet: building one in {archive.index_dir} from {archive.corpus_dir} first")
    with _progress("indexing") as progress:
        report = _run_library(lambda: archive.rebuild(on_progress=progress, on_skip=_report_skip))
    _summarize_skips(report)


def _note_substitutes(substitutions) -> None:
    """Say which query words were searched with substitutes, and what they were."""
    for word, articles, searched in substitutions:
        if articles:
            warn(f"{word} is in only {articles} article{'s' if articles > 1 else ''}: also searched for {searched}")
        else:
            warn(f"no article has {word}: searched for {searched} instead")


def _stdout():
    """stdout, writing UTF-8 whatever the locale says (Arabic must survive a pipe)."""
    stream = sys.stdout
    if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    return stream


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
    with _archive() as archive:
        _ensure_index(archive)
        options = dict(speaker=speaker, topic=topic, since=since, until=until, sort=sort.value, plain=plain,
                       limit=limit, page=page)
        if fmt is SearchFormat.rich:
            results = _run_library(lambda: archive.search(query, facets=facets, **options))
            _render_results(results, bidi, page, limit)
            raise typer.Exit(EXIT_HITS if results else EXIT_NO_HITS)
        from archive_search.output.export import write_hits

        results = _run_library(lambda: archive.search(query, **options))
        _note_substitutes(results.substitutions)
        count = _run_library(lambda: write_hits(results, _stdout(), fmt=fmt.value))
        raise typer.Exit(EXIT_HITS if count else EXIT_NO_HITS)


def _render_results(results, bidi, page: int, limit: int) -> None:
    from archive_search.output import bidi as bidi_layout
    from archive_search.output.terminal import render_facets, render_hits, render_summary

    render_hits(_console(), results, bidi=bidi_layout.enabled(bidi.value))
    if results.facets:
        render_facets(_console(), results.facets)
    errors = _console(stderr=True)
    render_summary(errors, len(results), results.total, page, limit)
    _note_substitutes(results.substitutions)
    if results.suggestion:
        errors.print(f"did you mean: {results.suggestion}")


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

    with _archive() as archive:
        _ensure_index(archive)
        chosen = _run_library(lambda: parse_columns(columns))
        hits = _run_library(lambda: archive.iter_hits(query, speaker=speaker, topic=topic, since=since,
                                                       until=until, sort=sort.value, limit=limit, plain=plain))
        _note_substitutes(hits.substitutions)
        target = _stdout() if output == "-" else output
        stream = export_progress(hits, hits.total, PROG, state.color)
        count = _run_library(lambda: export_hits(stream, target, fmt=fmt.value, columns=chosen, excel=excel))
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
    with _archive() as archive:
        article = _run_library(lambda: archive.get(article_id))
        if fmt is RecordFormat.rich:
            from archive_search.output import bidi as bidi_layout
            from archive_search.output.terminal import render_article

            render_article(_console(), article, bidi=bidi_layout.enabled(bidi.value))
            return
        import json

        _stdout().write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")


@app.command()
def stats(
    fmt: Annotated[RecordFormat, typer.Option(
        "--format", "-f", help="rich or json (one JSON object).")] = RecordFormat.rich,
):
    """Describe the archive: articles, dates, top speakers, topics, index size.

    Example: archive-search stats --format json
    """
    with _archive() as archive:
        data = _run_library(archive.stats)
        if fmt is RecordFormat.rich:
            from archive_search.output.terminal import render_stats

            render_stats(_console(), data)
            return
        import json

        _stdout().write(json.dumps(data, ensure_ascii=False) + "\n")


def main() -> None:
    """Entry point. A closed pipe (``archive-search … | head``) ends the process
    quietly, as it does grep: SIGPIPE keeps its default action."""
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    app(prog_name=PROG)
