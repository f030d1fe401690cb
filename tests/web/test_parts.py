"""The web face's parts on their own: parameters, highlights, the chart, the shipped files."""

import tomllib
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from archive_search.search.timeline import Period, Timeline
from archive_search.web import chart, highlight, params
from tests.conftest import REPO

SVG = "{http://www.w3.org/2000/svg}"


def test_params_round_trip_through_a_query_string():
    from urllib.parse import parse_qsl

    asked = params.SearchParams(q="مخيم الهول", plain=True, speaker="ليلى", topic="صحة", since="2019-01-01",
                                until="2020-12-31", sort="-date", page=3, limit=20, rank=41)
    assert params.search_params(dict(parse_qsl(asked.query_string()))) == asked


def test_params_defaults_are_left_out_of_links():
    assert params.SearchParams().query_string() == ""
    assert params.SearchParams(q="a", page=3).with_(speaker="b").query_string() == "q=a&speaker=b"
    assert params.SearchParams(q="a").with_(page=2).query_string() == "q=a&page=2"


def test_a_query_is_one_line():
    assert params.search_params({"q": "مخيم\nالهول\r\n\tروج "}).q == "مخيم الهول   روج"


def test_article_paths_quote_what_a_path_cannot_hold():
    assert params.article_path("bulletins/b.jsonl#b-1") == "/article/bulletins/b.jsonl%23b-1"
    assert params.article_path("a b?c%") == "/article/a%20b%3Fc%25"
    assert params.article_path("مخيم.txt") == "/article/%D9%85%D8%AE%D9%8A%D9%85.txt"


def test_marked_escapes_around_and_inside_marks():
    html = highlight.marked('<b>"مخيم"</b>', [(4, 8)])
    assert html == '&lt;b&gt;&#34;<mark>مخيم</mark>&#34;&lt;/b&gt;'


def test_marked_ignores_spans_that_do_not_fit():
    assert highlight.marked("مخيم", [(2, 9), (3, 1)]) == "مخيم"


def test_marked_shows_controls_as_stand_ins_keeping_spans():
    assert highlight.marked("\u202eمخيم", [(1, 5)]) == "\ufffd<mark>مخيم</mark>"


def test_word_spans_are_whole_words_as_written():
    text = "والمرتزقة مرتزقة المرتزقةُ مرتزقةداعش"
    assert [text[a:b] for a, b in highlight.word_spans(text, ["مرتزقة", "والمرتزقة"])] == ["والمرتزقة", "مرتزقة"]


def test_paragraphs_split_at_newlines():
    assert highlight.paragraphs("أ\n\nب مخيم\n ", ["مخيم"]) == ["أ", "ب <mark>مخيم</mark>"]


def _timeline(counts, by="month"):
    periods = [Period(date(2020, month, 1), f"2020-{month:02d}", n) for month, n in counts]
    return Timeline(by, periods, undated=0, total=sum(n for _, n in counts))


def test_chart_has_one_bar_a_period_each_a_link_to_its_days():
    svg = chart.chart(_timeline([(1, 4), (2, 0), (3, 8)]), lambda since, until: f"/?since={since}&until={until}")
    root = ET.fromstring(str(svg))
    links = root.findall(f"{SVG}a")
    assert [a.get("href") for a in links] == ["/?since=2020-01-01&until=2020-01-31",
                                              "/?since=2020-02-01&until=2020-02-29",
                                              "/?since=2020-03-01&until=2020-03-31"]
    assert [a.find(f"{SVG}title").text for a in links] == ["2020-01: 4", "2020-02: 0", "2020-03: 8"]
    heights = [float(a.find(f"{SVG}rect[@class='bar']").get("height")) for a in links]
    assert heights[1] == 0 and heights[2] == 2 * heights[0]
    assert not root.findall(f".//{SVG}script") and "style" not in str(svg)


def test_chart_labels_are_few_and_include_the_ends():
    svg = chart.chart(_timeline([(m, m) for m in range(1, 13)]), lambda a, b: "/")
    labels = [t.text for t in ET.fromstring(str(svg)).iter(f"{SVG}text") if t.text.startswith("2020")]
    assert labels[0] == "2020-01" and labels[-1] == "2020-12" and len(labels) <= chart.LABELS + 1


def test_no_chart_without_dated_hits():
    assert chart.chart(Timeline("month", [], undated=3, total=3), lambda a, b: "/") == ""


@pytest.mark.parametrize("kind,pattern", [("templates", "*.html"), ("static", "*")])
def test_the_web_files_ship_in_the_package(kind, pattern):
    package_data = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    shipped = package_data["archive_search.web"]
    folder = REPO / "archive_search" / "web" / kind
    files = [p for p in folder.glob(pattern) if p.is_file()]
    assert files
    for path in files:
        assert any(Path(path.relative_to(folder.parent)).match(glob) for glob in shipped), path
