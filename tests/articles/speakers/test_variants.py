"""One person, one name (archive_search.articles.speakers.variants)."""

import pytest

from archive_search.articles.speakers import canonical_names, person_key, same_person


# --- One person, one name -------------------------------------------------------


@pytest.mark.parametrize("a, b", [
    ("أردوغان", "رجب طيب أردوغان"),
    ("اردوغان", "رجب طيب أردوغان"),
    ("عبد الله العقيل", "عبدالله العقيل"),
    ("الصمودي", "علية صمودي"),
    ("مصطفى كمال", "مصطفي كمال"),
    ("فاطمة الزهراء", "فاطمه الزهراء"),
    ("محمد بن سلمان", "محمد بن سلمان بن عبدالعزيز آل سعود"),
])
def test_variants_meet(a, b):
    assert same_person(a, b)


def test_different_first_names_do_not_meet():
    assert not same_person("أحمد الجروان", "محمد الجروان")
    assert person_key("أحمد الجروان") != person_key("محمد الجروان")


def test_person_key_ignores_spelling():
    assert person_key("إبراهيم الأحمد") == person_key("ابراهيم احمد")


def test_canonical_names_map_variants_to_the_fullest():
    names = ["أردوغان", "رجب طيب أردوغان", "اردوغان", "ماكرون"]
    mapping = canonical_names(names)
    assert mapping["أردوغان"] == mapping["اردوغان"] == "رجب طيب أردوغان"
    assert mapping["ماكرون"] == "ماكرون"
