"""The site search index: Pagefind reads the finished pages and writes a static index beside
them, which the search page queries in the browser."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from ..problems import BuildFailed, error

BUNDLE = "pagefind"  # the index's folder in the published site
# lists that repeat every laboratory's name would outrank the laboratories' own pages
LEFT_OUT = "#lab-list, .lab-list, .facet-columns, .breadcrumbs"


def pagefind_executable() -> str | None:
    """The Pagefind program installed with the `pagefind-bin` package, or one on the PATH."""
    try:
        from pagefind_bin import get_executable
        return str(get_executable())
    except (ImportError, FileNotFoundError):
        return shutil.which("pagefind")


def index_site(folder: Path) -> None:
    """Write the search index of the pages under `folder` into `folder/pagefind/`."""
    program = pagefind_executable()
    if program is None:
        raise BuildFailed([error("pagefind", 0, "the search indexer is not installed: run "
                                 "`python3 -m pip install -e .` (it installs pagefind-bin)")])
    command = [program, "--site", str(folder), "--output-subdir", BUNDLE,
               "--exclude-selectors", LEFT_OUT, "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildFailed([error("pagefind", 0, f"the search indexer could not run: {exc}")]) \
            from exc
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no message"]
        raise BuildFailed([error("pagefind", 0, f"the search indexer failed (exit "
                                 f"{done.returncode}): {said[0]}")])
    _sort_entry(folder / BUNDLE / "pagefind-entry.json")


def _sort_entry(entry: Path) -> None:
    """Pagefind lists the languages in no fixed order: sort them, so that two builds of the
    same content stay byte-identical."""
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True,
                                    separators=(",", ":")), encoding="utf-8")
