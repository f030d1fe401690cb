"""The JSON API has the CLI's records: /api/search as search -f jsonl, /api/article as show -f json, /api/stats as stats -f json."""

import json

import pytest

SAMPLE_ID = "anha-isis-camps-meeting.txt"
BULLETIN = "bulletins/regional-bulletin.jsonl#b-005"


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("query,options", [
    ("مخيم", {}),
    ("مرتزقة داعش", {"limit": "20"}),
    ("", {"speaker": "بدران جيا كرد"}),
    ("المخيات", {"plain": "1"}),
    ("", {"sort": "-date", "page": "2"}),
    ("الكهرباء", {"since": "2020-01-01", "until": "2023-12-31", "sort": "date"}),
])
def test_search_hits_are_the_clis_jsonl(client, run, sample_index, query, options):
    response = client.get("/api/search", params={"q": query, **options})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    cli = ["--index", sample_index, "search", query, "-f", "jsonl"]
    for name, value in options.items():
        cli += [f"--{name}"] if name == "plain" else [f"--{name}", value]
    expected = jsonl(run(*cli).stdout)
    body = response.json()
    assert body["hits"] == expected
    assert [list(hit) for hit in body["hits"]] == [list(hit) for hit in expected]


def test_search_envelope(client):
    body = client.get("/api/search", params={"q": "المخيات", "plain": "1", "facets": "1"}).json()
    assert list(body) == ["query", "plain", "speaker", "topic", "since", "until", "sort", "page", "limit", "total",
                          "hits", "suggestion", "substitutions", "facets"]
    assert body["query"] == "المخيات" and body["plain"] is True and body["total"] == len(body["hits"]) == 5
    assert body["substitutions"][0]["word"] == "المخيات" and body["substitutions"][0]["articles"] == 0
    assert list(body["facets"]) == ["speaker", "topic", "year"]
    assert all(isinstance(pair, list) and len(pair) == 2 for pair in body["facets"]["topic"])


def test_article_is_the_clis_show_json(client, run, sample_index):
    for article in (SAMPLE_ID, BULLETIN):
        response = client.get("/api/article/" + article.replace("#", "%23"))
        assert response.status_code == 200
        expected = json.loads(run("--index", sample_index, "show", article, "-f", "json").stdout)
        assert response.json() == expected
        assert list(response.json()) == list(expected)


def test_stats_are_the_clis_stats_json(client, run, sample_index):
    from tests.conftest import SAMPLE_CORPUS

    expected = json.loads(run("--index", sample_index, "--corpus", SAMPLE_CORPUS, "stats", "-f", "json").stdout)
    assert client.get("/api/stats").json() == expected


def test_json_is_utf8_with_arabic_unescaped(client):
    response = client.get("/api/article/" + SAMPLE_ID)
    assert "مخيم".encode() in response.content
    assert b"\\u0645" not in response.content


def test_controls_are_escaped_in_json(hostile):
    response = hostile.get("/api/article/evil.jsonl%23evil-1")
    assert b"\\u202e" in response.content and b"\xe2\x80\xae" not in response.content
    assert response.json()["title"].startswith('<script>alert("title")</script>')  # the data, as it is


@pytest.mark.parametrize("path,status,message", [
    ("/api/search?q=%22open", 400, "unbalanced quote"),
    ("/api/search?limit=500", 400, "limit must be one of 10, 20, 50"),
    ("/api/search?since=2020-13-01", 400, "bad --since date"),
    ("/api/article/no-such-article", 404, "no article with id 'no-such-article'"),
    ("/api/nothing", 404, "no such page"),
])
def test_errors_are_json_with_one_line(client, path, status, message):
    response = client.get(path)
    assert response.status_code == status
    body = response.json()
    assert body["status"] == status and message in body["error"] and "\n" not in body["error"]
