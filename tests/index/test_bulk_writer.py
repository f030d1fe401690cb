"""The rebuild's bulk writer: the same index as Whoosh's writer, in one process or several; workers that die or are stopped."""

import json
import os
import signal
import subprocess
import sys
import time
from array import array
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.filedb.filestore import FileStorage

from archive_search import Archive
from archive_search.articles.enrich import complete_metadata
from archive_search.articles.readers import corpus_files, read_file
from archive_search.index import rebuild, storage
from archive_search.index.bulk import batches, block_pickles, build_segment, text_postings
from archive_search.index.bulk.text_postings import FieldWords
from archive_search.index.posting_format import (
    encode_positions,
    encode_term,
)
from archive_search.index.schema import build_schema, document_fields
from archive_search.text.analyzer import ArabicAnalyzer
from archive_search.text.terms import AnalysisOptions
from archive_search.text.word_ids import WordIds, term_positions_function
from tests.conftest import SAMPLE_CORPUS


def sample_documents() -> list[dict]:
    documents = []
    for path in corpus_files(SAMPLE_CORPUS):
        rel = path.relative_to(SAMPLE_CORPUS).as_posix()
        for article in read_file(path, rel, lambda skipped: None):
            documents.append(document_fields(complete_metadata(article)))
    return documents


def _copies_of_the_sample(corpus: Path, copies: int, topic_of) -> None:
    """A JSON Lines corpus of the sample articles ``copies`` times over, under new ids."""
    corpus.mkdir()
    articles = [a for p in corpus_files(SAMPLE_CORPUS) for a in read_file(p, p.name, lambda s: None)]
    with open(corpus / "many.jsonl", "w", encoding="utf-8") as f:
        for n in range(copies):
            for a in articles:
                record = {"id": f"{n}-{a.id}", "title": a.title, "body": a.body, "topic": topic_of(n, a)}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")


def index_contents(ix) -> dict:
    """Everything a search can see: postings with values, term statistics,
    stored fields, field lengths."""
    with ix.reader() as reader:
        postings, statistics = {}, {}
        for field, text in reader.all_terms():
            matcher = reader.postings(field, text)
            postings[(field, text)] = [(docnum, weight, value) for docnum, weight, value in
                                       _items(matcher)]
            info = reader.term_info(field, text)
            statistics[(field, text)] = (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(),
                                         info.max_weight(), info.min_id(), info.max_id())
        stored = [reader.stored_fields(n) for n in range(reader.doc_count_all())]
        lengths = {f: [reader.doc_field_length(n, f) for n in range(reader.doc_count_all())]
                   for f in ("title", "body", "speaker_words")}
    return {"postings": postings, "statistics": statistics, "stored": stored, "lengths": lengths}


def _items(matcher):
    while matcher.is_active():
        yield matcher.id(), matcher.weight(), matcher.value()
        matcher.next()


def _by_article(ix) -> dict:
    """Index contents with documents named by article id (docnums differ
    between a one-job and a two-job build)."""
    contents = index_contents(ix)
    names = [stored["id"] for stored in contents["stored"]]
    return {
        "postings": {term: sorted((names[d], float(w), v) for d, w, v in postings)
                     for term, postings in contents["postings"].items()},
        "stored": sorted(contents["stored"], key=lambda stored: stored["id"]),
        "lengths": {f: sorted(zip(names, lengths)) for f, lengths in contents["lengths"].items()},
    }


def _parallel_rebuild_under_way(tmp_path, corpus_copy, copies: int, **popen):
    """An index of the sample corpus, and a two-job rebuild of a large corpus
    into it, running with its workers started: (process, index, worker pids)."""
    index = tmp_path / "ix"
    with Archive(index, corpus_dir=corpus_copy) as archive:
        archive.rebuild()
    big = tmp_path / "big"
    _copies_of_the_sample(big, copies, lambda n, article: "أخبار")
    proc = subprocess.Popen(
        [sys.executable, "-m", "archive_search", "--corpus", str(big), "--index", str(index), "rebuild-index",
         "--jobs", "2"],
        stdout=subprocess.DEVNULL, **popen,
    )
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    children = _children(proc.pid)
    assert len(children) >= 2, "the workers never started"
    return proc, index, children


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _postings_one_by_one(texts: list[str], analyzer) -> dict:
    """term → [(docnum, weight, value)], document by document through the
    analyzer's term positions (as Whoosh's writer indexes a text)."""
    expected: dict[str, list] = {}
    for docnum, text in enumerate(texts):
        for term, places in term_positions_function(analyzer)(text)[0].items():
            expected.setdefault(term, []).append((docnum, float(len(places)), encode_term(term, places)))
    return dict(sorted(expected.items(), key=lambda item: item[0].encode("utf-8")))


