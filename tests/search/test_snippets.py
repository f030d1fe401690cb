"""Highlight spans: each word analysed once, words without a term's letters passed over, as the analyzer would mark them."""

from hypothesis import given, settings
from hypothesis import strategies as st

from archive_search.search.snippets import MAX_FRAGMENTS, fragments, match_spans
from archive_search.text.analyzer import ArabicAnalyzer
from archive_search.text.query_words import analyze_query
from tests.conftest import SAMPLE_CORPUS

ANALYZER = ArabicAnalyzer()
WORDS = ["مخيم", "والمخيمات", "المخيم", "بالمخيم", "الهول", "لمرتزقة", "المرتزقة", "مُرْتَزِقَة", "على", "علي",
         "الكهرباء", "وكهرباء", "في", "من", "داعش", "لداعش", "ـــمخيم", "كوباني", "Kobani", "2019", "_", "،", "\n"]


def analyzer_spans(text, terms):
    """The spans the whole analyzer chain marks: every token, in order."""
    spans = []
    for token in ANALYZER(text, chars=True, removestops=False):
        if token.text in terms and (not spans or spans[-1] != (token.startchar, token.endchar)):
            spans.append((token.startchar, token.endchar))
    return spans


def terms_of(query_text):
    words = analyze_query(query_text)
    return {t for w in words for t in (w.stem, w.exact, w.split) if t}


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), max_size=40), query=st.lists(st.sampled_from(WORDS[:16]), min_size=1,
                                                                          max_size=3))
def test_spans_are_the_analyzers(words, query):
    text = " ".join(words)
    terms = terms_of(" ".join(query))
    assert match_spans(text, terms) == analyzer_spans(text, terms)


def test_spans_on_the_sample_article():
    text = (SAMPLE_CORPUS / "anha-isis-camps-meeting.txt").read_text(encoding="utf-8")
    for query in ("مخيم", "مرتزقة داعش", "الإدارة الذاتية", "عوائل"):
        terms = terms_of(query)
        spans = match_spans(text, terms)
        assert spans == analyzer_spans(text, terms), query
        assert spans, query


def test_fragments_hold_the_spans():
    text = (SAMPLE_CORPUS / "anha-isis-camps-meeting.txt").read_text(encoding="utf-8")
    spans = match_spans(text, terms_of("مخيم"))
    found = fragments(text, spans)
    assert 1 <= len(found) <= MAX_FRAGMENTS
    for fragment in found:
        assert all(fragment.text[s:e] for s, e in fragment.spans)
        assert any("مخيم" in fragment.text[s:e] for s, e in fragment.spans)
