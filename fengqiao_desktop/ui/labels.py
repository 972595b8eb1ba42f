"""Small label helpers shared by the dialogs and the wizard."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def wrapped(label: QLabel) -> QLabel:
    """``label`` with word wrap on (a sentence that must fit a narrow dialog); returns it."""
    label.setWordWrap(True)
    return label
