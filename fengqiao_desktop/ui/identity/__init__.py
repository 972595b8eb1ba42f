"""The inspector's profile and signing key in the desktop: a dialog, a passphrase widget, a QR code.

The names below load their modules on first use, so the File menu entry can be
installed at start-up without importing the key and storage code.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "ProfileKeyDialog": "dialog",
    "open_profile_dialog": "dialog",
    "install_profile_action": "menu",
    "NewPassphraseWidget": "passphrase",
    "strength": "passphrase",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
