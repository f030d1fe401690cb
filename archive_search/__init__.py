"""archive-search: a searchable full-text archive for Arabic news."""
