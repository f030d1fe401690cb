"""The ``archive-search`` command: a thin layer over :class:`archive_search.Archive`.

Commands parse options, call one library method, hand the result to
``render`` or ``export`` and map errors to exit codes: 0 hits (or success),
1 no hits, 2 any error. Results go to stdout; progress, warnings and errors
go to stderr. Heavy modules are imported inside the commands, so that
``--help`` and a search start fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

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


class Format(str, Enum):
    rich = "rich"
    jsonl = "jsonl"
    csv = "csv"


class RecordFormat(str, Enum):
    rich = "rich"
    json = "json"


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"


class Sort(str, Enum):
    relevance = "relevance"
    date = "date"
    newest = "-date"


class Bidi(str, Enum):
    auto = "auto"
    on = "on"
    off = "off"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


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


@app.callback()
def main_options(
    index: Path = typer.Option(
        None, "--index", envvar="ARCHIVE_SEARCH_INDEX", help="Index directory [default: ./index]."
    ),
    corpus: Path = typer.Option(
        None, "--corpus", envvar="ARCHIVE_SEARCH_CORPUS", help="Corpus folder [default: ./corpus]."
    ),
    color: Color = typer.Option(Color.auto, "--color", help="Colour: auto (terminal only, not under NO_COLOR), always, never."),
):
    state.index = index or Path("index")
    state.corpus = corpus or Path("corpus")
    state.color = color.value


# --- indexing -------------------------------------------------------------------


class _ProgressReporter:
    """A Rich progress bar on a terminal; a plain line every few seconds otherwise."""

    def __init__(self, label: str):
        self.label = label
        self.bar = None
        self.task = None
        self.last_line = 0.0
        self.finished = False
        self.tty = sys.stderr.isatty()

    def __enter__(self):
        if self.tty:
            from rich.progress import (BarColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            from archive_search.render import make_console

            self.bar = Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                TextColumn("{task.fields[articles]:,} articles"),
                TextColumn("{task.fields[rate]:,.0f}/s"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=make_console(stderr=True, color=state.color),
                transient=True,
            )
            self.bar.__enter__()
            self.task = self.bar.add_task(self.label, total=None, articles=0, rate=0.0)
        return self

    def __call__(self, progress) -> None:
        rate = progress.articles / progress.elapsed if progress.elapsed > 0 else 0.0
        if self.bar is not None:
            self.bar.update(self.task, total=self._total(progress), completed=progress.articles,
                            articles=progress.articles, rate=rate)
            return
        finished = progress.articles == progress.articles_expected
        if finished and not self.finished or progress.elapsed - self.last_line >= 5:
            self.last_line, self.finished = progress.elapsed, finished
            warn(f"{self.label}: {progress.articles:,} articles, "
                 f"{progress.files_done}/{progress.files_total} files, {rate:,.0f} articles/s")

    def _total(self, progress) -> int | None:
        """The bar's total: the articles expected, moved only when the estimate
        shifts by over 5 % or becomes a count (Rich forgets the speed behind
        its time-remaining column whenever the total changes)."""
        total, expected = self.bar.tasks[0].total, progress.articles_expected
        exact = progress.files_done >= progress.files_total
        if total is None or exact or expected is None or abs(expected - total) > 0.05 * total:
            return expected
        return total

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _export_progress(hits, threshold: int = 1000):
    """Pass hits through, reporting progress on stderr for a large export."""
    import time

    total = getattr(hits, "total", 0)
    if total < threshold:
        yield from hits
        return
    started = last = time.monotonic()
    if sys.stderr.isatty():
        from rich.progress import Progress

        from archive_search.render import make_console

        with Progress(console=make_console(stderr=True, color=state.color), transient=True) as bar:
            task = bar.add_task("exporting", total=total)
            for n, hit in enumerate(hits, 1):
                yield hit
                if n % 100 == 0:
                    bar.update(task, completed=n)
        return
    for n, hit in enumerate(hits, 1):
        yield hit
        now = time.monotonic()
        if now - last >= 5:
            last = now
            warn(f"exporting: {n:,}/{total:,} hits, {n / (now - started):,.0f}/s")


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


@app.command("rebuild-index")
def rebuild_index(
    jobs: int = typer.Option(None, "--jobs", "-j", min=1, max=64, show_default=False,
                             help="Processes that index articles [default: one a core, up to 4; 1 for a small corpus]."),
):
    """Build the index anew from the corpus, then swap it in atomically.

    Example: archive-search --corpus corpus --index index rebuild-index --jobs 2
    """
    with _archive() as archive:
        with _ProgressReporter("indexing") as progress:
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
        with _ProgressReporter("updating") as progress:
            report = _run_library(lambda: archive.update(on_progress=progress, on_skip=_report_skip))
        _summarize_skips(report)
        if report.outdated:
            warn("the index was built by another version of archive-search: rebuilt it")
        warn(f"{report.added} added, {report.changed} changed, {report.deleted} deleted, "
             f"{report.unchanged} unchanged ({report.articles:,} articles) in {report.seconds:.1f} s")


# --- searching ------------------------------------------------------------------


def _ensure_index(archive) -> None:
    """A new user's first search just works: build the index if there is none."""
    from archive_search import storage
    from archive_search.errors import ArchiveError, IndexMissing

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
    with _ProgressReporter("indexing") as progress:
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
    query: str = typer.Argument(..., metavar="QUERY", help="Words, \"phrases\", +must, -not, OR, ( ), speaker:, topic:, date:2019-01..2019-06, word*, word~"),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only articles quoting this person (full or partial name)."),
    topic: Optional[str] = typer.Option(None, "--topic", help="Only articles on this topic."),
    since: Optional[str] = typer.Option(None, "--since", metavar="YYYY-MM-DD", help="Only articles from this day on."),
    until: Optional[str] = typer.Option(None, "--until", metavar="YYYY-MM-DD", help="Only articles up to this day."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="Hits per page."),
    page: int = typer.Option(1, "--page", min=1, help="Page of hits."),
    sort: Sort = typer.Option(Sort.relevance, "--sort", help="relevance, date (oldest first) or -date (newest first)."),
    fmt: Format = typer.Option(Format.rich, "--format", "-f", help="rich (for people), jsonl or csv (for programs)."),
    bidi: Bidi = typer.Option(Bidi.auto, "--bidi", help="Lay out right-to-left text for terminals without BiDi: auto, on, off."),
    plain: bool = typer.Option(False, "--plain", help="Take the query as plain words (operators and quotes ignored; words the archive lacks or barely has also searched by the words one edit away)."),
    facets: bool = typer.Option(False, "--facets", help="Also print counts of the hits by speaker, topic and year (rich format)."),
):
    """Search the archive; exit code 0 with hits, 1 with none, 2 on error.

    Example: archive-search search "مرتزقة داعش" --speaker "بدران جيا كرد" --since 2019-01-01
    """
    with _archive() as archive:
        _ensure_index(archive)
        options = dict(speaker=speaker, topic=topic, since=since, until=until, sort=sort.value, plain=plain)
        if fmt is Format.rich:
            from archive_search import bidi as bidi_layout
            from archive_search.render import make_console, render_facets, render_hits, render_summary

            results = _run_library(lambda: archive.search(query, limit=limit, page=page, facets=facets, **options))
            console = make_console(color=state.color)
            render_hits(console, results, bidi=bidi_layout.enabled(bidi.value))
            if facets and results.facets:
                render_facets(console, results.facets)
            errors = make_console(stderr=True, color=state.color)
            render_summary(errors, len(results), results.total, page, limit)
            _note_substitutes(results.substitutions)
            if results.suggestion:
                errors.print(f"did you mean: {results.suggestion}")
            raise typer.Exit(EXIT_HITS if results else EXIT_NO_HITS)
        from archive_search.export import write_hits

        results = _run_library(lambda: archive.search(query, limit=limit, page=page, **options))
        _note_substitutes(results.substitutions)
        count = _run_library(lambda: write_hits(results, _stdout(), fmt=fmt.value))
        raise typer.Exit(EXIT_HITS if count else EXIT_NO_HITS)


