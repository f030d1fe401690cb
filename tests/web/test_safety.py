"""Safe by default: scraped text escaped everywhere, a strict CSP, checked parameters, local hosts only, nothing written."""

import re

import pytest
from starlette.testclient import TestClient

from archive_search import Archive
from archive_search.web.app import CSP, create_app
from tests.web.conftest import BASE, HOSTILE_TITLE

EVIL = "evil.jsonl%23evil-1"
HOSTILE_PAGES = ["/?q=مخيم", "/?q=مخيم&plain=1", "/?speaker=ليلى", f"/article/{EVIL}", f"/article/{EVIL}?q=مخيم&rank=1",
                 "/article/evil.jsonl%23evil-2%20%3Cb%3E%22'?q=مخيم&rank=2", "/article/evil.jsonl%23evil-3",
                 "/stats", "/?q=%3Cscript%3Ealert(1)%3C/script%3E", "/?speaker=%22%3E%3Cscript%3E",
                 "/?q=x%22+onmouseover%3Dalert(1)&plain=1"]


def assert_inert(html: str, page) -> None:
    """No script, no event handler, no link but to the app or to http(s), no style attribute."""
    shown = page(html)
    tags = [tag for tag, _ in shown.elements]
    assert "script" not in tags and "img" not in tags and "iframe" not in tags
    for tag, attrs in shown.elements:
        assert not [name for name in attrs if name.startswith("on") or name == "style"], (tag, attrs)
        for name in ("href", "src", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value or value.startswith(("/", "http://", "https://", "?")), (tag, attrs)


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_hostile_articles_are_shown_inert(hostile, page, path):
    response = hostile.get(path)
    assert response.status_code == 200, response.text
    assert_inert(response.text, page)
    assert "<script>" not in response.text and "<b onmouseover" not in response.text
    assert '"onmouseover=' not in response.text  # the quote is escaped: it cannot end an attribute
    assert "javascript:" not in "".join(a.get("href") or "" for _, a in page(response.text).elements).lower()


def test_a_hostile_title_reads_as_its_text(hostile, page):
    html = hostile.get("/", params={"q": "مخيم"}).text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; &#34;onmouseover=alert(1) x=&#34;" in html
    # a bidi override cannot reorder what is read, an escape character is shown as itself
    assert "\u202e" not in html and "\ufffdعكس\ufffd" in html
    assert "\x1b" not in html and "\u241b[2J" in html
    title_text = HOSTILE_TITLE.replace("\u202e", "\ufffd").replace("\u202c", "\ufffd").replace("\x1b", "\u241b")
    assert any(title_text.split(" مخيم")[0] in text for text in _texts(html, page))


def _texts(html, page):
    class Texts(page):
        def __init__(self, source):
            self.texts = []
            super().__init__(source)

        def handle_data(self, data):
            self.texts.append(data)
            super().handle_data(data)

    return Texts(html).texts


def test_a_source_link_only_for_http(hostile, page):
    article = page(hostile.get("/article/evil.jsonl%23evil-2%20%3Cb%3E%22'").text)
    [source] = article.find("a", **{"class": "source"})
    assert source["href"] == 'https://example.org/a?b=1&c=<2>"'  # escaped in the page, the URL itself here
    assert source["rel"] == "noreferrer noopener external"
    assert not page(hostile.get(f"/article/{EVIL}").text).find("a", **{"class": "source"})


@pytest.mark.parametrize("path", ["/", "/?q=مخيم", "/stats", "/article/anha-isis-camps-meeting.txt", "/api/stats",
                                  "/static/style.css", "/nothing", "/?q=%22", "/download.csv?q=مخيم"])
def test_every_response_has_the_security_headers(client, path):
    headers = client.get(path).headers
    assert headers["content-security-policy"] == CSP
    assert "script-src 'none'" in CSP and "default-src 'none'" in CSP and "unsafe-inline" not in CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert re.fullmatch(r"app;dur=\d+\.\d", headers["server-timing"])


def test_pages_need_no_inline_style_or_script(client, page):
    for path in ("/", "/?q=مخيم", "/stats", "/article/anha-isis-camps-meeting.txt?q=مخيم&rank=5"):
        html = client.get(path).text
        assert_inert(html, page)
        assert "<style" not in html


@pytest.mark.parametrize("params,message", [
    ({"q": "(مخيم"}, "unbalanced"),
    ({"q": "مخيم" * 300}, "q is too long: at most 1,000 characters"),
    ({"q": " ".join(["مخ"] * 201)}, "at most 200 are searched"),
    ({"q": "colour:red"}, "unknown field 'colour'"),
    ({"limit": "1000"}, "limit must be one of 10, 20, 50"),
    ({"page": "0"}, "page must be a whole number from 1"),
    ({"page": "abc"}, "page must be a whole number from 1"),
    ({"page": "500", "q": "مخيم"}, "page 500 is too deep"),
    ({"sort": "sideways"}, "sort must be one of relevance, date, -date"),
    ({"since": "yesterday"}, "since must be a day, YYYY-MM-DD"),
    ({"since": "2021-01-01", "until": "2020-01-01"}, "is after"),
    ({"plain": "perhaps"}, "plain must be 1 or 0"),
    ({"speaker": "x" * 201}, "speaker is too long"),
    ({"q": "مخيم\x00"}, "q has a control character"),
])
def test_a_bad_parameter_is_a_400_page_with_one_line(client, page, params, message):
    response = client.get("/", params=params)
    assert response.status_code == 400
    [line] = re.findall(r'<p class="message" dir="ltr">([^<]*)</p>', response.text)
    assert message.replace("'", "&#39;") in line
    assert "Traceback" not in response.text


def test_an_unknown_article_is_a_404_page(client):
    response = client.get("/article/no/such/article.txt")
    assert response.status_code == 404
    assert "no article with id &#39;no/such/article.txt&#39;" in response.text
    assert client.get("/article/" + "x" * 1001).status_code == 400
    assert client.get("/hit?q=مخيم&rank=99").status_code == 404
    assert client.get("/hit?q=مخيم").status_code == 400


def test_unknown_pages_and_other_methods(client):
    missing = client.get("/wp-admin")
    assert missing.status_code == 404 and "غير موجود" in missing.text
    for method in ("post", "put", "delete", "patch"):
        for path in ("/", "/api/search", "/download.csv", "/article/anha-isis-camps-meeting.txt"):
            response = getattr(client, method)(path)
            assert response.status_code == 405, (method, path)
            assert response.headers["allow"] == "GET, HEAD"


def test_only_local_host_names_are_answered(client):
    for host in ("127.0.0.1:8321", "localhost:8321", "[::1]:8321"):
        assert client.get("/", headers={"host": host}).status_code == 200
    for host in ("evil.example", "archive.example.com:8321", "192.168.1.10:8321"):
        assert client.get("/", headers={"host": host}).status_code == 400


class _Failing(Archive):
    def search(self, query, **options):
        raise RuntimeError("a secret detail of the failure")


def test_an_unexpected_failure_is_a_500_page_without_a_traceback(sample_index, page):
    app = create_app(_Failing(sample_index))
    with TestClient(app, base_url=BASE, raise_server_exceptions=False) as failing:
        response = failing.get("/", params={"q": "مخيم"})
        assert response.status_code == 500
        assert "خطأ في الخادم" in response.text
        assert "Traceback" not in response.text and "secret" not in response.text
        assert response.headers["content-security-policy"] == CSP
        api = failing.get("/api/search", params={"q": "مخيم"})
        assert api.status_code == 500 and "secret" not in api.json()["error"]


def test_a_broken_index_is_a_500_page_with_its_line(tmp_path):
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / "current").write_text("nonsense")
    with TestClient(create_app(Archive(tmp_path / "index")), base_url=BASE) as broken:
        response = broken.get("/api/stats")
    assert response.status_code == 500
    assert response.json()["error"]


def test_no_request_writes_anything(sample_index, tmp_path):
    def snapshot():
        return sorted((str(p.relative_to(sample_index)), p.stat().st_size, p.stat().st_mtime_ns)
                      for p in sample_index.rglob("*"))

    before = snapshot()
    with TestClient(create_app(Archive(sample_index)), base_url=BASE) as reader:
        for path in ("/", "/?q=مخيم", "/?q=المخيات&plain=1", "/article/anha-isis-camps-meeting.txt", "/stats",
                     "/api/search?q=مخيم", "/api/stats", "/download.csv?q=مخيم", "/download.xlsx?q=مخيم"):
            assert reader.get(path).status_code == 200
    assert snapshot() == before
