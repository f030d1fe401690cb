"""One huge record stalls nothing: its body is cut to a documented maximum with a notice, and
the snippets of a long article are found in a bounded amount of text.

Case from the fault matrix: a single 50 MB JSON record took minutes to
index, and every search returning it re-analysed the whole body.
"""

import json

from archive_search import Archive
from archive_search.articles import readers
from archive_search.search import snippets


def test_an_overlong_body_is_cut_with_a_notice(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BODY_CHARS", 10_000)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = "افتتح مخيم جديد للنازحين قرب الحدود. " * 2_000
    (corpus / "big.jsonl").write_text(json.dumps({"id": "1", "title": "مخيم", "body": body}, ensure_ascii=False)
                                      + "\n", encoding="utf-8")
    notices = []
    with Archive(tmp_path / "ix", corpus_dir=corpus) as archive:
        report = archive.rebuild(on_notice=notices.append)
        article = archive.get("big.jsonl#1")
    assert report.articles == 1
    assert len(article.body) <= 10_000 and body.startswith(article.body)
    assert [str(n) for n in notices] == [
        f"big.jsonl:1: body of {len(body.strip()):,} characters cut to the first {len(article.body):,}"]


def test_the_notice_reaches_the_terminal(run, tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BODY_CHARS", 1_000)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "big.txt").write_text("عنوان\n\n" + "كلمة " * 1_000, encoding="utf-8")
    result = run("--corpus", corpus, "--index", tmp_path / "ix", "rebuild-index")
    assert result.exit_code == 0
    assert "archive-search: big.txt: body of 4,999 characters cut to the first 999" in result.stderr


def test_snippets_of_a_long_article_read_a_bounded_amount(tmp_path, monkeypatch):
    filler = "وتحدث المشاركون عن الزراعة والمياه في القرى. " * 200_000  # 9 million characters
    body = filler + "وقال إن المخيم يحتاج إلى مساعدات عاجلة. " + filler
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "long.jsonl").write_text(json.dumps({"id": "1", "title": "تقرير", "body": body},
                                                  ensure_ascii=False) + "\n", encoding="utf-8")
    monkeypatch.setattr(readers, "MAX_BODY_CHARS", len(body) + 1)  # kept whole here
    analysed = []
    real = snippets._ANALYZER

    def counting(text, **kwargs):
        analysed.append(len(text))
        return real(text, **kwargs)

    with Archive(tmp_path / "ix", corpus_dir=corpus) as archive:
        archive.rebuild()
        monkeypatch.setattr(snippets, "_ANALYZER", counting)
        (hit,) = archive.search("المخيم")
    assert any("المخيم" in f.text for f in hit.fragments)
    assert "المخيم" in hit.matched
    assert sum(analysed) <= snippets.SCAN_CHARS + 2 * snippets.MAX_FRAGMENTS * (snippets.AROUND + 50) + 100