def _postings_from_word_ids(texts: list[str], options) -> tuple[dict, list[int]]:
    """The same, from word ids in bulk (every term inlined here: the blocks
    are checked through Whoosh's reader by the tests above)."""
    words = FieldWords(WordIds(options))
    lengths = [words.add(docnum, text) for docnum, text in enumerate(texts)]
    # in runs of a few postings: a run ends at a term's end
    with mock.patch.object(text_postings, "INLINE_LIMIT", len(texts)), \
            mock.patch.object(text_postings, "CHUNK", 5):
        runs = list(text_postings.encoded_field(words, 1.0, array("I", lengths), None))
    found = {}
    for btext, part in (item for run in runs for item in run):
        ids, weights, values = part.raw
        found[btext.decode("utf-8")] = list(zip(ids, weights, values))
        assert part.count == len(ids) and part.weight == sum(weights) and part.max_weight == max(weights)
        assert (part.first_id, part.last_id) == (ids[0], ids[-1])
    return found, lengths


def _decoded_blocks(blob: bytes) -> list[tuple]:
    """(block statistics, (ids, weights, values)) of each block, as Whoosh reads them."""
    import io
    import pickle
    import struct
    import zlib

    blocks, at = [], 0
    while at < len(blob):
        size = abs(struct.unpack_from("!i", blob, at)[0])
        stream = io.BytesIO(blob[at + 4:at + 4 + size])
        info = pickle.Unpickler(stream).load()
        data = stream.read()
        blocks.append((info[:3] + info[4:], pickle.loads(zlib.decompress(data) if info[3] else data)))
        at += 4 + size
    return blocks


def test_bulk_segment_holds_what_whooshs_writer_would(tmp_path):
    documents = sample_documents()
    assert len(documents) == 32

    plain = FileStorage(str(tmp_path / "plain")).create().create_index(build_schema())
    writer = plain.writer()
    for fields in documents:
        writer.add_document(**fields)
    writer.commit()

    with build_segment(tmp_path / "bulk", build_schema()) as build:
        for fields in documents:
            build.add(fields)
        build.finish()

    expected, found = index_contents(plain), index_contents(FileStorage(str(tmp_path / "bulk")).open_index())
    assert found["statistics"] == expected["statistics"]
    assert found["stored"] == expected["stored"]
    assert found["lengths"] == expected["lengths"]
    assert found["postings"].keys() == expected["postings"].keys()
    for term, postings in expected["postings"].items():
        assert [(d, float(w), v) for d, w, v in found["postings"][term]] == \
            [(d, float(w), v) for d, w, v in postings], term


def test_two_jobs_write_what_one_writes(tmp_path, monkeypatch):
    # Small batches and a corpus of 600 articles: both workers get documents,
    # and common terms have postings from both, in blocks on either side.
    monkeypatch.setattr(batches, "BATCH_SIZE", 7)
    monkeypatch.setattr(text_postings, "CHUNK", 2_000)  # each field's terms sent in several runs
    corpus = tmp_path / "corpus"
    # some without a topic, predicted in the second pass
    _copies_of_the_sample(corpus, 20, lambda n, article: article.topic if n % 3 else None)
    built = {}
    for jobs in (1, 2):
        index = tmp_path / f"ix{jobs}"
        rebuild.rebuild(corpus, index, jobs=jobs)
        built[jobs] = _by_article(storage.open_index(index))
    assert len(built[1]["stored"]) == 640
    assert built[2]["stored"] == built[1]["stored"]
    assert built[2]["lengths"] == built[1]["lengths"]
    assert built[2]["postings"] == built[1]["postings"]
    assert max(len(p) for p in built[1]["postings"].values()) > 300  # postings over several blocks


def test_whoosh_merges_a_bulk_segment(tmp_path):
    # Whoosh reads the compact blocks, inlined postings and byte weights back
    # when it merges segments (an update may merge small ones).
    documents = sample_documents()
    with build_segment(tmp_path / "bulk", build_schema()) as build:
        for fields in documents[:20]:
            build.add(fields)
        build.finish()
    bulk = FileStorage(str(tmp_path / "bulk")).open_index()
    writer = bulk.writer()
    for fields in documents[20:]:
        writer.add_document(**fields)
    writer.commit(merge=False)
    before = _by_article(bulk)
    bulk.optimize()
    with bulk.reader() as reader:
        assert reader.is_atomic()  # one segment
    assert _by_article(bulk) == before


