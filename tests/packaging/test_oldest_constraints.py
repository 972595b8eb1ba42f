"""The oldest-stack CI step pins exactly what pyproject.toml claims, and runs before the README's tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / ".ci" / "oldest_constraints.py"


def _pins(pyproject: Path, *extras: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), str(pyproject), *extras], capture_output=True, text=True)


def test_every_dependency_and_test_extra_is_pinned_to_its_floor():
    out = _pins(ROOT / "pyproject.toml", "test", "postgres")
    assert out.returncode == 0, out.stderr
    pins = [line for line in out.stdout.splitlines() if line and not line.startswith("#")]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [
        *project["dependencies"],
        *project["optional-dependencies"]["test"],
        *project["optional-dependencies"]["postgres"],
    ]
    assert len(pins) == len({r.split(">=")[0].split("[")[0].lower() for r in declared})
    assert "pydantic==2.6" in pins and "SQLAlchemy==2.0.25" in pins
    assert "PySide6-Essentials==6.6" in pins  # the upper bound (<6.12) is not a floor
    assert "psycopg==3.1" in pins  # pip refuses extras in a constraints file


def test_a_dependency_without_a_floor_is_refused(tmp_path):
    p = tmp_path / "pyproject.toml"
    p.write_text('[project]\nname = "x"\ndependencies = ["PyYAML>=6.0", "segno<2"]\n', encoding="utf-8")
    out = _pins(p)
    assert out.returncode != 0
    assert "segno<2" in out.stderr and "floor" in out.stderr


def test_ci_runs_the_oldest_stack_before_the_readme_test_command():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert run.index("bash .ci/oldest-stack.sh") < run.index(".venv/bin/python -m pytest -n 2")
    assert ".venv-oldest/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
