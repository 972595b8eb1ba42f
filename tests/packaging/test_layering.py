"""The layers: only fengqiao_desktop/ui may import PySide6 (the core stays usable from scripts and
CI); no core package imports the window or the command line; ``domain`` imports nothing of the app
but itself; and no two modules import each other, directly or round a longer loop, when loaded."""

from __future__ import annotations

import ast
from pathlib import Path

import fengqiao_desktop

PKG = Path(fengqiao_desktop.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_qt_outside_ui():
    offenders = []
    for py in PKG.rglob("*.py"):
        rel = py.relative_to(PKG)
        if rel.parts[0] == "ui":
            continue
        if any(n == "PySide6" or n.startswith("PySide6.") for n in _imports(py)):
            offenders.append(str(rel))
    assert offenders == []


def _core(rel: Path) -> bool:
    """Every package and top-level module but the window, the command line and ``python -m``."""
    return rel.parts[0] not in ("ui", "cli", "__main__.py")


def test_core_does_not_import_ui_or_cli():
    offenders = []
    for py in PKG.rglob("*.py"):
        rel = py.relative_to(PKG)
        if not _core(rel):
            continue
        for n in _imports(py):
            if n.startswith(("fengqiao_desktop.ui", "fengqiao_desktop.cli")):
                offenders.append(f"{rel} imports {n}")
    assert offenders == []


def test_the_domain_depends_on_nothing_of_the_app():
    offenders = [
        f"{py.relative_to(PKG)} imports {n}"
        for py in (PKG / "domain").rglob("*.py")
        for n in _imports(py)
        if n.startswith("fengqiao_desktop.") and not n.startswith("fengqiao_desktop.domain")
    ]
    assert offenders == []


def _module_graph() -> dict[str, set[str]]:
    """Module -> the app's modules it imports when loaded (module level; TYPE_CHECKING and
    imports inside functions left out, as they do not run at load time)."""
    mods = {}
    for py in PKG.rglob("*.py"):
        parts = ("fengqiao_desktop", *py.relative_to(PKG).with_suffix("").parts)
        mods[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = py
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for m, py in mods.items():
        for node in ast.parse(py.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                subs = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in mods]
                targets = subs if len(subs) == len(node.names) else [node.module, *subs]
            else:
                continue
            graph[m].update(t for t in targets if t in graph and t != m)
    return graph


def test_no_import_cycles():
    graph = _module_graph()
    assert len(graph) > 100
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert cycles == []
