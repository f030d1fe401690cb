"""Corpus readers: formats, encodings, bad files skipped with a reason, boilerplate dropped."""

import gzip
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive_search.articles.cleaning import clean_text
from archive_search.articles.decoding import UnreadableText, decode
from archive_search.articles.enrich import complete_metadata
from archive_search.articles.readers import read_corpus
from tests.conftest import SAMPLE_CORPUS, needs_shared


def read_all(root):
    skipped = []
    articles = list(read_corpus(root, skipped.append))
    return articles, skipped


def test_sample_article_record():
    (article,) = [a for a in read_all(SAMPLE_CORPUS)[0] if a.id == "anha-isis-camps-meeting.txt"]
    article = complete_metadata(article)
    assert article.title == "اجتماع دولي لمناقشة أوضاع مرتزق داعش وأسرهم في المخيمات"
    assert article.speakers == ["بدران جيا كرد"]
    assert article.date is None
    assert "اظهر المزيد" not in article.body
    assert "زر الذهاب إلى الأعلى" not in article.body
    assert article.body.startswith("أكد الرئيس المشترك لدائرة العلاقات الخارجة")
    assert "\n\n" in article.body  # paragraphs kept


def test_sample_corpus_reads_without_skips():
    articles, skipped = read_all(SAMPLE_CORPUS)
    assert skipped == []
    assert len(articles) == 32
    assert len({a.id for a in articles}) == len(articles)


def test_front_matter(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: عنوان الخبر\nspeakers: ليلى مصطفى; سلمان بارودو\ndate: 2021-08-14\ntopic: خدمات\n"
        "url: https://example.org/a\n---\nنص الخبر.\n",
        encoding="utf-8",
    )
    (article,), _ = read_all(tmp_path)
    assert article.title == "عنوان الخبر"
    assert article.speakers == ["ليلى مصطفى", "سلمان بارودو"]
    assert article.date == "2021-08-14"
    assert article.topic == "خدمات"
    assert article.url == "https://example.org/a"
    assert article.body == "نص الخبر."


def test_unclosed_front_matter_is_skipped(tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: عنوان\nنص بلا نهاية للرأس\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("عنوان\n\nنص", encoding="utf-8")
    articles, skipped = read_all(tmp_path)
    assert [a.id for a in articles] == ["good.txt"]
    assert str(skipped[0]) == "bad.md: front matter opened with --- but never closed"


def test_jsonl_ids_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "x1", "title": "خبر أول", "body": "نص"}, ensure_ascii=False),
        "{not json",
        json.dumps({"title": "بلا معرف", "text": "نص آخر"}, ensure_ascii=False),
        json.dumps([1, 2]),
        json.dumps({"id": "x1", "title": "مكرر", "body": "نص"}, ensure_ascii=False),
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, skipped = read_all(tmp_path)
    assert [a.id for a in articles] == ["dump.jsonl#x1", "dump.jsonl#3"]
    assert [str(s) for s in skipped] == [
        "dump.jsonl:2: invalid JSON",
        "dump.jsonl:4: record is not a JSON object",
        "dump.jsonl:5: duplicate id 'x1'",
    ]


def test_jsonl_gz(tmp_path):
    with gzip.open(tmp_path / "dump.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": 7, "title": "خبر", "body": "نص", "speaker": "علي"}, ensure_ascii=False) + "\n")
    (article,), _ = read_all(tmp_path)
    assert article.id == "dump.jsonl.gz#7"
    assert article.speakers == ["علي"]


def test_truncated_gzip_is_skipped(tmp_path):
    data = gzip.compress(b'{"id": 1, "title": "x", "body": "y"}\n' * 1000)
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    articles, skipped = read_all(tmp_path)
    assert skipped and skipped[0].path == "cut.jsonl.gz"


def test_windows_1256_file():
    articles, _ = read_all(SAMPLE_CORPUS)
    (article,) = [a for a in articles if a.id == "reports/khabour-river-cp1256.txt"]
    assert article.title == "تراجع منسوب نهر الخابور يهدد الزراعة في ريف الحسكة"


def test_utf8_bom_and_utf16(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffعنوان\n\nنص".encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes("عنوان آخر\n\nنص".encode("utf-16"))
    articles, skipped = read_all(tmp_path)
    assert skipped == []
    assert sorted(a.title for a in articles) == ["عنوان", "عنوان آخر"]


def test_binary_and_empty_files_are_skipped(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 cr\xe8me".encode("latin-1"))
    articles, skipped = read_all(tmp_path)
    assert articles == []
    assert sorted(str(s) for s in skipped) == [
        "blank.md: empty file",
        "empty.txt: empty file",
        "image.txt: binary file (NUL bytes)",
        "latin1.txt: not UTF-8, and not Arabic in Windows-1256",
    ]


def test_decode_rejects_binary():
    with pytest.raises(UnreadableText):
        decode(b"\x00\x01\x02")


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_any_bytes_read_or_skip_never_raise(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("bytes")
    (root / "a.txt").write_bytes(data)
    (root / "b.jsonl").write_bytes(data)
    articles, skipped = read_all(root)
    assert len(articles) + len(skipped) >= 1 or not data.strip()


def test_clean_text_drops_boilerplate_and_spaces():
    text = "سطر   أول\t\n\n\n\nسطر ثان\nاظهر المزيد\nزر الذهاب إلى الأعلى\n"
    assert clean_text(text) == "سطر أول\n\nسطر ثان"


def test_news_sample_reads(tmp_path):
    sample = needs_shared("corpora", "news", "saudinewsnet", "sample_200.jsonl")
    (tmp_path / "news.jsonl").write_bytes(sample.read_bytes())
    articles, skipped = read_all(tmp_path)
    assert len(articles) == 200 and skipped == []
    assert all(a.date for a in articles)


def test_clean_text_collapses_every_unicode_space():
    # no-break, thin, narrow no-break and ideographic spaces, and tabs, between words
    text = "قال\u00a0المتحدث\u2009إن\u202fالمخيم\u3000\tمكتظ"
    assert clean_text(text) == "قال المتحدث إن المخيم مكتظ"
