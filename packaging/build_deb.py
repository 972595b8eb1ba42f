"""Pack the one-folder build into .deb packages for UOS / Kylin and for Debian / Ubuntu.

    python packaging/build_deb.py                      # both layouts from packaging/dist/fengqiao-desktop
    python packaging/build_deb.py --layout uos --app DIR --out DIR

Two layouts of the same app folder:

``uos``: the UOS app store's layout (also what Kylin's store accepts). Everything lives
    under ``/opt/apps/<appid>/``: the app in ``files/``, the desktop entry and icons in
    ``entries/`` (the desktop links them in itself), and ``info``, a JSON description with
    the appid, a four-part version and the architecture. The package is named after the appid.
``debian``: an ordinary package for Debian, Ubuntu and other desktops that do not read
    ``/opt/apps``: the app in ``/opt/fengqiao-desktop/``, a ``/usr/bin`` link, the menu entry
    and icons under ``/usr/share``.

Neither package has maintainer scripts (``postinst`` and friends): installing changes
nothing but the files listed, and ``dpkg -r`` removes exactly those. The inspector's data
(``~/.local/share/fengqiao-desktop``) is never part of a package, so it stays.

The architecture comes from the app's executable (an ELF file knows its machine), the
``libc6`` dependency from the highest GLIBC version the folder needs (glibc_check.py).
Built with ``dpkg-deb --root-owner-group``, so neither root nor fakeroot is needed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from elftools.elf.elffile import ELFFile
from glibc_check import DEB_ARCH, format_version, is_elf, scan

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXE = "fengqiao-desktop"  # the spec's EXE name; also the Debian package and command name
APPID = "cn.fengqiao.desktop"  # reverse domain name: the UOS package name and icon name
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MAINTAINER = "Fengqiao Desktop packaging <packaging@fengqiao.invalid>"
SUMMARY = "Offline inspections of veterans' service centers and stations"
DESCRIPTION = (
    "Fengqiao Desktop records the five-haves checklist and the demonstration-station\n"
    "rubric on an inspector's laptop without a network, prints the on-site score sheet,\n"
    "exports signed bundles and merges them into the county bureau's database."
)
# What Qt's xcb platform plugin and the Qt libraries in the folder load from the system,
# and libcups2 for printing the score sheet (Qt's CUPS print plugin; PyInstaller leaves it out).
# Package names exist under these names in Debian 10-12, UOS 20 and Kylin V10 (Ubuntu 20.04 base).
QT_RUNTIME = (
    "libcups2",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libglib2.0-0",
    "libdbus-1-3",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
)


def app_version() -> str:
    """``__version__`` of the source tree, read as hatch reads it (no import of the app)."""
    text = (ROOT / "fengqiao_desktop" / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if not m:
        raise SystemExit("build_deb: no __version__ in fengqiao_desktop/__init__.py")
    return m.group(1)


def four_part(version: str, build: int) -> str:
    """``0.1.0`` + build 3 -> ``0.1.0.3``: UOS wants ``MAJOR.MINOR.PATCH.BUILD``, all numbers."""
    parts = version.split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise SystemExit(f"build_deb: version {version!r} is not MAJOR.MINOR.PATCH")
    return f"{version}.{build}"


def exe_arch(app: Path) -> str | None:
    exe = app / EXE
    if not is_elf(exe):
        return None
    with exe.open("rb") as f:
        machine = ELFFile(f)["e_machine"]
    if machine not in DEB_ARCH:
        raise SystemExit(f"build_deb: unknown machine {machine} of {exe}")
    return DEB_ARCH[machine]


@dataclass
class Layout:
    name: str
    package: str
    version: str
    app_dir: str  # where the app folder goes, relative to /
    desktop_path: str
    icon_dir: str  # hicolor root
    icon_name: str
    exec_path: str  # Exec= of the desktop entry


def layouts(version: str, build: int, appid: str) -> dict[str, Layout]:
    uos = f"opt/apps/{appid}"
    return {
        "uos": Layout(
            "uos",
            appid,
            four_part(version, build),
            f"{uos}/files",
            f"{uos}/entries/applications/{appid}.desktop",
            f"{uos}/entries/icons/hicolor",
            appid,
            f"/{uos}/files/{EXE}",
        ),
        "debian": Layout(
            "debian",
            EXE,
            version if build == 0 else f"{version}+{build}",
            f"opt/{EXE}",
            f"usr/share/applications/{EXE}.desktop",
            "usr/share/icons/hicolor",
            EXE,
            EXE,
        ),
    }


def desktop_entry(layout: Layout) -> str:
    """The menu entry of packaging/fengqiao-desktop.desktop, pointed at this layout's files."""
    text = (HERE / "fengqiao-desktop.desktop").read_text(encoding="utf-8")
    text = re.sub(r"^Exec=\S+", f"Exec={layout.exec_path}", text, flags=re.M)
    text = re.sub(r"^TryExec=\S+", f"TryExec={layout.exec_path}", text, flags=re.M)
    return re.sub(r"^Icon=\S+", f"Icon={layout.icon_name}", text, flags=re.M)


def _copy_tree(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst, symlinks=True)
    # dpkg installs what the archive says: make it readable by everyone, writable by root only.
    for p in [dst, *dst.rglob("*")]:
        if p.is_symlink():
            continue
        if p.is_dir() or p.stat().st_mode & 0o111:
            p.chmod(0o755)
        else:
            p.chmod(0o644)


