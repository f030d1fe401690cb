"""The term-at-a-time scorer ranks as Whoosh's collector does; proximity puts words standing together first."""

import pytest

from archive_search import Archive
from archive_search.search.queries import build_filter, build_query
from archive_search.search.collecting import collect
from archive_search.search.spelling import QuerySpelling
from archive_search.search.term_at_a_time import top_documents, word_clauses

QUERIES = ["مخيم", "مخيم الهول", "مخيم OR الحسكة OR داعش", "ما هي أوضاع المخيمات في شمال سوريا؟"]


def ranking(searcher, query, filter_query=None, whoosh=False):
    if whoosh:
        # any sort argument sends the query through Whoosh's collector
        ranked = collect(searcher, query, 20, filter_query, {"sortedby": None})
    else:
        allowed = set(searcher.docs_for_query(filter_query)) if filter_query is not None else None
        ranked = top_documents(searcher, word_clauses(query), searcher.weighting, 20, allowed)
    return [(ranked.docnum(i), round(ranked.score(i), 9)) for i in range(len(ranked))], ranked.total


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("plain", [False, True])
def test_same_ranking_as_whoosh(sample_index, text, plain):
    with Archive(sample_index) as archive:
        searcher = archive.searcher().whoosh_searcher
        query = build_query(text, plain)
        assert word_clauses(query) is not None
        assert ranking(searcher, query) == ranking(searcher, query, whoosh=True)


@pytest.mark.parametrize("text", ["الحسكة المخيات", "مرتزقةداعش مياه", "المخميات"])
def test_same_ranking_as_whoosh_with_substitutes(sample_index, text):
    with Archive(sample_index) as archive:
        searcher = archive.searcher().whoosh_searcher
        vocabulary = QuerySpelling.of_reader(searcher.reader())
        query = build_query(text, True, vocabulary)
        assert vocabulary.substitutions
        assert word_clauses(query) is not None
        assert ranking(searcher, query) == ranking(searcher, query, whoosh=True)


def test_same_ranking_with_filter(sample_index):
    with Archive(sample_index) as archive:
        searcher = archive.searcher().whoosh_searcher
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
        searcher = archive.searcher().whoosh_searcher
        assert len(list(searcher.leaf_searchers())) == 2
        for text in QUERIES + ["مستشفى"]:
            query = build_query(text, True)
            assert ranking(searcher, query) == ranking(searcher, query, whoosh=True)


def test_phrases_and_prefixes_are_left_to_whoosh():
    assert word_clauses(build_query('"مرتزقة داعش"', False)) is None
    assert word_clauses(build_query("مرتزق*", False)) is None
    assert word_clauses(build_query("مخيم -الهول", False)) is None


def test_words_standing_together_rank_first(run, tmp_path):
    # Same words, same counts, same lengths: BM25 cannot tell the two apart,
    # and the article where they stand apart comes first in the index.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    filler = "تحدث المسؤولون طويلا عن الأوضاع الإنسانية الصعبة"
    (corpus / "a-apart.txt").write_text(f"تقرير\n\nزار الوفد مخيم الأطفال ثم {filler} قرب بلدة الهول.",
                                        encoding="utf-8")
    (corpus / "b-together.txt").write_text(f"تقرير\n\nزار الوفد مخيم الهول ثم {filler} قرب بلدة الأطفال.",
                                           encoding="utf-8")
    assert run("--corpus", corpus, "--index", tmp_path / "ix", "rebuild-index").exit_code == 0
    with Archive(tmp_path / "ix") as archive:
        hits = archive.search("مخيم الهول")
        assert [h.id for h in hits] == ["b-together.txt", "a-apart.txt"]
        assert hits[0].score > hits[1].score
