"""Trust page: add a key from a .pub file and revoke it with a reason; its bundles are then refused."""

from __future__ import annotations

from datetime import date

from merge_helpers import RUBRIC, Device
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from fengqiao_desktop.services import central as svc
from fengqiao_desktop.ui.bureau.imports.page import ImportPage
from fengqiao_desktop.ui.bureau.trust import page as trust_page
from fengqiao_desktop.ui.bureau.trust.dialogs import AddKeyDialog, NewKey, RevokeDialog
from fengqiao_desktop.ui.bureau.trust.page import TrustPage, grouped


def _row(page, key_id: str) -> dict:
    m = page.model
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    for r in range(m.rowCount()):
        if m.row_at(r).key_id == key_id:
            return {h: m.index(r, c).data() for c, h in enumerate(headers)}
    raise AssertionError(f"{key_id} not in the table")


def _fill_add_dialog(path, name, unit):
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, AddKeyDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing filled in yet
    dialog.path_edit.setText(str(path))
    dialog.name_edit.setText(name)
    dialog.unit_edit.setText(unit)
    dialog.to_box.setChecked(True)
    ok.click()


def test_add_then_revoke_through_the_page_and_the_revoked_key_is_refused(
    qtbot, qtmodeltester, sync_tasks, central, context, monkeypatch
):
    dev = Device(name="赵六", unit="七里河区退役军人事务局")
    pub = dev.pub_file(central.tmp / "keys")
    page = TrustPage(context)
    qtbot.addWidget(page)
    page.reload()
    assert page.model.rowCount() == 0

    QTimer.singleShot(0, lambda: _fill_add_dialog(pub, dev.name, dev.unit))
    with qtbot.waitSignal(context.data_changed):
        page.ask_add()
    qtmodeltester.check(page.model)
    row = _row(page, dev.key_id)
    assert row["密钥编号"] == grouped(dev.key_id)
    assert row["姓名"] == "赵六" and row["单位"] == "七里河区退役军人事务局"
    assert row["状态"] == "有效" and row["截止日期"] == f"{date.today().year}-12-31"
    assert row["公钥（指纹）"] == dev.sk.public.line()

    # a bundle from before the revocation imports
    imports = ImportPage(context)
    qtbot.addWidget(imports)
    imports.import_paths([dev.export(central.tmp / "usb", [dev.record(RUBRIC)])])
    assert imports.outcomes[0].status == "imported"

    page.select_key(dev.key_id)
    assert page.revoke_button.isEnabled()
    questions = []
    monkeypatch.setattr(trust_page, "confirm", lambda _p, _t, text: questions.append(text) or True)

    def fill_reason():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RevokeDialog)
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # a reason is required
        dialog.reason_edit.setPlainText("笔记本电脑丢失")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill_reason)
    with qtbot.waitSignal(context.data_changed):
        page.ask_revoke()
    assert questions and "赵六" in questions[0]  # asked first
    row = _row(page, dev.key_id)
    assert row["状态"] == "已吊销" and row["理由"] == "笔记本电脑丢失" and row["吊销时间"]
    assert not page.revoke_button.isEnabled()
    [entry] = svc.trust_list(url=central.url)
    assert entry.revoked and entry.revoke_reason == "笔记本电脑丢失"

    before = central.digest()
    imports.import_paths([dev.export(central.tmp / "usb", [dev.record(RUBRIC)])])
    [out] = imports.outcomes
    assert out.status == "refused"
    assert "吊销" in imports.model.index(0, 2).data()
    assert central.digest() == before


def test_declining_the_confirmation_revokes_nothing(qtbot, sync_tasks, central, context, monkeypatch):
    dev = central.device()
    page = TrustPage(context)
    qtbot.addWidget(page)
    page.reload()
    page.select_key(dev.key_id)
    monkeypatch.setattr(trust_page, "confirm", lambda *_a: False)

    def fill_reason():
        dialog = QApplication.activeModalWidget()
        dialog.reason_edit.setPlainText("误操作")
        dialog.accept()

    QTimer.singleShot(0, fill_reason)
    page.ask_revoke()
    assert not svc.trust_list(url=central.url)[0].revoked


def test_a_bad_public_key_file_gets_a_clear_message_and_adds_nothing(qtbot, sync_tasks, central, context, dialogs):
    bad = central.tmp / "broken.pub"
    bad.write_text("untrusted comment: minisign public key\nthis is not a key\n", encoding="utf-8")
    page = TrustPage(context)
    qtbot.addWidget(page)
    page.add_key(NewKey(str(bad), "钱七", "城关区", None, None))
    assert len(dialogs) == 1
    assert "公钥" in dialogs[0].text()
    assert svc.trust_list(url=central.url) == []
    page.add_key(NewKey(str(central.tmp / "missing.pub"), "钱七", "城关区", None, None))
    assert len(dialogs) == 2 and "无法读取公钥文件" in dialogs[1].text()


def test_validity_dates_are_kept(qtbot, sync_tasks, central, context):
    dev = Device(name="孙八", unit="城关区退役军人事务局")
    page = TrustPage(context)
    qtbot.addWidget(page)
    page.add_key(NewKey(str(dev.pub_file(central.tmp / "k")), dev.name, dev.unit, date(2030, 1, 1), date(2030, 12, 31)))
    row = _row(page, dev.key_id)
    assert row["生效日期"] == "2030-01-01" and row["截止日期"] == "2030-12-31" and row["状态"] == "尚未生效"
