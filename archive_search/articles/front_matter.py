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
    """A metadata value as one line of text (a list's items joined by spaces), or None."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = " ".join(str(item) for item in value)
    value = " ".join(str(value).split())
    return value or None


_FRONT_MATTER_KEYS = {"title", "speaker", "speakers", "date", "topic", "source", "url"}


def split_front_matter(text: str) -> tuple[dict[str, str | list[str]], str]:
    """Split a ``---``-delimited header of ``key: value`` lines from the text.

    A value is a string, or a list written as YAML writes one: in brackets
    (``speakers: [ليلى مصطفى, سلمان بارودو]``) or as ``- item`` lines under
    the key. Raises ValueError for a header that is opened but never closed.

    >>> split_front_matter("---\\nspeakers:\\n  - ليلى\\n  - سلمان\\n---\\nنص")
    ({'speakers': ['ليلى', 'سلمان']}, 'نص')
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    header: dict[str, str | list[str]] = {}
    listing = None  # the key whose value is the "- item" lines that follow
    for i, line in enumerate(lines[1:], 1):
        if line.strip() == "---":
            return header, "\n".join(lines[i + 1:])
        item = line.strip()
        if listing is not None and item.startswith("- "):
            header[listing] = [*header[listing], _unquoted(item[2:])]
            continue
        name, sep, value = line.partition(":")
        key, value = name.strip().lower(), value.strip()
        listing = key if sep and key in _FRONT_MATTER_KEYS and not value else None
        if sep and key in _FRONT_MATTER_KEYS:
            header[key] = [] if listing else _value(value)
    raise ValueError("front matter opened with --- but never closed")


def _value(value: str) -> str | list[str]:
    if value.startswith("[") and value.endswith("]"):
        return [_unquoted(item) for item in value[1:-1].split(",") if item.strip()]
    return _unquoted(value)


def _unquoted(value: str) -> str:
    return value.strip().strip("\"'")
