"""The indexing commands: ``rebuild-index`` and ``index``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from archive_search.cli.app import app, state
from archive_search.cli.options import AllowEmptyOption, examples
from archive_search.cli.support import (
    archive, fail, progress, report_notice, report_skip, run_library, summarize_skips, warn,
)


@app.command("rebuild-index", epilog=examples(
    "archive-search rebuild-index",
    "archive-search rebuild-index --corpus ~/news --index ~/news-index --jobs 2",
    'archive-search rebuild-index --memory 2G && archive-search search "مخيم الهول"',
))
def rebuild_index(
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, max=64, show_default=False,
        help="Processes that index articles [default: one a core, up to 4; 1 for a small corpus].")] = None,
    allow_empty: AllowEmptyOption = False,
    memory: Annotated[Optional[str], typer.Option(
        "--memory", metavar="SIZE", show_default=False,
        help="Memory the rebuild may use, its processes together, such as 3G or 800M [default: 3G].")] = None,
):
    """Build the index anew from the corpus, then swap it in atomically.
    """
    budget = _size(memory) if memory is not None else None
    with archive() as chosen:
        with progress("indexing") as shown:
            report = run_library(lambda: chosen.rebuild(jobs=jobs, on_progress=shown, on_skip=report_skip,
                                                        on_notice=report_notice, allow_empty=allow_empty,
                                                        memory=budget))
        summarize_skips(report)
        rate = report.articles / report.seconds if report.seconds else 0
        warn(f"indexed {report.articles:,} articles from {report.files:,} files in {report.seconds:.1f} s "
             f"({rate:,.0f} articles/s) into {state.index}")


def _size(text: str) -> int:
    """Bytes from 3G, 800M, 2.5GB, 1500000000 …; one line and exit 2 for anything else."""
    import re

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgGtT]?)[bB]?\s*", text)
    if not match:
        fail(f"--memory {text!r}: give a size such as 3G or 800M")
    scale = {"": 1, "k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12}[match[2].lower()]
    size = int(float(match[1]) * scale)
    if size < 200_000_000:
        fail(f"--memory {text}: a rebuild needs at least 200M")
    return size


@app.command("index", epilog=examples(
    "archive-search index",
    "archive-search index --corpus ~/news --index ~/news-index",
    'archive-search index && archive-search search "الكهرباء" --sort -date',
))
def index_update(allow_empty: AllowEmptyOption = False):
    """Update the index with added, changed and deleted corpus files.
    """
    with archive() as chosen:
        with progress("updating") as shown:
            report = run_library(lambda: chosen.update(on_progress=shown, on_skip=report_skip,
                                                       on_notice=report_notice, allow_empty=allow_empty))
        summarize_skips(report)
        if report.kept:
            warn(f"kept {report.kept:,} articles of files that could not be read, as they were")
        if report.outdated:
            warn("the index was built by another version of archive-search: rebuilt it")
        warn(f"{report.added} added, {report.changed} changed, {report.deleted} deleted, "
             f"{report.unchanged} unchanged ({report.articles:,} articles) in {report.seconds:.1f} s")
