"""Build the one-folder app with PyInstaller and run ``--self-check`` on the result.

Takes about a minute on two cores and needs PyInstaller, so it runs only with
FENGQIAO_BUILD_FROZEN=1 (CI's packaging job sets it). The old-glibc build in a Debian 11
root (packaging/build-bullseye.sh) takes 20-40 minutes the first time and needs root; it
runs only with FENGQIAO_BUILD_BULLSEYE=1.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.mark.skipif(
    os.environ.get("FENGQIAO_BUILD_FROZEN") != "1", reason="set FENGQIAO_BUILD_FROZEN=1 to build the frozen app"
)
@pytest.mark.timeout(1200)
def test_frozen_app_passes_its_self_check(tmp_path):
    pytest.importorskip("PyInstaller")
    env = dict(os.environ, PYTHON=sys.executable, QT_QPA_PLATFORM="offscreen", FENGQIAO_DATA_DIR=str(tmp_path / "data"))
    r = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")], capture_output=True, text=True, env=env, timeout=1200
    )
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

    # It needs no newer glibc than the machine it was built on has, and packs into a .deb.
    glibc = ".".join(platform.libc_ver()[1].split(".")[:2])
    r = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "glibc_check.py"), str(app), "--max", glibc],
        capture_output=True,
        text=True,
        timeout=600,
    )
    print(r.stdout)
    assert r.returncode == 0, r.stdout + r.stderr
    r = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build_deb.py"),
            "--app",
            str(app),
            "--out",
            str(tmp_path / "deb"),
            "--layout",
            "uos",
            "--compression",
            "gzip",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(list((tmp_path / "deb").glob("cn.fengqiao.desktop_*.deb"))) == 1


@pytest.mark.skipif(
    os.environ.get("FENGQIAO_BUILD_BULLSEYE") != "1",
    reason="set FENGQIAO_BUILD_BULLSEYE=1 (as root) to build in a Debian 11 root",
)
@pytest.mark.timeout(3600)
def test_debian_11_build_needs_at_most_glibc_2_31_and_passes_its_self_check():
    r = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build-bullseye.sh")], capture_output=True, text=True, timeout=3600
    )
    print(r.stdout[-5000:])
    assert r.returncode == 0, r.stdout[-5000:] + r.stderr[-3000:]
    out = r.stdout
    assert "GLIBC 2.31" in out or "glibc 2.31" in out  # the root's own glibc
    assert "(frozen)" in out and "\nOK\n" in out  # the self-check inside Debian 11
    m = re.search(r"highest GLIBC needed: ([\d.]+) \(limit 2\.31\)", out)
    assert m and tuple(map(int, m.group(1).split("."))) <= (2, 31)
    dist = ROOT / "packaging" / "dist" / "bullseye"
    assert list(dist.glob("cn.fengqiao.desktop_*.deb")) and list(dist.glob("fengqiao-desktop_*.deb"))
