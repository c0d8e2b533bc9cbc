"""Turning checked pages into HTML: Markdown, sanitising, templates, typography."""
