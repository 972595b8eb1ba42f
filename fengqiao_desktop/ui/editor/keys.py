"""The editor's keyboard shortcuts, each with a description for 帮助 → 快捷键.

Each shortcut lives on the editor (active while the focus is inside it), so
an editor tab's keys never collide with another tab's; the main window's
menu keys are chosen not to collide with these (``ui/shortcuts.py`` checks).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut

# key -> what it does (English source text; translated in context "Shortcuts" when shown)
DESCRIPTIONS = {
    "Ctrl+N": "Go to the note of the current item",
    "Ctrl+D": "Mark the current item not applicable (N/A)",
    "Ctrl+Shift+P": "Add photos to the current item",
    "Ctrl+G": "Open the photo gallery",
    "Ctrl+P": "Save the score sheet as PDF",
    "Ctrl+Z": "Undo the last change of an answer, note or N/A",
    "Ctrl+Shift+Z": "Redo",
    "Ctrl+Y": "Redo",
    "F8": "Go to the next unanswered item or missing photo",
}


def install(editor) -> dict[str, QShortcut]:
    """Create the editor's shortcuts; returns them by key."""

    def current_row():
        return editor.rows.get(editor.current_item() or "")

    actions = {
        "Ctrl+N": lambda: current_row() and current_row().focus_note(),
        "Ctrl+D": lambda: current_row() and current_row().toggle_na(),
        "Ctrl+Shift+P": lambda: editor.photo_ctl.choose_files(editor.current_item()),
        "Ctrl+G": lambda: editor.photo_ctl.open_gallery(),
        "Ctrl+P": lambda: editor.save_pdf(),
        "Ctrl+Z": editor.history.undo,
        "Ctrl+Shift+Z": editor.history.redo,
        "Ctrl+Y": editor.history.redo,
        "F8": lambda: next_missing(editor),
    }
    made = {}
    for key, fn in actions.items():
        s = QShortcut(QKeySequence(key), editor)
        s.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        s.setObjectName(f"key_{key}")
        s.setWhatsThis(DESCRIPTIONS[key])  # source text; ui/shortcuts.py translates it
        s.activated.connect(fn)
        made[key] = s
    return made


def next_missing(editor) -> str | None:
    """Focus the next item (after the current one, wrapping) that lacks an answer or a photo."""
    score = editor.score()
    missing = set(score.missing_answers) | {iid for iid, _have, _need in score.missing_evidence}
    order = editor._order
    if not missing or not order:
        editor.message.emit(QCoreApplication.translate("Shortcuts", "Nothing missing"))
        return None
    start = order.index(editor.current_item()) + 1 if editor.current_item() in order else 0
    for iid in order[start:] + order[:start]:
        if iid in missing:
            editor.focus_item(iid)
            return iid
    return None
