"""Only fengqiao_desktop/ui may import PySide6: the core stays usable from scripts and CI."""

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


def test_core_does_not_import_ui_or_cli():
    core = {"domain", "formengine", "storage", "bundle", "merge", "reports", "roster", "services"}
    offenders = []
    for py in PKG.rglob("*.py"):
        rel = py.relative_to(PKG)
        if rel.parts[0] not in core:
            continue
        for n in _imports(py):
            if n.startswith(("fengqiao_desktop.ui", "fengqiao_desktop.cli")):
                offenders.append(f"{rel} imports {n}")
    assert offenders == []
