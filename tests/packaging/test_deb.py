"""``packaging/build_deb.py``: the UOS and Debian packages, read back with dpkg-deb and installed with dpkg.

The app folder here is not a PyInstaller build (that takes minutes; test_frozen_build.py does
it when FENGQIAO_BUILD_FROZEN=1): it is a folder with a ``fengqiao-desktop`` launcher that
runs this checkout's app, plus a real shared library, so the packages carry the same kinds of
files. Installing uses dpkg itself, into a throwaway root (``dpkg --root``), and the
installed command's ``--self-check`` must print OK.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6

from fengqiao_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "build_deb.py"
APPID = "cn.fengqiao.desktop"
MAINTAINER_SCRIPTS = {"preinst", "postinst", "prerm", "postrm", "config", "triggers"}

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg (Debian-based systems)")


def _arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture(scope="module")
def debs(tmp_path_factory):
    """Both packages, built once from a launcher folder carrying one real shared library."""
    tmp = tmp_path_factory.mktemp("deb")
    app = tmp / "app"
    (app / "_internal").mkdir(parents=True)
    launcher = app / "fengqiao-desktop"
    launcher.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m fengqiao_desktop.ui.app "$@"\n')
    launcher.chmod(0o700)  # the package must make it executable for everyone anyway
    lib = next(p for p in Path(shiboken6.__file__).parent.iterdir() if p.name.startswith("libshiboken6"))
    shutil.copy2(lib, app / "_internal" / lib.name)
    out = tmp / "out"
    r = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--app",
            str(app),
            "--out",
            str(out),
            "--arch",
            _arch(),
            "--compression",
            "gzip",
            "--build",
            "7",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    uos = out / f"{APPID}_{__version__}.7_{_arch()}.deb"
    debian = out / f"fengqiao-desktop_{__version__}+7_{_arch()}.deb"
    assert uos.is_file() and debian.is_file(), sorted(out.iterdir())
    return {"uos": uos, "debian": debian, "lib": lib, "app": app}


def _field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def _contents(deb: Path) -> dict[str, str]:
    """path -> the ``dpkg-deb -c`` line (mode, owner, size, ...)."""
    out = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    rows = {}
    for line in out.splitlines():
        path = line.split(None, 5)[5].split(" -> ")[0]
        rows[path.removeprefix(".").rstrip("/") or "/"] = line
    return rows


def _extract(deb: Path, dest: Path) -> Path:
    subprocess.run(["dpkg-deb", "-x", str(deb), str(dest)], check=True)
    return dest


def _control_files(deb: Path, dest: Path) -> set[str]:
    subprocess.run(["dpkg-deb", "-e", str(deb), str(dest)], check=True)
    return {p.name for p in dest.iterdir()}


def test_uos_package_keeps_everything_under_opt_apps(debs, tmp_path):
    deb = debs["uos"]
    assert _field(deb, "Package") == APPID
    assert _field(deb, "Version") == f"{__version__}.7"
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", _field(deb, "Version"))
    assert _field(deb, "Architecture") == _arch()
    rows = _contents(deb)
    base = f"/opt/apps/{APPID}"
    outside = [p for p in rows if p not in ("/", "/opt", "/opt/apps") and not p.startswith(base)]
    assert outside == [], "the UOS store accepts nothing outside /opt/apps/<appid>"
    for needed in (
        f"{base}/info",
        f"{base}/files/fengqiao-desktop",
        f"{base}/files/_internal/{debs['lib'].name}",
        f"{base}/entries/applications/{APPID}.desktop",
        f"{base}/entries/icons/hicolor/48x48/apps/{APPID}.png",
        f"{base}/entries/icons/hicolor/512x512/apps/{APPID}.png",
    ):
        assert needed in rows, needed
    assert rows[f"{base}/files/fengqiao-desktop"].startswith("-rwxr-xr-x root/root")
    assert rows[f"{base}/info"].startswith("-rw-r--r-- root/root")

    tree = _extract(deb, tmp_path / "x")
    info = json.loads((tree / f"opt/apps/{APPID}/info").read_text(encoding="utf-8"))
    assert info["appid"] == APPID
    assert info["version"] == _field(deb, "Version")
    assert info["arch"] == [_arch()]
    assert not any(info["permissions"].values())  # asks for no autostart, tray, camera...
    entry = (tree / f"opt/apps/{APPID}/entries/applications/{APPID}.desktop").read_text(encoding="utf-8")
    exec_path = re.search(r"^Exec=(\S+)", entry, re.M).group(1)
    assert exec_path == f"{base}/files/fengqiao-desktop"
    assert re.search(r"^Icon=(\S+)", entry, re.M).group(1) == APPID
    assert "Name[zh_CN]=枫桥桌面版" in entry


def test_debian_package_has_a_command_and_a_menu_entry(debs, tmp_path):
    deb = debs["debian"]
    assert _field(deb, "Package") == "fengqiao-desktop"
    assert _field(deb, "Conflicts") == APPID
    rows = _contents(deb)
    assert rows["/usr/bin/fengqiao-desktop"].endswith("-> /opt/fengqiao-desktop/fengqiao-desktop")
    assert "/opt/fengqiao-desktop/fengqiao-desktop" in rows
    assert "/usr/share/icons/hicolor/256x256/apps/fengqiao-desktop.png" in rows
    entry = (_extract(deb, tmp_path / "x") / "usr/share/applications/fengqiao-desktop.desktop").read_text()
    assert re.search(r"^Exec=fengqiao-desktop %F$", entry, re.M)


@pytest.mark.parametrize("layout", ["uos", "debian"])
def test_no_maintainer_scripts_and_a_libc_floor_from_the_binaries(debs, layout, tmp_path):
    deb = debs[layout]
    control = _control_files(deb, tmp_path / "DEBIAN")
    assert control == {"control", "md5sums"}, "no maintainer scripts: installing changes nothing else"
    assert not (control & MAINTAINER_SCRIPTS)
    # libc6 (>= the highest GLIBC the shipped library needs), read independently with readelf.
    versions = re.findall(
        r"Name: GLIBC_([\d.]+)",
        subprocess.run(["readelf", "-V", "-W", str(debs["lib"])], capture_output=True, text=True, check=True).stdout,
    )
    highest = max(versions, key=lambda v: tuple(map(int, v.split("."))))
    depends = _field(deb, "Depends")
    assert depends.startswith(f"libc6 (>= {highest}), ")
    assert "libxcb-cursor0" in depends  # Qt 6's xcb plugin needs it and older desktops lack it
    # md5sums covers every file the package installs.
    listed = {ln.split("  ", 1)[1] for ln in (tmp_path / "DEBIAN" / "md5sums").read_text().splitlines()}
    files = {p.lstrip("/") for p, row in _contents(deb).items() if row.startswith("-")}
    assert listed == files


def _dpkg(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["dpkg", f"--root={root}", "--force-not-root", "--force-depends", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["uos", "debian"])
def test_installs_runs_and_uninstalls_leaving_the_data_alone(debs, layout, tmp_path):
    root = tmp_path / "root"
    for d in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers"):
        (root / d).mkdir(parents=True)
    (root / "var/lib/dpkg/status").touch()
    r = _dpkg(root, "-i", str(debs[layout]))
    assert r.returncode == 0, r.stdout + r.stderr
    command = root / (
        f"opt/apps/{APPID}/files/fengqiao-desktop" if layout == "uos" else "opt/fengqiao-desktop/fengqiao-desktop"
    )
    data = tmp_path / "home" / ".local" / "share" / "fengqiao-desktop"
    assert os.access(command, os.X_OK)
    if layout == "uos":  # the same launcher in both; one run of the self-check is enough
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env.update(FENGQIAO_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
        check = subprocess.run([str(command), "--self-check"], capture_output=True, text=True, env=env, timeout=300)
        assert check.returncode == 0, check.stdout + check.stderr
        assert check.stdout.splitlines()[-1] == "OK"

    # The inspector's data, as the app keeps it; removing the package must not touch it.
    (data / "photos").mkdir(parents=True)
    (data / "inspections.sqlite3").write_bytes(b"inspections")
    r = _dpkg(root, "-r", _field(debs[layout], "Package"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert not command.exists()
    assert not (root / "opt" / "apps").exists() and not (root / "opt" / "fengqiao-desktop").exists()
    assert not (root / "usr").exists() or not any(p.is_file() or p.is_symlink() for p in (root / "usr").rglob("*"))
    assert (data / "inspections.sqlite3").read_bytes() == b"inspections"
    assert (data / "photos").is_dir()


def test_refuses_a_folder_without_the_app(tmp_path):
    r = subprocess.run(
        [sys.executable, str(SCRIPT), "--app", str(tmp_path), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode != 0
    assert "no fengqiao-desktop in" in r.stderr and "packaging/build.sh" in r.stderr
    assert "Traceback" not in r.stderr
