"""What archive-search relies on inside Whoosh exists in the installed Whoosh, and does what we read it for.

Every private attribute lives behind a function of ``archive_search.index._whoosh``;
a Whoosh fork or upgrade that changes one fails here, by name.
"""

import importlib
import json

import pytest
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec
from whoosh.filedb.filestore import FileStorage
from whoosh.util.numeric import byte_to_length

from archive_search import Archive
from archive_search.articles.readers import corpus_files, read_file
from archive_search.index import _whoosh, storage
from archive_search.index.schema import build_schema
from archive_search.search.weighting import weighting
from tests.conftest import SAMPLE_CORPUS


def _resolve(dotted: str):
    module_name, _, rest = dotted.partition(".")
    while True:  # the longest importable prefix, then attributes
        head, _, tail = rest.partition(".")
        try:
            importlib.import_module(f"{module_name}.{head}")
        except ImportError:
            break
        module_name, rest = f"{module_name}.{head}", tail
        if not rest:
            return importlib.import_module(module_name)
    obj = importlib.import_module(module_name)
    for part in rest.split("."):
        obj = getattr(obj, part)
    return obj


@pytest.mark.parametrize("where", sorted(_whoosh.RELIED_ON))
def test_functions_and_methods_relied_on_exist(where):
    owner = _resolve(where)
    for name in _whoosh.RELIED_ON[where]:
        assert callable(getattr(owner, name, None)), f"{where}.{name} is gone"


def _many_articles(corpus):
    """The sample articles ten times over, under new ids: terms in more documents
    than a term-table entry holds, so that their postings are in blocks."""
    corpus.mkdir()
    articles = [a for p in corpus_files(SAMPLE_CORPUS) for a in read_file(p, p.name, lambda skipped: None)]
    with open(corpus / "many.jsonl", "w", encoding="utf-8") as f:
        for n in range(10):
            for a in articles:
                f.write(json.dumps({"id": f"{n}-{a.id}", "title": a.title, "body": a.body}, ensure_ascii=False) + "\n")


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """A live object of each class whose instance attributes are relied on."""
    index, corpus = tmp_path_factory.mktemp("live") / "index", tmp_path_factory.mktemp("corpus") / "many"
    _many_articles(corpus)
    with Archive(index, corpus_dir=corpus) as archive:
        archive.rebuild()
    ix = storage.open_index(index)
    writer = ix.writer()  # one article deleted: its segment's postings skip it
    writer.delete_by_term("id", "many.jsonl#0-anha-isis-camps-meeting.txt")
    writer.commit(merge=False)
    searcher = ix.searcher(weighting=weighting())
    reader = searcher.reader()
    folder = FileStorage(str(tmp_path_factory.mktemp("segment"))).create()
    folder.create_index(build_schema())
    codec = W3Codec()
    segment = codec.new_segment(folder, "MAIN")
    perdoc, fields = codec.per_document_writer(folder, segment), codec.field_writer(folder, segment)
    yield {
        "whoosh.codec.whoosh3.W3PerDocWriter": perdoc,
        "whoosh.columns.PickleColumn.Writer": perdoc._colwriters["_stored"],
        "whoosh.codec.whoosh3.W3FieldWriter": fields,
        "whoosh.filedb.filetables.OrderedHashWriter": fields._tindex,
        "whoosh.codec.whoosh3.W3LeafMatcher": reader.postings("body", "مخيم").child,
        "whoosh.matching.wrappers.FilterMatcher": reader.postings("body", "مخيم"),
        "whoosh.reading.SegmentReader": reader,
        "whoosh.columns.FixedBytesColumn.Reader": reader._perdoc._cached_reader("_body_len", LENGTHS_COLUMN),
        "whoosh.scoring.BM25F": weighting(),
        "whoosh.collectors.TopCollector": searcher.collector(limit=10),
    }
    perdoc.close()
    fields.close()
    searcher.close()


@pytest.mark.parametrize("where", sorted(_whoosh.SET_IN_INIT))
def test_instance_attributes_relied_on_exist(live, where):
    obj = live[where]
    assert isinstance(obj, _resolve(where)), f"{type(obj)} is no longer a {where}"
    for name in _whoosh.SET_IN_INIT[where]:
        assert hasattr(obj, name), f"{where} objects no longer have {name}"


def test_posting_blocks_give_every_posting(live):
    reader = live["whoosh.reading.SegmentReader"]
    for term in ("مخيم", "=المخيمات", "داعش"):
        matcher, deleted = _whoosh.without_deletions(reader.postings("body", term))
        expected = []
        while matcher.is_active():
            expected.append((matcher.id(), matcher.weight()))
            matcher.next()
        matcher, _ = _whoosh.without_deletions(reader.postings("body", term))
        blocks = _whoosh.posting_blocks(matcher)
        assert blocks is not None, term
        found = [(ids[i], weights[i]) for ids, weights, first in blocks for i in range(first, len(ids))]
        assert found == expected and len(found) > 16, term


def test_posting_blocks_of_an_inlined_term_are_none(live):
    reader = live["whoosh.reading.SegmentReader"]
    rare = next(text for field, text in reader.all_terms() if field == "body" and reader.doc_frequency(field, text) <= 16)
    matcher, _ = _whoosh.without_deletions(reader.postings("body", rare))
    assert _whoosh.posting_blocks(matcher) is None


def test_length_bytes_are_the_stored_lengths(live):
    reader = live["whoosh.reading.SegmentReader"]
    raw = _whoosh.length_bytes(reader, "body")
    assert raw is not None and len(raw) == reader.doc_count_all()
    for docnum in range(reader.doc_count_all()):
        assert byte_to_length(raw[docnum]) == reader.doc_field_length(docnum, "body")


def test_deleted_documents_are_reported(live):
    matcher, deleted = _whoosh.without_deletions(live["whoosh.matching.wrappers.FilterMatcher"])
    assert deleted and matcher is not None


def test_field_b_is_the_models_b():
    assert _whoosh.field_b(weighting(), "body") == weighting().B
