"""Right-to-left display for terminals that have no BiDi support of their own.

Rich prints text in logical order. Terminals with their own BiDi (GNOME
Terminal and other VTE terminals, Konsole, mlterm, macOS Terminal) show that
right; most others (xterm, Windows Terminal, kitty, alacritty, VS Code) show
each Arabic word reversed and its letters unjoined. For those, :func:`visual`
shapes a line (contextual letter forms, one output character per input
character, so highlights stay on the right letters: :mod:`.shaping`) and reorders it for a
right-to-left paragraph: the line is reversed by grapheme cluster (a letter
with its harakat), and runs of left-to-right text (Latin, digits) are turned
back so they read left to right. Brackets in right-to-left text are mirrored.

Lines must be wrapped *before* reordering, so the first visual line holds the
beginning of the text.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from functools import lru_cache

from archive_search.output.shaping import shape

MODES = ("auto", "on", "off")  # of --bidi
ENVIRONMENT = "ARCHIVE_SEARCH_BIDI"
_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")

def terminal_has_bidi(environ=os.environ) -> bool:
    """True where the terminal is known to lay out right-to-left text itself."""
    return bool(
        environ.get("VTE_VERSION")
        or environ.get("KONSOLE_VERSION")
        or environ.get("TERM_PROGRAM") == "Apple_Terminal"
        or environ.get("TERM", "").startswith("mlterm")
    )


def enabled(mode: str = "auto", stream=None, environ=os.environ) -> bool:
    """Whether to reorder for display: ``on``, ``off``, or ``auto``.

    ``auto`` follows ``$ARCHIVE_SEARCH_BIDI`` (on/off) when set; otherwise it
    reorders only for a terminal that is not known to do BiDi itself (pipes
    and files get logical order).
    """
    if mode == "auto":
        override = environ.get(ENVIRONMENT, "").lower()
        if override in ("on", "off"):
            return override == "on"
        stream = stream or sys.stdout
        if not (hasattr(stream, "isatty") and stream.isatty()):
            return False
        return not terminal_has_bidi(environ)
    return mode == "on"


@lru_cache(maxsize=None)  # one entry a distinct character
def _kind(char: str) -> str:
    """L (left to right: Latin, digits), R (Arabic, Hebrew) or N (neutral)."""
    direction = unicodedata.bidirectional(char)
    if direction in ("L", "EN", "AN"):
        return "L"
    if direction in ("R", "AL"):
        return "R"
    return "N"


def _clusters(text: str) -> list[list[int]]:
    clusters: list[list[int]] = []
    combining = unicodedata.combining
    for i, char in enumerate(text):
        if clusters and combining(char):
            clusters[-1].append(i)
        else:
            clusters.append([i])
    return clusters


def visual_order(text: str) -> list[int]:
    """Logical indices of ``text`` in visual (left-to-right screen) order,
    for a right-to-left paragraph."""
    clusters = _clusters(text)
    kinds = [_kind(text[c[0]]) for c in clusters]
    # A neutral (space, punctuation) between two left-to-right runs joins
    # them ("ISIS 2019"); any other neutral follows the paragraph (right to left).
    # The strong kind before each cluster and after it ("R" at the ends):
    before, strong = [], "R"
    for kind in kinds:
        before.append(strong)
        strong = kind if kind != "N" else strong
    after, strong = [""] * len(kinds), "R"
    for i in range(len(kinds) - 1, -1, -1):
        after[i] = strong
        strong = kinds[i] if kinds[i] != "N" else strong
    ltr = [kind == "L" or (kind == "N" and before[i] == after[i] == "L") for i, kind in enumerate(kinds)]
    order: list[list[int]] = []
    i = len(clusters) - 1
    while i >= 0:
        if ltr[i]:
            j = i
            while j - 1 >= 0 and ltr[j - 1]:
                j -= 1
            order.extend(clusters[j : i + 1])
            i = j - 1
        else:
            order.append(clusters[i])
            i -= 1
    return [index for cluster in order for index in cluster]


def visual(text: str) -> tuple[str, list[int]]:
    """The display string of one line and, for each of its characters, the
    logical index it came from."""
    shaped = shape(text)
    order = visual_order(text)
    # Every bracket is mirrored: brackets are neutrals, never part of a left-to-right run's own letters.
    return "".join(map(shaped.__getitem__, order)).translate(_MIRROR), order
