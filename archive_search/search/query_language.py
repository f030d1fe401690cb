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

from whoosh import query as q

from archive_search.errors import QueryError
from archive_search.search.filters import field_query
from archive_search.search.weighting import DEFAULT_RANKING, Ranking
from archive_search.search.word_queries import phrase_query, query_for_word
from archive_search.text.normalize import normalize
from archive_search.text.query_words import analyze_query
from archive_search.text.terms import exact_term

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


# Parentheses nest at most this deep (the parser recurses into each).
MAX_DEPTH = 32


class _Parser:
    def __init__(self, toks: list[_Tok], ranking: Ranking):
        self.toks = toks
        self.i = 0
        self.depth = 0
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
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QueryError(f"parentheses nested more than {MAX_DEPTH} deep at character {tok.pos + 1}")
            inner = self.or_expr()
            self.depth -= 1
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
                         q.Prefix("body", exact_term(stem))])
        if text.endswith("~") and len(text) > 1:
            words = analyze_query(text.rstrip("~"), stopwords=False)
            if not words:
                return None
            word = words[0]
            return q.Or([q.FuzzyTerm("body", word.stem, maxdist=1, prefixlength=1),
                         q.FuzzyTerm("title", word.stem, maxdist=1, prefixlength=1)])
        words = analyze_query(text)
        clauses = [query_for_word(w, self.ranking) for w in words]
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else q.And(clauses)


def parse(text: str, ranking: Ranking = DEFAULT_RANKING) -> q.Query | None:
    """Parse query text; None when nothing searchable is left (only stopwords)."""
    return _Parser(_lex(text), ranking).parse()
