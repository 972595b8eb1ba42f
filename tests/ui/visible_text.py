"""The text a person sees in a window: labels, buttons, tabs, menus, headers, cells, placeholders, titles.

Used by the language scans (zh_CN: no English words outside an allow-list).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

# Latin text allowed in the Chinese interface: units, formats, names of standards and keys.
ALLOWED = {
    "PDF",
    "XLSX",
    "CSV",
    "Ctrl",
    "Shift",
    "Alt",
    "Esc",
    "Tab",
    "Enter",
    "Del",
    "Delete",
    "N/A",
    "GB/T",
    "SHA",
    "sha256",
    "ID",
    "QR",
    "PostgreSQL",
    "SQLite",
    "minisign",
    "Ed25519",
    "age",
    "USB",
    "GPS",
    "EXIF",
    "JPEG",
    "PNG",
    "Fengqiao",
    "Desktop",
    "Qt",
    "PySide6",
    "Python",
    "English",
    "Noto",
    "Sans",
    "CJK",
    "SC",
    "OFL",
    "SIL",
    "LGPL",
    "GPL",
    "MIT",
    "BSD",
    "Apache",
    "UTC",
    "URL",
    "Page",
    "Up",
    "Down",
    "Y",
    "N",
    "F",
    "F1",
    "F8",
    "Backspace",
    "Space",
    "Home",
    "End",
    "dgxl",  # the pinyin-initials example in the search box
    "fqbundle",  # the bundle file extension
    "Excel",
    "WPS",
}  # the spreadsheet programs bureaus keep their sheets in
_WORD = re.compile(r"[A-Za-z][A-Za-z]+")
_MACHINE_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*-[a-z0-9_.-]+$")


def _strip_markup(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"&\w+;", " ", text).replace("&", "")


def texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every visible piece of text under ``root``."""
    out: list[tuple[str, str]] = []

    def add(where, text):
        if isinstance(text, str) and text:
            out.append((where, _strip_markup(text)))

    add("window title", root.windowTitle())
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        if isinstance(w, QLabel):
            add(name, w.text())
        elif isinstance(w, QAbstractButton):
            add(name, w.text())
            add(name + " tooltip", w.toolTip())
        elif isinstance(w, QLineEdit):
            add(name + " placeholder", w.placeholderText())
        elif isinstance(w, QGroupBox):
            add(name, w.title())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(name, w.itemText(i))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(name + " tab", w.tabText(i))
        elif isinstance(w, QMenu):
            add(name, w.title())
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model() is not None:
            m = w.model()
            try:
                columns = m.columnCount(QModelIndex())
            except TypeError:  # a list model (QStringListModel, QListWidget's): one column
                columns = 1
            for section in range(columns):
                add(name + " header", m.headerData(section, Qt.Orientation.Horizontal))
            for r in range(min(w.model().rowCount(), 30)):
                for c in range(columns):
                    value = m.index(r, c).data()
                    # a machine id in a cell (a form id such as five-haves) is data, not wording
                    if isinstance(value, str) and not _MACHINE_ID.match(value):
                        add(name + f" cell {r},{c}", value)
    for a in root.findChildren(QAction):
        add("action", a.text())
    return out


def english_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w not in ALLOWED]


def leftovers(root: QWidget) -> list[tuple[str, str]]:
    """Visible texts with English words in them (for the Chinese interface)."""
    return [(where, text) for where, text in texts(root) if english_words(text)]