@app.command()
def export(
    query: str = typer.Argument(..., metavar="QUERY", help="The same query language as search."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only articles quoting this person."),
    topic: Optional[str] = typer.Option(None, "--topic", help="Only articles on this topic."),
    since: Optional[str] = typer.Option(None, "--since", metavar="YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", metavar="YYYY-MM-DD"),
    sort: Sort = typer.Option(Sort.relevance, "--sort"),
    output: str = typer.Option("-", "--output", "-o", help="File to write, or - for stdout."),
    columns: Optional[str] = typer.Option(None, "--columns", help="Comma-separated columns, in order."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="At most this many hits [default: all]."),
    excel: bool = typer.Option(False, "--excel", help="UTF-8 BOM and formula-injection guard for spreadsheets."),
    fmt: ExportFormat = typer.Option(ExportFormat.csv, "--format", "-f", help="csv or jsonl."),
    plain: bool = typer.Option(False, "--plain", help="Take the query as plain words."),
):
    """Export every matching hit, in rank order, as CSV (or JSON Lines).

    Example: archive-search export "داعش" --speaker "بدران جيا كرد" --since 2019-01-01 -o hits.csv
    """
    from archive_search.export import export_hits, parse_columns

    with _archive() as archive:
        _ensure_index(archive)
        chosen = _run_library(lambda: parse_columns(columns))
        hits = _run_library(lambda: archive.iter_hits(query, speaker=speaker, topic=topic, since=since,
                                                       until=until, sort=sort.value, limit=limit, plain=plain))
        _note_substitutes(hits.substitutions)
        target = _stdout() if output == "-" else output
        stream = _export_progress(hits)
        count = _run_library(lambda: export_hits(stream, target, fmt=fmt.value, columns=chosen, excel=excel))
        if output != "-":
            warn(f"wrote {count:,} hits to {output}")
        raise typer.Exit(EXIT_HITS if count else EXIT_NO_HITS)


@app.command()
def show(
    article_id: str = typer.Argument(..., metavar="ID", help="An article id, as search prints it."),
    fmt: RecordFormat = typer.Option(RecordFormat.rich, "--format", "-f", help="rich or json (one JSON object)."),
    bidi: Bidi = typer.Option(Bidi.auto, "--bidi", help="auto, on or off."),
):
    """Print one whole article with its metadata.

    Example: archive-search show anha-isis-camps-meeting.txt
    """
    with _archive() as archive:
        stored = _run_library(lambda: archive.get(article_id))
        if fmt is RecordFormat.rich:
            from archive_search import bidi as bidi_layout
            from archive_search.render import make_console, render_article

            render_article(make_console(color=state.color), stored, bidi=bidi_layout.enabled(bidi.value))
            return
        import json

        record = {
            "id": stored["id"], "title": stored.get("title"), "speakers": stored.get("speakers") or [],
            "date": stored["date"].date().isoformat() if stored.get("date") else None,
            "topic": stored.get("topic"), "topic_predicted": bool(stored.get("topic_predicted")),
            "source": stored.get("source"), "url": stored.get("url"),
            "path": stored.get("path"), "body": stored.get("body"),
        }
        _stdout().write(json.dumps(record, ensure_ascii=False) + "\n")


@app.command()
def stats(
    fmt: RecordFormat = typer.Option(RecordFormat.rich, "--format", "-f", help="rich or json (one JSON object)."),
):
    """Describe the archive: articles, dates, top speakers, topics, index size.

    Example: archive-search stats --format json
    """
    with _archive() as archive:
        data = _run_library(archive.stats)
        if fmt is RecordFormat.rich:
            from archive_search.render import make_console, render_stats

            render_stats(make_console(color=state.color), data)
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
