"""Templates: Jinja2 with every value escaped, and every string cleaned of controls first.

Autoescaping is on for every template. :func:`_shown` is Jinja2's
``finalize``: each value a template prints passes through it before it is
escaped, so a bidi override or an escape character in a scraped title is
shown as a visible stand-in (:func:`~archive_search.output.safe_text.safe`)
wherever a template prints it, not only where someone remembered to.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup

from archive_search.output.safe_text import safe


def _shown(value):
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return safe(value)
    return "" if value is None else value


def _number(value) -> str:
    """A count with thousands separators: 12,345."""
    return f"{value:,}" if isinstance(value, int) else str(value)


def _web_url(value) -> str | None:
    """A URL the page may link to: http or https only (``javascript:`` and its kind are shown as text)."""
    if isinstance(value, str) and value.lower().startswith(("http://", "https://")) and len(value) <= 4_000:
        return value
    return None


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("archive_search.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, finalize=_shown, trim_blocks=True, lstrip_blocks=True)
    env.filters["number"] = _number
    env.filters["web_url"] = _web_url
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
