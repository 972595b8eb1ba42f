"""The PySide6 pins for old-glibc builds agree with pyproject.toml and with the packaging guide."""

from __future__ import annotations

import re
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "packaging" / "constraints-old-glibc.txt"


def _pins(machine: str) -> dict[str, Version]:
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        if req.marker is None or req.marker.evaluate({"platform_machine": machine}):
            (spec,) = req.specifier
            assert spec.operator == "==", f"a pin, not a range: {line}"
            pins[req.name] = Version(spec.version)
    return pins


def _project_range(name: str):
    # The dependency line as written in pyproject.toml (tomllib is not in Python 3.10).
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    line = re.search(rf'^\s*"({re.escape(name)}[^"]*)",', text, re.M).group(1)
    return Requirement(line).specifier


def test_each_target_machine_has_matching_pyside6_and_shiboken6_pins():
    for machine in ("x86_64", "aarch64"):
        pins = _pins(machine)
        assert set(pins) == {"PySide6-Essentials", "shiboken6"}, machine
        assert pins["PySide6-Essentials"] == pins["shiboken6"], "PySide6 needs its own shiboken6"


def test_pins_are_inside_the_projects_supported_range():
    supported = _project_range("PySide6-Essentials")
    for machine in ("x86_64", "aarch64"):
        version = _pins(machine)["PySide6-Essentials"]
        assert supported.contains(version), f"{machine}: {version} outside {supported}"


def test_the_guide_names_the_same_versions():
    guide = (ROOT / "docs" / "packaging.md").read_text(encoding="utf-8")
    for machine in ("x86_64", "aarch64"):
        assert f"| {machine} | {_pins(machine)['PySide6-Essentials']} |" in guide.replace("x86-64", "x86_64")
