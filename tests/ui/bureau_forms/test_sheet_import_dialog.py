"""The Bureau's forms page and sheet import dialog: report, diff, import, in both languages."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sheets import write_village_xlsx
from zh_strings import SOURCES, TS, ZH

from fengqiao_desktop.formengine.loader import installed_registry

BIN = Path(sys.executable).parent


def _cells(model, col):
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


@pytest.fixture
def zh(qapp):
    from fengqiao_desktop.ui import i18n

    i18n.install("zh")
    yield
    i18n.install("zh")


def test_a_bad_sheet_shows_every_cell_and_cannot_be_imported(qtbot, data_dir, sync_tasks, zh, tmp_path):
    from fengqiao_desktop.ui.bureau.forms.import_dialog import SheetImportDialog

    def edit(ws):
        ws["D4"] = "两分"
        ws["C6"] = None

    dialog = SheetImportDialog()
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(write_village_xlsx(tmp_path / "lz.xlsx", edit=edit)))
    dialog.read()
    assert "有 2 处无法识别" in dialog.summary.text()
    assert _cells(dialog.problems, 2) == ["D4", "C6"]
    assert _cells(dialog.problems, 3)[0] == "分值“两分”不是数字"
    assert _cells(dialog.problems, 0)[:2] == ["问题", "问题"]
    assert not dialog.import_button.isEnabled()
    assert not (data_dir / "forms").exists()


def test_a_good_sheet_then_its_revision_with_the_diff(qtbot, data_dir, sync_tasks, zh, tmp_path):
    from fengqiao_desktop.ui.bureau.forms.import_dialog import SheetImportDialog

    dialog = SheetImportDialog()
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(write_village_xlsx(tmp_path / "lz.xlsx")))
    dialog.read()
    assert "12 个分项，61 个检查项，满分 100，达标线 90" in dialog.summary.text()
    assert _cells(dialog.problems, 0) == ["提示"]  # the level was taken from the title
    assert dialog.change_table.isHidden()
    with qtbot.waitSignal(dialog.form_imported):
        dialog.import_button.click()
    assert installed_registry().get("lz").version == "1"

    def revise(ws):
        ws["C3"] = "组织领导责任落实"
        ws["D4"], ws["D9"], ws["D8"], ws["D15"] = 2.5, 0.5, 8.5, 8

    again = SheetImportDialog()
    qtbot.addWidget(again)
    again.path_edit.setText(str(write_village_xlsx(tmp_path / "lz.xlsx", edit=revise)))
    again.read()
    assert "lz 版本 2" in again.summary.text()
    assert not again.change_table.isHidden()
    assert "与已安装的版本 1 相比的变更" in again.diff_label.text()
    assert _cells(again.changes, 0) == ["改名", "分值变化", "分值变化"]
    assert _cells(again.changes, 4)[1] == "1.5 → 2.5"
    again.import_button.click()
    assert installed_registry().get("lz").version == "2"


def test_the_forms_page_lists_forms_and_opens_the_dialog(qtbot, data_dir, sync_tasks, zh, central_context):
    from fengqiao_desktop.ui.bureau.forms.page import FormsPage

    page = FormsPage(central_context)
    qtbot.addWidget(page)
    page.show()
    ids = _cells(page.model, 0)
    assert {"five-haves", "demonstration-village"} <= set(ids)
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "表单"
    page.open_import()
    dialog = page.findChild(QDialog, "sheet_import_dialog")
    assert dialog.windowTitle() == "导入评分表"
    dialog.close()


@pytest.fixture
def central_context(qapp, tmp_path):
    from fengqiao_desktop.ui.bureau.context import BureauContext

    ctx = BureauContext(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    yield ctx
    ctx.deleteLater()


def _messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}


def test_every_string_is_in_the_ts_file_with_chinese(tmp_path):
    lupdate = BIN / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *map(str, SOURCES), "-ts", str(fresh)], check=True, capture_output=True)
    wanted = _messages(fresh)
    assert len(wanted) > 40
    assert wanted - _messages(TS) == set(), "run python tests/ui/bureau_forms/zh_strings.py"
    assert {s for _c, s in wanted} <= set(ZH)


def test_english_shows_no_chinese_chrome(qtbot, data_dir, sync_tasks, qapp, tmp_path):
    from fengqiao_desktop.ui import i18n
    from fengqiao_desktop.ui.bureau.forms.import_dialog import SheetImportDialog

    i18n.install("en")
    try:
        dialog = SheetImportDialog()
        qtbot.addWidget(dialog)
        dialog.path_edit.setText(
            str(write_village_xlsx(tmp_path / "lz.xlsx", edit=lambda ws: ws.__setitem__("D4", "x")))
        )
        dialog.read()
        assert dialog.windowTitle() == "Import a scoring sheet"
        assert dialog.summary.text().startswith("1 cell(s) could not be read")
        assert _cells(dialog.problems, 3) == ["the points 'x' are not a number"]
    finally:
        i18n.install("zh")
