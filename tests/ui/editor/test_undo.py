"""Undo/redo of answers, notes and N/A: each step goes back through the save path to the store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_keyboard import type_text

from fengqiao_desktop.formengine.scoring import Answer


def _key(qtbot, key, mod=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, mod)


CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_undo_and_redo_round_trip_the_stored_answers(editor, backend, qtbot):
    editor.focus_first()
    _key(qtbot, Qt.Key.Key_Y)  # a1 yes
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "3.5")  # a2: typed, one step
    _key(qtbot, Qt.Key.Key_N, CTRL)  # a2's note
    type_text(QApplication.focusWidget(), "缺分区")  # typed, one step
    _key(qtbot, Qt.Key.Key_Return)  # back to the answer
    editor.focus_item("b3")
    _key(qtbot, Qt.Key.Key_D, CTRL)  # b3 N/A
    done = {k: Answer(v.value, v.note, v.na) for k, v in backend.answers.items()}
    assert done["a1"].value is True and done["a2"] == Answer(3.5, "缺分区", False) and done["b3"].na
    assert editor.history.stack.count() == 4
    done_score = editor.score().total

    _key(qtbot, Qt.Key.Key_Z, CTRL)  # N/A off again
    assert not backend.answers["b3"].na
    _key(qtbot, Qt.Key.Key_Z, CTRL)  # the note
    assert backend.answers["a2"] == Answer(3.5, "", False)
    assert editor.rows["a2"].note.text() == ""
    _key(qtbot, Qt.Key.Key_Z, CTRL)  # the points (in a spin box: the answer, not its characters)
    assert backend.answers["a2"].value is None
    _key(qtbot, Qt.Key.Key_Z, CTRL)
    assert backend.answers["a1"].value is None
    assert editor.current_item() == "a1"  # the undone item is shown
    assert editor.score().total == 0

    _key(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    _key(qtbot, Qt.Key.Key_Y, CTRL)
    _key(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    _key(qtbot, Qt.Key.Key_Y, CTRL)
    assert {k: backend.answers[k] for k in ("a1", "a2", "b3")} == {k: done[k] for k in ("a1", "a2", "b3")}
    assert editor.rows["a2"].answer() == done["a2"]
    assert editor.score().total == done_score


def test_a_new_edit_after_undo_drops_the_redo(editor, backend, qtbot):
    editor.focus_first()
    _key(qtbot, Qt.Key.Key_Y)
    _key(qtbot, Qt.Key.Key_Z, CTRL)
    _key(qtbot, Qt.Key.Key_N)  # "no" instead
    _key(qtbot, Qt.Key.Key_Y, CTRL)  # nothing to redo
    assert backend.answers["a1"].value is False
