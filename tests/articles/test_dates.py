"""Dates read from metadata and found in the text, never invented."""

from archive_search.articles.dates import find_date, parse_date


def test_date_written_levantine_and_egyptian():
    assert find_date("في ١٢ كانون الثاني/يناير ٢٠١٩ اجتمع") == "2019-01-12"
    assert find_date("يوم 5 مارس 2020") == "2020-03-05"
    assert find_date("بتاريخ 15 حزيران 2021") == "2021-06-15"


def test_date_numeric():
    assert find_date("صدر في 2023-03-08 بيان") == "2023-03-08"
    assert find_date("صدر في 08/03/2023 بيان") == "2023-03-08"


def test_no_date_is_invented():
    assert find_date("عقد اجتماع أول أمس في العاشر من أكتوبر") is None
    assert find_date("في 31 فبراير 2020") is None


def test_parse_date_metadata():
    assert parse_date("2019-01-12") == "2019-01-12"
    assert parse_date("2019-01-12T10:00:00") == "2019-01-12"
    assert parse_date("١٢ يناير ٢٠١٩") == "2019-01-12"
    assert parse_date("soon") is None


def test_date_with_ordinal_day():
    assert find_date("ويستمر المعرض حتى العاشر من تشرين الأول/أكتوبر ٢٠٢٢") == "2022-10-10"
    assert find_date("في الحادي والعشرين من مارس 2019") == "2019-03-21"
