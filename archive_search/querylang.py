"""The query language: words, "phrases", +must, -mustnot, OR, parentheses,
field filters (``speaker:``, ``topic:``, ``source:``, ``date:2018-01..2018-06``),
``word*`` prefixes and ``word~`` fuzzy matches.

Words are analysed exactly like the index (normalized, stemmed, stopwords
dropped); adjacent items must all match (AND) unless joined by ``OR``.
A malformed query raises :class:`~archive_search.errors.QueryError` with one
line saying what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from whoosh import query as q

from archive_search.analysis import analyze_query
from archive_search.arabic import normalize
from archive_search.errors import QueryError
from archive_search.ranking import DEFAULT_RANKING, Ranking, phrase_query, word_query

FIELDS = ("speaker", "topic", "source", "date", "title", "body")

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<open>\()
  | (?P<close>\))
  | (?P<field>[A-Za-z_]+):(?=\S)
  | (?P<quote>")
  | (?P<sign>[+\-](?=\S))
  | (?P<word>[^\s()"]+)
    """,
    re.VERBOSE,
)


@dataclass
class _Tok:
    kind: str
    text: str
    pos: int


def _lex(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        kind = match.lastgroup
        if kind == "quote":
            end = text.find('"', match.end())
            if end < 0:
                raise QueryError(f'unbalanced quote at character {pos + 1}: add the closing "')
            toks.append(_Tok("phrase", text[match.end() : end], pos))
            pos = end + 1
            continue
        if kind != "space":
            toks.append(_Tok(kind, match.group(kind) if kind != "field" else match.group("field"), pos))
        pos = match.end()
    return toks


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
        words = [w.exact.lstrip("=") for w in analyze_query(value, stopwords=False, stemming=False)]
        if not words:
            raise QueryError("speaker: needs a name")
        return q.Or([q.Term("speakers", value), q.And([q.Term("speaker_words", w) for w in words])])
    if name in ("topic", "source"):
        return q.Term(name, value)
    if name in ("title", "body"):
        words = analyze_query(value)
        if not words:
            return q.NullQuery
        return q.And([q.Or([q.Term(name, w.stem), q.Term(name, w.exact)]) for w in words])
    raise QueryError(f"unknown field {name!r}: use one of {', '.join(FIELDS)}")


class _Parser:
    def __init__(self, toks: list[_Tok], ranking: Ranking):
        self.toks = toks
        self.i = 0
        self.ranking = ranking

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def parse(self) -> q.Query | None:
        result = self.or_expr()
        tok = self.peek()
        if tok is not None:
            raise QueryError(f"unbalanced parenthesis at character {tok.pos + 1}")
        return result

    def or_expr(self):
        alternatives = [self.and_expr()]
        while (tok := self.peek()) is not None and tok.kind == "word" and tok.text == "OR":
            self.i += 1
            alternatives.append(self.and_expr())
        alternatives = [a for a in alternatives if a is not None]
        if not alternatives:
            return None
        return alternatives[0] if len(alternatives) == 1 else q.Or(alternatives)

    def and_expr(self):
        must, must_not = [], []
        while (tok := self.peek()) is not None and tok.kind != "close":
            if tok.kind == "word" and tok.text == "OR":
                break
            if tok.kind == "word" and tok.text == "AND":
                self.i += 1
                continue
            negate = False
            if tok.kind == "sign":
                negate = tok.text == "-"
                self.i += 1
            elif tok.kind == "word" and tok.text == "NOT":
                negate = True
                self.i += 1
            item = self.primary()
            if item is not None:
                (must_not if negate else must).append(item)
        if not must:
            if must_not:
                raise QueryError("a query needs at least one word that is not excluded")
            return None
        result = must[0] if len(must) == 1 else q.And(must)
        if must_not:
            result = q.AndNot(result, must_not[0] if len(must_not) == 1 else q.Or(must_not))
        return result

    def primary(self):
        tok = self.peek()
        if tok is None:
            raise QueryError("the query ends where a word was expected")
        self.i += 1
        if tok.kind == "open":
            inner = self.or_expr()
            close = self.peek()
            if close is None or close.kind != "close":
                raise QueryError(f"unbalanced parenthesis at character {tok.pos + 1}: add the closing )")
            self.i += 1
            return inner
        if tok.kind == "close":
            raise QueryError(f"unbalanced parenthesis at character {tok.pos + 1}")
        if tok.kind == "phrase":
            return phrase_query(tok.text, self.ranking)
        if tok.kind == "field":
            value = self.peek()
            if value is None or value.kind not in ("word", "phrase"):
                raise QueryError(f"{tok.text}: needs a value")
            self.i += 1
            return field_query(tok.text, value.text)
        if tok.kind == "sign":
            raise QueryError(f"stray {tok.text!r} at character {tok.pos + 1}")
        return self.word(tok.text)

    def word(self, text: str):
        if text.endswith("*") and len(text) > 1:
            stem = normalize(text.rstrip("*"))
            if not stem:
                raise QueryError(f"prefix {text!r} has no letters")
            return q.Or([q.Prefix("title", stem), q.Prefix("body", stem),
                         q.Prefix("body", "=" + stem)])
        if text.endswith("~") and len(text) > 1:
            words = analyze_query(text.rstrip("~"), stopwords=False)
            if not words:
                return None
            word = words[0]
            return q.Or([q.FuzzyTerm("body", word.stem, maxdist=1, prefixlength=1),
                         q.FuzzyTerm("title", word.stem, maxdist=1, prefixlength=1)])
        words = analyze_query(text)
        clauses = [word_query(w, self.ranking) for w in words]
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else q.And(clauses)


def parse(text: str, ranking: Ranking = DEFAULT_RANKING) -> q.Query | None:
    """Parse query text; None when nothing searchable is left (only stopwords)."""
    return _Parser(_lex(text), ranking).parse()
