"""Keyboard-only entry: Tab/Enter walk the answers, keys type the scores, each edit is saved at once."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from fengqiao_desktop.domain import Verdict
from fengqiao_desktop.formengine.scoring import Answer


def _focused_item(editor):
    w = QApplication.focusWidget()
    for iid, row in editor.rows.items():
        aw = row.answer_widget
        if w is aw or (hasattr(aw, "lineEdit") and w is aw.lineEdit()):
            return iid
    return None


def _key(qtbot, key, mod=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, mod)


def type_text(widget, text):
    """Type text, Chinese included, as key events (QTest only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_every_item_by_keyboard(editor, backend, qtbot):
    editor.focus_first()
    assert _focused_item(editor) == "a1"
    _key(qtbot, Qt.Key.Key_Y)  # yes/no: Y
    _key(qtbot, Qt.Key.Key_Return)
    assert _focused_item(editor) == "a2"
    qtbot.keyClicks(QApplication.focusWidget(), "3.5")  # graded: digits
    _key(qtbot, Qt.Key.Key_Return)
    assert _focused_item(editor) == "b1"
    _key(qtbot, Qt.Key.Key_F)  # deduction: full marks
    _key(qtbot, Qt.Key.Key_Tab)  # Tab also moves on
    assert _focused_item(editor) == "b2"
    _key(qtbot, Qt.Key.Key_2)  # choice: second option
    _key(qtbot, Qt.Key.Key_Return)
    assert _focused_item(editor) == "b3"
    _key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter = full marks
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "42")
    _key(qtbot, Qt.Key.Key_Return)
    assert _focused_item(editor) == "b5"
    type_text(QApplication.focusWidget(), "好")
    _key(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is editor.complete_btn

    a = backend.answers
    assert a["a1"].value is True
    assert a["a2"].value == 3.5
    assert a["b1"].value == 2
    assert a["b2"].value == "part"
    assert a["b3"].value == 0.5
    assert a["b4"].value == 42
    assert a["b5"].value == "好"
    result = editor.score()
    assert result.total == 2 + 3.5 + 2 + 1 + 0.5
    assert editor.score_panel.total.text() == "9 / 10.5"


def test_no_and_zero_make_a_veto(editor, backend, qtbot):
    editor.focus_item("a1")
    _key(qtbot, Qt.Key.Key_0)
    assert backend.answers["a1"].value is False
    assert editor.score().verdict is Verdict.VETO
    assert "一票否决" in editor.score_panel.verdict.text()
    _key(qtbot, Qt.Key.Key_1)
    assert backend.answers["a1"].value is True


def test_off_step_points_snap_and_over_max_is_refused(editor, backend, qtbot):
    editor.focus_item("a2")
    qtbot.keyClicks(QApplication.focusWidget(), "9")  # above max 4: not accepted by the field
    assert "a2" not in backend.answers or backend.answers["a2"].value != 9
    editor.focus_item("a2")
    qtbot.keyClicks(QApplication.focusWidget(), "2.3")
    _key(qtbot, Qt.Key.Key_Return)
    assert backend.answers["a2"].value == 2.5  # snapped to the 0.5 step


def test_note_is_off_the_tab_chain_but_ctrl_n_reaches_it(editor, backend, qtbot):
    editor.focus_item("a2")
    _key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is editor.rows["a2"].note
    type_text(editor.rows["a2"].note, "缺少心理疏导室")
    assert backend.answers["a2"].note == "缺少心理疏导室"
    _key(qtbot, Qt.Key.Key_Return)  # back to the answer
    assert _focused_item(editor) == "a2"
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focused_item(editor) == "b1"  # Tab skipped the note and N/A


def test_na_by_ctrl_d_only_where_allowed(editor, backend, qtbot):
    assert editor.rows["a1"].na_box is None  # a veto item cannot be N/A
    editor.focus_item("b3")
    _key(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert backend.answers["b3"].na is True
    assert "b3" not in editor.score().missing_answers


def test_focused_row_scrolls_into_view(editor, qtbot):
    editor.resize(900, 300)
    qtbot.wait(10)
    editor.focus_item("b5")
    row = editor.rows["b5"]
    top = row.mapTo(editor.scroll.viewport(), row.rect().topLeft()).y()
    assert 0 <= top < editor.scroll.viewport().height()
    assert row.property("current") is True


def test_missing_list_jumps_to_the_item(editor, qtbot):
    lst = editor.score_panel.missing
    texts = [lst.item(i).text() for i in range(lst.count())]
    assert any("有机构" in t for t in texts)
    target = next(i for i in range(lst.count()) if "台账" in lst.item(i).text())
    editor.score_panel.jump_requested.emit(lst.item(target).data(Qt.ItemDataRole.UserRole))
    assert _focused_item(editor) == "b1"


def test_answers_shown_again_after_reload(backend, qtbot):
    from fengqiao_desktop.ui.editor.editor_widget import InspectionEditor
    from fengqiao_desktop.ui.editor.runner import SyncRunner

    backend.answers["a2"] = Answer(3.0, "旧备注")
    backend.answers["b2"] = Answer("none")
    ed = InspectionEditor(None, backend.inspection_id, backend=backend, runner=SyncRunner(), lang="zh")
    qtbot.addWidget(ed)
    assert ed.rows["a2"].answer() == Answer(3.0, "旧备注")
    assert ed.rows["b2"].answer().value == "none"
    assert ed.rows["a1"].answer().value is None


def _sixty_item_form():
    from fengqiao_desktop.formengine.loader import parse_form

    kinds = ["yes_no", "graded", "deduction"]
    lines = [
        "id: sixty",
        'version: "1"',
        "title: {zh: 六十项, en: Sixty}",
        "kind: rubric",
        "levels: [village]",
        "pass_mark: 90",
        "sections:",
    ]
    n = 0
    for s in range(6):
        lines += [f"  - id: S{s}", f"    title: {{zh: 第{s + 1}部分, en: Part {s + 1}}}", "    items:"]
        for _ in range(10):
            n += 1
            t = kinds[n % 3]
            step = "" if t == "yes_no" else ", step: 0.5"
            lines.append(f"      - {{id: i{n}, title: {{zh: 第{n}项, en: Item {n}}}, type: {t}, max: 2{step}}}")
    return parse_form("\n".join(lines) + "\n")


def test_sixty_items_by_keyboard(qtbot, tmp_path, activate):
    """60 items, keys only: a digit or F, then Enter. Prints the time it takes (no timed assertion)."""
    import time

    from editor_memory_backend import MemoryBackend

    from fengqiao_desktop.ui.editor.editor_widget import InspectionEditor
    from fengqiao_desktop.ui.editor.runner import SyncRunner

    form = _sixty_item_form()
    backend = MemoryBackend(form, tmp_path / "p")
    ed = InspectionEditor(None, backend.inspection_id, backend=backend, runner=SyncRunner(), lang="zh")
    qtbot.addWidget(ed)
    ed.resize(1200, 800)
    activate(ed)
    ed.focus_first()
    start = time.perf_counter()
    for k in range(60):
        w = QApplication.focusWidget()
        assert w is not None, (k, ed.current_item(), QApplication.activeWindow())
        if k % 4 == 1 and form.items[f"i{k + 1}"].type.value != "yes_no":
            qtbot.keyClicks(w, "1.5")
        else:
            qtbot.keyClick(w, Qt.Key.Key_F)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    elapsed = time.perf_counter() - start
    print(f"\n60 items by keyboard: {elapsed * 1000:.0f} ms ({elapsed / 60 * 1000:.1f} ms per item)")
    assert QApplication.focusWidget() is ed.complete_btn
    assert len(backend.answers) == 60
    assert ed.score().missing_answers == []
