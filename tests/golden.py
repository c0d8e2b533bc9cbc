"""Regenerate the golden output of the small bilingual fixture after an intended change:

    python3 tests/golden.py

then review `git diff tests/golden/` before committing it.
"""

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from duosite.build import build_site  # noqa: E402
from duosite.project import Project  # noqa: E402

FIXTURE = HERE / "fixtures" / "mini" / "content"
GOLDEN = HERE / "golden" / "mini"


def build_fixture(output: Path, cache: Path | None) -> None:
    """Build the fixture with the project's design."""
    root = HERE.parent
    build_site(Project(content=FIXTURE, output=output, templates=root / "templates",
                  locales=root / "locales", static=root / "static", cache=cache))


def published_files(output: Path) -> dict[str, bytes]:
    """The files a golden comparison covers: everything but the design's assets and the search
    index (binary, and tested in the browser)."""
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*"))
            if p.is_file() and not p.relative_to(output).as_posix().startswith(("assets/",
                                                                                  "pagefind/"))}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "output"
        build_fixture(output, cache=None)
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, data in published_files(output).items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(data)
    print(f"golden output written to {GOLDEN.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
