"""Writing the built site beside the output folder, then swapping it in whole."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..problems import BuildFailed, error
from .swap import swap_in


def hashed_name(rel: str, data: bytes) -> str:
    """`css/site.css` -> `css/site.1a2b3c4d5e.css`: a new name whenever the content changes."""
    stem, dot, ext = rel.rpartition(".")
    digest = hashlib.blake2b(data, digest_size=5).hexdigest()
    return f"{stem}.{digest}.{ext}" if dot else f"{rel}.{digest}"


MARKER = ".sitegen-output"  # in every folder the build writes: this one may be replaced
MARKER_TEXT = b"Written by the site's build, which replaces this folder whole on each run.\n"


def check_output_folder(output: Path, content: Path, force: bool = False) -> None:
    """Refuse an output the build could not write whole, or one it did not make itself.

    A folder without the build's marker is never replaced (its files would be lost)
    unless `force`; a file given as output, a missing or read-only parent, likewise.
    """
    shown, output, content = output, output.resolve(), content.resolve()
    if output == content or output in content.parents or content in output.parents:
        fail(shown, "the output folder must not contain, or be inside, the content folder")
    if output.exists() and not output.is_dir():
        fail(shown, "is a file, not a folder; give --output a folder")
    if not output.parent.is_dir():
        fail(shown, f"the folder it goes in, {output.parent}, does not exist; create it first")
    if not os.access(output.parent, os.W_OK | os.X_OK):
        fail(shown, f"cannot write in {output.parent} (permission denied)")
    refuse_foreign(output, shown, force)


def refuse_foreign(folder: Path, shown: Path, force: bool) -> None:
    """Stop unless `folder` is missing, empty, or holds the build's marker (or `force`)."""
    if not force and folder.is_dir() and not (folder / MARKER).is_file() and any(
            folder.iterdir()):
        fail(shown, f"exists and was not written by this build (no {MARKER} in it); refusing "
                    "to replace it: choose another --output, or add --force to replace it and "
                    "lose its files")


def check_working_folders(output: Path, force: bool = False) -> None:
    """The hidden siblings a build works in must be its own too (checked under the lock)."""
    for folder in (staging_folder(output.resolve()), spare_folder(output.resolve())):
        refuse_foreign(folder, folder, force)


def fail(folder: Path, message: str) -> None:
    """Stop the build with one problem about an output folder."""
    raise BuildFailed([error(str(folder), 0, message)])


def staging_folder(output: Path) -> Path:
    """The hidden sibling the next build is written into before the swap."""
    return output.with_name(f".{output.name}.new")


def spare_folder(output: Path) -> Path:
    """The hidden sibling holding the build before last, reused as the next build's canvas."""
    return output.with_name(f".{output.name}.previous")


def publish(files: dict[str, bytes], copies: dict[str, Path], output: Path,
            finish: Callable[[Path], None] | None = None) -> int:
    """Write every file beside `output`, then swap the new tree in; returns the file count.

    The new tree is made by bringing the previous-but-one build (kept hidden beside
    `output`) up to date: unchanged files and folders stay, the rest is rewritten or
    removed. Directory operations dominate the cost of writing a big site, and this
    avoids nearly all of them. `finish` (the search indexer) completes the new tree,
    then it replaces `output` in one step (see swap.py).
    """
    output = output.resolve()
    staging, spare = staging_folder(output), spare_folder(output)
    if staging.exists():
        shutil.rmtree(staging)
    if spare.is_dir():
        os.rename(spare, staging)
    staging.mkdir(exist_ok=True)
    (staging / MARKER).write_bytes(MARKER_TEXT)  # first: a folder without it is not ours
    try:
        wanted = {rel: data for rel, data in files.items()}
        wanted.update({rel: source for rel, source in copies.items()})
        wanted[MARKER] = MARKER_TEXT
        _sync(staging, wanted)
        if finish is not None:
            finish(staging)
        swap_in(staging, output, spare)
        if spare.is_dir() and not (spare / MARKER).is_file():  # replaced with --force: the
            (spare / MARKER).write_bytes(MARKER_TEXT)  # next build's canvas, ours from now on
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(wanted) - 1


