"""What keeps an import from losing data: the registry files checked before anything is
read into lab files, and the lab folder replaced whole, or not at all."""

from __future__ import annotations

import csv
import difflib
import io
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from duosite.publish.swap import swap_in  # noqa: E402

RNSR_COLUMNS = ("numero_national_de_structure", "libelle", "sigle", "annee_de_creation",
                "type_de_structure", "code_de_niveau_de_structure", "site_web", "code_postal",
                "commune", "label_numero", "tutelles", "sigles_des_tutelles",
                "code_de_type_de_tutelle", "domaine_scientifique")
SHRINK = 0.9  # fewer labs than this share of the last import: a cut or filtered file


class Refused(Exception):
    """The input is not what the importer expects: one line saying why; nothing written."""


def check_rnsr(path: Path) -> int:
    """Check the RNSR CSV is the whole registry table; returns its number of rows."""
    text = _read(path)
    if not text.strip():
        raise Refused(f"{path}: the file is empty; expected the RNSR table")
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    try:
        header = next(rows)
        missing = [column for column in RNSR_COLUMNS if column not in header]
        if missing:
            raise Refused(f"{path}:1: not the RNSR table: no column {', '.join(missing[:3])}"
                          f"{' …' if len(missing) > 3 else ''} (expected ';'-separated columns "
                          "such as numero_national_de_structure)")
        count = 0
        for row in rows:
            count += 1
            if len(row) != len(header):
                raise Refused(f"{path}:{rows.line_num}: a row of {len(row)} fields where the "
                              f"header has {len(header)}: the file is cut short or damaged")
    except csv.Error as exc:
        raise Refused(f"{path}:{rows.line_num}: {exc}: the file is cut short or damaged") from None
    if not count:
        raise Refused(f"{path}: the header alone, no rows: expected the RNSR table")
    return count


def check_ror(path: Path) -> int:
    """Check the ROR file holds JSON records, one a line; returns their number."""
    count = 0
    for number, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise Refused(f"{path}:{number}: not a JSON record ({exc}): the file is cut short "
                          "or damaged") from None
        if not isinstance(record, dict) or "id" not in record:
            raise Refused(f"{path}:{number}: not a ROR record (no 'id')")
        count += 1
    if not count:
        raise Refused(f"{path}: no ROR records in the file; expected one JSON record a line")
    return count


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(f"{path}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise Refused(f"{path}: cannot be read: {exc.strerror or exc}") from None


def check_shrink(found: int, before: int, source: Path, out: Path) -> None:
    """Refuse a registry that gives far fewer labs than the lab folder holds."""
    if before and found < SHRINK * before:
        raise Refused(f"{source}: gives {found} CNRS laboratories where {out} holds {before} "
                      "from the last import: a cut or filtered file? Nothing was written; if "
                      "the registry really shrank, run again with --allow-shrink")


def stage(out: Path) -> Path:
    """A hidden copy of the lab folder to write the import into."""
    staging = out.with_name(f".{out.name}.import")
    if staging.exists():
        shutil.rmtree(staging)
    if out.is_dir():
        shutil.copytree(out, staging, symlinks=True)
    else:
        staging.mkdir(parents=True)
    return staging


def commit(staging: Path, out: Path) -> None:
    """Put the staged folder in place of the lab folder in one step."""
    aside = out.with_name(f".{out.name}.before-import")
    if aside.exists():
        shutil.rmtree(aside)
    swap_in(staging, out, aside)
    shutil.rmtree(aside, ignore_errors=True)


def changes(out: Path, staging: Path) -> list[str]:
    """What the import would change, as a unified diff per file (for --dry-run)."""
    def files(folder: Path) -> dict[str, str]:
        return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml"))}

    old, new = files(out) if out.is_dir() else {}, files(staging)
    lines = []
    for name in sorted(old.keys() | new.keys()):
        before, after = old.get(name, ""), new.get(name, "")
        if before != after:
            lines += difflib.unified_diff(before.splitlines(), after.splitlines(),
                                          f"a/{name}" if name in old else "/dev/null",
                                          f"b/{name}" if name in new else "/dev/null",
                                          lineterm="")
    return lines
