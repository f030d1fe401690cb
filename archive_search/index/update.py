"""Updating an index in place: the corpus's added, changed and deleted files, in one Whoosh commit.

The generation's manifest tells which files changed (their signature) and
which of a changed file's articles did (their content hash); only those are
read and written. The update goes through Whoosh's own writer, as a new
small segment that Whoosh merges as it sees fit. Articles of files or
folders that could not be read are kept as they were. An update that fails
(a full disk, a read-only folder) leaves the generation as it was: whatever
it had begun to write there is removed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from archive_search.articles.article import NoticeHandler, SkipHandler
from archive_search.articles.enrich import complete_metadata, predict_topic
from archive_search.articles.speakers import KnownNames
from archive_search.articles.topics import TopicModel
from archive_search.errors import IndexUnwritable
from archive_search.index import storage
from archive_search.index.columns import store as columns
from archive_search.index.corpus_pass import CorpusPass, file_signature
from archive_search.index.known_names import read_known_names
from archive_search.index.manifest import Manifest, read_topic_model
from archive_search.index.progress import IndexReport, ProgressHandler
from archive_search.index.rebuild import rebuild, refuse_empty
from archive_search.index.schema import document_fields

# The memory Whoosh's writer may use for its sorting pool.
WRITER_MEMORY_MB = 512
# Updates' segments are merged once this many of under this many documents
# have gathered (see _merge_small_segments): a merge then reads at most
# MERGE_AT * SMALL_SEGMENT documents' postings back for the merged segment's columns.
SMALL_SEGMENT = 2_000
MERGE_AT = 10
# What a rebuild learnt from the archive: its topic model and the names of its people.
Learnt = tuple[TopicModel, "KnownNames | None"]


def update(corpus_dir: Path, index_dir: Path, on_progress: ProgressHandler | None = None,
           on_skip: SkipHandler | None = None, on_notice: NoticeHandler | None = None,
           allow_empty: bool = False) -> IndexReport:
    """Apply the corpus's added, changed and deleted files to the current index.

    Builds the index from scratch when there is none yet, or when it was
    built by another version (:data:`archive_search.index.storage.INDEX_FORMAT`;
    the report's ``outdated`` says so). A corpus without files does not empty
    an index that has articles unless ``allow_empty``.
    :raises CorpusMissing, CorpusEmpty, IndexLocked, IndexUnwritable, IndexBroken:
    """
    if not storage.exists(index_dir) or storage.is_outdated(storage.current_generation(index_dir)):
        outdated = storage.exists(index_dir)
        report = rebuild(corpus_dir, index_dir, on_progress=on_progress, on_skip=on_skip, on_notice=on_notice,
                         allow_empty=allow_empty)
        report.outdated = outdated
        return report
    corpus = CorpusPass(corpus_dir, on_progress, on_skip, on_notice)
    with storage.writer_lock(index_dir):
        if not corpus.files and not allow_empty:
            refuse_empty(corpus_dir, index_dir)
        ix = storage.open_index(index_dir)
        generation = storage.current_generation(index_dir)
        before = {entry.name for entry in generation.iterdir()}
        toc_before = ix.latest_generation()
        try:
            with Manifest(generation) as manifest:
                _commit(corpus, manifest, (read_topic_model(generation), read_known_names(generation)), ix)
                columns.complete(generation, ix)
                manifest.commit()
                articles = manifest.article_count()
            storage.seal(generation)
        except OSError as exc:
            committed = ix.latest_generation() != toc_before
            storage.close_files_in(generation)
            _remove_debris(generation, before, committed)
            raise IndexUnwritable(f"cannot write the index at {index_dir}: {exc.strerror or exc}") from None
    report = corpus.finish()
    report.articles = articles
    report.generation = generation
    return report


def _commit(corpus: CorpusPass, manifest: Manifest, learnt: Learnt, ix) -> None:
    """The changes written through one Whoosh writer, committed (or nothing, if there are none)."""
    writer = ix.writer(limitmb=WRITER_MEMORY_MB)
    try:
        _apply(corpus, manifest, learnt, writer)
        if corpus.report.changes:
            writer.commit(mergetype=_merge_small_segments)
        else:
            writer.cancel()
    except BaseException:
        if not writer.is_closed:
            try:
                writer.cancel()
            except OSError:
                pass
        raise


def _merge_small_segments(writer, segments):
    """Whoosh's merge policy for an update: once :data:`MERGE_AT` segments of
    fewer than :data:`SMALL_SEGMENT` documents have gathered (updates' own),
    they are merged into this one; larger segments (a rebuild's) are never merged."""
    from whoosh.reading import SegmentReader

    small = [segment for segment in segments if segment.doc_count_all() < SMALL_SEGMENT]
    if len(small) < MERGE_AT:
        return list(segments)
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in small]


def _remove_debris(generation: Path, before: set[str], committed: bool) -> None:
    """Remove what a failed update wrote into the generation: every new file
    and folder if its commit did not land; only temporary ones if it did."""
    for entry in list(generation.iterdir()):
        if entry.name in before:
            continue
        if committed and not (entry.name.endswith(".tmp") or entry.is_dir()):
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def _apply(corpus: CorpusPass, manifest: Manifest, learnt: Learnt, writer) -> None:
    """Every file's changes given to the writer, the manifest brought up to date."""
    known = manifest.files()
    present = set()
    for path in corpus.files:
        rel = corpus.rel(path)
        present.add(rel)
        signature = file_signature(path)
        old = known.get(rel)
        if old and old[0] == signature:
            corpus.report.unchanged += old[1]
            corpus.progress.articles_read += old[1]
            corpus.indexed(old[1])
        else:
            ids = _apply_file(corpus, path, manifest.articles_of(rel) if old else {}, learnt, writer)
            if ids is not None:
                manifest.set_file(rel, signature, ids)
        corpus.file_done(path)
    for rel in known.keys() - present:
        if corpus.could_not_read(rel):  # in a folder that could not be read: kept
            corpus.report.kept += known[rel][1]
            continue
        for gone in manifest.remove_file(rel):
            writer.delete_by_term("id", gone)
            corpus.report.deleted += 1


def _apply_file(corpus: CorpusPass, path: Path, old_ids: dict[str, str], learnt: Learnt,
                writer) -> dict[str, str] | None:
    """One changed or new file's articles: the changed and new ones written,
    the ones it no longer has deleted. Returns its articles' content hashes,
    or None when the file could not be read (its articles are then kept)."""
    report = corpus.report
    model, known = learnt
    new_ids: dict[str, str] = {}
    for article in corpus.articles(path):
        content_hash = article.content_hash
        new_ids[article.id] = content_hash
        if old_ids.get(article.id) == content_hash:
            report.unchanged += 1
        else:
            writer.update_document(**document_fields(predict_topic(complete_metadata(article, known), model)))
            if article.id in old_ids:
                report.changed += 1
            else:
                report.added += 1
        corpus.indexed(1)
    if corpus.could_not_read(corpus.rel(path)):
        report.kept += len(old_ids)
        return None
    for gone in old_ids.keys() - new_ids.keys():
        writer.delete_by_term("id", gone)
        report.deleted += 1
    return new_ids
