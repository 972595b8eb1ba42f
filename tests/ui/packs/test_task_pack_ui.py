"""Task packs through the real window: the bureau page builds a pack, the laptop imports it via
File → Import task pack (fingerprint shown and confirmed), 我的任务 lists the assignments, and
double-clicking one starts the visit with the assigned forms. Refusals are clear messages.

Set FENGQIAO_SCREENSHOTS=DIR to keep the screenshots (pack page, confirmation, my tasks).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fengqiao_desktop.bundle.minisign import FAST_KDF
from fengqiao_desktop.services import central as central_svc
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.services import packs as svc
from fengqiao_desktop.ui.packs import import_pack as imp
from fengqiao_desktop.ui.packs.bureau_page import PackPage

BUREAU_PASS = "bureau-pass-123"


def _shot(widget, name: str, tmp_path: Path) -> Path:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # pending layout requests, as the event loop would run them
    folder = Path(os.environ.get("FENGQIAO_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert widget.grab().save(str(path))
    return path


def _pack_page(window) -> PackPage:
    window.set_workspace(1)
    for i in range(window.bureau.count()):
        holder = window.bureau.widget(i)
        if getattr(holder, "_spec", ("",))[-1] == "PackPage":
            window.bureau.setCurrentIndex(i)
            return holder.page()
    raise AssertionError("no Task packs page in the Bureau workspace")


def _check(lst, wanted: set[str]) -> None:
    for i in range(lst.count()):
        item = lst.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in wanted:
            item.setCheckState(Qt.CheckState.Checked)


@pytest.fixture
def inspector(window, central_url):
    pk = idn.create_key(window.store, "王五", "城关区退役军人事务局", "", "inspector-pass-1", kdf=FAST_KDF)
    central_svc.trust_add(pk, name="王五", unit="城关区退役军人事务局", url=central_url)
    return pk.key_id


def test_bureau_page_to_my_tasks(window, inspector, qtbot, tmp_path, dialogs, monkeypatch):
    page = _pack_page(window)
    assert page.title() == "任务包" and window.bureau.tabText(window.bureau.currentIndex()) == "任务包"
    assert page.create_form.isVisible() and not page.build_button.isEnabled()

    # the bureau makes its key in the page
    page.new_name.setText("城关区退役军人事务局")
    page.new_unit.setText("兰州市退役军人事务局")
    page.new_pass.setText(BUREAU_PASS)
    page.new_pass2.setText(BUREAU_PASS)
    monkeypatch.setattr(
        svc, "init_bureau_identity", lambda n, u, p, _orig=svc.init_bureau_identity: _orig(n, u, p, kdf=FAST_KDF)
    )
    page.create_button.click()
    fpr = svc.bureau_identity().fingerprint
    assert not page.create_form.isVisible() and fpr in page.key_text.text()

    # inspector, county, "all towns of 城关区 not yet 示范型达标", due date, folder, passphrase
    assert page.inspector.currentData() == inspector
    _check(page.counties, {"620102000000"})
    page.level.setCurrentIndex(page.level.findData("town"))
    page.unfinished.setChecked(True)
    page.select_button.click()
    towns = [page.stations.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.stations.count())]
    assert towns and all(c.startswith("620102") and c.endswith("000") and c != "620102000000" for c in towns)
    page.note.setText("年底前完成验收")
    usb = tmp_path / "usb"
    page.out_dir.setText(str(usb))
    page.passphrase.setText(BUREAU_PASS)
    page.build_button.click()
    assert dialogs == []
    [made] = list(usb.glob("*.fqpack"))
    assert str(made) in page.result.text() and page.model.rowCount() == 1
    assert page.passphrase.text() == ""
    _shot(window, "pack-page.png", tmp_path)

    # the laptop: File → Import task pack…, the fingerprint is shown on first use
    window.set_workspace(0)
    shown = []

    def confirm(parent, preview):
        dlg = imp.ConfirmPackDialog(preview, parent)
        qtbot.addWidget(dlg)
        dlg.show()
        shown.append((dlg.fingerprint.text(), dlg.ok_button.text()))
        _shot(dlg, "pack-confirm.png", tmp_path)
        dlg.close()
        return True

    monkeypatch.setattr(imp, "confirm", confirm)
    monkeypatch.setattr(imp, "choose_file", lambda _parent: str(made))
    assert window.import_pack_action in window.file_menu.actions()
    assert window.import_pack_action.text() == "导入任务包…"
    window.import_pack_action.trigger()
    assert dialogs == [] and shown == [(fpr, "指纹一致，导入")]

    tasks_page = window.my_tasks
    assert window.inspector.currentWidget() is tasks_page
    assert window.inspector.tabText(1) == "我的任务"
    rows = tasks_page.model.rows
    assert {r.station_code for r in rows} == set(towns)
    assert all(r.note == "年底前完成验收" and r.state == "assigned" and not r.overdue for r in rows)
    assert tasks_page.model.index(0, 4).data() == "未开始"
    assert "five-haves" not in tasks_page.model.index(0, 3).data()  # titles, in the interface language
    _shot(window, "my-tasks.png", tmp_path)

    # opening an assignment starts the visit with the assigned forms
    tasks_page.table.selectRow(0)
    first = tasks_page.model.row_at(0)
    ids = tasks_page.start_selected()
    assert len(ids) == len(first.form_ids) == 2
    assert type(window.inspector.currentWidget()).__name__ == "InspectionEditor"
    window.inspector.setCurrentWidget(tasks_page)
    tasks_page.reload()
    assert next(r for r in tasks_page.model.rows if r.station_code == first.station_code).state == "draft"
    tasks_page.filter.setCurrentIndex(tasks_page.filter.findData("draft"))
    assert [r.station_code for r in tasks_page.model.rows] == [first.station_code]

    # the same pack again: a clear refusal in Chinese only, nothing changed
    window.import_pack_action.trigger()
    [box] = dialogs
    assert "不比本机已导入的" in box.text() and "pack" not in box.text().lower()


def test_an_overdue_assignment_is_red(window, qtbot):
    import datetime as dt

    from fengqiao_desktop.ui.packs.my_tasks import RED

    row = svc.AssignmentRow(
        "a", "620102001000", "酒泉路街道退役军人服务站", dt.date(2026, 1, 1), "", ("five-haves",), "assigned", True, 2
    )
    page = window.my_tasks
    page.set_rows([row])
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() == RED
    assert page.model.index(0, 4).data() == "未开始 · 已逾期"
    assert "1 项已逾期" in page.heading.text()


def test_a_random_file_is_refused_with_a_message(window, tmp_path, dialogs, monkeypatch):
    bad = tmp_path / "x.fqpack"
    bad.write_bytes(os.urandom(3000))
    monkeypatch.setattr(imp, "choose_file", lambda _parent: str(bad))
    monkeypatch.setattr(imp, "confirm", lambda *_a: pytest.fail("a refused pack must not ask"))
    window.import_pack_action.trigger()
    [box] = dialogs
    assert "不是任务包" in box.text() and "zip" not in box.text()
    assert window.my_tasks.model.rowCount() == 0


def test_english_labels(window, qtbot):
    window.set_language("en")
    assert window.import_pack_action.text() == "Import task pack…"
    assert window.inspector.tabText(1) == "My tasks"
    qtbot.waitUntil(lambda: window.my_tasks.filter.itemText(0) == "All assignments")  # LanguageChange is posted


def test_a_finding_from_the_pack_is_rechecked_in_the_new_visit(
    window, inspector, qtbot, tmp_path, dialogs, monkeypatch, central_url
):
    """The station page lists the bureau's finding; the visit's 回头看 panel marks it rectified with a
    photo and a note; the verdict is part of this visit's record."""
    from datetime import date

    from merge_helpers import RUBRIC, Device
    from PIL import Image

    from fengqiao_desktop.packs.build import PackRequest
    from fengqiao_desktop.packs.identity import BureauKeyStore
    from fengqiao_desktop.services.records import current_record
    from fengqiao_desktop.storage.models import Inspection

    town = "620102001000"
    b = Device(name="李四")
    central_svc.trust_add(b.sk.public, name="李四", unit=b.unit, url=central_url)
    f = {
        "id": "f1",
        "item_id": "b1",
        "category": "hardware",
        "severity": "deduction",
        "description": "服务大厅无统一标识牌",
        "measures": "按省厅式样补挂",
        "responsible": "站长",
        "deadline": "2026-06-30",
        "status": "open",
    }
    found = b.record(RUBRIC, station=town, findings=[f])
    [out] = central_svc.import_bundles([b.export(tmp_path / "b-usb", [found])], url=central_url)
    assert out.ok
    ks = BureauKeyStore()
    svc.init_bureau_identity("城关区退役军人事务局", "兰州市退役军人事务局", BUREAU_PASS, keystore=ks, kdf=FAST_KDF)
    vp = svc.build_pack(
        PackRequest(inspector_key_id=inspector, stations=[town], due_date=date(2026, 12, 20)),
        tmp_path / "usb",
        BUREAU_PASS,
        url=central_url,
        keystore=ks,
    )
    monkeypatch.setattr(imp, "confirm", lambda *_a: True)
    monkeypatch.setattr(imp, "choose_file", lambda _parent: str(vp.path))
    window.import_pack_action.trigger()
    assert dialogs == []

    # the station page shows it beside the station's own findings
    window.browser.select_station(town)
    qtbot.waitUntil(lambda: window.browser.page.findings.rowCount() == 1)
    findings = window.browser.page.findings
    assert findings.index(0, 0).data() == "任务包（回头看）" and findings.index(0, 1).data() == "服务大厅无统一标识牌"
    # the assignment starts the visit; the rubric's editor carries the 回头看 panel
    tasks_page = window.my_tasks
    window.inspector.setCurrentWidget(tasks_page)
    tasks_page.reload()
    tasks_page.table.selectRow(0)
    ids = tasks_page.start_selected()
    editor = window.inspector.currentWidget()
    panel = editor.recheck_panel
    assert panel is not None and len(panel.items) == 1
    what, state = panel.texts[(found["id"], "f1")]
    assert "服务大厅无统一标识牌" in what.text() and "发现人 李四" in what.text()
    assert state.text() == "未复查"
    fixed, _still = panel.buttons[(found["id"], "f1")]
    assert fixed.text() == "已整改…"
    fixed.click()
    dlg = panel.dialog
    assert dlg is not None and not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()
    photo = tmp_path / "sign.jpg"
    Image.new("RGB", (800, 600), (200, 40, 40)).save(photo, "JPEG")
    dlg.note.setPlainText("已按式样补挂标识牌")
    dlg.set_photo(str(photo))
    assert dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()
    dlg.accept()
    _what, state = panel.texts[(found["id"], "f1")]
    assert state.text() == "已整改：已按式样补挂标识牌" and dialogs == []
    _shot(window, "recheck.png", tmp_path)

    with window.store.session() as s:
        row = s.get(Inspection, editor.view.inspection_id)
        record = current_record(window.store, s, row)
    [rc] = record["rechecks"]
    assert (rc["inspection_id"], rc["finding_id"], rc["verdict"]) == (found["id"], "f1", "rectified")
    assert any(p["sha256"] == rc["photo_sha256"] and p["caption"].startswith("回头看：") for p in record["photos"])
    assert editor.view.inspection_id in ids
