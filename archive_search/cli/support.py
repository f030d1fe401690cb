"""What the commands share: messages on stderr, the archive the options name, library errors as exit codes."""

from __future__ import annotations

import sys

import typer

from archive_search.cli.app import EXIT_ERROR, PROG, one_line, state


def fail(message: str) -> None:
    """One line on stderr, exit code 2."""
    sys.stderr.write(f"{PROG}: error: {one_line(message)}\n")
    raise typer.Exit(EXIT_ERROR)


def warn(message: str) -> None:
    sys.stderr.write(f"{PROG}: {one_line(message)}\n")


def stdout():
    """stdout, writing UTF-8 whatever the locale says (Arabic must survive a pipe)."""
    stream = sys.stdout
    if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    return stream


def json_line(data) -> None:
    """One JSON object on stdout, its control characters escaped (see :func:`~archive_search.output.safe_text.json_safe`)."""
    import json

    from archive_search.output.safe_text import json_safe

    stdout().write(json_safe(json.dumps(data, ensure_ascii=False)) + "\n")


def archive():
    """The archive the global options name; use it in a with-block (it closes the index)."""
    from archive_search.archive import Archive

    return Archive(state.index, state.corpus)


def progress(label: str):
    from archive_search.output.progress import IndexingProgress

    return IndexingProgress(label, PROG, state.color)


def console(stderr: bool = False):
    from archive_search.output.console import make_console

    return make_console(stderr=stderr, color=state.color)


def run_library(call):
    """Call the library; its named errors become one line and exit code 2."""
    from archive_search.errors import ArchiveError

    try:
        return call()
    except ArchiveError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        warn("interrupted; the index is as it was")
        raise typer.Exit(130) from None


# --- indexing reports -------------------------------------------------------------


def report_skip(skipped) -> None:
    warn(f"skipped {skipped}")


def report_notice(notice) -> None:
    warn(str(notice))


def summarize_skips(report) -> None:
    if report.skipped:
        from collections import Counter

        reasons = Counter(s.reason.split(":")[0] for s in report.skipped)
        detail = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
        warn(f"skipped {len(report.skipped)} ({detail})")


def ensure_index(archive) -> None:
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
    with progress("indexing") as shown:
        report = run_library(lambda: archive.rebuild(on_progress=shown, on_skip=report_skip,
                                                     on_notice=report_notice))
    summarize_skips(report)


def note_substitutes(substitutions) -> None:
    """Say which query words were searched with substitutes, and what they were."""
    for word, articles, searched in substitutions:
        if articles:
            warn(f"{word} is in only {articles} article{'s' if articles > 1 else ''}: also searched for {searched}")
        else:
            warn(f"no article has {word}: searched for {searched} instead")
