"""Roster page (a bad file imports nothing and lists every bad row), trust corrections, import history."""

from __future__ import annotations

from merge_helpers import RUBRIC, Device
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from fengqiao_desktop.domain.time import today as cst_today
from fengqiao_desktop.services import central as svc
from fengqiao_desktop.ui.bureau.imports.page import ImportPage
from fengqiao_desktop.ui.bureau.roster.page import RosterPage
from fengqiao_desktop.ui.bureau.trust import page as trust_page
from fengqiao_desktop.ui.bureau.trust.dialogs import EditKeyDialog, RetrustDialog
from fengqiao_desktop.ui.bureau.trust.page import TrustPage


def test_a_roster_with_bad_rows_imports_nothing_and_lists_them(
    qtbot, qtmodeltester, sync_tasks, central, context, tmp_path
):
    page = RosterPage(context)
    qtbot.addWidget(page)
    page.reload()
    assert len(page.stations) == 125  # the fixture's demo roster
    codes = page.visible_codes()
    assert codes == sorted(codes) and len(codes) == 125  # by code, ascending
    qtmodeltester.check(page.model)
    bad = tmp_path / "名册.csv"
    bad.write_text(
        "代码,名称,层级,上级代码\n"
        "620102099000,新建街道退役军人服务站,街道,620102000000\n"
        "62010209900X,坏代码社区,社区,620102099000\n"
        "620102099002,,社区,620102099000\n",
        encoding="utf-8",
    )
    before = central.digest()
    page.import_file(str(bad))
    assert central.digest() == before  # all or nothing
    assert page.issues_table.isVisibleTo(page)
    rows = [(i.row, i.reason) for i in page.issues.rows]
    assert [r for r, _ in rows] == [3, 4], rows
    assert "未导入任何站点" in page.result.text()
    good = tmp_path / "good.csv"
    good.write_text(
        "代码,名称,层级,上级代码\n620102099000,新建街道退役军人服务站,街道,620102000000\n", encoding="utf-8"
    )
    with qtbot.waitSignal(context.data_changed):
        page.import_file(str(good))
    assert not page.issues_table.isVisibleTo(page)
    assert "新增 1" in page.result.text() and len(page.stations) == 126
    page.search.setText("新建街道")
    assert page.visible_codes() == ["620102099000"]
    assert "1" in page.count.text() and "126" in page.count.text()


def test_a_misspelt_name_is_corrected_and_a_revoked_key_trusted_again(qtbot, sync_tasks, central, context, monkeypatch):
    dev = central.device(name="张叁")  # typo: the laptop says 张三
    page = TrustPage(context)
    qtbot.addWidget(page)
    page.reload()
    imports = ImportPage(context)
    qtbot.addWidget(imports)
    fixed = Device(name="张三", unit=dev.unit, sk=dev.sk, device_id=dev.device_id)
    bundle = fixed.export(central.tmp / "usb", [fixed.record(RUBRIC)])
    imports.import_paths([bundle])
    assert imports.outcomes[0].status == "refused"
    assert "请在“信任的检查员密钥”中修改该密钥的姓名和单位" in imports.outcomes[0].reason

    asked = []
    monkeypatch.setattr(trust_page, "confirm", lambda _p, _t, text: asked.append(text) or True)
    page.select_key(dev.key_id)
    assert page.edit_button.isEnabled() and not page.retrust_button.isEnabled()

    def fix_name():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EditKeyDialog) and dialog.name_edit.text() == "张叁"
        dialog.name_edit.setText("张三")
        dialog.reason_edit.setText("登记时姓名写错")
        dialog.accept()

    QTimer.singleShot(0, fix_name)
    with qtbot.waitSignal(context.data_changed):
        page.ask_edit()
    assert asked and "张三" in asked[-1]  # asked first
    assert [e.name for e in page.model.rows] == ["张三"]
    history = svc.trust_history(dev.key_id, url=central.url)
    assert [h.action for h in history] == ["add", "edit"]
    assert history[1].before == {"name": "张叁"} and history[1].reason == "登记时姓名写错"
    imports.import_paths([bundle])
    assert imports.outcomes[0].status == "imported"

    # revoked, then trusted again from today with a reason (no dead end)
    svc.trust_revoke(dev.key_id, reason="电脑送修", url=central.url)
    page.reload()
    page.select_key(dev.key_id)
    assert page.retrust_button.isEnabled() and not page.edit_button.isEnabled()

    def give_reason():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RetrustDialog)
        dialog.reason_edit.setPlainText("电脑已取回，密钥未泄露")
        dialog.buttons.accepted.emit()

    QTimer.singleShot(0, give_reason)
    with qtbot.waitSignal(context.data_changed):
        page.ask_retrust()
    [entry] = svc.trust_list(url=central.url)
    assert entry.state() == "valid" and entry.valid_from == cst_today()
    assert [h.action for h in svc.trust_history(dev.key_id, url=central.url)] == ["add", "edit", "revoke", "retrust"]


def test_the_import_history_keeps_every_import_and_verifies_again(qtbot, sync_tasks, central, context):
    dev = central.device()
    page = ImportPage(context)
    qtbot.addWidget(page)
    good = dev.export(central.tmp / "usb", [dev.record(RUBRIC)])
    junk = central.tmp / "usb" / "junk.fqbundle"
    junk.write_bytes(b"PK\x03\x04 broken")
    page.import_paths([good, junk])
    # a new window (another day) still shows both, newest first
    later = ImportPage(context)
    qtbot.addWidget(later)
    later.reload()
    assert [r.outcome for r in later.history.rows] == ["refused", "imported"]
    refused, imported = later.history.rows
    assert refused.report is not None and refused.report.exists()
    assert "manifest.json" not in refused.reason and "zip:" not in refused.reason
    later.history_table.selectRow(1)
    assert later.reverify_button.isEnabled()
    later.reverify_selected()
    assert "签名有效" in later.reverify_result.text()
    data = bytearray(imported.archived.read_bytes())  # the archived copy damaged on disk
    data[len(data) // 2] ^= 0xFF
    imported.archived.write_bytes(bytes(data))
    later.reverify_selected()
    assert "已损坏" in later.reverify_result.text()
