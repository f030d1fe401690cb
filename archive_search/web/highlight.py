"""Article text as HTML: escaped, cleaned of controls, the matched words in ``<mark>``.

The spans come from the library (a hit's title spans and its fragments'
spans, offsets into the text as written), so a highlight covers the word
as the article wrote it. Every character goes through
:func:`~archive_search.output.safe_text.safe` first (a bidi override in a
scraped title must not reorder what the reader sees; it keeps lengths, so
the spans hold) and then through HTML escaping.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from archive_search.output.safe_text import safe
from archive_search.text.words import WORD_PATTERN, without_underscores


def marked(text: str, spans=()) -> Markup:
    """The text escaped, with each (start, end) span in ``<mark>``.

    >>> marked("مخيم <الهول>", [(0, 4)])
    Markup('<mark>مخيم</mark> &lt;الهول&gt;')
    """
    text = safe(text or "")
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at or end > len(text) or start >= end:
            continue
        out.append(escape(text[at:start]))
        out.append(Markup("<mark>%s</mark>") % text[start:end])
        at = end
    out.append(escape(text[at:]))
    return Markup("").join(out)


def fragment_html(fragment) -> Markup:
    """A snippet fragment: its text with its highlights, and … where the text was cut."""
    inner = marked(fragment.text, fragment.spans)
    return (Markup("… ") if fragment.leading else Markup("")) + inner + (Markup(" …") if fragment.trailing else Markup(""))


def word_spans(text: str, words) -> list[tuple[int, int]]:
    """Spans of every word of ``text`` written as one of ``words`` (the words a
    hit matched, as written): the whole article's highlights.

    >>> word_spans("مخيم الهول ومخيم روج مخيمات", ["مخيم", "ومخيم"])
    [(0, 4), (11, 16)]
    """
    wanted = set(words)
    if not wanted:
        return []
    return [match.span() for match in WORD_PATTERN.finditer(without_underscores(text)) if match.group() in wanted]


def paragraphs(body: str, words=()) -> list[Markup]:
    """The body as paragraphs (split at blank lines or single newlines), each with its matched words marked."""
    out = []
    for block in (body or "").split("\n"):
        if block.strip():
            out.append(marked(block, word_spans(block, words)))
    return out
