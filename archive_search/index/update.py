"""Updating an index in place: the corpus's added, changed and deleted files, in one Whoosh commit.

The generation's manifest tells which files changed (their signature) and
which of a changed file's articles did (their content hash); only those are
read and written. The update goes through Whoosh's own writer, as a new
small segment that Whoosh merges as it sees fit.
"""

from __future__ import annotations

from pathlib import Path

from archive_search.articles.article import SkipHandler
from archive_search.articles.enrich import complete_metadata, predict_topic
from archive_search.articles.topics import TopicModel
from archive_search.index import storage
from archive_search.index.corpus_pass import CorpusPass, file_signature
from archive_search.index.manifest import Manifest, read_manifest, read_topic_model, write_manifest
from archive_search.index.progress import IndexReport, ProgressHandler
from archive_search.index.rebuild import rebuild
from archive_search.index.schema import document_fields

# The memory Whoosh's writer may use for its sorting pool.
WRITER_MEMORY_MB = 512


def update(corpus_dir: Path, index_dir: Path, on_progress: ProgressHandler | None = None,
           on_skip: SkipHandler | None = None) -> IndexReport:
    """Apply the corpus's added, changed and deleted files to the current index.

    Builds the index from scratch when there is none yet, or when it was
    built by another version (:data:`archive_search.index.storage.INDEX_FORMAT`;
    the report's ``outdated`` says so).
    :raises CorpusMissing, IndexLocked, IndexUnwritable, IndexBroken:
    """
    if not storage.exists(index_dir):
        return rebuild(corpus_dir, index_dir, on_progress=on_progress, on_skip=on_skip)
    if storage.is_outdated(storage.current_generation(index_dir)):
        report = rebuild(corpus_dir, index_dir, on_progress=on_progress, on_skip=on_skip)
        report.outdated = True
        return report
    corpus = CorpusPass(corpus_dir, on_progress, on_skip)
    with storage.writer_lock(index_dir):
        generation = storage.current_generation(index_dir)
        manifest = read_manifest(generation)
        model = read_topic_model(generation)
        writer = storage.open_index(index_dir).writer(limitmb=WRITER_MEMORY_MB)
        try:
            _apply(corpus, manifest, model, writer)
            if corpus.report.changes:
                writer.commit()
            else:
                writer.cancel()
        except BaseException:
            writer.cancel()
            raise
        write_manifest(generation, manifest)
    report = corpus.finish()
    report.articles = sum(len(entry["ids"]) for entry in manifest.values())
    report.generation = generation
    return report


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
            manifest[rel] = {"signature": signature, "ids": _apply_file(corpus, path, old, model, writer)}
        corpus.file_done(path)
    for rel in list(manifest.keys() - present):
        for gone in manifest.pop(rel)["ids"]:
            writer.delete_by_term("id", gone)
            corpus.report.deleted += 1


def _apply_file(corpus: CorpusPass, path: Path, old: dict | None, model: TopicModel, writer) -> dict[str, str]:
    """One changed or new file's articles: the changed and new ones written,
    the ones it no longer has deleted. Returns its articles' content hashes."""
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
    for gone in old_ids.keys() - new_ids.keys():
        writer.delete_by_term("id", gone)
        report.deleted += 1
    return new_ids
