"""Articles: the record, the readers of each corpus format and encoding,
boilerplate removal, and the metadata found in the text (speakers, dates,
topics from a model that learns from the whole archive). Nothing here knows
the index."""