def test_two_jobs_rank_as_one(tmp_path):
    with Archive(tmp_path / "one", corpus_dir=SAMPLE_CORPUS) as one, \
            Archive(tmp_path / "two", corpus_dir=SAMPLE_CORPUS) as two:
        one.rebuild(jobs=1)
        two.rebuild(jobs=2)
        for query in ("مخيم", "المرتزقة", '"مخيم الهول"', "داعش OR النفط", "اجتماع*"):
            hits_one = [(h.id, round(h.score, 6), h.topic) for h in one.search(query, limit=50)]
            hits_two = [(h.id, round(h.score, 6), h.topic) for h in two.search(query, limit=50)]
            assert sorted(hits_two) == sorted(hits_one), query
            assert hits_one, query


def test_a_bulk_index_takes_incremental_updates(tmp_path, corpus_copy):
    with Archive(tmp_path / "ix", corpus_dir=corpus_copy) as archive:
        archive.rebuild(jobs=2)
        (corpus_copy / "new.txt").write_text("مخيم جديد للنازحين\n\nافتتح مخيم جديد للنازحين قرب الحدود.",
                                             encoding="utf-8")
        report = archive.update()
        assert report.added == 1
        assert archive.search("للنازحين")[0].id == "new.txt"
        assert archive.search('"مخيم جديد"')[0].id == "new.txt"


@pytest.mark.slow
def test_a_dying_worker_fails_the_rebuild_cleanly(run, tmp_path, corpus_copy, monkeypatch):
    index = tmp_path / "ix"
    assert run("--corpus", corpus_copy, "--index", index, "rebuild-index").exit_code == 0

    def die(self, batch, model):
        os._exit(3)  # as if killed (out of memory) in the middle of a batch

    monkeypatch.setattr(rebuild.ArticlePreparer, "__call__", die)
    monkeypatch.setattr(batches, "BATCH_SIZE", 2)  # more batches than the queue holds
    result = run("--corpus", corpus_copy, "--index", index, "rebuild-index", "--jobs", "2")
    assert result.exit_code == 2
    assert result.stderr.strip() == "archive-search: error: an indexing process died (exit code 3)"
    assert not list(index.glob("*.building"))
    with Archive(index) as archive:
        assert archive.search("مخيم")  # the previous index still answers


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads worker processes from /proc")
def test_killed_parallel_rebuild_leaves_no_worker_behind(tmp_path, corpus_copy):
    proc, index, children = _parallel_rebuild_under_way(tmp_path, corpus_copy, 400, stderr=subprocess.DEVNULL)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in children)
    with Archive(index) as archive:
        assert archive.search("مخيم")  # the old index still answers


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads worker processes from /proc")
def test_ctrl_c_stops_a_parallel_rebuild_at_once(tmp_path, corpus_copy):
    proc, index, children = _parallel_rebuild_under_way(
        tmp_path, corpus_copy, 1000, stderr=subprocess.PIPE, text=True, start_new_session=True,
        # as from a terminal: Ctrl-C raises KeyboardInterrupt (a background job would ignore it)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(0.5)
    assert proc.poll() is None, "the rebuild finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends: the whole process group
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert stderr.strip().splitlines()[-1] == "archive-search: interrupted; the index is as it was"
    assert not any(_alive(pid) for pid in children)
    assert not list(index.glob("*.building"))
    with Archive(index) as archive:
        assert archive.search("مخيم")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("مخيماتلوبالنازحينفيعلىـَُِّ _12٣ abc\n")), max_size=80),
                min_size=1, max_size=6))
def test_postings_from_word_ids_are_those_of_the_analyzer(texts):
    for options in (AnalysisOptions(), AnalysisOptions(False, False, False, False)):
        analyzer = ArabicAnalyzer(stopwords=options.stopwords, stemming=options.stemming,
                                  keep_exact=options.keep_exact, proclitics=options.proclitics)
        found, lengths = _postings_from_word_ids(texts, options)
        expected = _postings_one_by_one(texts, analyzer)
        assert list(found) == list(expected)  # the same terms, in Whoosh's order
        assert found == expected
        assert lengths == [term_positions_function(analyzer)(text)[1] for text in texts]


