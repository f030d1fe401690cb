"""The index's columns: what a rebuild's workers write is what the segment itself holds,
updates get columns for their segments, and a segment's columns go with it."""

import json

import numpy as np
import pytest

from archive_search import Archive
from archive_search.articles.readers import corpus_files, read_file
from archive_search.index import storage
from archive_search.index.bulk import batches
from archive_search.index.columns import store
from archive_search.index.columns.from_segment import write_from_segment
from archive_search.index.columns.shard import ALIGN, ARRAYS, FIELDS, META, SCORED, Shard
from tests.conftest import SAMPLE_CORPUS


def _many(corpus, copies: int) -> None:
    corpus.mkdir()
    articles = [a for p in corpus_files(SAMPLE_CORPUS) for a in read_file(p, p.name, lambda s: None)]
    with open(corpus / "many.jsonl", "w", encoding="utf-8") as f:
        for n in range(copies):
            for a in articles:
                f.write(json.dumps({"id": f"{n}-{a.id}", "title": a.title, "body": a.body,
                                    "date": a.date if n % 2 else None}, ensure_ascii=False) + "\n")


def _contents(shards: list[Shard]) -> dict:
    """Every term's postings (and positions), lengths and dates of a segment's shards, by segment docnum."""
    out = {"lengths": {}, "dates": np.concatenate([s.dates for s in shards]).tolist()}
    for field in FIELDS:
        postings = {}
        for shard in shards:
            if field not in shard.fields:
                continue
            for number in range(shard.fields[field]["terms"]):
                term = shard.term(field, number)
                start, end = shard.span(field, number)
                docs = shard.docs(field)[start:end].tolist()
                tfs = shard.tfs(field)[start:end].tolist() if field in SCORED else [None] * len(docs)
                positions = [shard.positions(field, number, i) for i in range(end - start)] \
                    if field == "body" else [None] * len(docs)
                postings.setdefault(term, []).extend(zip(docs, tfs, positions))
        out[field] = postings
        if field in SCORED:
            out["lengths"][field] = np.concatenate([s.lengths(field) for s in shards]).tolist()
    return out


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_workers_columns_are_the_segments(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(batches, "BATCH_SIZE", 7)  # both workers get documents
    corpus = tmp_path / "corpus"
    _many(corpus, 8)
    index = tmp_path / "ix"
    with Archive(index, corpus_dir=corpus) as archive:
        archive.rebuild(jobs=jobs)
    generation = storage.current_generation(index)
    ix = storage.open_index(index)
    with ix.reader() as reader:
        segment_id = reader.segment().segment_id()
        written = store.shards(generation, segment_id)
        assert len(written) == jobs
        write_from_segment(reader, tmp_path / "again")
    assert _contents(written) == _contents([Shard(tmp_path / "again")])
    for shard in written:  # each shard one file of arrays, each where its items can be read in place
        assert {p.name for p in shard.folder.iterdir()} == {ARRAYS, META}
        places = json.loads((shard.folder / META).read_text(encoding="utf-8"))["arrays"]
        assert all(offset % ALIGN == 0 for offset, _ in places.values())
        assert max(offset + size for offset, size in places.values()) == (shard.folder / ARRAYS).stat().st_size


def test_an_update_writes_the_columns_of_its_segment_and_drops_merged_ones(run, tmp_path, corpus_copy):
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0
    for n in range(3):
        (corpus_copy / f"new{n}.txt").write_text(f"مخيم جديد {n}\n\nافتتح مخيم جديد للنازحين.", encoding="utf-8")
        assert run("--corpus", corpus_copy, "--index", index, "index").exit_code == 0
    generation = storage.current_generation(index)
    ix = storage.open_index(index)
    with ix.reader() as reader:
        live = {leaf.segment().segment_id() for leaf, _ in reader.leaf_readers()}
    assert {p.name for p in (generation / store.COLUMNS).iterdir()} == live
    for segment_id in live:
        assert store.shards(generation, segment_id) is not None


def test_a_segment_without_columns_is_searched_through_whoosh(tmp_path, corpus_copy):
    import shutil

    index = tmp_path / "ix"
    with Archive(index, corpus_dir=corpus_copy) as archive:
        archive.rebuild()
        before = [(h.id, round(h.score, 6)) for h in archive.search("مخيم OR الهول", limit=50)]
    shutil.rmtree(storage.current_generation(index) / store.COLUMNS)
    (storage.current_generation(index) / "FILES").unlink()  # as if the columns had never been written
    with Archive(index) as archive:
        assert all(leaf.shards is None for leaf in archive.searcher().leaves())
        assert [(h.id, round(h.score, 6)) for h in archive.search("مخيم OR الهول", limit=50)] == before
