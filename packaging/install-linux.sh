#!/usr/bin/env bash
# Install the built one-folder app for the current user (no root needed):
#   ~/.local/opt/fengqiao-desktop/        the app folder
#   ~/.local/bin/fengqiao-desktop         a link to its executable
#   ~/.local/share/applications/          the menu entry
#   ~/.local/share/icons/hicolor/<n>x<n>/apps/fengqiao-desktop.png
# PREFIX=/usr/local (as root) installs for everyone instead.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
APP="${1:-$HERE/dist/fengqiao-desktop}"
PREFIX="${PREFIX:-$HOME/.local}"
[[ -x "$APP/fengqiao-desktop" ]] || { echo "no built app at $APP (run packaging/build.sh)" >&2; exit 2; }

mkdir -p "$PREFIX/opt" "$PREFIX/bin" "$PREFIX/share/applications"
rm -rf "$PREFIX/opt/fengqiao-desktop"
cp -a "$APP" "$PREFIX/opt/fengqiao-desktop"
ln -sf "$PREFIX/opt/fengqiao-desktop/fengqiao-desktop" "$PREFIX/bin/fengqiao-desktop"
sed "s|^Exec=fengqiao-desktop|Exec=$PREFIX/bin/fengqiao-desktop|" "$HERE/fengqiao-desktop.desktop" \
    > "$PREFIX/share/applications/fengqiao-desktop.desktop"
for n in 16 24 32 48 64 128 256 512; do
    dir="$PREFIX/share/icons/hicolor/${n}x${n}/apps"
    mkdir -p "$dir"
    cp "$ROOT/resources/icons/fengqiao-$n.png" "$dir/fengqiao-desktop.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database "$PREFIX/share/applications" || true
echo "installed to $PREFIX/opt/fengqiao-desktop"
