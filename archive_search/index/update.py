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

import gc
import io
import shutil
from pathlib import Path

from archive_search.articles.article import NoticeHandler, SkipHandler
from archive_search.articles.enrich import complete_metadata, predict_topic
from archive_search.articles.topics import TopicModel
from archive_search.errors import IndexUnwritable
from archive_search.index import storage
from archive_search.index.corpus_pass import CorpusPass, file_signature
from archive_search.index.manifest import Manifest, read_manifest, read_topic_model, write_manifest
from archive_search.index.progress import IndexReport, ProgressHandler
from archive_search.index.rebuild import rebuild, refuse_empty
from archive_search.index.schema import document_fields

# The memory Whoosh's writer may use for its sorting pool.
WRITER_MEMORY_MB = 512


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
        manifest = read_manifest(generation)
        before = {entry.name for entry in generation.iterdir()}
        toc_before = ix.latest_generation()
        try:
            _commit(corpus, manifest, read_topic_model(generation), ix)
            write_manifest(generation, manifest)
            storage.seal(generation)
        except OSError as exc:
            committed = ix.latest_generation() != toc_before
            _close_files_in(generation)
            _remove_debris(generation, before, committed)
            raise IndexUnwritable(f"cannot write the index at {index_dir}: {exc.strerror or exc}") from None
    report = corpus.finish()
    report.articles = sum(len(entry["ids"]) for entry in manifest.values())
    report.generation = generation
    return report


def _commit(corpus: CorpusPass, manifest: Manifest, model: TopicModel, ix) -> None:
    """The changes written through one Whoosh writer, committed (or nothing, if there are none)."""
    writer = ix.writer(limitmb=WRITER_MEMORY_MB)
    try:
        _apply(corpus, manifest, model, writer)
        if corpus.report.changes:
            writer.commit()
        else:
            writer.cancel()
    except BaseException:
        if not writer.is_closed:
            try:
                writer.cancel()
            except OSError:
                pass
        raise


def _close_files_in(folder: Path) -> None:
    """Close every file this process still has open in ``folder``: a write
    that failed leaves Whoosh's writer with files it never closed, and they
    would try to flush onto the full disk again whenever they are freed."""
    where = str(folder)
    for obj in gc.get_objects():
        if isinstance(obj, io.IOBase) and str(getattr(obj, "name", "")).startswith(where):
            try:
                if not obj.closed:
                    obj.close()
            except (OSError, ValueError):
                pass  # the flush on the way out fails on a full disk; the file is closed all the same


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


def _apply(corpus: CorpusPass, manifest: Manifest, model: TopicModel, writer) -> None:
    """Every file's changes given to the writer, the manifest brought up to date."""
    present = set()
    for path in corpus.files:
        rel = corpus.rel(path)
        present.add(rel)
        signature = file_signature(path)
        old = manifest.get(rel)
        if old and old["signature"] == signature:
            corpus.report.unchanged += len(old["ids"])
            corpus.progress.articles_read += len(old["ids"])
            corpus.indexed(len(old["ids"]))
        else:
            ids = _apply_file(corpus, path, old, model, writer)
            if ids is not None:
                manifest[rel] = {"signature": signature, "ids": ids}
        corpus.file_done(path)
    for rel in list(manifest.keys() - present):
        if corpus.could_not_read(rel):  # in a folder that could not be read: kept
            corpus.report.kept += len(manifest[rel]["ids"])
            continue
        for gone in manifest.pop(rel)["ids"]:
            writer.delete_by_term("id", gone)
            corpus.report.deleted += 1


def _apply_file(corpus: CorpusPass, path: Path, old: dict | None, model: TopicModel,
                writer) -> dict[str, str] | None:
    """One changed or new file's articles: the changed and new ones written,
    the ones it no longer has deleted. Returns its articles' content hashes,
    or None when the file could not be read (its articles are then kept)."""
    report = corpus.report
    old_ids = old["ids"] if old else {}
    new_ids: dict[str, str] = {}
    for article in corpus.articles(path):
        content_hash = article.content_hash
        new_ids[article.id] = content_hash
        if old_ids.get(article.id) == content_hash:
            report.unchanged += 1
        else:
            writer.update_document(**document_fields(predict_topic(complete_metadata(article), model)))
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
