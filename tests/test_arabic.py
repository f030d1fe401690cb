"""One test per Arabic rule, each on a real word (after Lucene's TestArabic* suites)."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive_search.arabic import is_stopword, normalize, stem


def stem_of(word: str) -> str:
    return stem(normalize(word))


# --- normalization: one rule each --------------------------------------------


def test_alef_hamza_above():
    assert normalize("أحمد") == "احمد"


def test_alef_hamza_below():
    assert normalize("إعلان") == "اعلان"


def test_alef_madda():
    assert normalize("آمال") == "امال"


def test_alef_wasla():
    assert normalize("ٱلرحمن") == "الرحمن"


def test_alef_maksura():
    assert normalize("مستشفى") == normalize("مستشفي") == "مستشفي"


def test_teh_marbuta():
    assert normalize("المدرسة") == normalize("المدرسه") == "المدرسه"


def test_hamza_on_waw_and_yeh_meet():
    assert normalize("مسؤول") == normalize("مسئول")


def test_harakat():
    assert normalize("مُخَيَّمٌ") == "مخيم"


def test_tatweel():
    assert normalize("مـــخيم") == "مخيم"


def test_decomposed_hamza_is_composed_first():
    # alef + combining hamza above (U+0654) is أ, which folds to ا
    assert normalize("\u0627\u0654حمد") == "احمد"
    # waw + combining hamza above is ؤ
    assert normalize("مس\u0648\u0654ول") == normalize("مسؤول")


def test_combining_madda():
    assert normalize("\u0627\u0653مال") == "امال"


def test_superscript_alef():
    assert normalize("هٰذا") == "هذا"


def test_quranic_marks():
    assert normalize("الرَّحِيمِ\u06da") == "الرحيم"
    assert normalize("محمد\u0610") == "محمد"


def test_presentation_forms():
    # ﻣﺨﻴﻢ written with contextual presentation forms
    assert normalize("\ufee3\ufea8\ufef4\ufee2") == "مخيم"


def test_lam_alef_ligature():
    assert normalize("\ufefbجئ") == normalize("لاجئ")


def test_persian_kaf():
    assert normalize("کرمانشاه") == normalize("كرمانشاه")


def test_persian_yeh():
    assert normalize("ایران") == "ايران"


def test_urdu_yeh_barree_and_heh_goal():
    assert normalize("ے") == "ي"
    assert normalize("ہ") == "ه"
    assert normalize("ۀ") == "ه"


def test_arabic_indic_digits():
    assert normalize("٢٠٢٤") == "2024"


def test_persian_digits():
    assert normalize("۲۰۲۴") == "2024"


def test_zero_width_and_direction_marks():
    assert normalize("مخ\u200cيم\u200f") == "مخيم"
    assert normalize("\u200eمخيم\u061c") == "مخيم"


def test_latin_case_folding():
    assert normalize("ISIS") == "isis"


def test_empty_string():
    assert normalize("") == ""


def test_latin_text_untouched_but_folded():
    assert normalize("Raqqa 2019") == "raqqa 2019"


def test_covers_pyarabic_tashkeel():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pyarabic import araby
    vocalized = "".join("ب" + mark for mark in araby.TASHKEEL) + araby.TATWEEL
    assert normalize(vocalized) == normalize(araby.strip_tashkeel(vocalized)).replace("ـ", "")


# --- spelling variants users treat as one word --------------------------------


@pytest.mark.parametrize(
    "variants",
    [
        ("مسؤول", "مسئول"),
        ("إعلان", "اعلان", "أعلان"),
        ("مستشفى", "مستشفي"),
        ("المدرسة", "المدرسه"),
        ("٢٠٢٤", "2024"),
        ("كرمانشاه", "کرمانشاه"),
    ],
)
def test_spelling_variants_meet(variants):
    assert len({stem_of(v) for v in variants}) == 1


# --- stemming: one rule each --------------------------------------------------


def test_definite_article():
    assert stem_of("المخيم") == "مخيم"


def test_feminine_plural():
    assert stem_of("المخيمات") == stem_of("مخيم")


def test_waw_al_prefix():
    assert stem_of("والمخيمات") == "مخيم"


def test_clitic_chain_waw_bi_al():
    assert stem_of("وبالمخيمات") == "مخيم"


def test_clitic_chain_fa_bi_al():
    assert stem_of("فبالمخيمات") == "مخيم"


def test_clitic_chain_waw_lil():
    assert stem_of("وللمخيمات") == "مخيم"


def test_lil_prefix():
    assert stem_of("للمخيمات") == "مخيم"


def test_kal_prefix():
    assert stem_of("كالمخيم") == "مخيم"


def test_waw_conjunction():
    assert stem_of("ومخيم") == "مخيم"


def test_masculine_plural():
    assert stem_of("المعتقلين") == stem_of("معتقلون") == stem_of("معتقل")


def test_nisba():
    assert stem_of("الدولية") == stem_of("دولي")


def test_pronoun_suffix():
    assert stem_of("أسرهم") == stem_of("أسر")
    assert stem_of("جهودها") == stem_of("جهود")


def test_suffix_chain():
    assert stem_of("الفلسطينيين") == stem_of("فلسطين")


def test_adverbial_accusative_meets_the_adjective():
    assert stem_of("رسمياً") == stem_of("الرسمي")
    assert stem_of("تقريباً") == stem_of("تقريب")


def test_country_name_meets_its_adjective():
    assert stem_of("ليبيا") == stem_of("الليبية")
    assert stem_of("روسيا") == stem_of("الروسي")


def test_feminine_past_tense():
    assert stem_of("انسحبت") == stem_of("انسحب")


def test_short_words_keep_final_alef_and_teh():
    assert [stem_of(w) for w in ("كندا", "بيت", "وقت", "سقطت")] == ["كندا", "بيت", "وقت", "سقطت"]


def test_vocalized_word_stems_like_bare():
    assert stem_of("مُخَيَّم") == stem_of("مخيم")


def test_too_short_to_stem():
    assert stem_of("من") == "من"
    assert stem_of("ال") == "ال"


def test_empty_word():
    assert stem("") == ""


def test_latin_word_untouched():
    assert stem_of("Raqqa") == "raqqa"


# --- words Lucene's ArabicStemmer breaks --------------------------------------
# Lucene: وزارة→زار, ولاية→لا, وليد→ليد, واشنطن→اشنطن, فلسطين→فلسط, بوتين→بوت,
# وحدها→حد, هذه→هذ.


def test_wizara_keeps_waw():
    assert stem_of("وزارة") == stem_of("الوزارة") == stem_of("ووزارة")
    assert stem_of("وزارة") != stem_of("زار")


def test_wilaya_keeps_waw():
    assert stem_of("ولاية") == stem_of("الولاية") == stem_of("ولايات")
    assert stem_of("ولاية") != "لا"


def test_walid_keeps_waw():
    assert stem_of("وليد") == "وليد"


def test_washington_kept_whole():
    assert stem_of("واشنطن") == "واشنطن"


def test_filastin_kept_whole():
    assert stem_of("فلسطين") == "فلسطين"


def test_putin_kept_whole():
    assert stem_of("بوتين") == "بوتين"


def test_wahdaha_keeps_waw():
    assert stem_of("وحدها") == stem_of("وحده")
    assert stem_of("وحدها") != "حد"


def test_hadhihi_kept_whole():
    assert stem_of("هذه") == "هذه"


# --- stopwords ----------------------------------------------------------------


def test_preposition_is_stopword():
    assert is_stopword("على")
    assert is_stopword("في")


def test_name_ali_is_not_stopword():
    assert not is_stopword("علي")


def test_vocalized_stopword():
    assert is_stopword("فِي")


def test_content_word_is_not_stopword():
    assert not is_stopword("مخيم")


def test_stopword_spelled_with_alef_maqsura():
    # Egyptian spelling: فى for في, هى for هي
    assert is_stopword("فى")
    assert is_stopword("هى")


def test_question_words_written_together():
    assert is_stopword("ماهي")
    assert is_stopword("بماذا")
    assert is_stopword("وأين")


def test_alef_maqsura_spelling_that_is_also_a_word_is_kept():
    # الي may be إلى misspelled, but آلي (automatic) folds to the same key
    assert not is_stopword("آلي")
    assert not is_stopword("الي")


# --- properties -----------------------------------------------------------------

arabic_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(" \u200c\u200d\u200e\u200f0123456789abcXYZ"),
    )
)


@given(arabic_text)
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@given(st.text())
def test_normalize_is_idempotent_on_any_unicode(text):
    once = normalize(text)
    assert normalize(once) == once


@given(arabic_text)
def test_stem_is_a_nonempty_part_of_the_word(text):
    for word in normalize(text).split():
        stemmed = stem(word)
        assert stemmed
        assert stemmed in word


@given(arabic_text)
def test_normalized_text_has_no_marks(text):
    out = normalize(text)
    assert not any(unicodedata.category(c) == "Mn" and "\u0610" <= c <= "\u06ed" for c in out)


def test_proclitic_stem():
    from archive_search.arabic import proclitic_stem

    assert proclitic_stem(normalize("لمرتزقة")) == stem_of("مرتزقة")
    assert proclitic_stem(normalize("بمدينة")) == stem_of("مدينة")
    assert proclitic_stem(normalize("بالمدينة")) is None  # the article chain handles it
    assert proclitic_stem(normalize("لبنان")) is None  # too short to split