def _installed_size_kib(stage: Path) -> int:
    return sum((p.lstat().st_size + 1023) // 1024 for p in stage.rglob("*") if p.is_file() or p.is_symlink()) or 1


def _md5sums(stage: Path) -> str:
    lines = []
    for p in sorted(stage.rglob("*")):
        if p.is_file() and not p.is_symlink() and "DEBIAN" not in p.relative_to(stage).parts[:1]:
            lines.append(f"{hashlib.md5(p.read_bytes()).hexdigest()}  {p.relative_to(stage).as_posix()}")
    return "\n".join(lines) + "\n"


def stage_package(
    app: Path, layout: Layout, arch: str, appid: str, depends: list[str], conflicts: str, stage: Path
) -> None:
    """Lay out the package's files and its DEBIAN/control and md5sums under ``stage``."""
    _copy_tree(app, stage / layout.app_dir)
    desktop = stage / layout.desktop_path
    desktop.parent.mkdir(parents=True, exist_ok=True)
    desktop.write_text(desktop_entry(layout), encoding="utf-8")
    for n in ICON_SIZES:
        d = stage / layout.icon_dir / f"{n}x{n}" / "apps"
        d.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "resources" / "icons" / f"fengqiao-{n}.png", d / f"{layout.icon_name}.png")
    if layout.name == "uos":
        info = {
            "appid": appid,
            "name": "枫桥桌面版",
            "version": layout.version,
            "arch": [arch],
            "permissions": {
                key: False
                for key in (
                    "autostart",
                    "notification",
                    "trayicon",
                    "clipboard",
                    "account",
                    "bluetooth",
                    "camera",
                    "audio_record",
                    "installed_apps",
                )
            },
        }
        (stage / f"opt/apps/{appid}/info").write_text(
            json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    else:
        link = stage / "usr" / "bin" / EXE
        link.parent.mkdir(parents=True)
        link.symlink_to(f"/{layout.app_dir}/{EXE}")
    for d in [p for p in stage.rglob("*") if p.is_dir()]:
        d.chmod(0o755)
    installed_kib = _installed_size_kib(stage)
    control = stage / "DEBIAN"
    control.mkdir()
    (control / "md5sums").write_text(_md5sums(stage), encoding="utf-8")
    fields = [
        ("Package", layout.package),
        ("Version", layout.version),
        ("Architecture", arch),
        ("Maintainer", MAINTAINER),
        ("Installed-Size", str(installed_kib)),
        ("Depends", ", ".join(depends)),
        ("Conflicts", conflicts),
        ("Section", "utils"),
        ("Priority", "optional"),
        ("Description", SUMMARY + "\n" + "\n".join(" " + ln for ln in DESCRIPTION.splitlines())),
    ]
    (control / "control").write_text("".join(f"{k}: {v}\n" for k, v in fields if v), encoding="utf-8")
    for p in control.iterdir():
        p.chmod(0o644)
    control.chmod(0o755)


def build(
    app: Path, out: Path, layout_names: list[str], arch: str | None, build_no: int, appid: str, compression: str
) -> list[Path]:
    if not (app / EXE).is_file():
        raise SystemExit(f"build_deb: no {EXE} in {app} (build the app first: packaging/build.sh)")
    arch = arch or exe_arch(app)
    if arch is None:
        raise SystemExit(f"build_deb: {app / EXE} is not an ELF executable; pass --arch")
    glibc = scan(app).highest("GLIBC")
    depends = ([f"libc6 (>= {format_version(glibc)})"] if glibc else []) + list(QT_RUNTIME)
    all_layouts = layouts(app_version(), build_no, appid)
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for name in layout_names:
        layout = all_layouts[name]
        other = next(lay.package for lay in all_layouts.values() if lay.name != name)
        with tempfile.TemporaryDirectory(prefix="fengqiao-deb-") as tmp:
            stage = Path(tmp) / "stage"
            stage_package(app, layout, arch, appid, depends, other, stage)
            deb = out / f"{layout.package}_{layout.version}_{arch}.deb"
            subprocess.run(
                ["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(stage), str(deb)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        made.append(deb)
        print(f"{deb} ({deb.stat().st_size // 1024} KiB)")
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Pack the one-folder build into .deb packages.")
    ap.add_argument("--app", type=Path, default=HERE / "dist" / EXE, help="the one-folder build")
    ap.add_argument("--out", type=Path, default=HERE / "dist", help="where the .deb files go")
    ap.add_argument("--layout", choices=("uos", "debian", "both"), default="both")
    ap.add_argument("--arch", help="Debian architecture (default: the executable's machine)")
    ap.add_argument("--build", type=int, default=0, help="build number: the 4th part of the UOS version")
    ap.add_argument("--appid", default=APPID, help=f"UOS appid (default {APPID})")
    # gzip: 100 MB for the x86-64 app; xz makes a smaller package but took over
    # 20 minutes per package on a busy 2-core machine. UOS 20's dpkg reads both, not zstd.
    ap.add_argument(
        "--compression",
        default="gzip",
        choices=("gzip", "xz", "none"),
        help="gzip (default), xz (smaller, much slower) or none",
    )
    args = ap.parse_args(argv)
    names = ["uos", "debian"] if args.layout == "both" else [args.layout]
    build(args.app.resolve(), args.out.resolve(), names, args.arch, args.build, args.appid, args.compression)
    return 0


if __name__ == "__main__":
    sys.exit(main())
