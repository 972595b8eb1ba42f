#!/usr/bin/env bash
# Build the Linux app for old-glibc desktops (统信 UOS 20, 麒麟 Kylin V10: glibc 2.28-2.31)
# inside a Debian 11 root (glibc 2.31), then check it and pack the .deb files.
#
#   sudo packaging/build-bullseye.sh                  # root in /var/tmp/fengqiao-bullseye
#   sudo BULLSEYE_ROOT=/path packaging/build-bullseye.sh
#
# Runs on x86-64 and on aarch64 alike (debootstrap makes a root of the host's architecture).
# Steps, each skipped when its result is already there (so a second run takes minutes):
#   1. debootstrap a minimal Debian 11 with a C toolchain and Qt's runtime libraries;
#   2. CPython 3.11 built from Debian 12's source package into /opt/python3.11 of that root
#      (Debian 11's own Python is 3.9, below what the project supports);
#   3. a venv with the app, PyInstaller and the PySide6 of packaging/constraints-old-glibc.txt;
#   4. packaging/build.sh there (the one-folder build and its --self-check, inside Debian 11);
#   5. packaging/glibc_check.py on the folder (fails above GLIBC 2.31) and packaging/build_deb.py.
# Results are copied to packaging/dist/bullseye/ of this checkout. Needs root (debootstrap,
# chroot, mounting /proc) and the Debian and PyPI package registries.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
SRC="$(dirname "$HERE")"
R="${BULLSEYE_ROOT:-/var/tmp/fengqiao-bullseye}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
OUT="$HERE/dist/bullseye"
GLIBC_MAX="${GLIBC_MAX:-2.31}"
# What the build needs in the root: a compiler and headers for CPython, binutils for
# PyInstaller, and the libraries Qt loads (so the build's analysis and self-check see them).
PACKAGES=ca-certificates,build-essential,dpkg-dev,binutils,xz-utils,pkg-config,libssl-dev,zlib1g-dev,\
libffi-dev,libsqlite3-dev,libbz2-dev,liblzma-dev,uuid-dev,libexpat1-dev,libreadline-dev,\
libgl1,libegl1,libfontconfig1,libfreetype6,libdbus-1-3,libglib2.0-0,libxkbcommon0,libxkbcommon-x11-0,\
libxcb-cursor0,libxcb-icccm4,libxcb-keysyms1,libxcb-image0,libxcb-render-util0,libxcb-xkb1,\
libxcb-shape0,libxcb-randr0,libx11-xcb1

