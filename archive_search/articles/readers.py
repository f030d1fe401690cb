"""Readers that turn corpus files into articles.

Formats: plain text (``.txt``: first non-empty line is the title), text or
Markdown with a front-matter header (``---`` … ``---``), and JSON Lines
(``.jsonl``, ``.jsonl.gz``: one article a line). Readers never stop at a bad
file: they report it through ``on_skip`` and go on.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Iterator, NamedTuple

from archive_search.articles.article import Article, Notice, NoticeHandler, PositionHandler, SkipHandler, Skipped
from archive_search.articles.cleaning import clean_text
from archive_search.articles.decoding import UnreadableText, decode
from archive_search.articles.front_matter import split_front_matter, split_speakers, text_value

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
# The longest title and body indexed; a longer one is cut, with a notice. A
# body of 5,000,000 characters is several hundred times a long news article.
MAX_TITLE_CHARS = 2_000
MAX_BODY_CHARS = 5_000_000


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
        date=text_value(header.get("date")),
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


def read_file(path: Path, rel: str, on_skip: SkipHandler, on_position: PositionHandler | None = None,
              on_notice: NoticeHandler | None = None) -> Iterator[Article]:
    """The articles in one corpus file; problems go to ``on_skip``, repairs
    (bad bytes replaced, an overlong body cut) to ``on_notice``.

    ``on_position`` hears how far into a JSON Lines file reading has come
    (in bytes of the file on disk), for progress bars.
    """
    notice = on_notice or (lambda notice: None)
    name = path.name.lower()
    try:
        if name.endswith(JSONL_SUFFIXES):
            yield from _read_jsonl(path, rel, on_skip, on_position, notice)
            return
        data = path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        unreadable = isinstance(exc, OSError) and not isinstance(exc, gzip.BadGzipFile)
        on_skip(Skipped(rel, f"cannot read: {getattr(exc, 'strerror', None) or exc}", unreadable=unreadable))
        return
    if not data.strip():
        on_skip(Skipped(rel, "empty file"))
        return
    try:
        decoded = decode(data)
        article = article_from_text(decoded.text, rel, rel)
    except (UnreadableText, ValueError) as exc:
        on_skip(Skipped(rel, str(exc)))
        return
    if not article.title and not article.body:
        on_skip(Skipped(rel, "no text"))
        return
    if decoded.bad:
        notice(Notice(rel, decoded.problem()))
    yield bounded(article, lambda message: notice(Notice(rel, message)))


def _read_jsonl(path: Path, rel: str, on_skip: SkipHandler, on_position: PositionHandler | None,
                notice: NoticeHandler) -> Iterator[Article]:
    seen: set[str] = set()
    with open(path, "rb") as raw_file:
        f = gzip.GzipFile(fileobj=raw_file) if path.name.lower().endswith(".gz") else raw_file
        for number, raw in enumerate(f, 1):
            if on_position is not None and number % 64 == 0:
                on_position(raw_file.tell())
            if not raw.strip():
                continue
            try:
                decoded = decode(raw)
                record = json.loads(decoded.text)
                local = record.get("id") if isinstance(record, dict) else None
                local = str(local) if local not in (None, "") else str(number)
                if local in seen:
                    raise ValueError(f"duplicate id {local!r}")
                article = article_from_record(record, f"{rel}#{local}", rel)
            except (UnreadableText, ValueError) as exc:
                reason = "invalid JSON" if isinstance(exc, json.JSONDecodeError) else str(exc)
                on_skip(Skipped(rel, reason, line=number))
                continue
            seen.add(local)
            if decoded.bad:
                notice(Notice(rel, decoded.problem(), line=number))
            yield bounded(article, lambda message, line=number: notice(Notice(rel, message, line=line)))


def bounded(article: Article, on_cut) -> Article:
    """The article with a title or body over the indexed limit cut there
    (at a space), ``on_cut`` told of it (:data:`MAX_BODY_CHARS`, :data:`MAX_TITLE_CHARS`)."""
    for name, limit in (("title", MAX_TITLE_CHARS), ("body", MAX_BODY_CHARS)):
        value = getattr(article, name)
        if len(value) > limit:
            cut = value.rfind(" ", 0, limit)
            setattr(article, name, value[:cut if cut > limit // 2 else limit])
            on_cut(f"{name} of {len(value):,} characters cut to the first {len(getattr(article, name)):,}")
    return article


class CorpusListing(NamedTuple):
    """The corpus files below a folder, and the folders below it that could not be read."""

    files: list[Path]
    unreadable: list[tuple[Path, str]]  # (folder, why)


def list_corpus(root: Path) -> CorpusListing:
    """Corpus files below root, in a stable order (hidden files and folders
    left out), and the folders that could not be listed."""
    root = Path(root)
    files, unreadable = [], []

    def could_not_list(error: OSError) -> None:
        unreadable.append((Path(error.filename), error.strerror or str(error)))

    for folder, subfolders, names in os.walk(root, onerror=could_not_list):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in names:
            path = Path(folder) / name
            if is_corpus_file(path) and path.is_file():
                files.append(path)
    return CorpusListing(sorted(files), sorted(unreadable))


def corpus_files(root: Path) -> list[Path]:
    """Corpus files below root, in a stable order (hidden files and folders left out)."""
    return list_corpus(root).files


def relative_name(path: Path, root: Path) -> str:
    """A file's name relative to the corpus root, as ids and the manifest give it:
    a name that is not valid UTF-8 has its bad bytes written ``\\xff`` (the
    file itself is read by its real name).

    >>> relative_name(Path(os.fsdecode(b"/c/a/b\\xff.txt")), Path("/c"))
    'a/b\\\\xff.txt'
    """
    rel = path.relative_to(root).as_posix()
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_corpus(root: Path, on_skip: SkipHandler = lambda skipped: None) -> Iterator[Article]:
    """Every article under ``root``, file by file in a stable order."""
    root = Path(root)
    for path in corpus_files(root):
        yield from read_file(path, relative_name(path, root), on_skip)
