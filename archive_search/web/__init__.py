"""The local web face (``archive-search serve``): pages, downloads and JSON over :class:`~archive_search.Archive`.

:mod:`.app` holds the routes, :mod:`.params` the checks on what a URL asks
for, :mod:`.pages` what each page shows, :mod:`.highlight` article text as
escaped HTML with its highlights, :mod:`.chart` the timeline as SVG,
:mod:`.downloads` hits streamed through the export code, :mod:`.library` the
archive every request shares, :mod:`.rendering` the templates and
:mod:`.server` the HTTP server. Nothing here is imported by the other
commands: ``serve`` imports it when it runs.
"""
