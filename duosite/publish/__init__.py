"""Writing the site: one writer per output path, the search index, the atomic swap."""
