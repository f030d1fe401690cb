"""The vectorized scorer over the columns ranks exactly as the Python scorer over Whoosh's postings,
on an index of several segments with deletions, an updated segment and one without columns;
facets and stats counted from the columns are those counted from the stored records."""

import json
import shutil

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive_search import Archive
from archive_search.articles.readers import corpus_files, read_file
from archive_search.index import storage
from archive_search.index.bulk import batches
from archive_search.index.columns import store
from archive_search.search import facets as facet_counts
from archive_search.search import term_at_a_time, vector_scorer
from archive_search.search.filters import build_filter
from archive_search.search.collecting import matching
from archive_search.search.term_at_a_time import WordClauses
from archive_search.text.query_words import analyze_query
from tests.conftest import SAMPLE_CORPUS

WORDS = ["مخيم", "الهول", "داعش", "مرتزقة", "النفط", "الكهرباء", "الأطفال", "المياه", "الحسكة", "اجتماع",
         "المدارس", "الزراعة", "بدران", "الإدارة", "حملة", "القمح"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Sample articles six times over, as several segments; then an update
    that changes and adds files; then one update segment's columns removed."""
    folder = tmp_path_factory.mktemp("vector")
    corpus = folder / "corpus"
    corpus.mkdir()
    articles = [a for p in corpus_files(SAMPLE_CORPUS) for a in read_file(p, p.name, lambda s: None)]
    for n in range(6):
        with open(corpus / f"part{n}.jsonl", "w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps({"id": a.id, "title": a.title, "body": a.body, "date": a.date, "topic": a.topic,
                                    "speakers": a.speakers}, ensure_ascii=False) + "\n")
    index = folder / "index"
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(batches, "MIN_WORDS", 4_000)
        patched.setattr(batches, "BATCH_SIZE", 7)
        Archive(index, corpus_dir=corpus).rebuild(jobs=2, memory=200_000_000)
    (corpus / "part0.jsonl").write_text("\n".join((corpus / "part0.jsonl").read_text(encoding="utf-8")
                                                  .splitlines()[:-5]) + "\n", encoding="utf-8")  # 5 deleted
    (corpus / "new.txt").write_text("مخيم جديد للنازحين في الحسكة\n\nافتتح مخيم جديد قرب الهول.", encoding="utf-8")
    Archive(index, corpus_dir=corpus).update()
    (corpus / "newer.txt").write_text("الكهرباء تعود\n\nعادت الكهرباء إلى المخيم.", encoding="utf-8")
    Archive(index, corpus_dir=corpus).update()
    generation = storage.current_generation(index)
    ix = storage.open_index(index)
    with ix.reader() as reader:
        segments = [leaf.segment().segment_id() for leaf, _ in reader.leaf_readers()]
    assert len(segments) >= 4
    shutil.rmtree(store.segment_folder(generation, segments[-1]))  # searched through Whoosh
    (generation / "FILES").unlink()
    opened = Archive(index)
    leaves = opened.searcher().leaves()
    assert any(leaf.deleted is not None for leaf in leaves) and any(leaf.shards is None for leaf in leaves)
    yield opened
    opened.close()


def _clauses(words: list[str], require_all: bool) -> WordClauses:
    from archive_search.search.word_queries import query_for_word
    from archive_search.search.term_at_a_time import word_clauses
    from whoosh import query as q

    analysed = [w for text in words for w in analyze_query(text)]
    built = [query_for_word(w) for w in analysed]
    query = (q.And if require_all else q.Or)(built) if len(built) > 1 else built[0]
    return word_clauses(query)


FILTERS = [None, {"speaker": "بدران جيا كرد"}, {"topic": "مخيمات"}, {"since": "2019-01-01", "until": "2021-12-31"},
           {"speaker": "جيا", "since": "2018-01-01"}]


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=5, unique=True), require_all=st.booleans(),
       chosen_filter=st.sampled_from(FILTERS), limit=st.sampled_from([1, 10, 50, None]))
