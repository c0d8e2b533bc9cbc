"""Text with no knowledge of the site: YAML with line numbers, files read only inside the
content tree, casing, collation and slugs, French regions."""
