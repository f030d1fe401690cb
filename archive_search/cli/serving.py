"""The ``serve`` command: the archive as a local, read-only web page.

Everything web (Starlette, Jinja2, uvicorn, :mod:`archive_search.web`) is
imported inside the command, so that the other commands never load it.
"""

from __future__ import annotations

from typing import Annotated

import typer

from archive_search.cli.app import app
from archive_search.cli.options import examples
from archive_search.cli.support import archive, ensure_index, fail, run_library, warn

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8321


@app.command(epilog=examples(
    "archive-search serve --open",
    "archive-search serve --port 8000 --index ~/أرشيف-الأخبار/index",
    "archive-search serve --host 0.0.0.0 --port 8321",
))
def serve(
    host: Annotated[str, typer.Option(
        "--host", metavar="ADDRESS",
        help="Address to listen on: 127.0.0.1 is this machine only; 0.0.0.0 is every network it is on, "
             "where anyone who reaches it can read the archive.")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(
        "--port", min=0, max=65535, help="Port to listen on (0: any free port, named on stderr).")] = DEFAULT_PORT,
    open_browser: Annotated[bool, typer.Option(
        "--open", help="Open the search page in the web browser once it is served.")] = False,
):
    """Serve the archive as a web page to search and read it in, read-only,
    until Ctrl-C.

    Pages to search (with filters, facets and a timeline), to read whole
    articles and the archive's stats; downloads of a search's hits as CSV
    or a workbook; JSON at /api/search, /api/article/ID and /api/stats, with
    the fields of search -f jsonl and show -f json. stderr says what is
    served where.
    """
    with archive() as chosen:
        ensure_index(chosen)
        from archive_search.web.app import LOCAL_HOSTS, create_app
        from archive_search.web.server import is_local, listen, serve as serve_app, url_of

        local = is_local(host)
        web = create_app(chosen, hosts=LOCAL_HOSTS + (host,) if local else ("*",))
        shared = web.state.archive
        run_library(shared.open)  # a missing, locked out or broken index is told before serving
        try:
            sock = listen(host, port)
        except OSError as exc:
            fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
        url = url_of(sock)

        def started() -> None:
            count = shared.stats()["articles"]
            warn(f"serving {chosen.index_dir} ({count:,} article{'' if count == 1 else 's'}) at {url}, "
                 "read-only; Ctrl-C to stop")
            if not local:
                warn(f"listening on {host}: anyone who can reach this machine there can read the archive")
            if open_browser:
                import webbrowser

                webbrowser.open(url)

        if not serve_app(web, sock, started):
            fail("the web server stopped by itself")
        warn("stopped")
