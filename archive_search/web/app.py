"""The web app: routes to pages, downloads and JSON, over one shared :class:`~archive_search.Archive`.

Read-only: every route answers GET (and HEAD) and none writes anything.
Errors a person can cause are status codes with a one-line message: a
malformed query or parameter 400, an unknown article or page 404, another
method 405; anything else is a 500 page that shows no traceback.

Every response carries a strict Content-Security-Policy (no script at all,
styles and images from the app only, no frames, forms sent only to the
app), and the app answers only to the host names it was started for
(127.0.0.1, localhost, ::1 by default), so that a web page elsewhere
cannot reach it through a DNS name that points to this machine.
"""

from __future__ import annotations

import contextlib
import json
import time

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from archive_search.errors import ArchiveError, ArticleNotFound, QueryError
from archive_search.output.safe_text import json_safe
from archive_search.web import pages
from archive_search.web.downloads import FILE_NAMES, MEDIA_TYPES, hit_file
from archive_search.web.library import SharedArchive
from archive_search.web.params import BadRequest, article_id, search_params
from archive_search.web.rendering import render

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; script-src 'none'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",  # a source link must not tell the site what was searched
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
# the stats JSON has the top speakers the CLI's `stats -f json` has
CLI_TOP = 10


class ArchiveJSON(JSONResponse):
    """JSON as the CLI writes it: Arabic unescaped, control characters escaped."""

    def render(self, content) -> bytes:
        return json_safe(json.dumps(content, ensure_ascii=False)).encode("utf-8")