def test_the_same_ranking_as_the_python_scorer(archive, words, require_all, chosen_filter, limit):
    searcher = archive.searcher()
    whoosh = searcher.whoosh_searcher
    clauses = _clauses(words, require_all)
    filter_query = build_filter(**chosen_filter) if chosen_filter else None
    allowed_set = set(whoosh.docs_for_query(filter_query)) if filter_query is not None else None
    expected = term_at_a_time.top_documents(whoosh, clauses, whoosh.weighting, limit, allowed_set)
    allowed = None
    if filter_query is not None:
        allowed = np.zeros(whoosh.doc_count_all(), dtype=bool)
        allowed[list(allowed_set)] = True
    found = vector_scorer.top_documents(whoosh, clauses, whoosh.weighting, limit, searcher.leaves(), allowed)
    assert found.total == expected.total
    assert [d for _, d in found.top] == [d for _, d in expected.top]
    assert [s for s, _ in found.top] == pytest.approx([s for s, _ in expected.top], rel=1e-12)


@pytest.mark.parametrize("chosen_filter", FILTERS[1:])
def test_filters_read_from_the_columns_are_whooshs(archive, chosen_filter):
    from archive_search.search.column_filters import filter_mask

    whoosh = archive.searcher().whoosh_searcher
    query = build_filter(**chosen_filter)
    leaves = [leaf for leaf in archive.searcher().leaves()]
    with_columns = [leaf._replace(shards=leaf.shards or []) for leaf in leaves]  # the segment without: empty
    mask = filter_mask(query, with_columns, whoosh.doc_count_all())
    expected = set(whoosh.docs_for_query(query))
    uncovered = {leaf.offset + d for leaf in leaves if leaf.shards is None for d in range(leaf.doc_count)}
    deleted = {leaf.offset + d for leaf in leaves if leaf.deleted is not None for d in np.flatnonzero(leaf.deleted)}
    assert set(np.flatnonzero(mask).tolist()) - uncovered - deleted == expected - uncovered


def test_facets_and_stats_from_the_columns_are_those_of_the_records(tmp_path, corpus_copy):
    with Archive(tmp_path / "ix", corpus_dir=corpus_copy) as archive:
        archive.rebuild()
        searcher = archive.searcher()
        assert searcher.has_columns()
        expected = facet_counts.count(searcher.records())
        found = searcher.counts()
        assert (found.articles, found.dated, found.first_date, found.last_date) == \
            (expected.articles, expected.dated, expected.first_date, expected.last_date)
        assert found.facets() == expected.facets()
        for text in ("مخيم", '"مخيم الهول"', "مخيم*"):
            page = archive.search(text, facets=True, limit=100)
            records = [r for r in searcher.records() if r.id in {h.id for h in archive.iter_hits(text)}]
            assert page.facets == facet_counts.count(records).facets(), text


def test_the_documents_a_query_matches(archive):
    searcher = archive.searcher()
    whoosh = searcher.whoosh_searcher
    from archive_search.search.queries import build_query

    for text in ("مخيم الهول", "مخيم OR النفط", '"مخيم الهول"'):
        query = build_query(text)
        leaves = searcher.leaves()
        found = set(np.flatnonzero(matching(whoosh, query, None, leaves)).tolist())
        expected = set(whoosh.docs_for_query(query))
        assert found == expected, (text, [(d, whoosh.stored_fields(d)["id"]) for d in found ^ expected],
                                   [(leaf.offset, leaf.doc_count, leaf.shards is None) for leaf in leaves])



def test_document_counts_from_the_columns_are_whooshs(archive):
    from archive_search.search.column_terms import doc_frequencies

    searcher = archive.searcher()
    reader = searcher.whoosh_searcher.reader()
    for field in ("body", "title"):
        terms = [t.decode("utf-8") for t in list(reader.lexicon(field))[:300]] + ["لاوجودلها", "=مخيم"]
        assert doc_frequencies(searcher.leaves(), field, terms) == [reader.doc_frequency(field, t) for t in terms]


@settings(max_examples=200, deadline=None)
@given(values=st.lists(st.sampled_from([0.0, 0.0, 0.0, 0.5, 1.0, 1.5, 2.25, 7.0]), min_size=0, max_size=3000),
       limit=st.sampled_from([1, 3, 10, 100, None]))
def test_the_best_scores_are_those_a_full_sort_gives(values, limit):
    scores = np.array(values, dtype=np.float64)
    ranked = vector_scorer.best(scores, limit)
    everything = sorted(((s, d) for d, s in enumerate(values) if s), key=lambda pair: (-pair[0], pair[1]))
    assert ranked.total == len(everything)
    assert ranked.top == everything[:limit]
