"""Each folder of tests/invalid/ is a content tree with one kind of mistake, and
`expected.txt` holds exactly the lines the build must print for it."""

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

CASES = sorted(p.name for p in (Path(__file__).parent / "invalid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_invalid_content_is_reported_exactly(case, tmp_path):
    folder = Path(__file__).parent / "invalid" / case
    output = tmp_path / "output"
    result = run_cli("--content", str(folder / "content"), "--output", str(output), "--no-cache",
                     cwd=tmp_path)
    expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    errors = [line for line in result.stderr.splitlines() if ": warning: " not in line]
    assert result.returncode == 1
    assert errors[:-1] == expected
    assert errors[-1].startswith(f"Build failed: {len(expected)} error{'s' * (len(expected) != 1)}")
    assert "Traceback" not in result.stderr
    assert not output.exists()


def test_failed_build_leaves_the_published_site_as_it_was(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).parent / "invalid" / "missing-title" / "content", content)
    (content / "index.en.md").write_text("---\ntitle: Home\n---\nFirst version\n")
    build = ["--content", str(content), "--output", str(tmp_path / "output"), "--no-cache"]
    assert run_cli(*build, cwd=tmp_path).returncode == 0
    before = {p: p.read_bytes() for p in (tmp_path / "output").rglob("*") if p.is_file()}
    (content / "index.en.md").write_text("---\ndescription: no title\n---\nSecond version\n")
    assert run_cli(*build, cwd=tmp_path).returncode == 1
    after = {p: p.read_bytes() for p in (tmp_path / "output").rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A site built once from the mini fixture, to copy where an invalid build is tried."""
    output = tmp_path_factory.mktemp("published") / "output"
    built = run_cli("--content", str(ROOT / "tests" / "fixtures" / "mini" / "content"),
                    "--output", str(output), "--no-cache", cwd=ROOT)
    assert built.returncode == 0, built.stderr
    return output


def snapshot(folder: Path) -> dict:
    """Every file and folder under `folder` (hidden siblings included) with its bytes."""
    return {p.relative_to(folder.parent).as_posix(): p.read_bytes() if p.is_file() else None
            for p in sorted(folder.parent.rglob("*"))}


@pytest.mark.parametrize("case", CASES)
def test_an_invalid_build_leaves_the_published_site_untouched(case, tmp_path, published):
    output = tmp_path / "site" / "output"
    shutil.copytree(published, output)
    before = snapshot(output)
    result = run_cli("--content", str(Path(__file__).parent / "invalid" / case / "content"),
                     "--output", str(output), "--no-cache", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert snapshot(output) == before
