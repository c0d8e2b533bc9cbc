"""The command line: the only place that knows argparse; it makes a Project and calls a command.

Exit status: 0 the site was built (or checked clean), 1 the content has errors (each printed as
`path:line: message`), 2 the command line itself is wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .project import Project

COMMANDS = {
    "build": "build the content into the output folder (the default)",
    "serve": "preview while writing, rebuilt and reloaded after each save",
    "check": "report broken links and missing or stale translations",
    "mark-translated": "record that translations match their originals now",
}
EPILOG = """exit status: 0 built (or checked clean), 1 content errors, 2 usage errors.
'%(prog)s COMMAND --help' lists a command's options."""


def base_url(value: str) -> str:
    """An http(s) address, for --base-url; anything else is a usage error."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(f"'{value}' is not an http(s) URL")
    return value.rstrip("/")


def make_parser(prog: str) -> argparse.ArgumentParser:
    """The parser of every command, with the options each one takes."""
    site = argparse.ArgumentParser(add_help=False)
    site.add_argument("--content", type=Path, default=Path("content"),
                      help="the content folder (default: content)")
    site.add_argument("--output", type=Path, default=Path("output"),
                      help="where the site is written (default: output)")
    site.add_argument("--base-url", type=base_url, metavar="URL",
                      help="publish for this address instead of site.yaml's base_url")
    site.add_argument("--no-cache", action="store_true", help="convert all Markdown afresh")
    site.add_argument("--drafts", action="store_true", help="publish draft pages too")
    site.add_argument("--force", action="store_true",
                      help="replace an output folder not written by this build (losing it)")
    parser = argparse.ArgumentParser(
        prog=prog, description="Build, preview or check the bilingual site.", epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    make = {name: commands.add_parser(name, parents=[site], help=text, description=text)
            for name, text in COMMANDS.items()}
    make["build"].add_argument("--quiet", "-q", action="store_true",
                               help="print errors only, no warnings or summary")
    make["build"].add_argument("--timings", action="store_true",
                               help="print the time of each stage")
    make["build"].add_argument("--published-urls", type=Path, metavar="FILE",
                               help="what the live site published (its .published-urls.json), "
                                    "to keep moved pages' URLs when output/ starts empty")
    make["serve"].add_argument("--host", default="127.0.0.1", help="address to listen on")
    make["serve"].add_argument("--port", type=int, default=8000, help="port to listen on")
    make["serve"].add_argument("--open", action="store_true", help="open a browser")
    make["check"].add_argument("--strict", action="store_true", help="warnings fail too")
    make["check"].add_argument("--format", choices=["text", "json"], default="text",
                               help="how to print the report")
    make["mark-translated"].add_argument("pages", nargs="+", type=Path,
                                         help="the translated pages, e.g. content/x.fr.md")
    return parser


def parse(argv: list[str], prog: str) -> argparse.Namespace:
    """The options of `argv`; a command line that names no command builds."""
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv = ["build", *argv]
    return make_parser(prog).parse_args(argv)


def project_for(args: argparse.Namespace, root: Path) -> Project:
    """Paths of a build: content and output from the command line, the design from `root`."""
    return Project(content=args.content, output=args.output, templates=root / "templates",
                   locales=root / "locales", static=root / "static",
                   cache=None if args.no_cache else root / ".cache",
                   include_drafts=args.drafts, base_url=args.base_url, force=args.force,
                   published_urls=getattr(args, "published_urls", None))


def main(argv: list[str] | None = None, root: Path | None = None, prog: str | None = None) -> int:
    """Run the command of `argv`; the design (templates, locales, static) is read from `root`."""
    args = parse(sys.argv[1:] if argv is None else argv, prog or Path(sys.argv[0]).name)
    root = Path.cwd() if root is None else root
    if not (root / "templates").is_dir():
        print(f"{root / 'templates'}: templates folder not found; run this in the site's folder",
              file=sys.stderr)
        return 2
    project = project_for(args, root)
    if not project.content.is_dir():
        print(f"{project.content}: content folder not found", file=sys.stderr)
        return 2
    if args.command == "serve":
        from .preview.serve import run_serve
        return run_serve(project, root, args.host, args.port, args.open)
    label = str(args.content)
    if args.command == "check":
        from .check.command import run_check
        return run_check(project, label, args.strict, args.format)
    if args.command == "mark-translated":
        from .check.command import run_mark_translated
        return run_mark_translated(project, args.pages, label)
    from .commands import run_build
    return run_build(project, quiet=args.quiet, timings=args.timings)


def run() -> None:
    """The console script's entry point."""
    sys.exit(main())
