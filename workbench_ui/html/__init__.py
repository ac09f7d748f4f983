"""HTML rendering for the pages: highlighted findings and word-level diffs."""
