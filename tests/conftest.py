"""Shared test helpers: tiny sites written inline, and the real site built once."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from duosite.build import build_site  # noqa: E402
from duosite.cli import main as cli_main  # noqa: E402
from duosite.problems import BuildFailed  # noqa: E402
from duosite.project import Project  # noqa: E402


def write_tree(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write `{relative path: text}` under `folder` (text is dedented)."""
    for rel, text in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return folder


# a site.yaml with everything the build requires, published below a path (/partners)
SITE_SETTINGS = """
name: {en: Partnerships, fr: Partenariats}
base_url: https://example.org/partners
publisher: {name: Example Centre, address: "1 rue de l’Exemple, Paris"}
director: Ada Example
host: {name: Example Hosting, address: "2 rue de l’Hôte, Lyon"}
contact: {email: team@example.org}
accessibility: {status: non-compliant, date: 2026-01-15}
"""

def project(tmp: Path, **options) -> Project:
    """A project that builds `tmp/content` into `tmp/output` (or `output=`) with the real
    design."""
    return Project(**{"content": tmp / "content", "output": tmp / "output",
                      "templates": ROOT / "templates", "locales": ROOT / "locales",
                      "static": ROOT / "static", "cache": None} | options)


def in_process(main, argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """`main(argv)` run in `cwd` in this process (no interpreter to start): its exit status
    and what it printed, as `subprocess.run` gives them."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exit:  # argparse's usage errors
            status = exit.code
    return subprocess.CompletedProcess(argv, status, out.getvalue(), err.getvalue())


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`python build.py ARGS` run in `cwd`, in this process."""
    return in_process(lambda argv: cli_main(argv, root=ROOT, prog="build.py"), list(args), cwd)


class TinySite:
    """A content tree written inline, built with the real templates and catalogues."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.content = tmp / "content"
        self.output = tmp / "output"

    def write(self, files: dict[str, str | bytes]) -> TinySite:
        write_tree(self.content, files)
        return self

    def build(self, search_index: bool = False, **options):
        """Build it; the search indexer (a program of its own, two thirds of a tiny build's
        time) runs only for a test that asks for it: `build(search_index=True)`."""
        return build_site(project(self.tmp, search_index=search_index, **options))

    def errors(self, **options) -> list[str]:
        """The problems a failing build reports, as printed."""
        with pytest.raises(BuildFailed) as failed:
            self.build(**options)
        return [str(p) for p in failed.value.problems]

    def page(self, url_path: str) -> str:
        """The HTML published at a site path such as '/en/industry/'."""
        rel = url_path.lstrip("/")
        file = self.output / rel / "index.html" if not rel.endswith(".html") else self.output / rel
        return file.read_text(encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> TinySite:
    """An empty tiny site to fill with `site.write({...})`."""
    return TinySite(tmp_path)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The project's own content, built once with `python build.py` into a temporary folder."""
    output = tmp_path_factory.mktemp("real") / "output"
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--content",
                             str(ROOT / "content"), "--output", str(output), "--no-cache"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return output


SLOW_FIXTURES = {"real_site", "running"}  # the whole real site built; a preview server process


def pytest_collection_modifyitems(items) -> None:
    """A test that reads the whole real site, or talks to a preview server in its own process,
    is a gate: the fast suite leaves it out, the full suite runs it."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gate)
