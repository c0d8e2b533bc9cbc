"""The importer on broken registry files (damaged copies of a real extract): one line,
exit 1, and the lab folder exactly as it was; dry runs and pruning that say what they do."""

from __future__ import annotations

import pytest
from test_import_labs import RNSR, ROR, run_import, texts

from duosite.content.labs import Lab, Text
from duosite.generators.exports import export_csv

LINES = RNSR.read_bytes().split(b"\r\n")


@pytest.fixture
def imported(tmp_path):
    """A lab folder from a good import, to be kept safe from the bad ones."""
    out = tmp_path / "content" / "labs"
    assert run_import(out).returncode == 0
    (out / "umr-1.yaml").write_text("code: UMR 1\nname: {fr: Ancien}\n", encoding="utf-8")
    return out


BROKEN_RNSR = {
    "empty": (b"", "the file is empty; expected the RNSR table"),
    "header only": (LINES[0] + b"\r\n", "the header alone, no rows: expected the RNSR table"),
    "cut mid-row": (RNSR.read_bytes()[:9000], ":10: unexpected end of data: the file is cut short"),
    "a row cut short": (b"\r\n".join(LINES[:5] + [LINES[5][:200]]) + b"\r\n", ":6: a row of "),
    "another table": (ROR.read_bytes(), ":1: not the RNSR table: no column "),
    "commas": (RNSR.read_bytes().replace(b";", b","), ":1: not the RNSR table: no column "),
    "far fewer labs": (b"\r\n".join(LINES[:4]) + b"\r\n",
                       "gives 1 CNRS laboratories where "),
}


@pytest.mark.parametrize("case", BROKEN_RNSR)
def test_a_broken_rnsr_file_is_refused_and_nothing_is_written(case, imported, tmp_path):
    data, message = BROKEN_RNSR[case]
    broken = tmp_path / "rnsr.csv"
    broken.write_bytes(data)
    before = texts(imported)
    result = run_import(imported, "--prune", rnsr=broken)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    assert "nothing was written" in result.stderr.lower()
    assert texts(imported) == before
    assert sorted(p.name for p in imported.parent.iterdir()) == ["labs"]


@pytest.mark.parametrize("data, message", [
    (b"", "no ROR records in the file"), (b"\n\n", "no ROR records in the file"),
    (ROR.read_bytes()[:5000], ":2: not a JSON record"), (b'{"name": "x"}\n', "no 'id'")])
def test_a_broken_ror_file_is_refused_and_nothing_is_written(data, message, imported, tmp_path):
    broken = tmp_path / "ror.jsonl"
    broken.write_bytes(data)
    before = texts(imported)
    result = run_import(imported, "--prune", ror=broken)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    assert texts(imported) == before


def test_fewer_labs_go_through_when_asked(imported, tmp_path):
    few = tmp_path / "rnsr.csv"
    few.write_bytes(b"\r\n".join(LINES[:4]) + b"\r\n")
    assert run_import(imported, "--allow-shrink", rnsr=few).returncode == 0


def test_a_dry_run_shows_the_diff_and_writes_nothing(imported):
    gem = imported / "umr-6183.yaml"
    gem.write_text(gem.read_text(encoding="utf-8").replace("NANTES", "Nantes"), encoding="utf-8")
    before = texts(imported)
    result = run_import(imported, "--dry-run", "--prune")
    assert result.returncode == 0
    assert "-city: Nantes\n+city: NANTES" in result.stdout
    assert "--- a/umr-1.yaml\n+++ /dev/null" in result.stdout
    assert "dry run: 1 files would be written, 1 deleted (--prune); nothing was written" \
        in result.stdout
    assert texts(imported) == before


def test_prune_says_how_many_files_it_deleted(imported):
    result = run_import(imported, "--prune")
    assert result.returncode == 0
    assert "0 files written, 14 unchanged, 1 deleted (--prune)" in result.stdout
    assert not (imported / "umr-1.yaml").exists()
    assert sorted(p.name for p in imported.parent.iterdir()) == ["labs"]


def test_cells_a_spreadsheet_would_run_are_neutralised_in_the_csv():
    lab = Lab(stem="x", path="labs/x.yaml", code="UMR 1", name=Text(fr="=HYPERLINK(\"x\")"),
              acronym="+SUM(1)", city="@cmd", region="-2+3", lat=-21.1, lng=55.5)
    row = export_csv([lab], "fr").splitlines()[1]
    assert "'=HYPERLINK" in row and "'+SUM(1)" in row and "'@cmd" in row and "'-2+3" in row
    assert ",-21.1,55.5," in row  # numbers stay numbers
