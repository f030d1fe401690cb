"""Spelling: substitutes for unknown and rare words in plain queries, did you mean."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from archive_search import Archive
from archive_search.search.spelling import (
    ARABIC_LETTERS,
    LONGEST,
    MORE_COMMON,
    RARE,
    QuerySpelling,
    one_edit,
)
from archive_search.text.query_words import analyze_query

ARABIC_WORDS = st.text(
    alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x064A) | st.just(" "), max_size=40
)


def _vocabulary(sample_index):
    archive = Archive(sample_index)
    return archive, QuerySpelling.of_reader(archive.searcher().whoosh_searcher.reader())


def _damerau(a: str, b: str) -> int:
    """Optimal string alignment distance, for checking one_edit."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


SAMPLE_ID = "anha-isis-camps-meeting.txt"


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def ids(result):
    return [hit["id"] for hit in jsonl(result)]


@settings(max_examples=200, deadline=None)
@given(ARABIC_WORDS)
def test_substitutes_are_index_terms_for_unknown_and_rare_words_only(sample_index, text):
    archive, vocabulary = _vocabulary(sample_index)
    with archive:
        words = analyze_query(text)
        resolved = vocabulary.with_substitutes(words)
        assert [w._replace(substitutes=()) for w in resolved] == words
        for word in resolved:
            articles = vocabulary.articles(word)
            if articles >= RARE:
                assert word.substitutes == ()
            for term in word.substitutes:
                assert vocabulary.frequency(term) >= MORE_COMMON * articles
                assert vocabulary.frequency(term) > 0
        assert [s.word for s in vocabulary.substitutions] == [w.original for w in resolved if w.substitutes]


def test_typo_gets_the_terms_one_edit_away(sample_index):
    archive, vocabulary = _vocabulary(sample_index)
    with archive:
        [word] = vocabulary.with_substitutes(analyze_query("المخيات"))
        assert "=المخيمات" in word.substitutes
        [substitution] = vocabulary.substitutions
        assert substitution.articles == 0
        assert substitution.searched.startswith("المخيمات")


def test_split_leaves_out_a_stopword_part(sample_index):
    archive, vocabulary = _vocabulary(sample_index)
    with archive:
        # في + الحسكة: only the stem of الحسكة is searched
        [word] = vocabulary.with_substitutes(analyze_query("فيالحسكة"))
        assert word.substitutes == (analyze_query("الحسكة")[0].stem,)
        assert [s.searched for s in vocabulary.substitutions] == ["في الحسكة"]


def test_common_word_is_left_alone(sample_index):
    archive, vocabulary = _vocabulary(sample_index)
    with archive:
        [word] = analyze_query("مخيم")
        assert vocabulary.articles(word) >= RARE
        assert vocabulary.with_substitutes([word]) == [word]
        assert vocabulary.substitutions == []


def test_did_you_mean_prefers_the_word_as_written(sample_index):
    archive, vocabulary = _vocabulary(sample_index)
    with archive:
        assert vocabulary.did_you_mean("الحسكة المخيات") == "الحسكة المخيمات"
        assert vocabulary.did_you_mean("مخيم الحسكة") is None


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ابتمخيه", min_size=1, max_size=6), st.integers(0, 2))
def test_one_edit_is_every_string_one_edit_away(term, keep):
    edited = one_edit(term, keep)
    assert term not in edited
    assert all(t.startswith(term[:keep]) and _damerau(term, t) == 1 for t in edited)
    # every deletion, and every letter added at the end, is among them
    assert {term[:i] + term[i + 1:] for i in range(keep, len(term))} - {term} <= edited
    assert {term + c for c in ARABIC_LETTERS} <= edited


def test_near_terms_include_whooshs_fuzzy_terms(sample_index):
    archive, vocabulary = _vocabulary(sample_index)
    with archive:
        reader = archive.searcher().whoosh_searcher.reader()
        terms = [t.decode("utf-8") for t in list(reader.lexicon("body"))[::7]]
        assert len(terms) > 100
        for term in terms:
            keep = 2 if term.startswith("=") else 1
            fuzzy = set(reader.terms_within("body", term, 1, prefix=keep)) - {term}
            assert fuzzy <= set(vocabulary._near_term(term)), term


def test_overlong_words_are_not_corrected(run, tmp_path):
    # a pasted run of letters is no word, and spelling out its edits would
    # take long (60 lookups a letter): past LONGEST letters none is tried
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    long_token = "abcdefghij" * 3 + "k"  # 31 letters
    (corpus / "a.txt").write_text(f"خبر\n\nرمز {long_token} ورمز abcdefghijklmnopqrst.", encoding="utf-8")
    run("--corpus", corpus, "--index", tmp_path / "ix", "rebuild-index")
    assert len(long_token) > LONGEST
    with Archive(tmp_path / "ix") as archive:
        vocabulary = QuerySpelling.of_reader(archive.searcher().whoosh_searcher.reader())
        [typo] = vocabulary.with_substitutes(analyze_query(long_token[:-1] + "x"))
        assert typo.substitutes == ()
        assert vocabulary.did_you_mean(long_token[:-1] + "x") is None
        # a shorter token one edit away is found
        [typo] = vocabulary.with_substitutes(analyze_query("abcdefghijklmnopqrsx"))
        assert typo.substitutes == ("abcdefghijklmnopqrst",)


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
