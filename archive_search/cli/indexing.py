"""The indexing commands: ``rebuild-index`` and ``index``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from archive_search.cli.app import app, state
from archive_search.cli.options import AllowEmptyOption
from archive_search.cli.support import (
    archive,
    progress,
    report_notice,
    report_skip,
    run_library,
    summarize_skips,
    warn,
)


@app.command("rebuild-index")
def rebuild_index(
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, max=64, show_default=False,
        help="Processes that index articles [default: one a core, up to 4; 1 for a small corpus].")] = None,
    allow_empty: AllowEmptyOption = False,
):
    """Build the index anew from the corpus, then swap it in atomically.

    Example: archive-search --corpus corpus --index index rebuild-index --jobs 2
    """
    with archive() as chosen:
        with progress("indexing") as shown:
            report = run_library(lambda: chosen.rebuild(jobs=jobs, on_progress=shown, on_skip=report_skip,
                                                        on_notice=report_notice, allow_empty=allow_empty))
        summarize_skips(report)
        rate = report.articles / report.seconds if report.seconds else 0
        warn(f"indexed {report.articles:,} articles from {report.files:,} files in {report.seconds:.1f} s "
             f"({rate:,.0f} articles/s) into {state.index}")


@app.command("index")
def index_update(allow_empty: AllowEmptyOption = False):
    """Update the index with added, changed and deleted corpus files.

    Example: archive-search index
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
