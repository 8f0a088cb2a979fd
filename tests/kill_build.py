"""Kill `build_site` at every line it runs, and report what each kill and the next build left.

Run by tests/site/test_atomic_swap.py in a process of its own (one thread, so forking is safe):

    python -m tests.kill_build exchange|fallback WORKDIR

For each point N (a line run in generator/site/build.py, or a call that changes the file system:
a rename, a removal, a new folder), a forked copy builds and SIGKILLs itself at its Nth point. Then this process
takes a snapshot of the folder, builds again to the end, and takes another. MkDocs is replaced
by a function that writes a small site, so a point costs milliseconds. Prints one JSON list:
[{"point", "killed", "after_kill", "after_rebuild"}].
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from generator.site import build

OLD = {"index.html": "old", "a/b.html": "old", "a/c.html": "old only"}
NEW = {"index.html": "new", "a/b.html": "new", "d/e.html": "new only"}
CHANGES = ("rename", "replace", "unlink", "remove", "rmdir", "mkdir")  # what os calls to do it


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def fake_mkdocs(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
    write(Path(command[command.index("--site-dir") + 1]), NEW)
    return subprocess.CompletedProcess(command, 0, "", "")


def files_in(folder: Path) -> dict[str, str] | None:
    if not folder.is_dir():
        return None
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(folder.rglob("*")) if path.is_file()}


def snapshot(parent: Path) -> dict[str, object]:
    return {"site": files_in(parent / "site"),
            "moved_aside": files_in(parent / ".site-old-site"),
            "others": sorted(p.name for p in parent.iterdir() if p.name not in ("site", "root"))}


def killed_at(point: int, root: Path, output: Path, counted: Path) -> int:
    """Build in a forked copy that kills itself at its `point`th traced line; its status."""
    child = os.fork()
    if child == 0:
        points = 0

        def tick() -> None:
            nonlocal points
            points += 1
            if points == point:
                os.kill(os.getpid(), signal.SIGKILL)

        def before(change):  # noqa: ANN001, ANN202
            def changed(*arguments, **keywords):  # noqa: ANN002, ANN003, ANN202
                tick()
                return change(*arguments, **keywords)
            return changed

        for name in CHANGES:
            setattr(os, name, before(getattr(os, name)))

        def local(frame, event, arg):  # noqa: ANN001, ANN202
            if event == "line":
                tick()
            return local

        sys.settrace(lambda frame, event, arg: local if frame.f_code.co_filename ==
                     build.__file__ else None)
        build.build_site(root, output)
        sys.settrace(None)
        counted.write_text(str(points))
        os._exit(0)
    _, status = os.waitpid(child, 0)
    return status


def main(mode: str, work: Path) -> None:
    build.subprocess = SimpleNamespace(run=fake_mkdocs)  # type: ignore[assignment]
    if mode == "fallback":
        build._exchange = lambda a, b: False  # type: ignore[assignment]
    parent = work / "project"
    root, output, counted = parent / "root", parent / "site", work / "lines"

    def fresh() -> None:
        shutil.rmtree(parent, ignore_errors=True)
        root.mkdir(parents=True)
        write(output, OLD)
        write(parent / ".site-new-k1lled", {"index.html": "half"})  # an earlier killed build

    build._libc()  # looked up once per process: before the forks, so each runs the same lines
    fresh()
    killed_at(0, root, output, counted)  # point 0 never comes: a whole build, counted
    total = int(counted.read_text())
    report = []
    for point in range(1, total + 1):
        fresh()
        status = killed_at(point, root, output, counted)
        after_kill = snapshot(parent)
        build.build_site(root, output)
        report.append({"point": point, "killed": os.WIFSIGNALED(status),
                       "after_kill": after_kill, "after_rebuild": snapshot(parent)})
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
