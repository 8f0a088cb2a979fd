"""The package's layout holds: every module sits in the subpackage of its stage, imports run one
way (adapters -> contribute -> site -> exports -> core, see generator/__init__.py), no modules
import each other in a circle, only the adapters import MkDocs, and a module over 500 lines says
in its docstring why it is one module. Read from the source (ast), so a lazy import inside a
function counts as much as one at the top."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
ORDER = ("core", "exports", "site", "contribute", "adapters")  # each may import those before it
LONG = 500


def modules() -> dict[str, Path]:
    """Every module's dotted name -> its file (a package by its own name, for its __init__)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(path: Path) -> set[str]:
    """The modules of this project (and mkdocs) that a file imports, by dotted name."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    known = set(modules())
    return {name for name in found if name in known or name.split(".")[0] == "mkdocs"}


def stage(name: str) -> str | None:
    """core, exports, ... for a module in a stage's folder; None for anything else."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ORDER else None


def test_every_module_is_in_a_stage():
    loose = [name for name in modules() if stage(name) not in ORDER
             and name not in ("generator", "generator.__main__")]
    assert loose == [], "put these in one of generator/" + "/, generator/".join(ORDER) + "/"


def test_imports_run_one_way():
    back = []
    for name, path in modules().items():
        mine = stage(name)
        if mine is None:
            continue
        for other in sorted(imports(path)):
            theirs = stage(other)
            if theirs is not None and ORDER.index(theirs) > ORDER.index(mine):
                back.append(f"{name} imports {other} ({mine} may import only "
                            f"{', '.join(ORDER[:ORDER.index(mine) + 1])})")
    assert back == []


def test_only_the_adapters_import_mkdocs():
    found = [f"{name} imports {other}" for name, path in modules().items()
             for other in sorted(imports(path))
             if other.split(".")[0] == "mkdocs" and stage(name) != "adapters"]
    assert found == []


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_modules_import_each_other_in_a_circle():
    known = modules()
    # a package's __init__ is where a dotted import passes through, not an arrow of its own
    graph = {name: {other for other in imports(path) if other in known
                    and not other.endswith(tuple(f".{s}" for s in ORDER)) and other != "generator"}
             for name, path in known.items()}
    assert circles(graph) == []


def test_the_circle_finder_finds_one():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_a_long_module_says_why_it_is_one():
    unexplained = []
    for name, path in modules().items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > LONG:
            doc = ast.get_docstring(ast.parse(text)) or ""
            if "One module because" not in doc:
                unexplained.append(f"{name} ({text.count(chr(10))} lines)")
    assert unexplained == [], ("split these, or say in the docstring why each is one module "
                               "(a paragraph starting 'One module because')")
