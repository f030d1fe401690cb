"""The search, show and stats commands, run through the real Typer app on the sample corpus."""

import csv
import io
import json
import re
import subprocess
import sys

import pytest

from archive_search import Archive

SAMPLE_ID = "anha-isis-camps-meeting.txt"


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def ids(result):
    return [hit["id"] for hit in jsonl(result)]


def test_search_finds_definite_plural_from_singular(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم", "-f", "jsonl")
    assert result.exit_code == 0
    assert SAMPLE_ID in ids(result)
    hit = next(h for h in jsonl(result) if h["id"] == SAMPLE_ID)
    assert "المخيمات" in hit["matched"]


def test_jsonl_hit_fields(run, sample_index):
    result = run("--index", sample_index, "search", "مرتزقة", "-f", "jsonl", "--limit", "1")
    (hit,) = jsonl(result)
    assert list(hit) == ["rank", "id", "score", "title", "speakers", "date", "topic", "source", "url",
                         "path", "snippet", "matched"]
    assert hit["rank"] == 1
    assert isinstance(hit["speakers"], list)


def test_sample_article_metadata_in_hits(run, sample_index):
    result = run("--index", sample_index, "search", "اجتماع دولي مرتزقة", "-f", "jsonl")
    hit = next(h for h in jsonl(result) if h["id"] == SAMPLE_ID)
    assert hit["title"] == "اجتماع دولي لمناقشة أوضاع مرتزق داعش وأسرهم في المخيمات"
    assert hit["speakers"] == ["بدران جيا كرد"]
    assert hit["date"] is None


@pytest.mark.parametrize(
    "query, expected_id, surface",
    [
        ("اعلان", "bulletins/regional-bulletin.jsonl#b-010", "إعلان"),  # hamza on alef
        ("مستشفي", "reports/kobani-hospital.txt", "مستشفى"),  # alef maqsura
        ("2022", "reports/qamishli-book-fair.txt", "٢٠٢٢"),  # Arabic-Indic digits
        ("كرمانشاه", "reports/kermanshah-earthquake.md", "کرمانشاه"),  # Persian kaf
        ("مسؤول", "bulletins/regional-bulletin.jsonl#b-011", "مسئول"),  # hamza seat
        ("اللغة", "reports/vocalized-poetry-evening.md", "اللُّغَةَ"),  # vocalized text
    ],
)
def test_arabic_variants_match(run, sample_index, query, expected_id, surface):
    result = run("--index", sample_index, "search", query, "-f", "jsonl", "--limit", "20")
    assert result.exit_code == 0
    hit = next(h for h in jsonl(result) if h["id"] == expected_id)
    assert surface in hit["matched"]


def test_rich_output_has_title_and_highlight_text(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم الهول", "--bidi", "off")
    assert result.exit_code == 0
    assert "إعادة عشرات الأطفال من مخيم الهول إلى بلدانهم" in result.stdout
    assert "hits 1–" in result.stderr


def test_no_hits_exit_code_1(run, sample_index):
    result = run("--index", sample_index, "search", "بطريق", "-f", "jsonl")
    assert result.exit_code == 1
    assert result.stdout == ""


def test_only_stopwords_is_no_hits(run, sample_index):
    result = run("--index", sample_index, "search", "في على", "-f", "jsonl")
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "query, message",
    [
        ('"مرتزقة داعش', 'unbalanced quote at character 1: add the closing "'),
        ("(مخيم OR الهول", "unbalanced parenthesis at character 1: add the closing )"),
        ("مخيم)", "unbalanced parenthesis at character 5"),
        ("date:2019-13", "bad date '2019-13': use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("colour:red", "unknown field 'colour': use one of speaker, topic, source, date, title, body"),
        ("-مخيم", "a query needs at least one word that is not excluded"),
    ],
)
def test_malformed_query_is_one_line_exit_2(run, sample_index, query, message):
    result = run("--index", sample_index, "search", "--", query)
    assert result.exit_code == 2
    assert result.stderr == f"archive-search: error: {message}\n"
    assert result.stdout == ""


def test_phrase_matches_on_stems(run, sample_index):
    result = run("--index", sample_index, "search", '"مرتزقة داعش"', "-f", "jsonl")
    assert SAMPLE_ID in ids(result)
    # the words apart do not make the phrase
    result = run("--index", sample_index, "search", '"داعش الهول"', "-f", "jsonl")
    assert result.exit_code == 1


def test_and_is_the_default(run, sample_index):
    both = ids(run("--index", sample_index, "search", "مخيم الهول", "-f", "jsonl", "--limit", "50"))
    either = ids(run("--index", sample_index, "search", "مخيم OR الهول", "-f", "jsonl", "--limit", "50"))
    assert set(both) < set(either) or set(both) == set(either)
    assert "reports/hol-camp-repatriation.md" in both
    assert SAMPLE_ID not in both and SAMPLE_ID in either


def test_must_not(run, sample_index):
    with_camp = set(ids(run("--index", sample_index, "search", "الهول", "-f", "jsonl")))
    assert with_camp == {"reports/hol-camp-repatriation.md", "bulletins/regional-bulletin.jsonl#b-008"}
    found = ids(run("--index", sample_index, "search", "الهول -أوروبي", "-f", "jsonl"))
    assert found == ["bulletins/regional-bulletin.jsonl#b-008"]


def test_parentheses(run, sample_index):
    found = ids(run("--index", sample_index, "search", "(الرقة OR منبج) الخبز", "-f", "jsonl"))
    assert found == ["bulletins/regional-bulletin.jsonl#b-001"]


def test_prefix_query(run, sample_index):
    found = ids(run("--index", sample_index, "search", "مرتزق*", "-f", "jsonl"))
    assert SAMPLE_ID in found


def test_fuzzy_query(run, sample_index):
    # a typo: كرمنشاه for كرمانشاه
    found = ids(run("--index", sample_index, "search", "كرمنشاه~", "-f", "jsonl"))
    assert "reports/kermanshah-earthquake.md" in found


def test_speaker_filter_full_and_partial_name(run, sample_index):
    full = ids(run("--index", sample_index, "search", "داعش", "--speaker", "بدران جيا كرد", "-f", "jsonl"))
    assert set(full) == {SAMPLE_ID, "bulletins/regional-bulletin.jsonl#b-005"}
    part = ids(run("--index", sample_index, "search", "داعش speaker:جيا", "-f", "jsonl"))
    assert set(part) == set(full)


def test_date_filters(run, sample_index):
    found = jsonl(run("--index", sample_index, "search", "مخيم", "--since", "2020-01-01", "--until",
                      "2021-12-31", "-f", "jsonl"))
    assert found and all("2020-01-01" <= h["date"] <= "2021-12-31" for h in found)


def test_date_range_in_query(run, sample_index):
    found = jsonl(run("--index", sample_index, "search", "الهول date:2019-01..2019-06", "-f", "jsonl"))
    assert [h["id"] for h in found] == ["bulletins/regional-bulletin.jsonl#b-008"]


def test_bad_since_date(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم", "--since", "2020-31-01")
    assert result.exit_code == 2
    assert result.stderr == "archive-search: error: bad --since date '2020-31-01': use YYYY-MM-DD\n"


def test_topic_filter(run, sample_index):
    found = jsonl(run("--index", sample_index, "search", "مخيم", "--topic", "صحة", "-f", "jsonl"))
    assert found and all(h["topic"] == "صحة" for h in found)


def test_sort_by_date(run, sample_index):
    found = jsonl(run("--index", sample_index, "search", "مخيم", "--sort", "-date", "-f", "jsonl"))
    dates = [h["date"] for h in found if h["date"]]
    assert dates == sorted(dates, reverse=True)


def test_paging(run, sample_index):
    all_ids = ids(run("--index", sample_index, "search", "مخيم OR الحسكة", "-f", "jsonl", "--limit", "50"))
    page2 = jsonl(run("--index", sample_index, "search", "مخيم OR الحسكة", "-f", "jsonl", "--limit", "2",
                      "--page", "2"))
    assert [h["id"] for h in page2] == all_ids[2:4]
    assert [h["rank"] for h in page2] == [3, 4]


def test_csv_format_parses(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["rank"] == "1"


def test_plain_ignores_operators(run, sample_index):
    result = run("--index", sample_index, "search", "--plain", "-f", "jsonl", "--", '- ما هو "مخيم (الهول؟')
    assert result.exit_code == 0
    assert "reports/hol-camp-repatriation.md" in ids(result)


def test_facets(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم", "--facets", "--bidi", "off")
    assert "by topic" in result.stdout and "by year" in result.stdout


def test_bidi_on_highlight_holds_reordered_word(run, sample_index):
    from archive_search.bidi import visual

    result = run("--index", sample_index, "--color", "always", "search", "كوباني", "--bidi", "on",
                 "--limit", "1", env={"NO_COLOR": None})
    assert result.exit_code == 0
    shown, _order = visual("كوباني")
    # The highlighted cells hold the word reshaped and reversed, not the logical order.
    highlighted = re.findall(r"\x1b\[[0-9;]*;43m([^\x1b]*)\x1b\[0m", result.stdout)
    assert shown in highlighted
    assert "كوباني" not in result.stdout


def test_no_color_means_no_escape_codes(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم", "--bidi", "off")
    assert "\x1b[" not in result.stdout


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


def test_did_you_mean_for_a_typo(run, sample_index):
    # المخيات: a letter missing from المخيمات; the query language takes it as typed
    result = run("--index", sample_index, "search", "الحسكة المخيات", "--bidi", "off")
    assert result.exit_code == 1
    assert "did you mean: الحسكة المخيمات" in result.stderr
    assert "no article has" not in result.stderr


def test_plain_unknown_word_is_searched_by_the_words_one_edit_away(run, sample_index):
    result = run("--index", sample_index, "search", "--plain", "المخيات", "-f", "jsonl")
    assert result.exit_code == 0
    hits = {h["id"]: h for h in jsonl(result)}
    assert "reports/hasakah-water-station.md" in hits
    assert "والمخيمات" in hits["reports/hasakah-water-station.md"]["matched"]
    assert "no article has المخيات: searched for المخيمات" in result.stderr


def test_plain_words_run_together_are_searched_apart(run, sample_index):
    apart = ids(run("--index", sample_index, "search", "--plain", "مرتزقة داعش", "-f", "jsonl"))
    result = run("--index", sample_index, "search", "--plain", "مرتزقةداعش", "-f", "jsonl")
    assert result.exit_code == 0
    assert "no article has مرتزقةداعش: searched for مرتزقة داعش instead" in result.stderr
    assert ids(result) == apart


def test_plain_vocalized_words_run_together_are_named_as_typed(run, sample_index):
    result = run("--index", sample_index, "search", "--plain", "مُرتزِقةُداعش", "-f", "jsonl")
    assert result.exit_code == 0
    assert "searched for مُرتزِقةُ داعش instead" in result.stderr


def test_plain_rare_word_is_also_searched_by_more_common_neighbours(run, sample_index):
    # المخميات is in the sample article once; المخيمات (two letters swapped), in more
    result = run("--index", sample_index, "search", "--plain", "المخميات", "-f", "jsonl")
    found = ids(result)
    assert SAMPLE_ID in found
    assert "bulletins/regional-bulletin.jsonl#b-002" in found  # المخيمات in its title
    assert "المخميات is in only 1 article: also searched for المخيمات, مخيم" in result.stderr


def test_plain_word_without_substitutes_still_finds_nothing(run, sample_index):
    result = run("--index", sample_index, "search", "--plain", "قطقطقط", "-f", "jsonl")
    assert result.exit_code == 1
    assert "no article has" not in result.stderr


def test_export_names_the_substitutes(run, sample_index):
    result = run("--index", sample_index, "export", "--plain", "المخيات", "--columns", "id")
    assert result.exit_code == 0
    assert "reports/hasakah-water-station.md" in result.stdout
    assert "no article has المخيات" in result.stderr


def test_api_reports_substitutions(sample_index):
    with Archive(sample_index) as archive:
        results = archive.search("كم صهريجاً وزعت الهيءة في الحسكةوالمخيمات", plain=True)
        assert [(s.word, s.articles, s.searched) for s in results.substitutions] == [
            ("الحسكةوالمخيمات", 0, "الحسكة والمخيمات")
        ]
        assert results[0].id == "reports/hasakah-water-station.md"
        assert archive.search("الحسكة المخيات").substitutions == []  # the query language: as typed


def test_did_you_mean_for_a_rare_misspelling(run, sample_index):
    # المخميات is a typo that the sample article itself contains once
    result = run("--index", sample_index, "search", "مخميات", "--bidi", "off")
    assert result.exit_code == 0
    assert "did you mean: مخيم" in result.stderr


def test_no_suggestion_with_enough_hits(run, sample_index):
    result = run("--index", sample_index, "search", "مخيم", "--bidi", "off")
    assert "did you mean" not in result.stderr


def test_phrase_finds_word_with_preposition(run, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("محاكمة دولية\n\nدعا إلى محكمة دولية لمرتزقة داعش المعتقلين.", encoding="utf-8")
    run("--corpus", corpus, "--index", tmp_path / "ix", "rebuild-index")
    result = run("--index", tmp_path / "ix", "search", '"مرتزقة داعش"', "-f", "jsonl")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["matched"] == ["لمرتزقة", "داعش"]


def test_a_search_process_leaves_unused_modules_unimported(sample_index):
    # Whoosh would import urllib.request, asyncio and English morphology (see
    # archive_search.lean_imports); a search needs none of them, and code that
    # does import them afterwards gets the real modules.
    script = (
        "import sys\n"
        "from archive_search.cli import main\n"
        f"sys.argv = ['archive-search', '--index', {str(sample_index)!r}, 'search', 'مخيم', '-f', 'jsonl']\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        "unused = ['urllib.request', 'http.client', 'asyncio', 'whoosh.lang.morph_en']\n"
        "print('LOADED', [name for name in unused if name in sys.modules], code)\n"
        "import urllib.request, asyncio, whoosh.query.terms\n"
        "print('REAL', callable(urllib.request.urlopen), callable(asyncio.sleep),"
        " 'rendering' in whoosh.query.terms.variations('render'))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert SAMPLE_ID in result.stdout
    assert "LOADED [] 0" in result.stdout
    assert "REAL True True True" in result.stdout


def test_word_with_preposition_finds_the_bare_word(run, tmp_path):
    # لمرتزقة (ل + مرتزقة) is not light-stemmed to مرتزق, as a first ل is often
    # the word's own; its stem read without the preposition is searched too.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("محاكمة\n\nطالبت الإدارة بمحاكمة مرتزقة داعش المعتقلين.", encoding="utf-8")
    (corpus / "b.txt").write_text("زيارة\n\nزار الوفد مخيم الهول.", encoding="utf-8")
    run("--corpus", corpus, "--index", tmp_path / "ix", "rebuild-index")
    result = run("--index", tmp_path / "ix", "search", "لمرتزقة", "-f", "jsonl")
    assert result.exit_code == 0
    assert [(hit["id"], hit["matched"]) for hit in jsonl(result)] == [("a.txt", ["مرتزقة"])]


def test_plain_unknown_word_split_only_when_its_parts_are_as_common(run, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = ["عائلة روتشلد المصرفية", "آل روتشلد في لندن", "مصرف روتشلد القديم",
             "كلمة روتش نادرة", "مصباح ليد جديد", "أخبار المدينة المنورة"]
    for i, text in enumerate(texts):
        (corpus / f"{i}.txt").write_text(f"خبر {i}\n\n{text}.", encoding="utf-8")
    index = tmp_path / "ix"
    run("--corpus", corpus, "--index", index, "rebuild-index")
    # روتش and ليد are each in one article, روتشلد (a letter added) in three
    result = run("--index", index, "search", "--plain", "روتشليد", "-f", "jsonl")
    assert "no article has روتشليد: searched for روتشلد instead" in result.stderr
    assert set(ids(result)) == {"0.txt", "1.txt", "2.txt"}
    result = run("--index", index, "search", "--plain", "المدينةالمنورة", "-f", "jsonl")
    assert "searched for المدينة المنورة instead" in result.stderr
    assert ids(result)[0] == "5.txt"
