"""The pages as a browser gets them: search, filters, facets, pagination, spelling, the timeline, articles, stats."""

import re
from urllib.parse import parse_qs, urlsplit

from archive_search import Archive
from tests.conftest import SAMPLE_CORPUS

SAMPLE_ID = "anha-isis-camps-meeting.txt"
BULLETIN = "bulletins/regional-bulletin.jsonl#b-008"


def total(html: str) -> int:
    found = re.search(r'من <bdi dir="ltr">([\d,]+)</bdi></p>', html)
    return int(found.group(1).replace(",", "")) if found else 0


def hit_links(page) -> list[str]:
    return [a["href"] for tag, a in page.elements if tag == "a" and a.get("href", "").startswith("/article/")
            and "rank=" in a["href"]]


def test_search_page_is_arabic_right_to_left(client, page):
    response = client.get("/", params={"q": "مخيم الهول"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.text.startswith('<!doctype html>\n<html lang="ar" dir="rtl">')
    assert '<link rel="stylesheet" href="/static/style.css">' in response.text


def test_hits_are_the_librarys_with_their_words_marked_as_written(client, page, sample_index):
    response = client.get("/", params={"q": "مخيم الهول"})
    with Archive(sample_index) as archive:
        expected = archive.search("مخيم الهول")
    shown = page(response.text)
    assert total(response.text) == expected.total == 2
    assert [urlsplit(h).path for h in hit_links(shown)] == [f"/article/{h.id}".replace("#", "%23") for h in expected]
    # the title and snippet words, as the article wrote them
    assert {"مخيم", "الهول"} <= set(shown.marks)
    assert "<mark>مخيم</mark> <mark>الهول</mark>" in response.text


def test_a_stem_match_is_marked_in_its_surface_form(client, page):
    shown = page(client.get("/", params={"q": "مخيم"}).text)
    assert "المخيمات" in shown.marks and "والمخيمات" in shown.marks


def test_landing_page_has_the_form_and_the_archives_names(client, page):
    response = client.get("/")
    shown = page(response.text)
    assert shown.find("input", name="q", type="search")
    assert shown.find("input", name="plain", type="checkbox")
    assert shown.find("input", name="speaker", list="speakers")
    assert shown.find("option", value="بدران جيا كرد")  # suggested from the index
    assert shown.find("option", value="صحة")  # the topic list
    assert shown.find("input", name="since", type="date") and shown.find("input", name="until", type="date")
    assert "<ol class=\"hits\"" not in response.text


def test_a_speaker_filter_narrows_the_hits(client, page):
    response = client.get("/", params={"q": "", "speaker": "بدران جيا كرد"})
    assert total(response.text) == 2
    shown = page(response.text)
    assert shown.find("input", name="speaker", value="بدران جيا كرد")


def test_topic_and_dates_filter(client, sample_index):
    with Archive(sample_index) as archive:
        expected = archive.search("", topic="صحة", since="2019-01-01", until="2021-12-31").total
    response = client.get("/", params={"topic": "صحة", "since": "2019-01-01", "until": "2021-12-31"})
    assert total(response.text) == expected > 0


def test_facet_links_give_the_counts_they_show(client, page):
    response = client.get("/", params={"q": "مخيم"})
    shown = page(response.text)
    facets = re.findall(r'<li><a href="([^"]+)"><bdi>[^<]+</bdi></a> <bdi class="count" dir="ltr">(\d+)</bdi></li>',
                        response.text)
    assert len(facets) >= 6
    for href, count in facets:
        narrowed = client.get(href.replace("&amp;", "&"))
        assert total(narrowed.text) == int(count), href
    assert shown.find("section", **{"class": "facet facet-year"})


def test_pagination(client, page):
    first = client.get("/", params={"sort": "-date"})  # every article, the newest first: 32
    assert total(first.text) == 32
    shown = page(first.text)
    assert shown.find("ol", **{"class": "hits", "start": "1"})
    assert shown.find("a", rel="next", href="/?sort=-date&page=2")
    second = page(client.get("/?sort=-date&page=2").text)
    assert second.find("ol", **{"class": "hits", "start": "11"})
    assert second.find("a", rel="prev", href="/?sort=-date")
    assert second.find("a", rel="next", href="/?sort=-date&page=3")
    last = client.get("/?sort=-date&page=4")
    assert len(hit_links(page(last.text))) == 2
    past = client.get("/?sort=-date&page=5")
    assert past.status_code == 200 and "لا نتائج في الصفحة" in past.text


def test_did_you_mean_is_a_link(client, page):
    response = client.get("/", params={"q": "الحسكة المخيات"})
    [suggestion] = re.findall(r'هل تقصد: <a href="([^"]+)"><bdi>([^<]+)</bdi></a>', response.text)
    assert suggestion[1] == "الحسكة المخيمات"
    assert parse_qs(urlsplit(suggestion[0].replace("&amp;", "&")).query)["q"] == ["الحسكة المخيمات"]
    assert total(client.get(suggestion[0].replace("&amp;", "&")).text) > 0


def test_substitutions_are_links(client, page):
    response = client.get("/", params={"q": "المخيات", "plain": "1"})
    assert "لا مقالة فيها «<bdi>المخيات</bdi>»" in response.text
    links = page(response.text).links()
    assert "/?q=%D8%A7%D9%84%D9%85%D8%AE%D9%8A%D9%85%D8%A7%D8%AA" in links  # المخيمات, searched instead
    assert "/?q=%D8%A7%D9%84%D9%85%D8%AE%D9%8A%D8%A7%D8%AA" in links  # المخيات as typed, without plain


def test_timeline_chart_is_inline_svg_with_period_links(client, sample_index):
    response = client.get("/", params={"q": "مخيم"})
    with Archive(sample_index) as archive:
        timeline = archive.timeline("مخيم", by="month")
    svg = re.search(r'<svg class="timeline".*?</svg>', response.text, re.S).group()
    bars = re.findall(r'<a href="([^"]+)"><title>([^<]+)</title>', svg)
    assert [title for _, title in bars] == [f"{p.label}: {p.articles}" for p in timeline.periods]
    for href, title in bars:
        if not title.endswith(": 0"):
            assert total(client.get(href.replace("&amp;", "&")).text) == int(title.rsplit(": ", 1)[1])
    assert "<script" not in svg and "style=" not in svg


def test_a_timeline_over_many_years_is_by_year_and_counts_as_the_librarys(client, sample_index):
    response = client.get("/", params={"sort": "-date"})  # 2017 to 2024: by year
    with Archive(sample_index) as archive:
        timeline = archive.timeline("", by="year")
    titles = re.findall(r"<title>([^<]+)</title>", re.search(r"<svg.*?</svg>", response.text, re.S).group())
    assert titles == [f"{p.label}: {p.articles}" for p in timeline.periods]
    assert f"وبلا تاريخ: <bdi dir=\"ltr\">{timeline.undated}</bdi>" in response.text


def test_a_search_without_hits(client):
    response = client.get("/", params={"q": "بطريق"})
    assert response.status_code == 200
    assert "لا نتائج." in response.text and "<svg" not in response.text


def test_article_page_has_the_whole_text_and_metadata(client, page, sample_index):
    with Archive(sample_index) as archive:
        article = archive.get(BULLETIN)
    response = client.get("/article/bulletins/regional-bulletin.jsonl%23b-008")
    assert response.status_code == 200
    assert "<mark>" not in response.text  # opened without a search
    for paragraph in filter(str.strip, article.body.split("\n")):
        assert paragraph.strip() in response.text
    assert f'<time datetime="{article.date}">' in response.text
    assert "ديلان إبراهيم" in response.text and BULLETIN in response.text


def test_article_from_a_search_has_its_words_marked_and_its_neighbours(client, page):
    results = page(client.get("/", params={"q": "مخيم"}).text)
    second = hit_links(results)[1]
    response = client.get(second.replace("&amp;", "&"))
    shown = page(response.text)
    assert set(shown.marks) >= {"مخيم"}
    assert "النتيجة <bdi dir=\"ltr\">2</bdi> من <bdi dir=\"ltr\">5</bdi>" in response.text
    neighbours = [a["href"] for t, a in shown.elements if t == "a" and a.get("dir") == "auto"]
    assert neighbours == [link.replace("&amp;", "&") for link in hit_links(results)]
    assert shown.find("li", **{"class": "current", "aria-current": "true"})
    assert shown.find("a", rel="prev", href=hit_links(results)[0])
    assert shown.find("a", rel="next", href=hit_links(results)[2])


def test_a_neighbour_on_another_page_is_reached_through_its_rank(client, page):
    results = page(client.get("/", params={"sort": "-date"}).text)
    tenth = client.get(hit_links(results)[9])  # the last of page 1: its next is the first of page 2
    shown = page(tenth.text)
    [next_link] = [a["href"] for t, a in shown.elements if t == "a" and a.get("rel") == "next"]
    assert next_link == "/hit?sort=-date&rank=11"
    redirect = client.get(next_link, follow_redirects=False)
    assert redirect.status_code == 303
    second_page = page(client.get("/?sort=-date&page=2").text)
    assert redirect.headers["location"] == hit_links(second_page)[0]


def test_stats_page(client, sample_index, page):
    response = client.get("/stats")
    with Archive(sample_index) as archive:
        stats = archive.stats()
    assert response.status_code == 200
    assert f'<bdi dir="ltr">{stats["articles"]}</bdi>' in response.text
    assert stats["first_date"] in response.text and stats["last_date"] in response.text
    shown = page(response.text)
    for name, _count in stats["top_speakers"]:
        assert any(name in href or "speaker=" in href for href in shown.links())
    assert "/?topic=%D8%B5%D8%AD%D8%A9" in shown.links()  # صحة


def test_static_files_are_served(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.get("/static/icon.svg").status_code == 200
    assert client.get("/static/../app.py").status_code == 404


def test_head_is_answered_like_get(client):
    assert client.head("/", params={"q": "مخيم"}).status_code == 200


def test_index_is_opened_once(sample_index):
    from starlette.testclient import TestClient

    from archive_search.web.app import create_app

    archive = Archive(sample_index, SAMPLE_CORPUS)
    with TestClient(create_app(archive), base_url="http://127.0.0.1") as test_client:
        test_client.get("/", params={"q": "مخيم"})
        searcher = archive.searcher()
        test_client.get("/", params={"q": "الهول"})
        test_client.get("/article/" + SAMPLE_ID)
        assert archive.searcher() is searcher
