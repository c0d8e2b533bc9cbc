"""A static site generator for bilingual (English and French) sites with a data directory."""

__version__ = "1.1.0"
