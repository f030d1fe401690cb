"""``archive-search serve`` as a process: where it listens, what it says, how it stops, concurrent requests, start-up."""

import json
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest

from tests.conftest import SAMPLE_CORPUS, search_process
from tests.web.serving import http_get, serve_once, start

pytestmark = pytest.mark.slow
QUERIES = [quote(q) for q in ["مخيم", "الهول", "مرتزقة داعش", "الكهرباء", "المدارس", "الحسكة", "مياه", "المخيات"]]


def test_serves_on_127_0_0_1_and_says_what_and_where(sample_index):
    served, status, body = serve_once("--index", sample_index, "serve", "--port", "0")
    assert status == 200 and json.loads(body)["articles"] == 32
    assert served.url.startswith("http://127.0.0.1:")
    [line] = [line for line in served.stderr.splitlines() if "serving" in line]
    assert line == f"archive-search: serving {sample_index} (32 articles) at {served.url}, read-only; Ctrl-C to stop"
    assert served.exit_code == 0
    assert served.stderr.splitlines()[-1] == "archive-search: stopped"


def test_sigterm_stops_it_as_ctrl_c_does(sample_index):
    served = start("--index", sample_index, "serve", "--port", "0")
    assert served.get("/")[0] == 200
    assert served.stop(signal.SIGTERM) == 0
    assert "Traceback" not in served.stderr and served.stderr.endswith("archive-search: stopped\n")


def test_a_port_in_use_is_one_line(sample_index):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "archive_search", "--index", str(sample_index), "serve",
                                 "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith(f"archive-search: error: cannot listen on 127.0.0.1:{port}: ")
    assert len(result.stderr.splitlines()) == 1


def test_no_index_and_no_corpus_is_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "archive_search", "--index", str(tmp_path / "none"), "--corpus",
                             str(tmp_path / "none"), "serve", "--port", "0"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("archive-search: error: no index at ")


def test_a_first_serve_builds_the_index(tmp_path):
    served, status, _ = serve_once("--index", tmp_path / "index", "--corpus", SAMPLE_CORPUS, "serve", "--port", "0")
    assert status == 200 and served.exit_code == 0
    assert "no index yet: building one" in served.stderr


def test_open_opens_the_page_in_the_browser(sample_index, tmp_path, monkeypatch):
    opened = tmp_path / "opened"
    browser = tmp_path / "browser.py"
    browser.write_text(f"import sys\nopen({str(opened)!r}, 'w').write(sys.argv[1])\n")
    monkeypatch.setenv("BROWSER", f"{sys.executable} {browser} %s")
    served = start("--index", sample_index, "serve", "--port", "0", "--open")
    try:
        for _ in range(100):
            if opened.exists() and opened.read_text():
                break
            time.sleep(0.1)
        assert opened.read_text() == served.url
    finally:
        served.stop()


def test_another_host_is_announced_as_open_to_others(sample_index):
    served, status, _ = serve_once("--index", sample_index, "serve", "--host", "0.0.0.0", "--port", "0")
    assert status == 200
    assert "anyone who can reach this machine there can read the archive" in served.stderr


def test_concurrent_requests_get_what_one_at_a_time_gets(sample_index):
    served = start("--index", sample_index, "serve", "--port", "0")
    try:
        alone = {q: served.get(f"/api/search?q={q}&limit=20")[2] for q in QUERIES}
        pages = {q: served.get(f"/?q={q}")[2] for q in QUERIES}
        asked = [q for q in QUERIES for _ in range(6)]
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda q: (q, served.get(f"/api/search?q={q}&limit=20")), asked))
            shown = list(pool.map(lambda q: (q, served.get(f"/?q={q}")), asked))
            downloads = list(pool.map(lambda _: served.get("/download.csv?sort=date")[2], range(8)))
        assert all(status == 200 and body == alone[q] for q, (status, _, body) in answers)
        assert all(status == 200 and body == pages[q] for q, (status, _, body) in shown)
        assert len(set(downloads)) == 1 and downloads[0].count(b"\r\n") == 33
    finally:
        served.stop()
    assert served.exit_code == 0


def test_a_search_does_not_import_the_web(sample_index):
    result = search_process(sample_index, (
        "web = ['starlette', 'jinja2', 'uvicorn', 'markupsafe', 'anyio', 'h11', 'archive_search.web']\n"
        "print('LOADED', [name for name in web if name in sys.modules])\n"), env={"NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout


def test_a_page_from_a_real_server_has_its_headers(sample_index):
    served = start("--index", sample_index, "serve", "--port", "0")
    try:
        status, headers, body = served.get("/?q=%D9%85%D8%AE%D9%8A%D9%85")
        assert status == 200 and b"<mark>" in body
        assert "script-src 'none'" in headers["content-security-policy"]
        assert "server" not in {name.lower() for name in headers}  # no server banner
        assert http_get(served.url + "static/style.css")[0] == 200
    finally:
        served.stop()
