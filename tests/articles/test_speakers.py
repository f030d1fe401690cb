"""Speakers found in the text."""

from archive_search.articles.speakers import find_speakers


def test_speaker_after_title_words():
    text = "وقال الرئيس المشترك لهيئة الاقتصاد سلمان بارودو، إن فرق الصيانة أصلحت الخطوط."
    assert find_speakers(text) == ["سلمان بارودو"]


def test_speaker_from_name_colon_line_and_later_reference():
    text = "خالد الحسن: نحتاج إلى دعم\n\nوأضاف الحسن أن اللجان وزعت مطافئ."
    assert find_speakers(text) == ["خالد الحسن"]


def test_no_speaker_for_anonymous_source():
    assert find_speakers("وقال مصدر مطلع، إن الاجتماع انتهى.") == []
