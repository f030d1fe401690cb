"""archive-search: a searchable full-text archive for Arabic news.

The API for scripts::

    from archive_search import Archive
    archive = Archive("index", corpus_dir="corpus")
    archive.rebuild()
    for hit in archive.search("مخيم", speaker="بدران جيا كرد"):
        print(hit.rank, hit.title)

Names are imported on first use, so that ``import archive_search`` stays cheap.
"""

from archive_search.index import whoosh_imports as _whoosh_imports

_whoosh_imports.install()  # before anything imports Whoosh

__version__ = "0.2.0"
__all__ = ["Archive", "Article", "Hit", "ArchiveError", "QueryError", "IndexMissing", "IndexLocked"]

_WHERE = {
    "Archive": "archive_search.archive",
    "Article": "archive_search.articles.article",
    "Hit": "archive_search.search.records",
    "ArchiveError": "archive_search.errors",
    "QueryError": "archive_search.errors",
    "IndexMissing": "archive_search.errors",
    "IndexLocked": "archive_search.errors",
}


def __getattr__(name):
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'archive_search' has no attribute {name!r}")
