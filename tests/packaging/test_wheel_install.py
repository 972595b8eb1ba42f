"""A non-editable install in a temporary directory finds the shipped forms and resources."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_ships_forms_and_resources(tmp_path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
    )
    wheels = list(wheel_dir.glob("fengqiao_desktop-*.whl"))
    assert len(wheels) == 1
    # Install into a plain folder put first on sys.path: the dependencies come from the
    # running environment, the package itself must come from the wheel.
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheels[0])], check=True
    )
    code = (
        "import fengqiao_desktop, fengqiao_desktop.paths as p;"
        "from fengqiao_desktop.formengine.loader import load_forms;"
        "print(fengqiao_desktop.__file__);"
        "print(len(load_forms()));"
        "print(p.font_path().is_file())"
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, check=True
    ).stdout.splitlines()
    assert out[0].startswith(str(target)), "imported the checkout instead of the wheel"
    assert int(out[1]) >= 4
    assert out[2] == "True"
