"""The index: its schema and posting format, storage on disk (generations,
the current link, the writer lock, the atomic swap, a cheap open), rebuild
and incremental update, and the rebuild-only bulk writer (:mod:`.bulk`).
Every access to Whoosh's private attributes is in :mod:`._whoosh`. Nothing
here prints: progress goes through a callback."""
