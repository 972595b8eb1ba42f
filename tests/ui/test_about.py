"""The About dialog: versions a support call asks for, the licences, the font's licence text, Chinese."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest
import reportlab
import sqlalchemy
from PySide6.QtCore import qVersion

from fengqiao_desktop import __version__
from fengqiao_desktop.paths import resources_dir

TS = resources_dir() / "i18n" / "about_zh_CN.ts"
SOURCE = Path(__file__).resolve().parents[2] / "fengqiao_desktop" / "ui" / "about.py"


@pytest.fixture
def english(qapp):
    from fengqiao_desktop.ui import i18n

    i18n.install("en")
    yield
    i18n.install("en")


def test_versions_and_licences_are_shown(qtbot, english):
    from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextBrowser

    from fengqiao_desktop.ui.about import AboutDialog

    dlg = AboutDialog()
    qtbot.addWidget(dlg)
    text = dlg.findChild(QLabel, "about_versions").text()
    for part in (
        __version__,
        qVersion(),
        PySide6.__version__,
        sqlalchemy.__version__,
        reportlab.Version,
        f"{sys.version_info.major}.{sys.version_info.minor}",
    ):
        assert part in text
    licences = dlg.findChild(QTextBrowser, "about_licenses").toPlainText()
    assert "Apache License 2.0" in licences and "LGPL-3.0" in licences and "Droid Sans Fallback" in licences
    font = dlg.findChild(QPlainTextEdit, "about_font_license").toPlainText()
    shipped = (resources_dir() / "fonts" / "LICENSE-DroidSansFallback.txt").read_text(encoding="utf-8")
    assert font == shipped and "Apache License" in font
    assert [dlg.tabs.tabText(i) for i in range(dlg.tabs.count())] == ["About", "Licences"]


def test_main_window_opens_the_dialog(qtbot, english, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from fengqiao_desktop import config
    from fengqiao_desktop.ui.about import AboutDialog
    from fengqiao_desktop.ui.main_window import MainWindow

    config.set_data_dir(tmp_path)
    try:
        win = MainWindow()
        qtbot.addWidget(win)
        seen = []

        def close_it():
            dlg = QApplication.activeModalWidget()
            seen.append(type(dlg))
            dlg.reject()

        QTimer.singleShot(50, close_it)
        win.about_action.trigger()
        assert seen == [AboutDialog]
    finally:
        config.set_data_dir(None)


def test_chinese(qapp):
    from PySide6.QtWidgets import QLabel

    from fengqiao_desktop.ui import i18n
    from fengqiao_desktop.ui.about import AboutDialog

    i18n.install("zh")
    try:
        dlg = AboutDialog()
        assert dlg.windowTitle() == "关于枫桥桌面版"
        assert [dlg.tabs.tabText(i) for i in range(dlg.tabs.count())] == ["关于", "许可"]
        assert "数据文件夹" in dlg.findChild(QLabel, "about_versions").text()
        dlg.deleteLater()
    finally:
        i18n.install("en")


def test_every_string_is_translated(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), str(SOURCE), "-ts", str(fresh)], check=True, capture_output=True)

    def messages(ts):
        root = ET.parse(ts).getroot()
        return {m.findtext("source"): m.findtext("translation") for m in root.iter("message")}

    wanted, have = messages(fresh), messages(TS)
    assert wanted and set(wanted) <= set(have)
    assert all(have[s] for s in wanted)
    assert (TS.with_suffix(".qm")).stat().st_mtime >= TS.stat().st_mtime - 1
