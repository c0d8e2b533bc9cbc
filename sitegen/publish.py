"""Writing the built site beside the output folder, then swapping it in whole."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from .problems import BuildFailed, error


def hashed_name(rel: str, data: bytes) -> str:
    """`css/site.css` -> `css/site.1a2b3c4d.css`: a new name whenever the content changes."""
    stem, dot, ext = rel.rpartition(".")
    digest = hashlib.blake2b(data, digest_size=5).hexdigest()
    return f"{stem}.{digest}.{ext}" if dot else f"{rel}.{digest}"


def check_output_folder(output: Path, content: Path) -> None:
    """Refuse to replace a folder that is not a previous build, or that holds the sources."""
    output, content = output.resolve(), content.resolve()
    if output == content or output in content.parents or content in output.parents:
        raise BuildFailed([error(str(output), 0, "the output folder must not contain, or be "
                                 "inside, the content folder")])
    if output.is_dir() and any(output.iterdir()) and not (output / "sitemap.xml").is_file():
        raise BuildFailed([error(str(output), 0, "the output folder exists and is not a built "
                                 "site (no sitemap.xml); refusing to replace it")])


def publish(files: dict[str, bytes], copies: dict[str, Path], output: Path) -> int:
    """Write every file into a new folder beside `output`, then swap it in; returns the count.

    Files whose bytes did not change are hard-linked from the previous build rather than
    written again. Nothing in `output` changes until the whole new tree is complete.
    """
    output = output.resolve()
    staging = output.with_name(f".{output.name}.new")
    retired = output.with_name(f".{output.name}.old")
    for leftover in (staging, retired):
        if leftover.exists():
            shutil.rmtree(leftover)
    made: set[Path] = set()
    try:
        for rel, data in files.items():
            _write(staging, output, rel, data, made)
        for rel, source in copies.items():
            target = staging / rel
            _mkdirs(target.parent, made)
            shutil.copyfile(source, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if output.exists():
        os.rename(output, retired)
    os.rename(staging, output)
    shutil.rmtree(retired, ignore_errors=True)
    return len(files) + len(copies)


def _mkdirs(folder: Path, made: set[Path]) -> None:
    if folder not in made:
        folder.mkdir(parents=True, exist_ok=True)
        made.add(folder)


def _write(staging: Path, output: Path, rel: str, data: bytes, made: set[Path]) -> None:
    target = staging / rel
    _mkdirs(target.parent, made)
    previous = output / rel
    try:
        if previous.stat().st_size == len(data) and previous.read_bytes() == data:
            os.link(previous, target)
            return
    except OSError:
        pass
    with open(target, "wb") as handle:
        handle.write(data)
