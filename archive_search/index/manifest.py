"""The files a generation keeps beside its Whoosh index: the manifest and the topic model.

The manifest names, for every corpus file, its signature (size and
modification time) and the content hash of each article it held, so that
an update reads only the files that changed. Both files grow with the
archive, so they are gzipped JSON (a quarter of the space), written atomically.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from archive_search.articles.topics import TopicModel

MANIFEST = "manifest.json.gz"
TOPIC_MODEL = "topics.json.gz"

# relative file path → {"signature": "size:mtime_ns", "ids": {article id: content hash}}
Manifest = dict[str, dict]


def _write_json(path: Path, data) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=6) as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
    os.replace(tmp, path)


def _read_json(path: Path, default):
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return json.load(f)
    except (OSError, EOFError, ValueError):
        return default


def read_manifest(generation: Path) -> Manifest:
    return _read_json(generation / MANIFEST, {})


def indexed_articles(generation: Path) -> int:
    """How many articles the manifest of a generation names."""
    return sum(len(entry["ids"]) for entry in read_manifest(generation).values())


def write_manifest(generation: Path, manifest: Manifest) -> None:
    _write_json(generation / MANIFEST, manifest)


def read_topic_model(generation: Path) -> TopicModel:
    return TopicModel.from_dict(_read_json(generation / TOPIC_MODEL, {}))


def write_topic_model(generation: Path, model: TopicModel) -> None:
    _write_json(generation / TOPIC_MODEL, model.to_dict())
