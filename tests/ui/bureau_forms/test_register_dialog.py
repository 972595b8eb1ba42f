"""Registering a form at the bureau from the Forms page: a new form, then its next version with its diff."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from test_lineage import V1, V2

from fengqiao_desktop.services import central


def _cells(model, col):
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


@pytest.fixture
def zh(qapp):
    from fengqiao_desktop.ui import i18n

    i18n.install("zh")
    yield


@pytest.fixture
def page(qtbot, data_dir, sync_tasks, zh, tmp_path):
    from fengqiao_desktop.ui.bureau.context import BureauContext
    from fengqiao_desktop.ui.bureau.forms.page import FormsPage

    (data_dir / "forms").mkdir(parents=True)
    (data_dir / "forms" / "county-sheet-1.yaml").write_text(V1, encoding="utf-8")
    (data_dir / "forms" / "county-sheet-2.yaml").write_text(V2, encoding="utf-8")
    ctx = BureauContext(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    p = FormsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    p.reload()
    yield p
    ctx.deleteLater()


def _register(page, version: str) -> QDialog:
    rows = [(f.id, f.version) for f in page.model.rows]
    page.table.selectRow(rows.index(("county-sheet", version)))
    before = len(page.findChildren(QDialog, "register_form_dialog"))
    page.register_selected()
    dialogs = page.findChildren(QDialog, "register_form_dialog")
    assert len(dialogs) == before + 1
    return dialogs[-1]


def _registered(page) -> list[tuple[str, str]]:
    return sorted(
        (e.form_id, e.version) for e in central.forms_list(url=page.context.url) if e.form_id == "county-sheet"
    )


def test_a_new_form_then_its_next_version_after_the_diff(page):
    d = _register(page, "1")
    assert d.windowTitle() == "在本局登记表单"
    assert "版本 1 尚未在本局登记：4 个检查项，满分 10" in d.summary.text()
    assert d.change_table.isHidden()
    d.register_button.click()
    assert _registered(page) == [("county-sheet", "1")]
    assert page.status.text() == "已在本局登记：county-sheet 版本 1。"

    d = _register(page, "2")
    assert "版本 2 替代已登记的版本 1（满分 10 → 11）" in d.summary.text()
    assert not d.change_table.isHidden()
    assert _cells(d.changes, 0) == ["改名", "移动", "拆分", "新增"]
    assert _cells(d.changes, 1) == ["A2", "B2", "B1", ""]
    assert _cells(d.changes, 2) == ["A2", "A3", "B1, B3", "C1"]
    assert d.question.text() == "新增 1 项，删除 0 项，分值变化 0 项。接受以上变更并登记？"
    d.cancel_button.click()  # asked, declined: nothing registered
    assert _registered(page) == [("county-sheet", "1")]
    assert page.status.text() == "未登记任何表单。"

    d = _register(page, "2")
    d.register_button.click()
    assert _registered(page) == [("county-sheet", "1"), ("county-sheet", "2")]

    d = _register(page, "2")  # again: already there, nothing to ask
    assert "已在本局登记，无需操作" in d.summary.text()
    assert not d.register_button.isEnabled() and d.question.isHidden()


def test_nothing_selected_says_so(page):
    page.table.clearSelection()
    page.register_selected()
    assert page.status.text() == "请先在列表中选择一个表单。"
    assert page.findChildren(QDialog, "register_form_dialog") == []
