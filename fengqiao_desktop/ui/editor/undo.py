"""Undo and redo of answers, notes and N/A in the editor, on Qt's ``QUndoStack``.

Every save the editor makes is recorded as a step (the answer before and
after). Undoing a step puts the earlier answer back into the row and saves it
through the editor's own save path, so autosave, scoring and the audit trail
see an undo exactly like an edit. Typing (a note, a number) is one step per
field, not one per key. Completing or reopening the inspection clears the
history: a locked inspection has nothing to undo.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack

from fengqiao_desktop.formengine.scoring import Answer
from fengqiao_desktop.ui.editor.answer_widgets import PointsAnswer, TextAnswer
from fengqiao_desktop.ui.editor.item_row import answer_focus_widgets

_TYPED_ID = 18  # mergeWith id: steps made by typing in one field


class AnswerCommand(QUndoCommand):
    """One saved change of one item's answer."""

    def __init__(self, history: AnswerHistory, item_id: str, before: Answer, after: Answer, text: str):
        super().__init__(text)
        self.history = history
        self.item_id = item_id
        self.before = before
        self.after = after
        self._first = True  # pushed after the edit was saved: the first redo has nothing to do

    def id(self) -> int:  # noqa: A003 - Qt override
        return _TYPED_ID if self.history.is_typing(self.item_id, self.before, self.after) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, AnswerCommand) or other.item_id != self.item_id:
            return False
        if _changed_field(self.before, self.after) != _changed_field(other.before, other.after):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.history.apply(self.item_id, self.after)

    def undo(self) -> None:
        self.history.apply(self.item_id, self.before)


def _changed_field(a: Answer, b: Answer) -> str:
    if a.na != b.na:
        return "na"
    return "note" if a.value == b.value else "value"


class AnswerHistory(QObject):
    """The editor's undo stack, fed by its ``answer_saved`` signal."""

    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        self.stack = QUndoStack(self)
        self._last: dict[str, Answer] = {}
        self._applying = False
        self.reset()
        editor.answer_saved.connect(self._saved)
        editor.inspection_completed.connect(lambda *_a: self.reset())
        editor.inspection_reopened.connect(lambda *_a: self.reset())
        for row in editor.rows.values():
            if isinstance(row.answer_widget, TextAnswer):
                continue  # a text field keeps its own undo while typing (each step is saved too)
            for w in answer_focus_widgets(row.answer_widget):
                w.installEventFilter(self)

    def reset(self) -> None:
        """Forget the history and take the stored answers as the starting point."""
        self.stack.clear()
        answers = self.editor.view.answers
        self._last = {iid: answers.get(iid) or Answer() for iid in self.editor.rows}

    def undo(self) -> None:
        if not self.editor.view.locked:
            self.stack.undo()

    def redo(self) -> None:
        if not self.editor.view.locked:
            self.stack.redo()

    def is_typing(self, item_id: str, before: Answer, after: Answer) -> bool:
        field = _changed_field(before, after)
        if field == "note":
            return True
        widget = self.editor.rows[item_id].answer_widget
        return field == "value" and isinstance(widget, PointsAnswer | TextAnswer)

    # -- recording and replaying --------------------------------------------
    def _saved(self, item_id: str) -> None:
        after = self.editor.rows[item_id].answer()
        before = self._last.get(item_id) or Answer()
        self._last[item_id] = after
        if self._applying or after == before:
            return
        title = self.editor.form.items[item_id].title.get(self.editor.lang)
        text = QCoreApplication.translate("Shortcuts", "Change {n} {title}").format(
            n=self.editor.numbers.get(item_id, item_id), title=title
        )
        self.stack.push(AnswerCommand(self, item_id, before, after, text))

    def apply(self, item_id: str, answer: Answer) -> None:
        """Put ``answer`` back into the row and save it the way an edit is saved."""
        row = self.editor.rows[item_id]
        self._applying = True
        try:
            row.set_answer(answer)
            self.editor._save(item_id)
        finally:
            self._applying = False
        self._last[item_id] = row.answer()
        self.editor.focus_item(item_id)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Ctrl+Z in a spin box or a combo box undoes the answer, not the characters typed."""
        et = event.type()
        if et not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if event.matches(QKeySequence.StandardKey.Undo):
            action = self.undo
        elif event.matches(QKeySequence.StandardKey.Redo) or _is_ctrl_y(event):
            action = self.redo
        else:
            return False
        event.accept()
        if et == QEvent.Type.KeyPress:
            action()
        return True


def _is_ctrl_y(event) -> bool:
    return QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Y")
