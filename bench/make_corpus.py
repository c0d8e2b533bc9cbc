"""Write a benchmark corpus in this project's format and, beside it, the same site for Hugo.

    python bench/make_corpus.py /tmp/corpus                # 1,000 pairs
    python bench/make_corpus.py /tmp/corpus --pairs 10000 --seed 2

Then `python build.py --content /tmp/corpus/content --output /tmp/corpus/out` and
`hugo --source /tmp/corpus/hugo` build the two.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from corpus import write_corpus
from hugo_project import write_hugo_project


def main(argv: list[str] | None = None) -> int:
    """Write FOLDER/content/ and FOLDER/hugo/; refuse a folder that already has either."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to write content/ and hugo/")
    parser.add_argument("--pairs", type=int, default=1000, help="page pairs (default: 1000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed; same seed, same bytes")
    args = parser.parse_args(argv)
    if args.pairs < 1:
        parser.error("--pairs must be at least 1")
    taken = [p for p in (args.folder / "content", args.folder / "hugo") if p.exists()]
    if taken:
        print(f"{taken[0]}: already exists; choose an empty folder", file=sys.stderr)
        return 2
    corpus = write_corpus(args.folder, args.pairs, seed=args.seed)
    pages = write_hugo_project(corpus.content, args.folder / "hugo")
    print(f"{corpus.source_pages} pages in {corpus.content}, {pages} in {args.folder / 'hugo'}; "
          f"the rebuild benchmark edits {corpus.edit_target.relative_to(args.folder)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
