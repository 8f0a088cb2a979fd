"""`make site`: build with MkDocs into a temporary folder, then swap it into place.

The build validates the data files once, in its plugin. When it fails, they are validated here
too, so that problems in them are listed as `validate` lists them (file, line, the fix) rather
than inside MkDocs's log. (Validating here first as well took 6 s at 10,000 listings.)
A failed validation or build leaves the last good site/ exactly as it was, and the new site takes
its place in one step (see _swap): a build killed at any moment leaves the old site or the new
one, and the next build removes what it left behind. MkDocs runs as a
separate process, so the core never imports it and another engine could take its place here.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generator.core.validate import validate_tree


class BuildFailed(Exception):
    pass


def build_site(root: Path, output: Path) -> None:
    output = output if output.is_absolute() else root / output
    output.parent.mkdir(parents=True, exist_ok=True)
    with _one_build_at_a_time(output.parent):
        _clean_up(output)
        staging = Path(tempfile.mkdtemp(prefix=_NEW, dir=output.parent))
        try:
            # Not --quiet: MkDocs then stops counting warnings, and --strict would pass them.
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict",
                 "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(staging)],
                cwd=root, check=False, capture_output=True, text=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            if result.returncode != 0:
                validate_tree(root)  # raises InvalidDirectory, listing every problem in the data
                problems = [line for line in (result.stdout + result.stderr).splitlines()
                            if not line.startswith("INFO")]
                print("\n".join(problems), file=sys.stderr)
                raise BuildFailed(f"the site build failed (see above); {output} was left as it "
                                  "was")
            _swap(staging, output)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


# Beside the output, a build keeps <_NEW><random>: the new site as it is built, and after the swap
# the old one on its way out. Only the fallback swap uses <_OLD><name>.
_NEW = ".site-new-"
_OLD = ".site-old-"


@contextlib.contextmanager
def _one_build_at_a_time(folder: Path) -> Iterator[None]:
    """Two builds into one folder take turns: the cleanup of what a killed build left behind
    must not remove the folder another build is writing. The lock is on the folder itself, so
    no lock file is left behind, and the system drops it when the process ends, killed or not."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system: builds do not overlap there
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def _clean_up(output: Path) -> None:
    """What a killed build left: its new folder, or the old site it was removing. A site that
    the fallback swap had moved aside, with no site in its place, is put back first."""
    old = output.with_name(_OLD + output.name)
    if os.path.lexists(old) and not os.path.lexists(output):
        old.rename(output)
    for leftover in output.parent.glob(f"{_NEW}*"):  # no other build is running (see above)
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)


def _swap(new: Path, output: Path) -> None:
    """Put new in output's place in one step: at every moment there is output, old or new.

    With a site already there, the two are exchanged by one rename (Linux renameat2 with
    RENAME_EXCHANGE, macOS renamex_np with RENAME_SWAP), and new's name then holds the old site,
    which build_site removes. Without either call (another system, or a file system that
    cannot), two renames: a kill between them leaves the old site under _OLD, which the next
    build puts back.
    """
    if not os.path.lexists(output):
        new.rename(output)
    elif not _exchange(new, output):
        old = output.with_name(_OLD + output.name)
        shutil.rmtree(old, ignore_errors=True)
        output.rename(old)
        new.rename(output)
        shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False when the system offers no way to."""
    libc = _libc()
    if libc is None:
        return False
    if sys.platform == "darwin":
        call = getattr(libc, "renamex_np", None)
        arguments: tuple[object, ...] = (os.fsencode(a), os.fsencode(b), _RENAME_SWAP)
    else:
        call = getattr(libc, "renameat2", None)
        arguments = (_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if call is None:
        return False
    if call(*arguments) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
        return False  # this system or file system cannot exchange: the fallback will do
    raise OSError(error, f"cannot swap {b} for the new build: {os.strerror(error)}", str(b))


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h
_RENAME_SWAP = 2  # macOS stdio.h


@functools.lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    if os.name != "posix":
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
