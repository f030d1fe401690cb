"""Articles and the readers that turn corpus files into them.

Formats: plain text (``.txt``: first non-empty line is the title), text or
Markdown with a front-matter header (``---`` … ``---``), and JSON Lines
(``.jsonl``, ``.jsonl.gz``: one article a line). Encodings: UTF-8 (with or
without BOM), UTF-16 with BOM, and Windows-1256 when UTF-8 fails and the
result reads as Arabic.

Readers never stop at a bad file: they report it through ``on_skip`` and go on.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


@dataclass
class Article:
    """One article of the archive.

    ``id`` is the path relative to the corpus root for files, and
    ``path#id`` (or ``path#line``) for JSON Lines records. ``date`` is ISO
    ``YYYY-MM-DD`` or None: never invented.
    """

    id: str
    path: str
    title: str
    body: str
    speakers: list[str] = field(default_factory=list)
    date: str | None = None
    topic: str | None = None
    topic_predicted: bool = False
    source: str | None = None
    url: str | None = None

    @property
    def content_hash(self) -> str:
        """A digest of everything indexed, to tell changed articles apart."""
        data = json.dumps(
            [self.title, self.body, self.speakers, self.date, self.topic, self.source, self.url],
            ensure_ascii=False,
        )
        return hashlib.sha1(data.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Skipped:
    """A file or record that could not be read, and why."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


SkipHandler = Callable[[Skipped], None]
# Called with how many bytes of the current file have been read so far.
PositionHandler = Callable[[int], None]


class UnreadableText(ValueError):
    """Bytes that are not text in any encoding we accept."""


# --- Encodings ----------------------------------------------------------------

_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LETTER = re.compile(r"[^\W\d_]")


def _reads_as_arabic(text: str) -> bool:
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_ARABIC_LETTER.findall(text)) / letters >= 0.5


def decode(data: bytes) -> str:
    """Decode file bytes: BOMs first, then UTF-8, then Windows-1256.

    Raises :class:`UnreadableText` for binary data or bytes that are neither
    UTF-8 nor Arabic in Windows-1256.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise UnreadableText("binary file (NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise UnreadableText("neither UTF-8 nor Windows-1256 text") from None
    if not _reads_as_arabic(text):
        raise UnreadableText("not UTF-8, and not Arabic in Windows-1256")
    return text


# --- Cleaning -----------------------------------------------------------------

# Whole lines that websites add around articles (compared after collapsing
# whitespace). The sample article ends with the first two.
BOILERPLATE_LINES = frozenset(
    line.strip()
    for line in """
    اظهر المزيد
    أظهر المزيد
    زر الذهاب إلى الأعلى
    زر الذهاب الى الأعلى
    العودة إلى الأعلى
    اقرأ أيضا
    اقرأ أيضاً
    إقرأ أيضا
    إقرأ أيضاً
    شارك هذا المقال
    شارك المقال
    طباعة
    مشاركة
    تابعونا على
    المزيد من الأخبار
    """.strip().splitlines()
)


def clean_text(text: str) -> str:
    """Drop boilerplate lines, collapse runs of spaces and of blank lines.

    Paragraphs stay separated by one blank line; the words are left as the
    file has them. Spaces are every Unicode space (no-break, thin, ideographic…).
    """
    paragraphs: list[str] = []
    blank = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())  # twice as fast as a regular expression
        if not line:
            blank = bool(paragraphs)
            continue
        if line in BOILERPLATE_LINES:
            continue
        if blank:
            paragraphs.append("")
            blank = False
        paragraphs.append(line)
    return "\n".join(paragraphs)


# --- Metadata values ------------------------------------------------------------


def split_speakers(value) -> list[str]:
    """Speakers from a metadata value: a list, or names separated by ; or ، or ,."""
    if value is None:
        return []
    if isinstance(value, str):
        items = re.split(r"\s*[;؛،,]\s*", value)
    elif isinstance(value, (list, tuple)):
        items = [v for v in value if isinstance(v, str)]
    else:
        items = []  # a number or an object is not a name
    return [" ".join(item.split()) for item in items if item and item.strip()]


def _text_value(value) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


# --- Front matter ---------------------------------------------------------------

_FRONT_MATTER_KEYS = {"title", "speaker", "speakers", "date", "topic", "source", "url"}


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a ``---``-delimited header of ``key: value`` lines from the text.

    Raises ValueError for a header that is opened but never closed.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    header: dict[str, str] = {}
    for i, line in enumerate(lines[1:], 1):
        if line.strip() == "---":
            return header, "\n".join(lines[i + 1 :])
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if sep and key in _FRONT_MATTER_KEYS:
            header[key] = value.strip().strip("\"'")
    raise ValueError("front matter opened with --- but never closed")


# --- Readers --------------------------------------------------------------------


def article_from_text(text: str, article_id: str, path: str) -> Article:
    """An article from the text of a ``.txt``/``.md`` file (front matter optional)."""
    header, content = split_front_matter(text.lstrip("\ufeff"))
    content = clean_text(content)
    title = _text_value(header.get("title"))
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
        topic=_text_value(header.get("topic")),
        source=_text_value(header.get("source")),
        url=_text_value(header.get("url")),
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
        title=_text_value(title) or "",
        body=clean_text(body) if isinstance(body, str) else "",
        speakers=speakers,
        date=_text_value(record.get("date")),
        topic=_text_value(record.get("topic")),
        source=_text_value(record.get("source")),
        url=_text_value(record.get("url")),
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
