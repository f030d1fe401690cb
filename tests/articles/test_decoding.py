"""Decoding decided on the evidence of the bytes: broken UTF-8 stays UTF-8, with its bad bytes named."""

import json

import pytest

from archive_search.articles.decoding import UnreadableText, decode
from archive_search.articles.readers import read_file

TITLE, BODY = "عنوان الخبر", "قال المسؤول إن المخيم يحتاج إلى مساعدات عاجلة."


def test_utf8_with_a_few_bad_bytes_stays_utf8():
    data = f"{TITLE}\n\n{BODY}".encode() + b"\xff\xfe" + " وأضاف أن الوضع صعب.".encode()
    decoded = decode(data)
    assert decoded.text.startswith(TITLE) and "\ufffd\ufffd" in decoded.text
    assert decoded.bad == 2 and decoded.first_bad == (data.index(b"\xff"), data.index(b"\xff") + 1)


def test_a_cut_multibyte_letter_is_one_bad_sequence():
    data = TITLE.encode() + "م".encode()[:1] + " ".encode() + BODY.encode()
    decoded = decode(data)
    assert decoded.bad == 1 and BODY in decoded.text


def test_windows_1256_only_when_it_does_not_look_like_utf8():
    assert decode(f"{TITLE}\n{BODY}".encode("cp1256")).text == f"{TITLE}\n{BODY}"


def test_neither_utf8_nor_arabic_is_unreadable():
    with pytest.raises(UnreadableText):
        decode("café crème".encode("latin-1"))


def test_a_file_with_bad_bytes_is_read_and_named(tmp_path):
    path = tmp_path / "scraped.txt"
    path.write_bytes(f"{TITLE}\n\n{BODY}".encode() + b"\x80" + " نهاية".encode())
    skipped, notices = [], []
    (article,) = read_file(path, "scraped.txt", skipped.append, on_notice=notices.append)
    assert article.title == TITLE and BODY in article.body
    assert not skipped
    at = path.read_bytes().index(b"\x80")
    assert [str(n) for n in notices] == [f"scraped.txt: 1 byte that is not UTF-8 (at bytes {at}) read as U+FFFD"]


def test_a_jsonl_record_with_bad_bytes_is_read_and_its_line_named(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "a", "title": TITLE, "body": BODY}, ensure_ascii=False).encode()
    bad = json.dumps({"id": "b", "title": TITLE, "body": BODY}, ensure_ascii=False).encode().replace(
        "المخيم".encode(), "المخيم".encode()[:-1] + b"\xc3")
    path.write_bytes(good + b"\n" + bad + b"\n")
    notices = []
    articles = list(read_file(path, "feed.jsonl", lambda s: None, on_notice=notices.append))
    assert [a.id for a in articles] == ["feed.jsonl#a", "feed.jsonl#b"]
    assert articles[1].title == TITLE  # not mojibake
    assert len(notices) == 1 and notices[0].line == 2