def create_app(archive, hosts=LOCAL_HOSTS) -> Starlette:
    """The app over an :class:`~archive_search.Archive`, answering to ``hosts`` ("*" for any)."""
    shared = SharedArchive(archive)
    web = _Routes(shared)
    routes = [
        Route("/", web.search_page, name="search"),
        Route("/article/{article_id:path}", web.article_page, name="article"),
        Route("/hit", web.hit_redirect),
        Route("/stats", web.stats_page, name="stats"),
        Route("/download.csv", web.download_csv),
        Route("/download.xlsx", web.download_xlsx),
        Route("/api/search", web.api_search),
        Route("/api/article/{article_id:path}", web.api_article),
        Route("/api/stats", web.api_stats),
        Mount("/static", StaticFiles(packages=[("archive_search.web", "static")]), name="static"),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        shared.close()

    app = Starlette(routes=routes, lifespan=lifespan, middleware=[Middleware(_Headers), Middleware(TrustedHostMiddleware,
                                                                                   allowed_hosts=list(hosts))],
                    exception_handlers={HTTPException: _http_error, BadRequest: _bad_request,
                                        QueryError: _bad_request, ArticleNotFound: _not_found,
                                        ArchiveError: _archive_error})
    app.state.archive = shared
    return app


class _Routes:
    """The endpoints. They are synchronous (Starlette runs them in its threads); the shared archive locks."""

    def __init__(self, shared: SharedArchive):
        self.shared = shared

    def search_page(self, request):
        params = search_params(request.query_params)
        return HTMLResponse(render("search.html", **pages.search_context(self.shared, params)))

    def article_page(self, request):
        found = article_id(request.path_params["article_id"])
        params = search_params(request.query_params)
        return HTMLResponse(render("article.html", **pages.article_context(self.shared, found, params)))

    def hit_redirect(self, request):
        """The article at a rank of a search (the neighbour of an article on the page before or after)."""
        params = search_params(request.query_params)
        if not params.rank:
            raise BadRequest("rank is missing")
        hits = self.shared.search(params.q, limit=1, page=params.rank, snippets=False, **params.filters())
        if not hits:
            raise HTTPException(404, f"the search has no hit {params.rank}")
        return RedirectResponse(pages.article_link(hits[0].id, params, params.rank), status_code=303)

    def stats_page(self, request):
        stats = self.shared.stats()
        return HTMLResponse(render("stats.html", stats=stats, overview=pages.overview(stats)))

    def download_csv(self, request):
        return self._download(request, "csv")

    def download_xlsx(self, request):
        return self._download(request, "xlsx")

    def _download(self, request, fmt: str):
        params = search_params(request.query_params)
        hits = self.shared.iter_hits(params.q, **params.filters())  # a malformed query is a 400 here
        return StreamingResponse(hit_file(hits, fmt), media_type=MEDIA_TYPES[fmt], headers={
            "content-disposition": f'attachment; filename="{FILE_NAMES[fmt]}"', "x-total-hits": str(hits.total)})

    def api_search(self, request):
        params = search_params(request.query_params)
        facets = (request.query_params.get("facets") or "") in ("1", "true")
        results = self.shared.search(params.q, limit=params.limit, page=params.page, facets=facets,
                                     **params.filters())
        body = {"query": params.q, "plain": params.plain, "speaker": params.speaker or None,
                "topic": params.topic or None, "since": params.since or None, "until": params.until or None,
                "sort": params.sort, "page": params.page, "limit": params.limit, "total": results.total,
                "hits": [hit.to_dict() for hit in results], "suggestion": results.suggestion,
                "substitutions": [s._asdict() for s in results.substitutions]}
        if facets:
            body["facets"] = {name: counts.most_common() for name, counts in (results.facets or {}).items()}
        return ArchiveJSON(body)

    def api_article(self, request):
        return ArchiveJSON(self.shared.get(article_id(request.path_params["article_id"])).to_dict())

    def api_stats(self, request):
        stats = dict(self.shared.stats())
        stats["top_speakers"] = stats["top_speakers"][:CLI_TOP]
        return ArchiveJSON(stats)


# --- errors ---------------------------------------------------------------------

_TITLES = {400: "طلب غير صالح", 404: "غير موجود", 405: "طريقة غير مسموح بها", 500: "خطأ في الخادم"}


def _error(request, status: int, message: str) -> Response:
    """An error as the route's kind of answer: JSON for the API, a page for the rest."""
    headers = {"allow": "GET, HEAD"} if status == 405 else None
    if request.url.path.startswith("/api/"):
        return ArchiveJSON({"error": message, "status": status}, status_code=status, headers=headers)
    page = render("error.html", status=status, heading=_TITLES.get(status, str(status)), message=message,
                  **_form_context(request))
    return HTMLResponse(page, status_code=status, headers=headers)


def _form_context(request) -> dict:
    """The search form for an error page, filled in with the request's search when it can be read."""
    try:
        params = search_params(request.query_params)
        stats = request.app.state.archive.stats()
    except Exception:  # the parameters are what failed, or the archive: a page without the form
        return {"form": False, "params": None}
    return {"form": True, "params": params, **pages.form_lists(stats)}


async def _http_error(request, exc: HTTPException) -> Response:
    default = {404: "no such page", 405: "only GET and HEAD are answered here"}
    detail = exc.detail if exc.detail and exc.detail not in ("Not Found", "Method Not Allowed") else None
    return _error(request, exc.status_code, detail or default.get(exc.status_code, "error"))


async def _bad_request(request, exc: Exception) -> Response:
    return _error(request, 400, str(exc))


async def _not_found(request, exc: Exception) -> Response:
    return _error(request, 404, str(exc))


async def _archive_error(request, exc: Exception) -> Response:
    return _error(request, 500, str(exc))


class _Headers:
    """ASGI middleware: the security headers on every response, how long the app took
    (``Server-Timing``), and a 500 page with no traceback for what the app did not expect
    (the exception goes on to the server, which logs it)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started, sent = time.perf_counter(), []

        async def with_headers(message):
            if message["type"] == "http.response.start":
                taken = (time.perf_counter() - started) * 1000
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode("latin-1") not in HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items()]
                headers.append((b"server-timing", f"app;dur={taken:.1f}".encode()))
                message = {**message, "headers": headers}
                sent.append(True)
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception:
            if not sent:
                from starlette.requests import Request

                page = _error(Request(scope), 500, "the server failed to answer this request; its log says why")
                await page(scope, receive, with_headers)
            raise
