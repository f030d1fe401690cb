"""The archive's people learnt at index time: a rebuild observes a sample of the
corpus, stores the names beside the index, and index finds speakers with them."""

import gzip
import json
import os
from pathlib import Path

from archive_search.articles.article import Article
from archive_search.index.known_names import KNOWN_NAMES, read_known_names, sample

# A given name no lexicon has, and a sentence where only the archive's evidence makes it a name.
REPORT = "وقال وزير التجارة الياباني تاكيهيرو سوزوكي إن الصادرات ارتفعت بنسبة {n} في المئة."
LATER = "وقال تاكيهيرو ناكامورا كذلك في المؤتمر إن السوق مستقر."


def _generation(index: Path) -> Path:
    return index / os.readlink(index / "current")


def _speakers(run, index, article_id):
    return json.loads(run("--index", index, "show", article_id, "-f", "json").stdout)["speakers"]


def test_rebuild_stores_the_names_and_index_uses_them(run, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(4):
        (corpus / f"trade-{n}.txt").write_text(f"تقرير التجارة {n}\n\n{REPORT.format(n=n)}", encoding="utf-8")
    index = tmp_path / "ix"
    assert run("--corpus", corpus, "--index", index, "rebuild-index").exit_code == 0
    stored = _generation(index) / KNOWN_NAMES
    with gzip.open(stored, "rt", encoding="utf-8") as f:
        data = json.load(f)
    assert data["articles"] == 4
    known = read_known_names(_generation(index))
    assert known.is_given("تاكيهيرو")

    (corpus / "market.txt").write_text(f"السوق\n\n{LATER}", encoding="utf-8")
    assert run("--corpus", corpus, "--index", index, "index").exit_code == 0
    assert _speakers(run, index, "market.txt") == ["تاكيهيرو ناكامورا"]


def test_without_the_archive_the_unknown_name_is_no_speaker(run, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "market.txt").write_text(f"السوق\n\n{LATER}", encoding="utf-8")
    index = tmp_path / "ix"
    assert run("--corpus", corpus, "--index", index, "rebuild-index").exit_code == 0
    assert _speakers(run, index, "market.txt") == []


def test_an_index_without_stored_names_still_updates(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0
    (_generation(index) / KNOWN_NAMES).unlink()
    assert read_known_names(_generation(index)) is None
    (corpus_copy / "new.txt").write_text("عنوان\n\nوقال الرئيس المشترك سلمان بارودو إن العمل مستمر.", encoding="utf-8")
    assert run("--corpus", corpus_copy, "--index", index, "index").exit_code == 0
    assert _speakers(run, index, "new.txt") == ["سلمان بارودو"]


def test_garbled_stored_names_are_none(tmp_path):
    (tmp_path / KNOWN_NAMES).write_bytes(b"not gzip")
    assert read_known_names(tmp_path) is None


def _files(sizes):
    return {Path(f"f{i}"): [Article(f"f{i}#{n}", f"f{i}", "", "نص قصير") for n in range(size)]
            for i, size in enumerate(sizes)}


def test_the_sample_is_spread_over_the_files():
    files = _files([100, 100, 100, 100])
    chosen = list(sample(list(files), files.get, articles=40))
    assert len(chosen) == 40
    assert _per_file(chosen) == {"f0": 10, "f1": 10, "f2": 10, "f3": 10}


def test_the_sample_takes_every_kth_file_when_files_outnumber_it():
    files = _files([1] * 100)
    chosen = list(sample(list(files), files.get, articles=10))
    assert [a.path for a in chosen] == [f"f{i}" for i in range(0, 100, 10)]


def test_the_sample_stops_at_its_text_budget():
    files = _files([100])
    assert len(list(sample(list(files), files.get, articles=100, chars=70))) == 10  # 7 characters an article


def test_the_sample_is_the_same_every_time():
    files = _files([5, 50, 500])
    first = [a.id for a in sample(list(files), files.get, articles=60)]
    assert first == [a.id for a in sample(list(files), files.get, articles=60)]


def _per_file(articles):
    counts = {}
    for article in articles:
        counts[article.path] = counts.get(article.path, 0) + 1
    return counts
