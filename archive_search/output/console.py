"""Rich consoles that follow the Unix manners: colour only on a terminal, never under NO_COLOR."""

from __future__ import annotations

from rich.console import Console


def make_console(stderr: bool = False, color: str = "auto", file=None) -> Console:
    """A console that colours only a terminal, and never under NO_COLOR or TERM=dumb.

    Rich itself honours NO_COLOR; ``color`` is auto, always or never. Strings
    printed are never read as markup or emoji codes (text from the archive
    could hold either, and reading them costs Rich milliseconds).
    """
    kwargs = {"stderr": stderr, "highlight": False, "soft_wrap": False, "markup": False, "emoji": False}
    if file is not None:
        kwargs["file"] = file
    if color == "never":
        kwargs["no_color"] = True
        kwargs["color_system"] = None
    elif color == "always":
        kwargs["force_terminal"] = True
    return Console(**kwargs)
