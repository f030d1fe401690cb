"""One person, one name (archive_search.text.person_names)."""

import pytest

from collections import Counter

from archive_search.text.person_names import (
    canonical_names, merge_variants, person_key, same_person, variants_within,
)


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


def test_a_middle_and_family_name_are_the_person_without_filiation():
    assert same_person("طيب أردوغان", "رجب طيب أردوغان")
    assert same_person("جين بينغ", "شي جين بينغ")


def test_a_fathers_name_is_not_his_son():
    assert not same_person("محمد الجروان", "أحمد بن محمد الجروان")


def test_variants_within_are_the_names_that_meet():
    full = "رجب طيب أردوغان"
    for key in variants_within(full):
        assert same_person(key, full)
    assert person_key("أردوغان") in variants_within(full)
    assert variants_within("أردوغان") == [person_key("أردوغان")]
    assert variants_within("") == []


def test_a_family_name_alone_goes_to_the_most_frequent_of_its_people():
    mapping = canonical_names(["خالد الحسن"] * 3 + ["أحمد الحسن"] + ["الحسن"])
    assert mapping["الحسن"] == "خالد الحسن"
    assert mapping["أحمد الحسن"] == "أحمد الحسن"


def test_merge_variants_adds_the_counts_under_the_fullest():
    merged = merge_variants(Counter({"أردوغان": 3, "رجب طيب أردوغان": 2, "اردوغان": 1, "طيب أردوغان": 1}))
    assert merged == Counter({"رجب طيب أردوغان": 7})


def test_merge_variants_of_many_names_is_fast():
    import time

    names = Counter({f"اسم{i} عائلة{i % 5000}": 1 for i in range(30_000)})
    start = time.perf_counter()
    merge_variants(names)
    assert time.perf_counter() - start < 5
