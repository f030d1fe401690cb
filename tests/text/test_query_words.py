"""Query words are analysed as the index analyses articles."""

from archive_search.text.analyzer import ArabicAnalyzer
from archive_search.text.query_words import analyze_query


def test_query_analysis_matches_index_analysis():
    text = "وبالمخيمات مُخَيَّم المدرسة"
    indexed = {t.text for t in ArabicAnalyzer()(text)}
    for word in analyze_query(text):
        assert word.stem in indexed
        assert word.exact in indexed


def test_query_drops_stopwords_and_keeps_names():
    assert [w.original for w in analyze_query("ماذا قال علي عن المخيم؟")] == ["قال", "علي", "المخيم"]
