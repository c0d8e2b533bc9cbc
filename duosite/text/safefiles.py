"""Reading the content tree: regular files inside it only, every failure one problem."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..problems import Problem, error

MAX_FILE_BYTES = 50_000_000  # a page, a lab or an image; bigger is a mistake, not content


def refusal(content: Path, rel: str) -> str | None:
    """Why the entry `rel` of the tree may not be read or published, or None if it may."""
    file = content / rel
    try:
        info = os.lstat(file)
        if stat.S_ISLNK(info.st_mode):
            target = os.path.realpath(file, strict=True)
            root = os.path.realpath(content)
            if os.path.isdir(target):
                return "is a symbolic link to a folder; the build does not follow folder links " \
                       "(move or copy the folder instead)"
            if not target.startswith(root + os.sep):
                return "is a symbolic link leading outside the content folder; the build " \
                       "publishes only what is inside it (copy the file in instead)"
            info = os.stat(file)
    except FileNotFoundError:
        return "is a symbolic link to a file that does not exist"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link that leads back to itself (a loop)"
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISDIR(info.st_mode):
        return "is a symbolic link to a folder; the build does not follow folder links " \
               "(move or copy the folder instead)"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a pipe, a device or a socket); remove it"
    if info.st_size > MAX_FILE_BYTES:
        return f"is larger than {MAX_FILE_BYTES // 1_000_000} MB; the build refuses it"
    return None


def entry_problem(content: Path, rel: str) -> Problem | None:
    """The problem with one entry of the tree, if it has one."""
    message = refusal(content, rel)
    return error(rel, 1, message) if message else None


def read_bytes(content: Path, rel: str) -> tuple[bytes | None, list[Problem]]:
    """A file's bytes, or None and the one problem that stops it from being read."""
    try:
        with open(content / rel, "rb") as stream:
            return stream.read(), []
    except OSError as exc:
        return None, [error(rel, 1, f"cannot be read: {exc.strerror or exc}")]