def markers(files: dict[str, bytes], copies: dict[str, Path]) -> dict:
    """What tells that a published file changed: its bytes, or a copied file's stat."""
    return {**files, **{rel: _stat(source) for rel, source in copies.items()}}


def update_in_place(files: dict[str, bytes], copies: dict[str, Path], output: Path,
                    published: dict) -> int:
    """Bring a preview folder up to date by writing only what changed since the last build.

    The preview is not what the web team deploys: it needs no swap, and a request made
    while it is updated is answered again by the reload that follows. Returns how many
    files were written or removed.
    """
    current = markers(files, copies)
    gone = published.keys() - current.keys()
    changed = [rel for rel, marker in current.items() if published.get(rel) != marker]
    for rel in gone:  # a file where a folder is wanted now goes first; the rest after
        if any(other.startswith(rel + "/") for other in current):
            (output / rel).unlink(missing_ok=True)
    for rel in changed:  # new files first, so no page names a missing one
        write_whole(output / rel, files[rel] if rel in files else copies[rel].read_bytes())
    for rel in gone:
        (output / rel).unlink(missing_ok=True)
    if gone:
        _remove_empty_folders(output)
    published.clear()
    published.update(current)
    return len(changed) + len(gone)


def write_whole(target: Path, data: bytes) -> None:
    """Write a file beside its place and move it there, so no reader sees half of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.new")
    temporary.write_bytes(data)
    os.replace(temporary, target)


def _stat(source: Path) -> tuple:
    info = source.stat()
    return str(source), info.st_mtime_ns, info.st_size, info.st_ino


WRITERS = 8  # creating a file or folder waits on the disk; several in flight overlap (× 7 here)


def _sync(folder: Path, wanted: dict[str, bytes | Path]) -> None:
    """Make `folder` hold exactly the wanted files, rewriting only those that differ."""
    present = _files_under(folder)
    new_folders = sorted({rel.rpartition("/")[0] for rel in wanted.keys() - present} - {""})
    with ThreadPoolExecutor(WRITERS) as pool:
        list(pool.map(os.unlink, [folder / rel for rel in present - wanted.keys()]))
        list(pool.map(lambda rel: os.makedirs(folder / rel, exist_ok=True), new_folders))
        list(pool.map(lambda item: _put(folder / item[0], item[1], item[0] in present),
                      wanted.items()))
    _remove_empty_folders(folder)


def _put(target: Path, data: bytes | Path, present: bool) -> None:
    if isinstance(data, Path):
        data = data.read_bytes()
    if present:
        if _same(target, data):
            return
        os.unlink(target)  # never write through a link shared with another tree
    with open(target, "wb") as handle:
        handle.write(data)


def _same(file: Path, data: bytes) -> bool:
    try:
        return file.stat().st_size == len(data) and file.read_bytes() == data
    except OSError:
        return False


def _files_under(folder: Path) -> set[str]:
    found = set()
    if folder.is_dir():
        for parent, _, names in os.walk(folder):
            rel = os.path.relpath(parent, folder).replace(os.sep, "/")
            prefix = "" if rel == "." else rel + "/"
            found.update(prefix + name for name in names)
    return found


def _remove_empty_folders(folder: Path) -> None:
    for parent, _, names in os.walk(folder, topdown=False):
        if not names and parent != str(folder) and not os.listdir(parent):
            os.rmdir(parent)


def static_assets(static: Path) -> dict[str, tuple[str, bytes]]:
    """CSS, JS and other assets of the design, under content-hashed names."""
    found = {}
    if static.is_dir():
        for file in sorted(static.rglob("*")):
            if file.is_file() and not file.name.startswith("."):
                rel = file.relative_to(static).as_posix()
                data = file.read_bytes()
                found[rel] = ("assets/" + hashed_name(rel, data), data)
    return found
