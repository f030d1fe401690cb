"""Normalization: one test a rule, on real Arabic words; spelling variants that meet; properties."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive_search.text.normalize import normalize

from tests.text.arabic import arabic_text, stem_of


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


@given(arabic_text)
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@given(st.text())
def test_normalize_is_idempotent_on_any_unicode(text):
    once = normalize(text)
    assert normalize(once) == once


@given(arabic_text)
def test_normalized_text_has_no_marks(text):
    out = normalize(text)
    assert not any(unicodedata.category(c) == "Mn" and "\u0610" <= c <= "\u06ed" for c in out)
