"""Write examples.json: the spec's examples of the sections our Markdown tests follow.

    python3 tests/data/commonmark/extract.py SPEC.txt
"""

import json
import re
import sys
from pathlib import Path

SECTIONS = ("List items", "Lists", "HTML blocks")
FENCE = "`" * 32


def examples(text: str) -> list[dict]:
    """Every example of the spec: its number, section, Markdown and expected HTML."""
    found, section, lines, i = [], "", text.split("\n"), 0
    while i < len(lines):
        if heading := re.match(r"#{1,6} (.*)", lines[i]):
            section = heading.group(1)
        if lines[i].startswith(FENCE + " example"):
            end = lines.index(FENCE, i + 1)
            dot = lines.index(".", i + 1)
            found.append({"number": len(found) + 1, "section": section,
                          "markdown": "\n".join(lines[i + 1:dot]).replace("→", "\t") + "\n",
                          "html": "\n".join(lines[dot + 1:end]).replace("→", "\t") + "\n"})
            i = end
        i += 1
    return found


if __name__ == "__main__":
    chosen = [e for e in examples(Path(sys.argv[1]).read_text(encoding="utf-8"))
              if e["section"] in SECTIONS]
    out = Path(__file__).with_name("examples.json")
    out.write_text(json.dumps(chosen, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(chosen)} examples written to {out}")
