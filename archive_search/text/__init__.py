"""Arabic text: the rules as pure functions on strings (letters, normalization,
stopwords, stemming), the Whoosh analyzer chain built from them, and the
analysis of query words. Nothing here knows about files, the index's files
or any face."""
