"""axe-core and the Nu HTML checker, installed by npm (`package.json`), and how to read them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = Path(os.environ.get("AXE_JS", ROOT / "node_modules" / "axe-core" / "axe.min.js"))
VNU_JAR = Path(os.environ.get("VNU_JAR", ROOT / "node_modules" / "vnu-jar" / "build" / "dist"
                              / "vnu.jar"))
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = ("serious", "critical")


def missing_axe() -> str | None:
    """Why axe-core cannot run here, or None."""
    return None if AXE_JS.is_file() else f"{AXE_JS} is missing: run npm install"


def missing_vnu() -> str | None:
    """Why the Nu HTML checker cannot run here, or None."""
    if not shutil.which("java"):
        return "java is missing (the Nu HTML checker needs Java 11 or later)"
    return None if VNU_JAR.is_file() else f"{VNU_JAR} is missing: run npm install"


def axe_violations(page) -> list[dict]:
    """Serious and critical WCAG 2.2 AA violations of the page loaded in `page`."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})", WCAG)
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    """Each violation, its help page and the elements concerned, one per line."""
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} "
                     f"({violation['helpUrl']})")
        lines += [f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}"
                  for node in violation["nodes"][:10]]
    return "\n".join(lines)


def vnu_errors(*folders: Path) -> list[str]:
    """`file:line: message` for every error the Nu HTML checker finds in the folders' pages."""
    process = subprocess.run(
        ["java", "-Xss8m", "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only",
         "--format", "json", "--stdout", *map(str, folders)],
        capture_output=True, text=True, timeout=900)
    if not process.stdout.strip():
        return [f"vnu.jar printed nothing (exit {process.returncode}): {process.stderr[:500]}"]
    messages = json.loads(process.stdout)["messages"]
    prefixes = [f"file:{folder.resolve()}/" for folder in folders]
    errors = []
    for message in messages:
        if message["type"] in ("error", "non-document-error"):
            where = message.get("url", "?")
            where = next((where[len(p):] for p in prefixes if where.startswith(p)), where)
            errors.append(f"{where}:{message.get('lastLine', 0)}: {message['message']}")
    return sorted(errors)
