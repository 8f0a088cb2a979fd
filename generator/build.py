"""`make site`: build with MkDocs into a temporary folder, then swap it into place.

The build validates the data files once, in its plugin. When it fails, they are validated here
too, so that problems in them are listed as `validate` lists them (file, line, the fix) rather
than inside MkDocs's log. (Validating here first as well took 6 s at 10,000 listings.)
A failed validation or build leaves the last good site/ exactly as it was. MkDocs runs as a
separate process, so the core never imports it and another engine could take its place here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.validate import validate_tree


class BuildFailed(Exception):
    pass


def build_site(root: Path, output: Path) -> None:
    output = output if output.is_absolute() else root / output
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=output.parent))
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
            raise BuildFailed(f"the site build failed (see above); {output} was left as it was")
        _swap(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, output: Path) -> None:
    """Replace output with new using renames, so there is never a half-written site."""
    old = output.with_name(f".site-old-{output.name}")
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    new.rename(output)
    shutil.rmtree(old, ignore_errors=True)
