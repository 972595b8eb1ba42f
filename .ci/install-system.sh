#!/usr/bin/env bash
# Debian packages the application and its tests need (run as root).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  minisign age poppler-utils xvfb xauth imagemagick binutils \
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 \
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxcb-xkb1 \
  libxcb-shape0 libxcb-randr0 \
  libreoffice-calc-nogui \
  postgresql-15 >/dev/null
