"""Web speed: results pages of the pooled+news archive (47,950 documents), server time.

Builds (or reuses, with --index) the archive bench/export_speed.py builds,
then asks the web app, in process (Starlette's TestClient: no network, no
server), for the results page of 400 of the pooled questions (every tenth),
typed into the search box as they are and, for the same questions, with the
"plain words" switch on. A results page is everything the page shows: the
top 10 hits with snippets and highlights, the facets, the timeline chart.
Server time is the app's own, from its Server-Timing header (the request in
to the response's first byte); the wall time of the request around it is
printed too. Also timed: an article page opened from a results page, and
/api/search.

    python bench/web_speed.py --index /tmp/pooled-news-index   # with the test extra (httpx2)
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.evalsets import RETRIEVAL_SETS, load_retrieval_set  # noqa: E402
from bench.export_speed import pooled_news_index  # noqa: E402

QUESTIONS = 400
_TIMING = re.compile(r"app;dur=([\d.]+)")
_HIT_LINK = re.compile(r'<h2 dir="auto"><a href="([^"]+)">')


def questions(count: int = QUESTIONS) -> list[str]:
    pooled = [text for name in RETRIEVAL_SETS for text in load_retrieval_set(name).queries.values()]
    return pooled[::10][:count]


def percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    at = lambda f: ordered[min(len(ordered) - 1, int(len(ordered) * f))]  # noqa: E731
    return f"p50 {at(0.5):.1f} ms, p95 {at(0.95):.1f} ms, mean {statistics.mean(ordered):.1f} ms"


def timed(client, url: str, params: dict | None, refused: list | None = None) -> tuple[float, float, str]:
    """(server ms, wall ms, body) of one GET (params None: the URL's own query); a 400
    is added to ``refused`` when it is given."""
    t0 = time.perf_counter()
    response = client.get(url, params=params)  # params={} would drop the URL's query
    wall = (time.perf_counter() - t0) * 1000
    if response.status_code == 400 and refused is not None:
        refused.append(params)
    elif response.status_code != 200:
        raise SystemExit(f"web_speed: {url} {params} answered {response.status_code}: {response.text[:300]}")
    return float(_TIMING.search(response.headers["server-timing"]).group(1)), wall, response.text


def run(index: Path) -> None:
    from starlette.testclient import TestClient

    from archive_search import Archive
    from archive_search.web.app import create_app

    asked = questions()
    with TestClient(create_app(Archive(index)), base_url="http://127.0.0.1:8321") as client:
        timed(client, "/", {"q": "تجربة"})  # open the index and warm the templates outside the timing
        for label, extra in (("as typed (the query language)", {}), ("plain words", {"plain": "1"})):
            server, wall, articles, refused = [], [], [], []
            for text in asked:
                taken, around, body = timed(client, "/", {"q": text, **extra}, refused)
                server.append(taken)
                wall.append(around)
                found = _HIT_LINK.search(body)
                if found:
                    articles.append(found.group(1).replace("&amp;", "&"))
            note = f" ({len(refused)} refused as malformed, a 400 page)" if refused else ""
            print(f"results page, {len(asked)} pooled questions {label}{note}: server {percentiles(server)}; "
                  f"request {percentiles(wall)}", flush=True)
        opened = [timed(client, link, None)[0] for link in articles[:100]]
        print(f"article page from a results page, {len(opened)} articles: server {percentiles(opened)}", flush=True)
        api = [timed(client, "/api/search", {"q": text, "plain": "1"})[0] for text in asked]
        print(f"/api/search, {len(asked)} questions, plain words: server {percentiles(api)}", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, help="pooled+news archive index (built there if missing)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    with pooled_news_index(args.index, args.jobs, "web_speed") as (index, _scratch):
        run(index)


if __name__ == "__main__":
    main()
