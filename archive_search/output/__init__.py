"""Output: Rich rendering for the terminal, progress bars, the right-to-left
layout for terminals without BiDi, and the CSV / JSON Lines writers. Nothing
here queries the index: it formats what the library returned."""
