"""Putting a new folder in place of the published one in one step, one build at a time.

Linux swaps two folders atomically with renameat2(RENAME_EXCHANGE), macOS with
renamex_np(RENAME_SWAP): a reader finds either the old site or the new one, whole, and
never no site. Elsewhere (or on a file system without the call) the old folder is renamed
aside and the new one renamed in: two renames, a moment without a folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from ..problems import BuildFailed, error

AT_FDCWD, RENAME_EXCHANGE, RENAME_SWAP = -100, 2, 2
LOCK_WAIT_S, LOCK_POLL_S = 600, 0.05


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step; False when this system or file system cannot."""
    libc = _libc()
    a, b = os.fsencode(first), os.fsencode(second)
    if libc is not None and hasattr(libc, "renameat2"):
        done = libc.renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)
    elif libc is not None and hasattr(libc, "renamex_np"):
        done = libc.renamex_np(a, b, RENAME_SWAP)
    else:
        return False
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(first))


def swap_in(new: Path, output: Path, aside: Path) -> None:
    """Make `new` the `output` folder; the old one ends up at `aside` (which must not exist)."""
    if not output.exists():
        os.rename(new, output)
    elif exchange(new, output):
        os.rename(new, aside)  # `new` holds the old site now
    else:
        os.rename(output, aside)
        os.rename(new, output)


@contextlib.contextmanager
def locked(output: Path) -> Iterator[None]:
    """Hold the output folder for this build; a second build waits for the first to finish.

    The lock is on the folder holding `output` (so nothing is left behind), and the
    system releases it when the process ends, however it ends.
    """
    parent = os.open(output.parent, os.O_RDONLY)
    try:
        started, told = time.monotonic(), False
        while True:
            try:
                fcntl.flock(parent, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() - started > LOCK_WAIT_S:
                    raise BuildFailed([error(str(output), 0, "another build has been writing "
                                             f"this folder for {LOCK_WAIT_S} s; try again "
                                             "when it has finished")]) from None
                if not told:
                    print(f"{output}: waiting for another build of this folder to finish",
                          file=sys.stderr, flush=True)
                    told = True
                time.sleep(LOCK_POLL_S)
        yield
    finally:
        os.close(parent)
