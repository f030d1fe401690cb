"""What each page shows: the library's results made ready for a template (links, highlights, the chart).

Functions here take the shared archive and the checked parameters and
return a template's context; :mod:`archive_search.web.app` turns requests
into calls to them and their errors into status codes.
"""

from __future__ import annotations

from archive_search.web import chart as timeline_chart
from archive_search.web.highlight import fragment_html, marked, paragraphs
from archive_search.web.params import DEFAULT_PAGE_SIZE, MAX_DEPTH, SearchParams, article_path

FACET_TOP = 10
STATS_TOP = 20


def results_link(params: SearchParams) -> str:
    query = params.query_string()
    return "/?" + query if query else "/"


def article_link(article_id: str, params: SearchParams, rank: int | None = None) -> str:
    """An article's page; with the search it was found by, and its rank there, when there is one."""
    context = params.with_(rank=rank).query_string() if params.asked else ""
    return article_path(article_id) + ("?" + context if context else "")


def form_lists(stats: dict) -> dict:
    """The search form's choices: the archive's topics, and its speakers as suggestions."""
    return {"topics": [name for name, _ in stats["topics"]], "speakers": [name for name, _ in stats["top_speakers"]]}


def search_context(shared, params: SearchParams) -> dict:
    """The search page: the form, and for a search its hits, facets, timeline and links."""
    stats = shared.stats()
    context = {"params": params, "stats": stats, **form_lists(stats), "results": None}
    if not params.asked:
        context["landing"] = overview(stats)
        return context
    results = shared.search(params.q, limit=params.limit, page=params.page, facets=True, **params.filters())
    context.update(results=results, hits=[hit_view(hit, params) for hit in results],
                   facets=facet_links(results.facets or {}, params), pages=pagination(params, results.total),
                   suggestion=_suggestion(results.suggestion, params),
                   substitutions=[_substitution(s, params) for s in results.substitutions],
                   downloads={fmt: f"/download.{fmt}?{params.with_(limit=DEFAULT_PAGE_SIZE).query_string()}"
                              for fmt in ("csv", "xlsx")},
                   api=f"/api/search?{params.query_string()}",
                   first=(params.page - 1) * params.limit + 1, chart=None)
    if results.total:
        years = results.facets["year"]
        if timeline_chart.period_for(years) == "year":
            counted = timeline_chart.yearly(years, results.total)
        else:
            filters = {k: v for k, v in params.filters().items() if k != "sort"}
            counted = shared.timeline(params.q, by="month", **filters)
        context.update(chart=timeline_chart.chart(counted, _period_links(params)), timeline=counted)
    return context


def _period_links(params: SearchParams):
    """link(since, until): the search narrowed to those days (the rest of it encoded once, for a chart's many bars)."""
    rest = params.with_(since="", until="").query_string()
    start = "/?" + (rest + "&" if rest else "")
    return lambda since, until: f"{start}since={since}&until={until}"


def hit_view(hit, params: SearchParams) -> dict:
    """One hit ready for the page: its link, its title and snippet with their highlights, its filters as links."""
    return {"hit": hit, "href": article_link(hit.id, params, hit.rank), "title": marked(hit.title, hit.title_spans),
            "fragments": [fragment_html(f) for f in hit.fragments],
            "speakers": [(name, results_link(params.with_(speaker=name))) for name in hit.speakers],
            "topic": results_link(params.with_(topic=hit.topic)) if hit.topic else None}


def facet_links(facets: dict, params: SearchParams) -> dict:
    """Each facet's top values with their counts and the search narrowed to them."""
    out = {}
    for name, counts in facets.items():
        pairs = counts.most_common(FACET_TOP)
        if name == "year":
            pairs = sorted(pairs, reverse=True)
            links = [params.with_(since=f"{year}-01-01", until=f"{year}-12-31") for year, _ in pairs]
        else:
            links = [params.with_(**{name: value}) for value, _ in pairs]
        out[name] = [(value, count, results_link(link)) for (value, count), link in zip(pairs, links)]
    return out


def pagination(params: SearchParams, total: int) -> dict:
    last = max(1, min(-(-total // params.limit), MAX_DEPTH // params.limit))
    around = range(max(1, params.page - 3), min(last, params.page + 3) + 1)
    return {"last": last,
            "previous": results_link(params.with_(page=params.page - 1)) if params.page > 1 else None,
            "next": results_link(params.with_(page=params.page + 1)) if params.page < last else None,
            "numbers": [(n, results_link(params.with_(page=n)), n == params.page) for n in around],
            "past_end": total and params.page > -(-total // params.limit),
            "first_page": results_link(params.with_(page=1))}


def _suggestion(suggestion: str | None, params: SearchParams):
    return (suggestion, results_link(params.with_(q=suggestion))) if suggestion else None


def _substitution(substitution, params: SearchParams) -> dict:
    """A word searched with substitutes: the word, as typed, and each substitute as a search of its own."""
    searched = [word for word in substitution.searched.split(", ") if word and word != "…"]
    return {"word": substitution.word, "articles": substitution.articles,
            "as_typed": results_link(params.with_(q=substitution.word, plain=False)),
            "searched": [(word, results_link(params.with_(q=word, plain=False))) for word in searched],
            "more": substitution.searched.endswith("…")}


def article_context(shared, article_id: str, params: SearchParams) -> dict:
    """An article's page: the whole text, and, opened from a search, its highlights and neighbours there."""
    article = shared.get(article_id)
    base = params if params.asked else SearchParams()
    context = {"article": article, "params": params, "title": marked(article.title), "neighbours": [],
               "speakers": [(name, results_link(base.with_(speaker=name))) for name in article.speakers],
               "topic": results_link(base.with_(topic=article.topic)) if article.topic else None,
               "paragraphs": paragraphs(article.body), "back": None, "previous": None, "next": None, "rank": None, "total": None,
               "api": "/api" + article_path(article.id)}
    if params.asked and params.rank:
        context.update(_in_results(shared, article, params))
    return context


def _in_results(shared, article, params: SearchParams) -> dict:
    rank = params.rank
    page = (rank - 1) // params.limit + 1
    results = shared.search(params.q, limit=params.limit, page=page, **params.filters())
    found = {hit.rank: hit for hit in results}
    out = {"back": results_link(params.with_(page=page)),
           "neighbours": [(hit, article_link(hit.id, params, hit.rank), hit.rank == rank) for hit in results]}
    here = found.get(rank)
    if here is None or here.id != article.id:
        return out  # the results changed under the link: the page still shows the article
    out.update(title=marked(article.title, here.title_spans), paragraphs=paragraphs(article.body, here.matched),
               total=results.total, rank=rank)
    for key, other in (("previous", rank - 1), ("next", rank + 1)):
        if 1 <= other <= results.total:
            hit = found.get(other)
            out[key] = (article_link(hit.id, params, other) if hit is not None
                        else "/hit?" + params.with_(rank=other).query_string())
    return out


def overview(stats: dict) -> dict:
    """The archive's figures for the landing and stats pages, its names as searches."""
    speakers = [(name, count, results_link(SearchParams(speaker=name)))
                for name, count in stats["top_speakers"][:STATS_TOP]]
    topics = [(name, count, results_link(SearchParams(topic=name))) for name, count in stats["topics"]]
    return {"speakers": speakers, "topics": topics, "megabytes": stats["index_bytes"] / 1_000_000}
