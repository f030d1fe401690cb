"""Readers that turn corpus files into articles.

Formats: plain text (``.txt``: first non-empty line is the title), text or
Markdown with a front-matter header (``---`` … ``---``), and JSON Lines
(``.jsonl``, ``.jsonl.gz``: one article a line). Readers never stop at a bad
file: they report it through ``on_skip`` and go on.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterator

from archive_search.articles.article import Article, PositionHandler, SkipHandler, Skipped
from archive_search.articles.cleaning import clean_text
from archive_search.articles.decoding import UnreadableText, decode
from archive_search.articles.front_matter import split_front_matter, split_speakers, text_value

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


def article_from_text(text: str, article_id: str, path: str) -> Article:
    """An article from the text of a ``.txt``/``.md`` file (front matter optional)."""
    header, content = split_front_matter(text.lstrip("\ufeff"))
    content = clean_text(content)
    title = text_value(header.get("title"))
    if title is None:
        first, _, rest = content.partition("\n")
        title, content = first.lstrip("# ").strip(), rest.strip("\n")
    speakers = split_speakers(header.get("speakers") or header.get("speaker"))
    return Article(
        id=article_id,
        path=path,
        title=title,
        body=content,
        speakers=speakers,
        date=header.get("date") or None,
        topic=text_value(header.get("topic")),
        source=text_value(header.get("source")),
        url=text_value(header.get("url")),
    )


def article_from_record(record: dict, article_id: str, path: str) -> Article:
    """An article from one JSON Lines record."""
    if not isinstance(record, dict):
        raise ValueError("record is not a JSON object")
    body = record.get("body")
    if body is None:
        body = record.get("text")
    title = record.get("title")
    if not isinstance(body, str) and not isinstance(title, str):
        raise ValueError("record has no title or body text")
    speakers = split_speakers(record.get("speakers", record.get("speaker")))
    return Article(
        id=article_id,
        path=path,
        title=text_value(title) or "",
        body=clean_text(body) if isinstance(body, str) else "",
        speakers=speakers,
        date=text_value(record.get("date")),
        topic=text_value(record.get("topic")),
        source=text_value(record.get("source")),
        url=text_value(record.get("url")),
    )


def is_corpus_file(path: Path) -> bool:
    name = path.name.lower()
    return not name.startswith(".") and name.endswith(TEXT_SUFFIXES + JSONL_SUFFIXES)


def read_file(
    path: Path, rel: str, on_skip: SkipHandler, on_position: PositionHandler | None = None
) -> Iterator[Article]:
    """The articles in one corpus file; problems go to ``on_skip``.

    ``on_position`` hears how far into a JSON Lines file reading has come
    (in bytes of the file on disk), for progress bars.
    """
    name = path.name.lower()
    try:
        if name.endswith(JSONL_SUFFIXES):
            yield from _read_jsonl(path, rel, on_skip, on_position)
            return
        data = path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        on_skip(Skipped(rel, f"cannot read: {getattr(exc, 'strerror', None) or exc}"))
        return
    if not data.strip():
        on_skip(Skipped(rel, "empty file"))
        return
    try:
        text = decode(data)
        article = article_from_text(text, rel, rel)
    except (UnreadableText, UnicodeDecodeError, ValueError) as exc:
        on_skip(Skipped(rel, str(exc)))
        return
    if not article.title and not article.body:
        on_skip(Skipped(rel, "no text"))
        return
    yield article


def _read_jsonl(
    path: Path, rel: str, on_skip: SkipHandler, on_position: PositionHandler | None
) -> Iterator[Article]:
    seen: set[str] = set()
    with open(path, "rb") as raw_file:
        f = gzip.GzipFile(fileobj=raw_file) if path.name.lower().endswith(".gz") else raw_file
        for number, raw in enumerate(f, 1):
            if on_position is not None and number % 64 == 0:
                on_position(raw_file.tell())
            if not raw.strip():
                continue
            try:
                record = json.loads(decode(raw))
                local = record.get("id") if isinstance(record, dict) else None
                local = str(local) if local not in (None, "") else str(number)
                if local in seen:
                    raise ValueError(f"duplicate id {local!r}")
                article = article_from_record(record, f"{rel}#{local}", rel)
            except (UnreadableText, UnicodeDecodeError, ValueError) as exc:
                reason = "invalid JSON" if isinstance(exc, json.JSONDecodeError) else str(exc)
                on_skip(Skipped(rel, reason, line=number))
                continue
            seen.add(local)
            yield article


def corpus_files(root: Path) -> list[Path]:
    """Corpus files below root, in a stable order (hidden folders skipped)."""
    files = []
    for path in root.rglob("*"):
        rel_parts = path.relative_to(root).parts
        if any(part.startswith(".") for part in rel_parts):
            continue
        if path.is_file() and is_corpus_file(path):
            files.append(path)
    return sorted(files)


def read_corpus(root: Path, on_skip: SkipHandler = lambda skipped: None) -> Iterator[Article]:
    """Every article under ``root``, file by file in a stable order."""
    root = Path(root)
    for path in corpus_files(root):
        yield from read_file(path, path.relative_to(root).as_posix(), on_skip)
