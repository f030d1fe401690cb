"""Query words the index does not know, or barely knows: their substitutes."""

from hypothesis import given, settings
from hypothesis import strategies as st

from archive_search import Archive
from archive_search.analysis import analyze_query
from archive_search.spelling import MORE_COMMON, RARE, Vocabulary

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
