"""The commands as a person meets them: formats, exit codes, missing index, environment, show, stats, start-up."""

import csv
import io
import json
import subprocess
import sys

from tests.conftest import search_process

SAMPLE_ID = "anha-isis-camps-meeting.txt"


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def ids(result):
    return [hit["id"] for hit in jsonl(result)]


def test_jsonl_hit_fields(run, sample_index):
    result = run("--index", sample_index, "search", "مرتزقة", "-f", "jsonl", "--limit", "1")
    (hit,) = jsonl(result)
    assert list(hit) == ["rank", "id", "score", "title", "speakers", "date", "topic", "topic_predicted", "source",
                         "url", "path", "snippet", "matched"]
    assert hit["rank"] == 1
    assert isinstance(hit["speakers"], list)


def test_no_hits_exit_code_1(run, sample_index):
    result = run("--index", sample_index, "search", "بطريق", "-f", "jsonl")
    assert result.exit_code == 1
    assert result.stdout == ""


def test_csv_format_parses(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["rank"] == "1"


def test_show_article(run, sample_index):
    result = run("--index", sample_index, "show", SAMPLE_ID, "-f", "json")
    record = json.loads(result.stdout)
    assert record["speakers"] == ["بدران جيا كرد"]
    assert "اظهر المزيد" not in record["body"]
    assert "زر الذهاب إلى الأعلى" not in record["body"]


def test_show_unknown_id(run, sample_index):
    result = run("--index", sample_index, "show", "no/such.txt")
    assert result.exit_code == 2
    assert result.stderr == "archive-search: error: no article with id 'no/such.txt'\n"


def test_stats_json(run, sample_index):
    result = run("--index", sample_index, "stats", "-f", "json")
    data = json.loads(result.stdout)
    assert data["articles"] == 32
    assert data["first_date"] <= data["last_date"]
    assert ["بدران جيا كرد", 2] in data["top_speakers"]


def test_missing_index_and_corpus(run, tmp_path):
    result = run("--index", tmp_path / "none", "--corpus", tmp_path / "nothing", "search", "مخيم")
    assert result.exit_code == 2
    assert result.stderr.startswith("archive-search: error: no index at ")
    assert "Traceback" not in result.output


def test_first_search_builds_the_index(run, tmp_path, corpus_copy):
    index = tmp_path / "index"
    result = run("--index", index, "--corpus", corpus_copy, "search", "مخيم", "-f", "jsonl")
    assert result.exit_code == 0
    assert f"no index yet: building one in {index} from {corpus_copy} first" in result.stderr
    assert SAMPLE_ID in ids(result)


def test_environment_variables_choose_directories(run, sample_index, monkeypatch):
    monkeypatch.setenv("ARCHIVE_SEARCH_INDEX", str(sample_index))
    result = run("search", "مخيم", "-f", "jsonl")
    assert result.exit_code == 0


def test_bad_option_exits_2(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم", "--sort", "sideways")
    assert result.exit_code == 2


def test_a_search_process_leaves_unused_modules_unimported(sample_index):
    # Whoosh would import urllib.request, asyncio and English morphology (see
    # archive_search.index.whoosh_imports); a search needs none of them, and code that
    # does import them afterwards gets the real modules.
    result = search_process(sample_index, (
        "unused = ['urllib.request', 'http.client', 'asyncio', 'whoosh.lang.morph_en']\n"
        "print('LOADED', [name for name in unused if name in sys.modules], code)\n"
        "import urllib.request, asyncio, whoosh.query.terms\n"
        "print('REAL', callable(urllib.request.urlopen), callable(asyncio.sleep),"
        " 'rendering' in whoosh.query.terms.variations('render'))\n"))
    assert result.returncode == 0, result.stderr
    assert SAMPLE_ID in result.stdout
    assert "LOADED [] 0" in result.stdout
    assert "REAL True True True" in result.stdout


def test_a_reading_command_ends_its_process_with_its_output_whole(sample_index):
    # search, show, stats, timeline and export end their process at once when done (cli.app.QUICK_EXIT)
    from archive_search import Archive

    def command(*args):
        return subprocess.run([sys.executable, "-m", "archive_search", "--index", str(sample_index), *args],
                              capture_output=True, text=True)

    with Archive(sample_index) as archive:
        expected = [hit.id for hit in archive.search("مخيم OR داعش", limit=100)]
    found = command("search", "مخيم OR داعش", "-f", "jsonl", "--limit", "100")
    assert (found.returncode, ids(found)) == (0, expected)
    rows = list(csv.reader(io.StringIO(command("export", "مخيم OR داعش", "-f", "csv").stdout)))
    assert [row[rows[0].index("id")] for row in rows[1:]] == expected
    none = command("search", "بطريق")
    assert (none.returncode, none.stdout, none.stderr) == (1, "", "no hits\n")
    broken = command("search", "مخيم", "--since", "yesterday")
    assert broken.returncode == 2 and broken.stderr.startswith("archive-search: error:")
