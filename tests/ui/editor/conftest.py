"""Fixtures for the editor tests: offscreen Qt, a small form of every item type, an in-memory backend."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from editor_memory_backend import MemoryBackend  # noqa: E402

from fengqiao_desktop.formengine.loader import parse_form  # noqa: E402

MINI_FORM = """
id: mini-rubric
version: "1"
title: {zh: 测试评分表, en: Test rubric}
kind: rubric
levels: [village]
pass_mark: 9
sections:
  - id: A
    title: {zh: 五有, en: Five haves}
    items:
      - {id: a1, title: {zh: 有机构, en: Organisation}, type: yes_no, max: 2, veto: true,
         veto_reason: 五有缺项, min_photos: 1, guidance: 查看机构牌子和成立文件。}
      - {id: a2, title: {zh: 服务大厅, en: Service hall}, type: graded, max: 4, step: 0.5,
         guidance: 功能分区齐全得4分，缺一项扣1分。, category: hardware}
  - id: B
    title: {zh: 制度, en: Rules}
    items:
      - {id: b1, title: {zh: 台账, en: Ledgers}, type: deduction, max: 2, step: 0.5}
      - id: b2
        title: {zh: 公开方式, en: Publication}
        type: choice
        max: 2
        choices:
          - {value: full, label: {zh: 全部公开, en: Fully}, points: 2}
          - {value: part, label: {zh: 部分公开, en: Partly}, points: 1}
          - {value: none, label: {zh: 未公开, en: Not}, points: 0}
      - {id: b3, title: {zh: 无障碍设施, en: Accessibility}, type: graded, max: 0.5, step: 0.5, na_allowed: true}
      - {id: b4, title: {zh: 服务退役军人人数, en: Veterans served}, type: number}
      - {id: b5, title: {zh: 其他说明, en: Remarks}, type: text}
"""


@pytest.fixture
def mini_form():
    return parse_form(MINI_FORM, "mini.yaml")


@pytest.fixture
def backend(mini_form, tmp_path):
    return MemoryBackend(mini_form, tmp_path / "photos")


@pytest.fixture
def editor(qtbot, backend):
    from fengqiao_desktop.ui.editor.editor_widget import InspectionEditor
    from fengqiao_desktop.ui.editor.runner import SyncRunner

    ed = InspectionEditor(None, backend.inspection_id, backend=backend, runner=SyncRunner(), lang="zh")
    qtbot.addWidget(ed)
    ed.resize(1200, 800)
    show_active(qtbot, ed)
    return ed


@pytest.fixture
def activate(qtbot):
    return lambda widget: show_active(qtbot, widget)


def show_active(qtbot, widget):
    """Show the widget as the active window, so key events reach the focused child."""
    from PySide6.QtWidgets import QApplication

    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)


def pytest_collection_modifyitems(config, items):
    """The offscreen platform warns that it cannot propagate size hints or raise windows: noise."""
    for item in items:
        if "ui/editor" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"))
