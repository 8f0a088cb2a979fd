"""The data as git has it: the files at another commit, and the files changed since then.

An adapter at the edge, like the command line: it runs the `git` program; the core stages never
call it.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from generator.core.problems import SetupError


def git(root: Path, args: list[str]) -> str | None:
    """git's output, or None when git is missing or the command fails."""
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                                check=False)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def extract_orgs(root: Path, ref: str, target: Path) -> None:
    """Write orgs/ as it is at commit `ref` into target/orgs (empty if it had none)."""
    if git(root, ["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"]) is None:
        raise SetupError(f"git does not know '{ref}' in {root}; give a branch, tag or commit, "
                         "e.g. main or origin/main (a shallow clone may need 'git fetch')")
    (target / "orgs").mkdir(parents=True, exist_ok=True)
    if git(root, ["rev-parse", "--verify", "--quiet", f"{ref}:orgs"]) is None:
        return  # the folder did not exist yet
    result = subprocess.run(["git", "archive", "--format=tar", ref, "orgs"], cwd=root,
                            capture_output=True, check=False)
    if result.returncode != 0:
        raise SetupError(f"git could not read orgs/ at '{ref}': "
                         f"{result.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        archive.extractall(target, filter="data")


def changed_files(root: Path) -> list[str]:
    """Data files git sees as changed: not yet committed, or committed since main."""
    names: list[str] = []
    outputs = [(git(root, ["status", "--porcelain", "--untracked-files=all", "--", "orgs"]), 3)]
    for base in ("origin/main", "main"):
        if git(root, ["rev-parse", "--verify", "--quiet", base]) is not None:
            outputs.append((git(root, ["diff", "--name-only", f"{base}...HEAD", "--", "orgs"]), 0))
            break
    for output, skip in outputs:
        for line in (output or "").splitlines():
            name = line[skip:].split(" -> ")[-1].strip().strip('"')
            if name and name not in names and (root / name).is_file():
                names.append(name)
    return names
