"""Build, preview or check the bilingual Partnerships site.

    python build.py                 build content/ into output/
    python build.py serve           preview while writing, at http://127.0.0.1:8000/
    python build.py check           verify links and translations without publishing
"""

import argparse
import sys
from pathlib import Path

from sitegen import commands

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="build",
                        choices=["build", "serve", "check", "mark-translated"])
    parser.add_argument("pages", nargs="*", help="mark-translated: the translated pages")
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--output", type=Path, default=Path("output"))
    parser.add_argument("--no-cache", action="store_true", help="convert all Markdown afresh")
    parser.add_argument("--drafts", action="store_true", help="publish draft pages too")
    parser.add_argument("--timings", action="store_true", help="print the time of each stage")
    parser.add_argument("--force", action="store_true",
                        help="replace an output folder not written by this build (losing it)")
    parser.add_argument("--host", default="127.0.0.1", help="serve: address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="serve: port to listen on")
    parser.add_argument("--open", action="store_true", help="serve: open a browser")
    parser.add_argument("--strict", action="store_true", help="check: warnings fail too")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="check: how to print the report")
    args = parser.parse_args(argv)
    return commands.run(args, HERE)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
