"""Build, preview or check the bilingual Partnerships site.

    python build.py                 build content/ into output/
    python build.py serve           preview while writing, at http://127.0.0.1:8000/
    python build.py check           verify links and translations without publishing
    python build.py --help          every command and option, and the exit statuses
"""

import sys
from pathlib import Path

try:
    from duosite.cli import main
except ModuleNotFoundError as missing:  # run with a Python that lacks the dependencies
    print(f"build.py: {missing}; install the project first (README, quick start):\n"
          "  python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/python build.py",
          file=sys.stderr)
    sys.exit(2)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], root=Path(__file__).resolve().parent, prog="build.py"))
