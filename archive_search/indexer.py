"""Building and updating an index from a corpus folder.

``rebuild`` writes a complete new generation and swaps it in atomically (see
:mod:`archive_search.storage`); ``update`` applies added, changed and deleted
files to the current generation in one Whoosh commit. Both report progress
through a callback and never print.

Each generation carries ``manifest.json``: for every corpus file its
signature (size and modification time) and the content hash of each article
it held, so that an update reads only the files that changed.
"""

from __future__ import annotations

import gzip
import json
import os
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from archive_search import parallel, storage
from archive_search.documents import Article, Skipped, corpus_files, read_file
from archive_search.errors import CorpusMissing, IndexUnwritable
from archive_search.metadata import find_date, find_speakers, parse_date
from archive_search.schema import build_schema, text_fields
from archive_search.topics import LabelledArticles, TopicModel, article_terms

MANIFEST = "manifest.json.gz"
TOPIC_MODEL = "topics.json.gz"
PENDING = "pending-topics.jsonl"
WRITER_MEMORY_MB = 512


@dataclass
class Progress:
    """Where an indexing run is: files and bytes of the corpus read, articles
    read and articles done (indexed, or found unchanged)."""

    files_done: int = 0
    files_total: int = 0
    bytes_done: int = 0
    bytes_total: int = 0
    articles_read: int = 0
    articles: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def articles_expected(self) -> int | None:
        """All the articles of the corpus: counted once it is read, estimated
        from the bytes read until then."""
        if self.files_done >= self.files_total:
            return self.articles_read
        if not self.bytes_done or not self.articles_read:
            return None
        return max(self.articles_read, round(self.articles_read * self.bytes_total / self.bytes_done))


ProgressHandler = Callable[[Progress], None]


@dataclass
class IndexReport:
    """What an indexing run did."""

    articles: int = 0
    added: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0
    files: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    generation: Path | None = None
    outdated: bool = False  # an index of another version was rebuilt

    @property
    def changes(self) -> int:
        return self.added + self.changed + self.deleted


