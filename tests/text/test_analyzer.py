"""The Whoosh analyzer chain: offsets in the original text, chain order, exact forms beside stems."""

import pickle

from hypothesis import given
from hypothesis import strategies as st

from archive_search.text.analyzer import (
    ArabicAnalyzer,
    ArabicNormalizeFilter,
    ArabicStemFilter,
    ArabicStopFilter,
    ArabicTokenizer,
)
from archive_search.text.terms import EXACT_MARK


def tokens(text, **kwargs):
    analyzer = ArabicAnalyzer(**kwargs)
    return [(t.text, t.pos, t.startchar, t.endchar) for t in analyzer(text, positions=True, chars=True)]


def test_tokenizer_offsets_slice_the_original_words():
    text = "وأكد الرئيس المشترك، بدران جيا كرد: الجهود العسكرية وحدها لا تكفي."
    toks = [(t.text, t.startchar, t.endchar) for t in ArabicTokenizer()(text, chars=True)]
    assert [w for w, _, _ in toks] == text.replace("،", "").replace(":", "").rstrip(".").split()
    for word, start, end in toks:
        assert text[start:end] == word


def test_vocalized_word_is_one_token():
    text = "عُقِدَ اجتماعٌ دوليٌّ"
    toks = [(t.text, t.startchar, t.endchar) for t in ArabicTokenizer()(text, chars=True)]
    assert toks == [("عُقِدَ", 0, 6), ("اجتماعٌ", 7, 14), ("دوليٌّ", 15, 21)]


def test_tatweel_stretched_word_is_one_token():
    text = "في المـــخيمات"
    toks = [(t.text, t.startchar, t.endchar) for t in ArabicTokenizer()(text, chars=True)]
    assert toks[-1] == ("المـــخيمات", 3, 14)


def test_filtered_tokens_keep_original_offsets():
    text = "زار الوَفدُ مُخَيَّمَ الهول"
    for term, _, start, end in tokens(text):
        surface = text[start:end]
        assert " " not in surface
        assert term.lstrip(EXACT_MARK) in {"زار", "وفد", "الوفد", "مخيم", "هول", "الهول"}
    spans = {(start, end) for _, _, start, end in tokens(text)}
    expected, offset = set(), 0
    for word in text.split():
        expected.add((offset, offset + len(word)))
        offset += len(word) + 1
    assert spans == expected


def test_exact_form_beside_stem_at_same_position():
    assert tokens("بالمخيمات") == [("مخيم", 0, 0, 9), (EXACT_MARK + "بالمخيمات", 0, 0, 9)]


def test_exact_form_not_repeated_when_equal_to_stem():
    assert tokens("مخيم") == [("مخيم", 0, 0, 4)]


def test_chain_order_stopwords_before_normalization():
    # على is a stopword, the name علي is not, although both normalize alike.
    assert [t[0] for t in tokens("على علي")] == ["علي"]


def test_stopword_leaves_a_position_gap():
    assert [(t[0], t[1]) for t in tokens("مرتزقة في المخيمات", keep_exact=False)] == [
        ("مرتزق", 0),
        ("مخيم", 2),
    ]


def test_without_stemming_terms_are_normalized_words():
    assert [t[0] for t in tokens("المخيمات", stemming=False)] == ["المخيمات"]


def test_stem_filter_is_morph():
    assert ArabicStemFilter.is_morph


def test_analyzer_pickles_by_import_path():
    analyzer = ArabicAnalyzer()
    restored = pickle.loads(pickle.dumps(analyzer))
    assert [t.text for t in restored("وبالمخيمات")] == [t.text for t in analyzer("وبالمخيمات")]
    assert b"archive_search.text.analyzer" in pickle.dumps(analyzer)


def test_chain_is_composed_in_order():
    items = ArabicAnalyzer().items
    assert [type(i) for i in items] == [
        ArabicTokenizer,
        ArabicStopFilter,
        ArabicNormalizeFilter,
        ArabicStemFilter,
    ]


def test_mark_only_token_is_dropped():
    assert tokens("ـــ") == []


def test_latin_and_digits():
    assert [t[0] for t in tokens("ISIS ٢٠١٩")] == ["isis", "2019"]


@given(st.text())
def test_analyzer_never_raises_and_offsets_stay_in_text(text):
    for t in ArabicAnalyzer()(text, positions=True, chars=True):
        assert 0 <= t.startchar < t.endchar <= len(text)
        assert t.text


@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.just(" ")))
def test_offsets_slice_whole_words(text):
    for t in ArabicTokenizer()(text, chars=True):
        assert text[t.startchar : t.endchar] == t.text


def test_proclitic_stem_beside_the_stem():
    # ل + مرتزقة: the light stem keeps the ل, the proclitic stem does not
    assert [t[0] for t in tokens("لمرتزقة")] == ["لمرتزق", "مرتزق", "=لمرتزقه"]


def test_no_proclitic_stem_for_short_words():
    assert [t[0] for t in tokens("بطولة")] == ["بطول", "=بطوله"]
