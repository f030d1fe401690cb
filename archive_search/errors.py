"""Named exceptions of the library. None of them knows about the command line."""


class ArchiveError(Exception):
    """Base of every error a user can cause; its message is one clear line."""


class IndexMissing(ArchiveError):
    """There is no index where one was expected."""


class IndexLocked(ArchiveError):
    """Another process is updating the index."""


class IndexUnwritable(ArchiveError):
    """The index directory cannot be created or written."""


class IndexBroken(ArchiveError):
    """The index exists but cannot be opened."""


class IndexOutdated(ArchiveError):
    """The index was built by another version whose terms differ; it must be rebuilt."""


class IndexingFailed(ArchiveError):
    """A process indexing articles for a rebuild failed or died (the index is left as it was)."""


class CorpusMissing(ArchiveError):
    """The corpus directory does not exist or cannot be read."""


class CorpusEmpty(ArchiveError):
    """The corpus has no articles, and replacing the index with an empty one was not asked for."""


class QueryError(ArchiveError):
    """A malformed query: unbalanced quotes or parentheses, a bad date, an unknown field."""


class ArticleNotFound(ArchiveError):
    """No article has the requested id."""


class ExportError(ArchiveError):
    """A bad column list or format, or an export target that cannot be written."""
