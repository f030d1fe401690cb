"""Downloads: a search's every hit as CSV (export --excel's) and as a workbook (export -f xlsx's), streamed."""

import io
import threading
import time

import openpyxl
import pytest

from archive_search.web import downloads


def cli_export(run, index, tmp_path, query, *options, suffix):
    target = tmp_path / f"hits{suffix}"
    result = run("--index", index, "export", query, *options, "-o", target)
    assert result.exit_code == 0, result.stderr
    return target.read_bytes()


@pytest.mark.parametrize("query,params,options", [
    ("مخيم", {}, []),
    ("", {"speaker": "بدران جيا كرد"}, ["--speaker", "بدران جيا كرد"]),
    ("المخيات", {"plain": "1", "sort": "-date"}, ["--plain", "--sort", "-date"]),
])
def test_csv_is_the_export_commands(client, run, sample_index, tmp_path, query, params, options):
    response = client.get("/download.csv", params={"q": query, **params})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="archive-search-hits.csv"'
    expected = cli_export(run, sample_index, tmp_path, query, "--excel", *options, suffix=".csv")
    assert response.content == expected
    assert response.content.startswith("\ufeffrank,score,id,title".encode())


def test_csv_neutralizes_formulas(hostile):
    hostile_csv = hostile.get("/download.csv", params={"q": "مخيم"}).content.decode("utf-8")
    assert "<script>" in hostile_csv  # data, as it is: a CSV is not HTML
    assert ',"\'=HYPERLINK(""http://example.org"",""مخيم"")",' in hostile_csv
    assert ",=" not in hostile_csv and ',"=' not in hostile_csv


def test_workbook_is_the_export_commands(client, run, sample_index, tmp_path):
    response = client.get("/download.xlsx", params={"q": "مخيم"})
    assert response.status_code == 200
    assert response.headers["content-type"] == downloads.MEDIA_TYPES["xlsx"]
    assert response.headers["content-disposition"] == 'attachment; filename="archive-search-hits.xlsx"'
    expected = cli_export(run, sample_index, tmp_path, "مخيم", suffix=".xlsx")

    def rows(data: bytes):
        sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True)["hits"]
        return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]

    assert rows(response.content) == rows(expected)
    assert len(rows(response.content)) == 1 + 5


def test_a_malformed_query_fails_before_the_download_starts(client):
    response = client.get("/download.csv", params={"q": "(مخيم"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")


def test_downloads_take_no_page(client):
    # every hit, whatever the page; the link on a results page leaves page and limit out
    assert client.get("/download.csv", params={"q": "", "sort": "date", "page": "3"}).content.count(b"\r\n") == 33


class _Hit:
    def __init__(self, n):
        self.n = n

    def to_dict(self):
        return {"rank": self.n, "score": 1.0, "id": f"id-{self.n}", "title": "عنوان " * 20, "speakers": [],
                "date": None, "topic": None, "source": None, "url": None, "path": None, "snippet": "نص " * 100,
                "matched": []}


def test_the_pipe_streams_in_chunks():
    chunks = list(downloads.hit_file((_Hit(n) for n in range(1, 3001)), "csv"))
    assert len(chunks) > 3 and max(map(len, chunks)) <= 64 * 1024
    text = b"".join(chunks).decode("utf-8")
    assert text.startswith("\ufeffrank,") and text.count("\r\n") == 3001


def test_a_download_left_unread_stops_its_export():
    read = []

    def hits():
        for n in range(1, 1_000_000):
            read.append(n)
            yield _Hit(n)

    stream = downloads.hit_file(hits(), "csv")
    next(stream)
    stream.close()  # the browser went away
    time.sleep(1.5)
    so_far = len(read)
    time.sleep(1)
    assert len(read) == so_far < 1_000_000
    assert not [t for t in threading.enumerate() if t.name == "download"]
