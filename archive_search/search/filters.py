"""Filters: field queries (``speaker:``, ``topic:``, ``source:``, ``date:``, ``title:``, ``body:``)
and the filter a search's options make."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from whoosh import query as q

from archive_search.errors import QueryError
from archive_search.text.person_names import variants_within
from archive_search.text.query_words import analyze_query

FIELDS = ("speaker", "topic", "source", "date", "title", "body")


def _month_range(value: str, end: bool) -> date:
    parts = value.split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            year = int(parts[0])
            return date(year, 12, 31) if end else date(year, 1, 1)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            first = date(year, month, 1)
            if not end:
                return first
            following = date(year + month // 12, month % 12 + 1, 1)
            return following - timedelta(days=1)
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        pass
    raise QueryError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")


def day_range(start: date | None, end: date | None) -> q.Query:
    """Articles dated from the start of ``start`` to the end of ``end`` (either may be open)."""
    return q.DateRange(
        "date",
        datetime.combine(start, datetime.min.time()) if start else None,
        datetime.combine(end, datetime.max.time()) if end else None,
    )


def date_range(text: str) -> q.Query:
    """``2018``, ``2018-03``, ``2018-03-05``, ``2018-01..2018-06``, ``2018..`` or ``..2018``."""
    start_text, sep, end_text = text.partition("..")
    if not sep:
        end_text = start_text
    if not start_text and not end_text:
        raise QueryError("empty date range: use date:YYYY-MM-DD..YYYY-MM-DD")
    start = _month_range(start_text, end=False) if start_text else None
    end = _month_range(end_text, end=True) if end_text else None
    if start and end and start > end:
        raise QueryError(f"date range {text!r} ends before it starts")
    return day_range(start, end)


def field_query(name: str, value: str) -> q.Query:
    name = name.lower()
    if name == "date":
        return date_range(value)
    if name == "speaker":
        return speaker_query(value)
    if name in ("topic", "source"):
        return q.Term(name, value)
    if name in ("title", "body"):
        words = analyze_query(value)
        if not words:
            return q.NullQuery
        return q.And([q.Or([q.Term(name, w.stem), q.Term(name, w.exact)]) for w in words])
    raise QueryError(f"unknown field {name!r}: use one of {', '.join(FIELDS)}")


def speaker_query(value: str) -> q.Query:
    """The articles that quote this person: the name as written, a speaker
    whose name holds all its words (a part of a name finds the whole), and,
    for a name of several words, a speaker under a shorter variant of it
    (:func:`archive_search.text.person_names.variants_within`: "رجب طيب
    أردوغان" finds "أردوغان" and "طيب أردوغان"; the family name alone cannot
    tell two people of one family apart, so "بلال أردوغان" finds it too)."""
    words = [w.exact for w in analyze_query(value, stopwords=False, stemming=False)]
    if not words:
        raise QueryError("speaker: needs a name")
    parts = [q.Term("speakers", value), q.And([q.Term("speaker_words", w) for w in words])]
    if len(words) > 1:
        parts.extend(q.Term("speaker_keys", key) for key in variants_within(value))
    return q.Or(parts)


def parse_day(value: str | date | None, name: str) -> date | None:
    """A day given as ``YYYY-MM-DD`` (or a date); ``name`` says which option, for the error."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"bad {name} date {value!r}: use YYYY-MM-DD") from None


def build_filter(speaker=None, topic=None, since=None, until=None) -> q.Query | None:
    """The filter for the search options; None when there is none."""
    parts = []
    if speaker:
        parts.append(field_query("speaker", speaker))
    if topic:
        parts.append(field_query("topic", topic))
    since, until = parse_day(since, "--since"), parse_day(until, "--until")
    if since and until and since > until:
        raise QueryError(f"--since {since} is after --until {until}")
    if since or until:
        parts.append(day_range(since, until))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else q.And(parts)
