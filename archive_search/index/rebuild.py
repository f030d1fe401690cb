"""Rebuilding an index: every article of the corpus into a new generation, swapped in atomically.

Articles are read here and indexed in batches by worker processes into one
segment (:func:`archive_search.index.bulk.build_segment`). First the
workers observe a sample of the corpus for the names of its people
(:mod:`archive_search.index.known_names`), which every article's speakers
are then found with. Articles that state a topic go first; the others wait in a file until the topic model has
counted every labelled article, and are then indexed with a predicted
topic. Until the new generation is published (:func:`storage.publish`),
searches read the previous one; a rebuild that fails or is killed leaves it
as it was.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Iterator

from archive_search.articles import speakers
from archive_search.articles.article import Article, NoticeHandler, SkipHandler, Skipped
from archive_search.articles.enrich import complete_metadata, predict_topic
from archive_search.articles.readers import read_file
from archive_search.articles.speakers import KnownNames
from archive_search.articles.topics import LabelledArticles, TopicModel
from archive_search.errors import CorpusEmpty, IndexUnwritable
from archive_search.index import storage
from archive_search.index.bulk import SegmentBuild, build_segment
from archive_search.index.bulk.batches import DEFAULT_MEMORY
from archive_search.index.corpus_pass import CorpusPass, file_signature
from archive_search.index.known_names import observe, sample, write_known_names
from archive_search.index.manifest import Manifest, indexed_articles, write_topic_model
from archive_search.index.progress import IndexReport, ProgressHandler
from archive_search.index.schema import build_schema, document_fields
from archive_search.text import cache
from archive_search.text.word_ids import forget_word_ids, text_field_word_ids

# Articles without a topic, kept in the building generation until the topic model is ready.
PENDING = "pending-topics.jsonl"
# Worker processes a rebuild uses by default: each holds its share of the
# postings, and past four the parent's reading and final write dominate.
AUTO_JOBS = 4
# Below this much text, starting workers costs more than it saves.
SMALL_CORPUS = 5_000_000
# The context the workers' preparers have while they observe the sample.
OBSERVING = "observing"


def default_jobs(corpus_bytes: int) -> int:
    """The worker processes for a corpus of this size on this machine."""
    if corpus_bytes < SMALL_CORPUS:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(AUTO_JOBS, cores)


class ArticlePreparer:
    """Articles → documents, in whichever process indexes a batch: metadata,
    topic and index fields. The stems of the labelled articles are counted
    for the topic model here until the parent asks for them (:meth:`report`),
    once a process rather than once a batch in the parent; so are the names
    of the sample's articles, while the context is :data:`OBSERVING`.

    The context is otherwise a pair: the topic model (None until it is
    ready) and the archive's :class:`KnownNames` (None for none).
    """

    def __init__(self):
        self.labelled = LabelledArticles()
        self.observed = KnownNames()

    def __call__(self, batch: list[Article], context) -> tuple[list[dict], int]:
        if context == OBSERVING:
            observe(self.observed, batch)
            return [], 0
        model, known = context or (None, None)
        documents = []
        for article in batch:
            complete_metadata(article, known)
            if article.topic:
                self.labelled.add(article.title, article.body, article.topic)
            elif model is not None:
                predict_topic(article, model)
            documents.append(document_fields(article))
        return documents, len(documents)

    def batch_done(self) -> None:
        # a labelled article's text is read twice, for its stems and then its
        # postings: kept from one to the other, then dropped
        text_field_word_ids().forget_texts()

    def report(self) -> tuple[TopicModel, KnownNames]:
        """The stem counts since the last report, as an unfinished model, and
        the names observed since then (unfinished)."""
        observed, self.observed = self.observed, KnownNames()
        return self.labelled.counts(), observed

    def release(self) -> None:
        # The word caches hold the corpus's vocabulary: the encoding that
        # follows, or a script that goes on after a rebuild, needs the memory more.
        cache.clear_caches()
        forget_word_ids()
        speakers.clear_caches()


def rebuild(corpus_dir: Path, index_dir: Path, jobs: int | None = None,
            on_progress: ProgressHandler | None = None, on_skip: SkipHandler | None = None,
            on_notice: NoticeHandler | None = None, allow_empty: bool = False,
            memory: int | None = None) -> IndexReport:
    """Index every article of ``corpus_dir`` into a new generation and make it current.

    :param jobs: worker processes; by default one a core (at most
        :data:`AUTO_JOBS`), and one for a corpus under :data:`SMALL_CORPUS` bytes.
    :param allow_empty: replace an index that has articles even when the
        corpus has none (a folder that is empty is more often a failed mount
        or a wrong path than an archive emptied on purpose).
    :param memory: bytes the rebuild may use, its processes together (by
        default :data:`archive_search.index.bulk.batches.DEFAULT_MEMORY`).
    :raises CorpusMissing, CorpusEmpty, IndexLocked, IndexUnwritable, IndexingFailed:
    """
    corpus = CorpusPass(corpus_dir, on_progress, on_skip, on_notice)
    if jobs is None:
        jobs = default_jobs(corpus.progress.bytes_total)
    with storage.writer_lock(index_dir):
        if not corpus.files and not allow_empty:
            refuse_empty(corpus_dir, index_dir)
        building = storage.new_generation(index_dir)
        try:
            model, known, articles = _index_corpus(corpus, building, jobs, allow_empty, index_dir,
                                                   memory or DEFAULT_MEMORY)
            write_topic_model(building, model)
            write_known_names(building, known)
            storage.seal(building)
            corpus.report.generation = storage.publish(index_dir, building)
        except OSError as exc:
            storage.close_files_in(building)
            storage.remove_stale(index_dir)
            raise IndexUnwritable(f"cannot write the index at {index_dir}: {exc.strerror or exc}") from None
        except BaseException:
            storage.remove_stale(index_dir)
            raise
    report = corpus.finish()
    report.articles = report.added = articles
    return report


def refuse_empty(corpus_dir: Path, index_dir: Path) -> None:
    """Raise CorpusEmpty if the index has articles (the corpus has none)."""
    if storage.exists(index_dir):
        count = indexed_articles(storage.current_generation(index_dir))
        if count:
            raise CorpusEmpty(f"no articles in the corpus at {corpus_dir}, and the index at {index_dir} has "
                              f"{count:,}: left as it is (--allow-empty empties it)")


def _index_corpus(corpus: CorpusPass, building: Path, jobs: int, allow_empty: bool,
                  index_dir: Path, memory: int) -> tuple[TopicModel, KnownNames, int]:
    """Every article of the corpus into the building generation's index, and
    its manifest; the topic model, the names learnt and the number of articles."""
    pending_path = building / PENDING
    with build_segment(building, build_schema(), ArticlePreparer(), jobs=jobs, on_result=corpus.indexed,
                       indexname=storage.INDEX_NAME, memory=memory) as build, Manifest(building) as manifest:
        known = _learn_names(corpus, build)
        build.broadcast((None, known))
        with open(pending_path, "w", encoding="utf-8") as pending:
            articles = _add_labelled(corpus, build, pending, manifest)
        if not articles and not allow_empty:
            refuse_empty(corpus.root, index_dir)
        model = TopicModel()
        for counts, _ in build.reports():
            model.merge(counts)
        build.broadcast((model.finish(), known))
        for article in _read_pending(pending_path):
            build.add(article)
        build.finish()
        manifest.commit()
    pending_path.unlink()
    return model, known, articles


def _learn_names(corpus: CorpusPass, build: SegmentBuild) -> KnownNames:
    """The names of the corpus's sample (:func:`known_names.sample`),
    observed by the workers before they index anything; what goes wrong
    reading a file is reported when the corpus is read for the index."""
    build.broadcast(OBSERVING)
    for article in sample(corpus.files, lambda path: read_file(path, corpus.rel(path), lambda skipped: None)):
        build.add(article)
    known = KnownNames()
    for _, observed in build.reports():
        known.merge(observed)
    return known.finish()


def _add_labelled(corpus: CorpusPass, build: SegmentBuild, pending, manifest: Manifest) -> int:
    """Read the corpus into the manifest: articles that state a topic go to
    the build, the others to ``pending``. Returns the number of articles."""
    total = 0
    for path in corpus.files:
        rel = corpus.rel(path)
        signature, count = file_signature(path), 0
        for article in corpus.articles(path):
            if not manifest.claim(article.id, rel, article.content_hash):
                corpus.skip(Skipped(rel, f"duplicate id {article.id}"))
                continue
            count += 1
            if article.topic:
                build.add(article)
            else:
                pending.write(json.dumps(asdict(article), ensure_ascii=False) + "\n")
        manifest.add_file(rel, signature, count)
        corpus.file_done(path)
        total += count
    return total


def _read_pending(path: Path) -> Iterator[Article]:
    with open(path, encoding="utf-8") as pending:
        for line in pending:
            yield Article(**json.loads(line))
