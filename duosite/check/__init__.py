"""Verifying a built site: links, translation status, and the `check` command."""
