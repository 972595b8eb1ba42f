"""Every keyboard shortcut of a window, in one list: for 帮助 → 快捷键 (F1) and for the clash check.

``collect(window)`` walks the window's ``QAction``s and ``QShortcut``s. A
shortcut that lives inside an inspection editor is scoped to that editor (the
editor tabs never see each other's keys); everything else is window-wide.
``clashes`` lists a key claimed twice in one scope (or by a window-wide
action and an editor): Qt would call such a key "ambiguous" and do nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

WINDOW = "window"


@dataclass(frozen=True)
class Binding:
    key: str  # portable text, e.g. "Ctrl+N"
    text: str  # what it does, in the current language
    scope: str  # WINDOW or "editor:<inspection id>"


def _scope_of(obj, window: QWidget) -> str:
    from fengqiao_desktop.ui.editor.editor_widget import InspectionEditor

    w = obj.parent()
    while w is not None and w is not window:
        if isinstance(w, InspectionEditor):
            return f"editor:{w.view.inspection_id}"
        w = w.parent()
    return WINDOW


def _in_dialog(obj, window: QWidget) -> bool:
    """Dialogs are windows of their own: their keys (a progress dialog's Esc) never reach this one."""
    w = obj.parent()
    while w is not None and w is not window:
        if isinstance(w, QDialog):
            return True
        w = w.parent()
    return False


def _action_text(a: QAction) -> str:
    return a.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def collect(window: QWidget) -> list[Binding]:
    """Every key bound in ``window`` (menus, toolbars, editors), one row per key sequence."""
    out: list[Binding] = []
    for a in window.findChildren(QAction):
        if _in_dialog(a, window):
            continue
        for seq in a.shortcuts():
            if not seq.isEmpty():
                out.append(
                    Binding(
                        seq.toString(QKeySequence.SequenceFormat.PortableText), _action_text(a), _scope_of(a, window)
                    )
                )
    for s in window.findChildren(QShortcut):
        if _in_dialog(s, window):
            continue
        seqs = list(s.keys()) or [s.key()]  # noqa: SIM118 - QShortcut.keys(), not a dict
        for seq in seqs:
            if not seq.isEmpty() and s.isEnabled():
                text = QCoreApplication.translate("Shortcuts", s.whatsThis()) if s.whatsThis() else ""
                out.append(Binding(seq.toString(QKeySequence.SequenceFormat.PortableText), text, _scope_of(s, window)))
    return out


def clashes(bindings: list[Binding]) -> dict[str, list[Binding]]:
    """Keys claimed more than once where both could fire: same scope, or window-wide against any."""
    by_key: dict[str, list[Binding]] = {}
    for b in bindings:
        by_key.setdefault(b.key, []).append(b)
    out = {}
    for key, bs in by_key.items():
        window_wide = [b for b in bs if b.scope == WINDOW]
        scopes = [b.scope for b in bs if b.scope != WINDOW]
        if len(window_wide) > 1 or (window_wide and scopes) or len(scopes) != len(set(scopes)):
            out[key] = bs
    return out


def help_rows(window: QWidget) -> list[tuple[str, str]]:
    """(key as shown to the user, what it does), one row per key: the editor's keys once."""
    seen: set[str] = set()
    rows = []
    for b in collect(window):
        if b.key in seen:
            continue
        seen.add(b.key)
        shown = QKeySequence(b.key).toString(QKeySequence.SequenceFormat.NativeText)
        rows.append((shown, b.text))
    for key, text in _editor_keys():
        if key not in seen:  # no editor open: list the editor's keys from its table
            seen.add(key)
            rows.append((QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText), text))
    for key, text in _fixed_keys():
        rows.append((key, text))
    return rows


def _editor_keys() -> list[tuple[str, str]]:
    from fengqiao_desktop.ui.editor.keys import DESCRIPTIONS

    return [(k, QCoreApplication.translate("Shortcuts", v)) for k, v in DESCRIPTIONS.items()]


def _fixed_keys() -> list[tuple[str, str]]:
    """Keys handled by the answer widgets themselves (not shortcuts, so not collected)."""
    t = QCoreApplication.translate
    return [
        ("Tab / Enter", t("Shortcuts", "Next item")),
        ("Shift+Tab", t("Shortcuts", "Previous item")),
        ("Y / N", t("Shortcuts", "Yes / No")),
        ("F, Ctrl+Enter", t("Shortcuts", "Full marks")),
        ("0 … 9", t("Shortcuts", "Type the points; choose an option by its number")),
        ("Delete", t("Shortcuts", "Clear the answer")),
        ("Ctrl+V", t("Shortcuts", "Paste a photo into the current item")),
    ]


class ShortcutsDialog(QDialog):
    """帮助 → 快捷键: every shortcut of the window, with what it does."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(QCoreApplication.translate("Shortcuts", "Keyboard shortcuts"))
        rows = help_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("Shortcuts", "Key"), QCoreApplication.translate("Shortcuts", "Action")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for r, (key, text) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(key))
            self.table.setItem(r, 1, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        from fengqiao_desktop.ui.screen_fit import fit_into

        self.resize(560, 520)
        fit_into(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
