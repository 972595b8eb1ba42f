"""Language: a switch retranslates open editor tabs; --lang is for one run; Qt's own dialogs speak Chinese."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from test_shortcuts import _open_both_forms, window  # noqa: F401 - the fixture is used by name

from fengqiao_desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]


def test_switching_language_retranslates_open_editor_tabs(window, qtbot):  # noqa: F811
    _open_both_forms(window, qtbot)
    editor = window.inspector.currentWidget()
    iid = editor.view.inspection_id
    editor.focus_item(editor._order[2])
    assert editor.complete_btn.text() == "完成检查"

    window.set_language("en")
    rebuilt = window.inspector.currentWidget()
    assert rebuilt is not editor and rebuilt.view.inspection_id == iid  # same tab, same inspection
    assert len(window.open_inspection_ids()) == 2  # both editor tabs still open
    assert rebuilt.complete_btn.text() == "Complete"
    assert rebuilt.current_item() == rebuilt._order[2]
    other = next(w for w in window._editors.values() if w is not rebuilt)
    assert other.complete_btn.text() == "Complete"
    assert i18n.saved_language() == "en"  # chosen in the menu: remembered

    window.set_language("zh")
    assert window.inspector.currentWidget().complete_btn.text() == "完成检查"


def test_qt_standard_dialogs_speak_chinese(qapp):
    i18n.install("zh")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
    texts = {b.text() for b in box.findChildren(QPushButton)}
    assert texts == {"打开(&O)", "取消"} or all(not t.isascii() for t in texts), texts
    i18n.install("en")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"


def test_lang_option_applies_to_one_run_only(tmp_path):
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "fengqiao_desktop.ui.app",
            "--data-dir",
            str(data),
            "--lang",
            "en",
            "--quit-when-shown",
            "tree",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    settings = data / "settings.json"
    assert not settings.exists() or '"language": "en"' not in settings.read_text(encoding="utf-8")
