"""Searching: the query language, query building and weighting, the fast
term-at-a-time scorer, proximity re-ranking, spelling, snippets, and the
records a search gives back. Nothing here prints."""
