"""Run the test suite against the newest or the oldest dependency versions pyproject.toml allows.

    python3 scripts/check_dependencies.py --newest          what the next fresh install gets
    python3 scripts/check_dependencies.py --newest --write  ... and pin it in constraints.txt
    python3 scripts/check_dependencies.py --oldest          every lower bound, exactly

CI installs the versions of constraints.txt, so a release elsewhere cannot turn main red
overnight; run this on a schedule (or before raising a bound) to learn what a release broke.
It prints the versions that differ from constraints.txt, then the suite's failures, and exits
with the suite's status. Each run uses a fresh virtual environment in a temporary folder.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints.txt"
FAST = ["-m", "not browser and not gate"]


def requirements(extras: tuple[str, ...] = ("test",)) -> list[str]:
    """The project's requirements and those of `extras`, as written in pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = list(project["dependencies"])
    for extra in extras:
        found += project["optional-dependencies"][extra]
    return found


def lower_bounds(requirements: list[str]) -> list[str]:
    """`name==X` for each `name>=X`: the oldest versions the bounds promise to work with."""
    pins = []
    for requirement in requirements:
        if match := re.match(r"^([A-Za-z0-9_.-]+)\s*>=\s*([^,;\s]+)", requirement):
            pins.append(f"{match[1]}=={match[2]}")
    return pins


def read_pins(text: str) -> dict[str, str]:
    """`{normalised name: version}` of a `pip freeze` or constraints listing."""
    pins = {}
    for line in text.splitlines():
        name, sep, version = line.strip().partition("==")
        if sep and not name.startswith("#"):
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def changes(pinned: dict[str, str], installed: dict[str, str]) -> list[str]:
    """`name: 1.0 -> 1.1` for every package whose version differs from the pinned one."""
    names = sorted(set(pinned) | set(installed))
    return [f"{name}: {pinned.get(name, '(new)')} -> {installed.get(name, '(gone)')}"
            for name in names if pinned.get(name) != installed.get(name)]


def install(venv: Path, oldest: bool) -> subprocess.CompletedProcess:
    """A fresh venv with the project and its test extra: newest versions, or the lower bounds."""
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    command = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
               "--disable-pip-version-check", "--upgrade", "-e", f"{ROOT}[test]"]
    if oldest:
        pins = venv / "oldest.txt"
        pins.write_text("\n".join(lower_bounds(requirements())) + "\n", encoding="utf-8")
        command += ["-c", str(pins)]
    return subprocess.run(command, capture_output=True, text=True)


def main(argv: list[str] | None = None) -> int:
    """Install, compare with constraints.txt, run the suite, say what broke."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--newest", action="store_true", help="the newest allowed versions")
    which.add_argument("--oldest", action="store_true", help="exactly the lower bounds")
    parser.add_argument("--full", action="store_true", help="browser and gate tests too")
    parser.add_argument("--write", action="store_true",
                        help="with --newest: pin what passed in constraints.txt")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="deps-") as folder:
        venv = Path(folder) / "venv"
        installed = install(venv, args.oldest)
        if installed.returncode:
            print(f"install failed:\n{installed.stderr.strip()}")
            return 1
        freeze = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "freeze",
                                 "--exclude-editable"], capture_output=True, text=True).stdout
        pinned = read_pins(CONSTRAINTS.read_text(encoding="utf-8"))
        print("\n".join(changes(pinned, read_pins(freeze))) or "same versions as constraints.txt")
        suite = subprocess.run([str(venv / "bin" / "python"), "-m", "pytest", "-q", "-n", "auto",
                                "-p", "no:cacheprovider", *([] if args.full else FAST)],
                               cwd=ROOT, capture_output=True, text=True)
        report = [line for line in suite.stdout.splitlines()
                  if line.startswith(("FAILED", "ERROR")) or " passed" in line
                  or " failed" in line]
        print("\n".join(report[-40:]))
        if suite.returncode == 0 and args.write and args.newest:
            header = [line for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines()
                      if line.startswith("#")]
            body = [line for line in freeze.splitlines() if "==" in line]
            CONSTRAINTS.write_text("\n".join(header + body) + "\n", encoding="utf-8")
            print(f"{CONSTRAINTS.name}: pinned the versions above")
        return suite.returncode


if __name__ == "__main__":
    sys.exit(main())
