"""Where a build reads and writes, and how: the one value every command hands the engine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    """Where a build reads and writes."""

    content: Path
    output: Path
    templates: Path
    locales: Path
    static: Path
    cache: Path | None = None  # None: convert all Markdown afresh (--no-cache)
    include_drafts: bool = False
    base_url: str | None = None  # instead of site.yaml's, for a staging copy (--base-url)
    force: bool = False  # replace an output folder the build did not write (--force)
    search_index: bool = True  # False: publish without running the search indexer
    published_urls: Path | None = None  # the last build's record, when not in output/
