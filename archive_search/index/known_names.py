"""The archive's people, learnt at index time: a sample of the corpus observed, stored beside the index.

A rebuild learns which words start and end persons' names across the
archive (:class:`~archive_search.articles.speakers.KnownNames`), as it
learns its topics, so that a name seen once is judged against names seen
many times. Reading the whole corpus twice would cost a rebuild a second
pass; the names that recur do so in any large part of it. So before the
articles are indexed, a sample of them is observed: the first articles of
each file, an equal share a file, at most :data:`SAMPLE_ARTICLES` articles
and :data:`SAMPLE_CHARS` characters of text in all (every k-th file when
there are more files than articles to take). The sample depends only on the
corpus, so the same corpus always teaches the same names.

The names learnt are written beside the index as gzipped JSON
(:data:`KNOWN_NAMES`), and an update (``index``) finds speakers in the
articles it adds with them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from archive_search.articles.article import Article
from archive_search.articles.speakers import KnownNames
from archive_search.index.manifest import read_json, write_json

KNOWN_NAMES = "known-names.json.gz"
# The sample a rebuild observes: enough that a name that recurs across the
# archive recurs in it, little enough to cost a few per cent of a rebuild.
SAMPLE_ARTICLES = 10_000
SAMPLE_CHARS = 25_000_000


def sample(files: list[Path], read: Callable[[Path], Iterable[Article]],
           articles: int = SAMPLE_ARTICLES, chars: int = SAMPLE_CHARS) -> Iterator[Article]:
    """The articles of the sample, in the order of ``files``; ``read`` gives
    a file's articles (it is stopped early, so a large file is not read to
    its end).

    >>> fake = {Path(name): [Article(f"{name}#{i}", name, "", "نص") for i in range(3)] for name in "abc"}
    >>> [a.id for a in sample(list(fake), fake.get, articles=4)]
    ['a#0', 'b#0', 'c#0']
    >>> [a.id for a in sample(list(fake), fake.get, articles=6)]
    ['a#0', 'a#1', 'b#0', 'b#1', 'c#0', 'c#1']
    """
    if not files or articles <= 0:
        return
    stride = max(1, -(-len(files) // articles))  # every k-th file, when files outnumber the articles
    chosen = files[::stride]
    share = max(1, articles // len(chosen))
    taken = text = 0
    for path in chosen:
        for n, article in enumerate(read(path)):
            if n >= share:
                break
            yield article
            taken += 1
            text += len(article.title) + len(article.body)
            if taken >= articles or text >= chars:
                return


def observe(known: KnownNames, articles: Iterable[Article]) -> KnownNames:
    """The articles' candidate speakers counted into ``known`` (returned)."""
    for article in articles:
        known.observe(f"{article.title}\n{article.body}")
    return known


def write_known_names(generation: Path, known: KnownNames) -> None:
    write_json(Path(generation) / KNOWN_NAMES, known.to_dict())


def read_known_names(generation: Path) -> KnownNames | None:
    """The names a rebuild stored in the generation; None when it stored none
    (an index built before they were) or they cannot be read."""
    data = read_json(Path(generation) / KNOWN_NAMES, None)
    if not data:
        return None
    try:
        return KnownNames.from_dict(data)
    except (ValueError, TypeError, AttributeError):
        return None
