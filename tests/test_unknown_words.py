"""Query words the index has never seen: what stands in for them."""

from hypothesis import given, settings
from hypothesis import strategies as st

from archive_search import Archive
from archive_search.analysis import analyze_query
from archive_search.unknown_words import Vocabulary

ARABIC_WORDS = st.text(
    alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x064A) | st.just(" "), max_size=40
)


def _vocabulary(sample_index):
    archive = Archive(sample_index)
    return archive, Vocabulary(archive.searcher()._searcher.reader())


@settings(max_examples=200, deadline=None)
@given(ARABIC_WORDS)
def test_only_unknown_words_get_substitutes_and_they_are_index_terms(sample_index, text):
    archive, vocabulary = _vocabulary(sample_index)
    with archive:
        words = analyze_query(text)
        resolved = vocabulary.with_substitutes(words)
        assert [w._replace(substitutes=()) for w in resolved] == words
        for word in resolved:
            if vocabulary.knows(word):
                assert word.substitutes == ()
            for term in word.substitutes:
                assert vocabulary.frequency(term) > 0
        assert set(vocabulary.replaced) == {w.original for w in resolved if w.substitutes}


def test_typo_gets_the_terms_one_edit_away(sample_index):
    archive, vocabulary = _vocabulary(sample_index)
    with archive:
        [word] = vocabulary.with_substitutes(analyze_query("المخيات"))
        assert "=المخيمات" in word.substitutes
        assert vocabulary.replaced["المخيات"].startswith("المخيمات")


def test_split_leaves_out_a_stopword_part(sample_index):
    archive, vocabulary = _vocabulary(sample_index)
    with archive:
        # في + الحسكة: only the stem of الحسكة is searched
        [word] = vocabulary.with_substitutes(analyze_query("فيالحسكة"))
        assert word.substitutes == (analyze_query("الحسكة")[0].stem,)
        assert vocabulary.replaced == {"فيالحسكة": "في الحسكة"}