[[ $(id -u) == 0 ]] || { echo "build-bullseye.sh: run as root (debootstrap and chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "build-bullseye.sh: apt-get install debootstrap" >&2; exit 2; }

in_root() { chroot "$R" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
    LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_CERT=/etc/ssl/certs/ca-certificates.crt bash -euo pipefail -c "$1"; }
cleanup() { umount "$R/proc" 2>/dev/null || true; }
trap cleanup EXIT

# 1. The Debian 11 root.
if [[ ! -f "$R/etc/debian_version" ]]; then
    echo "== debootstrap bullseye into $R"
    debootstrap --variant=minbase --include="$PACKAGES" bullseye "$R" "$MIRROR"
fi
cp /etc/resolv.conf "$R/etc/resolv.conf"
# Certificate authorities this machine adds locally (a company proxy's, say) are needed
# inside too, or pip cannot reach the package index; pip is told to use the system store.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$R/usr/local/share/ca-certificates/"
    chroot "$R" update-ca-certificates >/dev/null
fi
mountpoint -q "$R/proc" || mount -t proc proc "$R/proc"
echo "== root: Debian $(cat "$R/etc/debian_version"), $(in_root 'ldd --version | head -n 1')"

# 2. CPython 3.11 from Debian 12's source package (with Debian's security patches applied).
if [[ ! -x "$R/opt/python3.11/bin/python3.11" ]]; then
    echo "== CPython 3.11 from Debian's python3.11 source package (takes 10-20 min on 2 cores)"
    echo "deb-src $MIRROR bookworm main" > "$R/etc/apt/sources.list.d/bookworm-src.list"
    in_root '
        apt-get update -qq
        rm -rf /build/python && mkdir -p /build/python && cd /build/python
        apt-get source --download-only python3.11 >/dev/null 2>&1
        dpkg-source -x python3.11_*.dsc src >/dev/null
        cd src
        ./configure --prefix=/opt/python3.11 --enable-shared \
            LDFLAGS=-Wl,-rpath,/opt/python3.11/lib >../configure.log
        make -j"$(nproc)" >../make.log 2>&1
        # Debian disables ensurepip outside a venv, which ends altinstall with an error
        # after everything is installed; the venv below gets pip from the bundled wheel.
        make altinstall >../install.log 2>&1 || grep -q "ensurepip is disabled" ../install.log
        # With Debian patches, setup.py builds pyexpat without Py_BUILD_CORE_MODULE and
        # fails (and _elementtree with it); build both against the system libexpat.
        D=/opt/python3.11/lib/python3.11/lib-dynload
        S=$(/opt/python3.11/bin/python3.11 -c "import sysconfig; print(sysconfig.get_config_var(\"EXT_SUFFIX\"))")
        for m in pyexpat _elementtree; do
            gcc -pthread -fPIC -DNDEBUG -O2 -DPy_BUILD_CORE_MODULE -I./Include/internal -I./Include -I. \
                -c Modules/$m.c -o /tmp/$m.o
            gcc -pthread -shared -Wl,-rpath,/opt/python3.11/lib /tmp/$m.o -L/opt/python3.11/lib -lexpat -o $D/$m$S
        done
        rm -f $D/_elementtree*_failed.so'
fi
# Every extension module the app and the build use must be there.
in_root '/opt/python3.11/bin/python3.11 -c "import pyexpat, _elementtree, ssl, sqlite3, ctypes, lzma, bz2, zlib, uuid"'
echo "== $(in_root '/opt/python3.11/bin/python3.11 --version')"

# 3. The source tree (without build outputs or git data) and a venv with pinned PySide6.
rm -rf "$R/src" && mkdir -p "$R/src"
tar -C "$SRC" --exclude=./.git --exclude=./.venv --exclude=./packaging/build --exclude=./packaging/dist \
    --exclude='__pycache__' -cf - . | tar -C "$R/src" -xf -
if [[ ! -x "$R/build/venv/bin/python" ]]; then
    in_root '/opt/python3.11/bin/python3.11 -m venv --without-pip /build/venv
             wheel=$(ls /opt/python3.11/lib/python3.11/ensurepip/_bundled/pip-*.whl)
             /build/venv/bin/python "$wheel/pip" install -q "$wheel"
             /build/venv/bin/pip install -q --upgrade pip'
fi
echo "== installing the app with packaging/constraints-old-glibc.txt"
in_root 'cd /src && /build/venv/bin/pip install -q -c packaging/constraints-old-glibc.txt ".[packaging,postgres]"
         /build/venv/bin/python -c "import PySide6; print(\"PySide6\", PySide6.__version__)"'

# 4. The one-folder build and its self-check, inside Debian 11.
echo "== packaging/build.sh inside Debian 11"
in_root 'cd /src && PYTHON=/build/venv/bin/python FENGQIAO_DATA_DIR=/tmp/fengqiao-selfcheck bash packaging/build.sh'

# 5. The glibc check and the packages.
echo "== glibc check (limit $GLIBC_MAX)"
in_root "cd /src && /build/venv/bin/python packaging/glibc_check.py packaging/dist/fengqiao-desktop --max $GLIBC_MAX"
echo "== .deb packages"
in_root 'cd /src && /build/venv/bin/python packaging/build_deb.py --out packaging/dist/deb'

rm -rf "$OUT" && mkdir -p "$OUT"
cp -a "$R/src/packaging/dist/fengqiao-desktop" "$R"/src/packaging/dist/deb/*.deb "$OUT/"
echo "== done: $OUT"
ls -l "$OUT"
