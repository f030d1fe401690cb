"""Term-at-a-time scoring ranks exactly as Whoosh's own collector does."""

import pytest

from archive_search import Archive
from archive_search.accumulate import as_word_query
from archive_search.searcher import build_filter, build_query, collect

QUERIES = ["مخيم", "مخيم الهول", "مخيم OR الحسكة OR داعش", "ما هي أوضاع المخيمات في شمال سوريا؟"]


def ranking(searcher, query, filter_query=None, whoosh=False):
    # any sort argument sends the query through Whoosh's collector
    ranked = collect(searcher, query, 20, filter_query, {"sortedby": None} if whoosh else None)
    return [(ranked.docnum(i), round(ranked.score(i), 9)) for i in range(len(ranked))], ranked.total


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("plain", [False, True])
def test_same_ranking_as_whoosh(sample_index, text, plain):
    with Archive(sample_index) as archive:
        searcher = archive.searcher()._searcher
        query = build_query(text, plain)
        assert as_word_query(query) is not None
        assert ranking(searcher, query) == ranking(searcher, query, whoosh=True)


def test_same_ranking_with_filter(sample_index):
    with Archive(sample_index) as archive:
        searcher = archive.searcher()._searcher
        query = build_query("مخيم OR الحسكة", False)
        flt = build_filter(since="2020-01-01")
        assert ranking(searcher, query, flt) == ranking(searcher, query, flt, whoosh=True)


def test_same_ranking_after_incremental_update(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    run("--corpus", corpus_copy, "--index", index, "rebuild-index")
    (corpus_copy / "reports" / "kobani-hospital.txt").unlink()  # a deletion in the old segment
    (corpus_copy / "extra.txt").write_text("مخيم جديد في الحسكة\n\nافتتح مخيم جديد للنازحين.", encoding="utf-8")
    run("--corpus", corpus_copy, "--index", index, "index")  # a second segment
    with Archive(index) as archive:
        searcher = archive.searcher()._searcher
        assert len(list(searcher.leaf_searchers())) == 2
        for text in QUERIES + ["مستشفى"]:
            query = build_query(text, True)
            assert ranking(searcher, query) == ranking(searcher, query, whoosh=True)


def test_phrases_and_prefixes_are_left_to_whoosh():
    assert as_word_query(build_query('"مرتزقة داعش"', False)) is None
    assert as_word_query(build_query("مرتزق*", False)) is None
    assert as_word_query(build_query("مخيم -الهول", False)) is None
