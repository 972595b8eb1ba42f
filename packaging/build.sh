#!/usr/bin/env bash
# Build the one-folder app: packaging/dist/fengqiao-desktop/, then run its --self-check.
#
#   packaging/build.sh            use the current python (must have the app and pyinstaller)
#   packaging/build.sh --venv     make a fresh build venv in packaging/build/venv first
#
# PYTHON=/path/to/python overrides the interpreter. Exit code: non-zero if the build
# or the self-check fails.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
BUILD="$HERE/build"
DIST="$HERE/dist"
# Default: the active virtualenv's python, else python3 on PATH.
PYTHON="${PYTHON:-${VIRTUAL_ENV:+$VIRTUAL_ENV/bin/python}}"
PYTHON="${PYTHON:-python3}"

if [[ "${1:-}" == "--venv" ]]; then
    "$PYTHON" -m venv "$BUILD/venv"
    PYTHON="$BUILD/venv/bin/python"
    "$PYTHON" -m pip install --quiet --upgrade pip
    "$PYTHON" -m pip install --quiet "$ROOT[packaging,postgres]"
fi

"$PYTHON" -c "import PyInstaller, fengqiao_desktop" || {
    echo "build.sh: $PYTHON lacks PyInstaller or fengqiao_desktop (try --venv)" >&2; exit 2; }

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath "$BUILD/work" --distpath "$DIST" "$HERE/fengqiao-desktop.spec"
end=$(date +%s)

APP="$DIST/fengqiao-desktop"
echo "build time: $((end - start)) s"
echo "size: $(du -sh "$APP" | cut -f1) ($APP)"

# Headless check of the built folder; no display needed.
QT_QPA_PLATFORM=offscreen "$APP/fengqiao-desktop" --self-check
