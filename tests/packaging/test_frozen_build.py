"""Build the one-folder app with PyInstaller and run ``--self-check`` on the result.

Takes about a minute on two cores and needs PyInstaller, so it runs only with
FENGQIAO_BUILD_FROZEN=1 (CI's packaging job sets it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("FENGQIAO_BUILD_FROZEN") != "1",
                       reason="set FENGQIAO_BUILD_FROZEN=1 to build the frozen app"),
]


@pytest.mark.timeout(1200)
def test_frozen_app_passes_its_self_check(tmp_path):
    pytest.importorskip("PyInstaller")
    env = dict(os.environ, PYTHON=sys.executable, QT_QPA_PLATFORM="offscreen",
               FENGQIAO_DATA_DIR=str(tmp_path / "data"))
    r = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], capture_output=True, text=True,
                       env=env, timeout=1200)
    print(r.stdout[-3000:])
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    lines = r.stdout.splitlines()
    assert any(ln.startswith("build time: ") for ln in lines)
    assert "Fengqiao Desktop" in r.stdout and "(frozen)" in r.stdout
    assert lines[-1] == "OK"

    app = ROOT / "packaging" / "dist" / "fengqiao-desktop"
    data = app / "_internal" / "fengqiao_desktop"
    assert (data / "_data" / "resources" / "fonts" / "DroidSansFallbackFull.ttf").is_file()
    assert list((data / "_data" / "resources" / "i18n").glob("*_zh_CN.qm"))
    assert list((data / "storage" / "migrations" / "versions").glob("*.py"))
    assert list((data / "merge" / "migrations" / "versions").glob("*.py"))
