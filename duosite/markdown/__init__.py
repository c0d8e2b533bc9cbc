"""Markdown to HTML: the engine, its extensions and the cache of converted texts."""
