"""Query words the index does not know, or barely knows: their substitutes."""

from hypothesis import given, settings
from hypothesis import strategies as st

from archive_search import Archive
from archive_search.analysis import analyze_query
from archive_search.spelling import ARABIC_LETTERS, LONGEST, MORE_COMMON, RARE, Vocabulary, one_edit

ARABIC_WORDS = st.text(
    alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x064A) | st.just(" "), max_size=40
)


def _vocabulary(sample_index):
    archive = Archive(sample_index)
    return archive, Vocabulary(archive.searcher()._searcher.reader())


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


def _damerau(a: str, b: str) -> int:
    """Optimal string alignment distance, for checking one_edit."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


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
        reader = archive.searcher()._searcher.reader()
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
        vocabulary = Vocabulary(archive.searcher()._searcher.reader())
        [typo] = vocabulary.with_substitutes(analyze_query(long_token[:-1] + "x"))
        assert typo.substitutes == ()
        assert vocabulary.did_you_mean(long_token[:-1] + "x") is None
        # a shorter token one edit away is found
        [typo] = vocabulary.with_substitutes(analyze_query("abcdefghijklmnopqrsx"))
        assert typo.substitutes == ("abcdefghijklmnopqrst",)