def test_postings_from_word_ids_of_a_long_article():
    # Counts and positions past 2**7 and 2**14 take two and three varint bytes.
    texts = ["مخيمات " * 17_000 + "الهول", "مخيم الهول"]
    found, lengths = _postings_from_word_ids(texts, AnalysisOptions())
    assert found == _postings_one_by_one(texts, ArabicAnalyzer())
    assert found["هول"][0] == (0, 1.0, encode_positions([17_000]))
    assert lengths == [34_002, 3]


def test_blocks_pickled_in_bulk_read_back_as_encode_block_writes_them():
    import numpy as np

    from archive_search.index.bulk.w3_postings import encode_part

    rng = np.random.default_rng(7)
    terms, rows = [], []
    # one posting; counts all one; all the same count; counts from 1 to 300 (past a byte);
    # docnums past 2**8, 2**16; values past 255 bytes
    for postings, high, gap in ((1, 1, 5), (20, 1, 3), (200, 1, 300), (300, 300, 1), (130, 3, 70_000), (5, 200, 9)):
        docnums = np.cumsum(rng.integers(1, gap + 1, postings))
        counts = rng.integers(1, high + 1, postings) if high > 1 else np.ones(postings, dtype=np.int64)
        if high == 1 and gap == 300:
            counts[:] = 2
        terms.append((len(rows), len(rows) + postings))
        for docnum, count in zip(docnums.tolist(), counts.tolist()):
            value = encode_positions(sorted(rng.choice(100_000, size=count, replace=False).tolist()))
            rows.append((docnum, count, value))
    docnums = np.array([r[0] for r in rows], dtype=np.uint32)
    weights = np.array([r[1] for r in rows], dtype=np.float32)
    value_data = b"".join(r[2] for r in rows)
    value_ends = np.cumsum([len(r[2]) for r in rows])
    value_starts = value_ends - [len(r[2]) for r in rows]
    lengths = rng.integers(1, 5_000, int(docnums.max()) + 1).astype(np.uint32)
    from whoosh.util.numeric import length_to_byte
    length_bytes = np.array([length_to_byte(int(n)) for n in lengths[docnums]], dtype=np.uint8)
    starts = np.array([a for a, _ in terms])
    ends = np.array([b for _, b in terms])
    postings = block_pickles.Postings(docnums, weights, np.frombuffer(value_data, dtype=np.uint8), value_starts,
                                      value_ends, length_bytes)
    found = block_pickles.term_blocks(starts, ends, postings, None)
    compared = 0
    for (a, b), blob in zip(terms, found):
        expected = encode_part(array("I", docnums[a:b].tolist()), array("f", weights[a:b].tolist()),
                               [r[2] for r in rows[a:b]], array("I", lengths.tolist()), None)
        if expected.blocks is None:  # a few postings: encode_part keeps them inline
            continue
        assert _decoded_blocks(blob) == _decoded_blocks(expected.blocks)
        compared += len(_decoded_blocks(blob))
    assert compared == 1 + 2 + 3 + 2  # blocks of 20, 200, 300 and 130 postings


def test_bulk_term_info_is_laid_out_as_whooshs():
    import numpy as np

    from archive_search.index.bulk.w3_postings import _TERM_INFO

    row = (1, 7.0, 3, 12, 40, 4.0, 17, 90_000)
    info = np.array([row], dtype=block_pickles.TERM_INFO)
    assert info.tobytes() == _TERM_INFO.pack(*row)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_rebuild_within_a_small_budget_writes_the_same_index_in_several_segments(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(batches, "BATCH_SIZE", 7)
    monkeypatch.setattr(batches, "MIN_WORDS", 3_000)  # a tiny budget: a segment every 3,000 words
    corpus = tmp_path / "corpus"
    _copies_of_the_sample(corpus, 10, lambda n, article: article.topic if n % 3 else None)
    rebuild.rebuild(corpus, tmp_path / "whole", jobs=jobs)
    rebuild.rebuild(corpus, tmp_path / "parts", jobs=jobs, memory=200_000_000)
    whole, parts = storage.open_index(tmp_path / "whole"), storage.open_index(tmp_path / "parts")
    with parts.reader() as reader:
        assert len(reader.leaf_readers()) >= 3
    assert _by_article(parts) == _by_article(whole)
    with Archive(tmp_path / "whole") as one, Archive(tmp_path / "parts") as several:
        for query in ("مخيم", "المرتزقة داعش", '"مخيم الهول"', "النفط OR الكهرباء"):
            assert sorted((h.id, round(h.score, 6)) for h in several.search(query, limit=100)) == \
                sorted((h.id, round(h.score, 6)) for h in one.search(query, limit=100)), query
