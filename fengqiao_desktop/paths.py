"""Where shipped data (forms, resources) lives, in a checkout, a wheel or a frozen app."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@cache
def _data_root(name: str) -> Path:
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "fengqiao_desktop" / "_data" / name)
    candidates.append(_PKG / "_data" / name)  # installed wheel
    candidates.append(_PKG.parent / name)  # source checkout / editable install
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError(f"shipped data folder {name!r} not found (looked in {candidates})")


def forms_dir() -> Path:
    """The folder holding the shipped ``*.yaml`` forms."""
    return _data_root("forms")


def resources_dir() -> Path:
    """The folder holding fonts, translations and icons."""
    return _data_root("resources")


def font_path() -> Path:
    return resources_dir() / "fonts" / "DroidSansFallbackFull.ttf"