def _signature(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def complete_metadata(article: Article) -> Article:
    """Fill speakers and date from the text where the file did not state them."""
    if article.date:
        article.date = parse_date(article.date)
    if not article.speakers:
        article.speakers = find_speakers(f"{article.title}\n{article.body}")
    if not article.date:
        article.date = find_date(article.body)
    return article


def document_fields(article: Article) -> dict:
    """The Whoosh ``add_document`` arguments for one article.

    What tells a changed article from an unchanged one (the file's signature,
    the article's content hash) lives in the manifest, not in the index.
    """
    fields = {
        "id": article.id,
        "path": article.path,
        **text_fields(article.title, article.body),
        "speakers": ",".join(s.replace(",", " ") for s in article.speakers),
        "_stored_speakers": list(article.speakers),
        "speaker_words": " ".join(article.speakers),
        "topic_predicted": article.topic_predicted,
    }
    if article.date:
        fields["date"] = datetime.fromisoformat(article.date)
    for name in ("topic", "source", "url"):
        value = getattr(article, name)
        if value:
            fields[name] = value
    return fields


class _Run:
    """Shared bookkeeping of one pass over the corpus files."""

    def __init__(self, corpus_dir: Path, on_progress: ProgressHandler | None, on_skip):
        corpus_dir = Path(corpus_dir)
        if not corpus_dir.is_dir():
            raise CorpusMissing(f"no corpus folder at {corpus_dir}")
        try:
            self.files = corpus_files(corpus_dir)
        except OSError as exc:
            raise CorpusMissing(f"cannot read the corpus folder {corpus_dir}: {exc.strerror}") from None
        self.root = corpus_dir
        self.report = IndexReport(files=len(self.files))
        self.progress = Progress(files_total=len(self.files))
        self.sizes = {}
        for path in self.files:
            try:
                self.sizes[path] = path.stat().st_size
            except OSError:
                self.sizes[path] = 0
        self.progress.bytes_total = sum(self.sizes.values())
        self._on_progress = on_progress or (lambda progress: None)
        self._on_skip = on_skip or (lambda skipped: None)
        self._file_base = 0
        self._last_report = 0.0

    def skip(self, skipped: Skipped) -> None:
        self.report.skipped.append(skipped)
        self._on_skip(skipped)

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def articles(self, path: Path):
        """The articles of one file as read (metadata not yet completed), with
        progress reported as they come."""

        def position(done: int) -> None:
            self.progress.bytes_done = self._file_base + done
            self.tick()

        for article in read_file(path, self.rel(path), self.skip, position):
            self.progress.articles_read += 1
            self.tick()
            yield article

    def indexed(self, count: int) -> None:
        self.progress.articles += count
        self.tick()

    def file_done(self, path: Path) -> None:
        self._file_base += self.sizes.get(path, 0)
        self.progress.files_done += 1
        self.progress.bytes_done = self._file_base
        self.tick(force=True)

    def tick(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last_report >= 0.1:
            self._last_report = now
            self._on_progress(self.progress)


def predict_topic(article: Article, model: TopicModel) -> Article:
    """Give an article without a topic the model's prediction, marked as predicted."""
    if not article.topic and model.usable:
        predicted = model.predict(article_terms(article.title, article.body))
        if predicted:
            article.topic, article.topic_predicted = predicted[0], True
    return article


def _write_json(path: Path, data) -> None:
    """Write data as gzipped JSON, atomically (these files grow with the archive:
    compressed, the manifest and topic model take a quarter of the space)."""
    tmp = path.with_name(f".{path.name}.tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=6) as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
    os.replace(tmp, path)


def _read_json(generation: Path, name: str, default):
    """A file written by :func:`_write_json` (or, in an index built before
    they were compressed, its plain JSON predecessor)."""
    try:
        with gzip.open(generation / name, "rt", encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        pass
    except (OSError, EOFError, ValueError):
        return default
    try:
        return json.loads((generation / name.removesuffix(".gz")).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default


def read_topic_model(generation: Path) -> TopicModel:
    return TopicModel.from_dict(_read_json(generation, TOPIC_MODEL, {}))


def _write_manifest(generation: Path, manifest: dict) -> None:
    _write_json(generation / MANIFEST, manifest)


def read_manifest(generation: Path) -> dict:
    return _read_json(generation, MANIFEST, {})


class _Preparer:
    """In a worker: metadata, topic and index fields of a batch of articles
    (the result for the parent is how many there are). The stems of the
    labelled ones are counted here, for the topic model, until the parent
    asks for them (:meth:`report`): merged once a worker rather than once a
    batch in the parent, which has the articles to read meanwhile."""

    def __init__(self):
        self.labelled = LabelledArticles()

    def __call__(self, batch: list[Article], model: TopicModel | None):
        documents = []
        for article in batch:
            complete_metadata(article)
            if article.topic:
                self.labelled.add(article.title, article.body, article.topic)
            elif model is not None:
                predict_topic(article, model)
            documents.append(document_fields(article))
        return documents, len(documents)

    def report(self) -> TopicModel:
        """The stem counts since the last report."""
        return self.labelled.counts()


# Worker processes a rebuild uses by default: each holds its share of the
# postings, and past four the parent's reading and final write dominate.
AUTO_JOBS = 4
# Below this much text, starting workers costs more than it saves.
SMALL_CORPUS = 5_000_000


def default_jobs(corpus_bytes: int) -> int:
    """The worker processes for a corpus of this size on this machine."""
    if corpus_bytes < SMALL_CORPUS:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(AUTO_JOBS, cores)


def rebuild(
    corpus_dir: Path,
    index_dir: Path,
    jobs: int | None = None,
    on_progress: ProgressHandler | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
) -> IndexReport:
    """Index every article of ``corpus_dir`` into a new generation and make it current.

    Articles are read here and indexed in batches by ``jobs`` processes into
    one segment (see :mod:`archive_search.parallel`). Articles that
    state a topic go first; the others wait in a file until the topic model
    has counted every labelled article, and are then indexed with a predicted topic.

    :param jobs: worker processes; by default one a core (at most
        :data:`AUTO_JOBS`), and one for a corpus under :data:`SMALL_CORPUS` bytes.
    :raises CorpusMissing, IndexLocked, IndexUnwritable, IndexingFailed:
    """
    from whoosh.filedb.filestore import FileStorage

    run = _Run(corpus_dir, on_progress, on_skip)
    if jobs is None:
        jobs = default_jobs(run.progress.bytes_total)
    with storage.writer_lock(index_dir), parallel.paused_gc():
        building = storage.new_generation(index_dir)
        try:
            ix = FileStorage(str(building)).create_index(build_schema(), indexname=storage.INDEX_NAME)
            model = TopicModel()
            manifest: dict[str, dict] = {}
            seen_ids: set[str] = set()

            workers = parallel.segment_workers(jobs, ix, _Preparer(), run.indexed)
            pending_path = building / PENDING
            try:
                with open(pending_path, "w", encoding="utf-8") as pending:
                    for path in run.files:
                        rel = run.rel(path)
                        signature = _signature(path)
                        entry = manifest.setdefault(rel, {"signature": signature, "ids": {}})
                        for article in run.articles(path):
                            if article.id in seen_ids:
                                run.skip(Skipped(rel, f"duplicate id {article.id}"))
                                continue
                            seen_ids.add(article.id)
                            entry["ids"][article.id] = article.content_hash
                            if article.topic:
                                workers.add(article)
                            else:
                                # indexed once the topic model has counted every labelled article
                                pending.write(json.dumps(asdict(article), ensure_ascii=False) + "\n")
                        run.file_done(path)
                workers.wait()
                for counts in workers.reports():
                    model.merge(counts)
                workers.broadcast(model.finish())
                with open(pending_path, encoding="utf-8") as pending:
                    for line in pending:
                        workers.add(Article(**json.loads(line)))
                segment = workers.finish()
                pending_path.unlink()
                run.tick(force=True)
                parallel.write_toc(ix, [segment])
            finally:
                workers.close()
            _write_json(building / TOPIC_MODEL, model.to_dict())
            _write_manifest(building, manifest)
            storage.mark_format(building)
            run.report.generation = storage.publish(index_dir, building)
        except OSError as exc:
            storage.remove_stale(index_dir)
            raise IndexUnwritable(f"cannot write the index at {index_dir}: {exc.strerror or exc}") from None
        except BaseException:
            storage.remove_stale(index_dir)
            raise
    run.report.articles = run.report.added = len(seen_ids)
    run.report.seconds = run.progress.elapsed
    return run.report


def update(
    corpus_dir: Path,
    index_dir: Path,
    on_progress: ProgressHandler | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
) -> IndexReport:
    """Apply the corpus's added, changed and deleted files to the current index.

    Builds the index from scratch when there is none yet, or when it was
    built by another version (:data:`archive_search.storage.INDEX_FORMAT`;
    the report's ``outdated`` says so).
    :raises CorpusMissing, IndexLocked, IndexUnwritable, IndexBroken:
    """
    if not storage.exists(index_dir):
        return rebuild(corpus_dir, index_dir, on_progress=on_progress, on_skip=on_skip)
    if storage.is_outdated(storage.current_generation(index_dir)):
        report = rebuild(corpus_dir, index_dir, on_progress=on_progress, on_skip=on_skip)
        report.outdated = True
        return report
    run = _Run(corpus_dir, on_progress, on_skip)
    report = run.report
    with storage.writer_lock(index_dir):
        generation = storage.current_generation(index_dir)
        manifest = read_manifest(generation)
        model = read_topic_model(generation)
        ix = storage.open_index(index_dir)
        writer = ix.writer(limitmb=WRITER_MEMORY_MB)
        try:
            present = set()
            for path in run.files:
                rel = run.rel(path)
                present.add(rel)
                signature = _signature(path)
                old = manifest.get(rel)
                if old and old["signature"] == signature:
                    report.unchanged += len(old["ids"])
                    run.progress.articles_read += len(old["ids"])
                    run.indexed(len(old["ids"]))
                    run.file_done(path)
                    continue
                old_ids = old["ids"] if old else {}
                new_ids: dict[str, str] = {}
                for article in run.articles(path):
                    content_hash = article.content_hash
                    new_ids[article.id] = content_hash
                    if old_ids.get(article.id) == content_hash:
                        report.unchanged += 1
                        run.indexed(1)
                        continue
                    article = predict_topic(complete_metadata(article), model)
                    writer.update_document(**document_fields(article))
                    if article.id in old_ids:
                        report.changed += 1
                    else:
                        report.added += 1
                    run.indexed(1)
                for gone in old_ids.keys() - new_ids.keys():
                    writer.delete_by_term("id", gone)
                    report.deleted += 1
                manifest[rel] = {"signature": signature, "ids": new_ids}
                run.file_done(path)
            for rel in list(manifest.keys() - present):
                for gone in manifest.pop(rel)["ids"]:
                    writer.delete_by_term("id", gone)
                    report.deleted += 1
            run.tick(force=True)
            if report.changes:
                writer.commit()
            else:
                writer.cancel()
        except BaseException:
            writer.cancel()
            raise
        _write_manifest(generation, manifest)
    report.articles = sum(len(entry["ids"]) for entry in manifest.values())
    report.seconds = run.progress.elapsed
    report.generation = generation
    return report
