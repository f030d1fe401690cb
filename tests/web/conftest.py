"""The web app in process (Starlette's TestClient) over the sample corpus, and over articles written to attack it."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from archive_search import Archive
from archive_search.cli import app as cli
from archive_search.web.app import create_app
from tests.conftest import SAMPLE_CORPUS

BASE = "http://127.0.0.1:8321"
HOSTILE_TITLE = '<script>alert("title")</script> "onmouseover=alert(1) x=" مخيم \u202eعكس\u202c \x1b[2J'
HOSTILE = [
    {"id": "evil-1", "title": HOSTILE_TITLE, "speakers": ['"><script>alert(2)</script>', "ليلى"],
     "topic": "<b onmouseover=alert(3)>صحة</b>", "source": "<i>source</i>", "url": "javascript:alert(4)",
     "date": "2021-05-01",
     "body": "زار الوفد مخيم الهول. <img src=x onerror=alert(5)> وقال مدير المخيم إن الوضع صعب.\n"
             "فقرة ثانية عن مخيم آخر </p><script>alert(6)</script> \"onmouseover=alert(7)"},
    {"id": "evil-2 <b>\"'", "title": "مخيم ' onfocus='alert(8)", "speakers": ["ليلى"], "topic": "صحة",
     "source": "ANHA", "url": "https://example.org/a?b=1&c=<2>\"", "date": "2022-01-02",
     "body": "مخيم الهول مرة أخرى."},
    {"id": "evil-3", "title": '=HYPERLINK("http://example.org","مخيم")', "speakers": [], "topic": "صحة",
     "date": "2022-02-03", "url": "  JavaScript:alert(9)", "body": "@SUM(1) مخيم"},
]


@pytest.fixture(scope="session")
def hostile_index(tmp_path_factory):
    """An index of two articles whose every field tries to break out of the HTML it is shown in."""
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    with open(corpus / "evil.jsonl", "w", encoding="utf-8") as f:
        for record in HOSTILE:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    result = CliRunner().invoke(cli, ["--corpus", str(corpus), "--index", str(root / "index"), "rebuild-index"])
    assert result.exit_code == 0, result.output
    return root / "index"


def _client(index, corpus, **kwargs):
    return TestClient(create_app(Archive(index, corpus)), base_url=BASE, **kwargs)


@pytest.fixture(scope="session")
def client(sample_index):
    with _client(sample_index, SAMPLE_CORPUS) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def hostile(hostile_index):
    with _client(hostile_index, hostile_index.parent / "corpus") as test_client:
        yield test_client


class Page(HTMLParser):
    """A page's elements: (tag, attributes) in order, and the text inside each ``<mark>``."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.marks: list[str] = []
        self._in_mark = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data

    def find(self, tag, **attrs) -> list[dict]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]

    def links(self, css_class: str | None = None) -> list[str]:
        return [a["href"] for t, a in self.elements if t == "a" and "href" in a
                and (css_class is None or a.get("class") == css_class)]


@pytest.fixture
def page():
    return Page
