"""Metadata stated by a file: a front-matter header, and the values of its fields."""

from __future__ import annotations

import re


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


def text_value(value) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


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
