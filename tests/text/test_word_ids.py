"""Texts as word ids give what the analyzer chain gives."""


from hypothesis import given, settings
from hypothesis import strategies as st

from archive_search.text.analyzer import (
    ArabicAnalyzer,
)
from archive_search.text.word_ids import term_positions_function


def test_stem_counts_match_the_analyzer():
    from collections import Counter

    from archive_search.text.word_ids import stem_counts

    text = "وأكد الرئيس على أهمية المخيمات، مُخَيَّم"
    expected = Counter(t.text for t in ArabicAnalyzer(keep_exact=False, proclitics=False)(text))
    assert stem_counts(text) == expected
    assert stem_counts(text) == expected  # the kept result of the last text
    assert stem_counts("مخيم") == {"مخيم": 1}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("مخيماتلوبالنازحينفيعلىـَُِّ _12٣ abc\n")), max_size=80))
def test_token_free_analysis_matches_the_analyzer_chain(text):
    analyzer = ArabicAnalyzer()
    expected: dict[str, list[int]] = {}
    for token in analyzer(text, positions=True):
        expected.setdefault(token.text, []).append(token.pos)
    positions, length = term_positions_function(analyzer)(text)
    assert positions == expected
    assert length == sum(map(len, expected.values()))
