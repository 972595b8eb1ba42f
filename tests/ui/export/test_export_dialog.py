"""The export dialog with a real store and a real key: bundles stock minisign accepts; failures leave nothing."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest
from exporthelp import FAST_KDF, PASS
from PySide6.QtCore import Qt

from fengqiao_desktop.bundle import verify_bundle
from fengqiao_desktop.domain import InspectionStatus
from fengqiao_desktop.services import export as ex
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.storage import meta
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.export import ExportDialog

MINISIGN = shutil.which("minisign")


def _state(store):
    with store.session() as s:
        return meta.export_sequence(s), meta.get_meta(s, ex.PENDING_EXPORT)


def _dialog(qtbot, store, out, passphrase=PASS):
    dlg = ExportDialog(store)
    qtbot.addWidget(dlg)
    dlg.folder.setText(str(out))
    dlg.passphrase.setText(passphrase)
    return dlg


@pytest.mark.skipif(MINISIGN is None, reason="minisign is not installed")
def test_export_through_the_dialog_verifies_with_stock_minisign(qtbot, sync_tasks, keyed, complete, tmp_path, dialogs):
    a, b = complete(keyed), complete(keyed)
    usb = tmp_path / "usb"
    usb.mkdir()
    dlg = _dialog(qtbot, keyed, usb)
    assert dlg.list.count() == 2 and sorted(dlg.checked_ids()) == sorted([a, b])
    assert "数据包序号 1" in dlg.summary.text()
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    assert dialogs == []
    path = dlg.bundle_path
    assert path is not None and path.parent == usb and list(usb.iterdir()) == [path]
    assert str(path) in dlg.result.text() and dlg.open_button.isVisibleTo(dlg)
    assert dlg.list.count() == 0  # both are exported now

    # stock minisign, on the manifest taken out of the zip, with the one-line public key
    with zipfile.ZipFile(path) as z:
        (tmp_path / "manifest.json").write_bytes(z.read("manifest.json"))
        (tmp_path / "manifest.json.minisig").write_bytes(z.read("manifest.json.minisig"))
    line = idn.identity(keyed).public_line
    res = subprocess.run([MINISIGN, "-Vm", "manifest.json", "-P", line], cwd=tmp_path, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    # and the project's verifier
    pk = idn.keystore(keyed).public_key()
    vb = verify_bundle(path, public_keys={pk.key_id: pk})
    assert {i["id"] for i in vb.inspections} == {a, b} and vb.sequence == 1
    assert keyed.inspections.get(a).status is InspectionStatus.EXPORTED
    assert _state(keyed) == (1, None)
    assert keyed.settings.last_export_dir == str(usb)


def test_unticked_inspection_stays_for_the_next_export(qtbot, sync_tasks, keyed, complete, tmp_path, dialogs):
    a, b = complete(keyed), complete(keyed)
    usb = tmp_path / "usb"
    usb.mkdir()
    dlg = _dialog(qtbot, keyed, usb)
    for i in range(dlg.list.count()):
        item = dlg.list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == b:
            item.setCheckState(Qt.CheckState.Unchecked)
    assert dlg.checked_ids() == [a]
    dlg.start_export()
    assert dialogs == [] and dlg.bundle_path is not None
    assert [dlg.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dlg.list.count())] == [b]


def test_wrong_passphrase_writes_nothing_and_keeps_the_number(qtbot, sync_tasks, keyed, complete, tmp_path, dialogs):
    complete(keyed)
    usb = tmp_path / "usb"
    usb.mkdir()
    dlg = _dialog(qtbot, keyed, usb, passphrase="not the passphrase")
    dlg.start_export()
    assert len(dialogs) == 1 and "口令错误" in dialogs[0].text()
    assert list(usb.iterdir()) == [] and dlg.bundle_path is None
    assert _state(keyed) == (0, None)
    # the right passphrase then gets number 1
    dlg.passphrase.setText(PASS)
    dlg.start_export()
    assert (
        verify_bundle(
            dlg.bundle_path, public_keys={idn.keystore(keyed).key_id: idn.keystore(keyed).public_key()}
        ).sequence
        == 1
    )


def test_cancel_leaves_no_file(qtbot, sync_tasks, keyed, complete, tmp_path, dialogs):
    complete(keyed)
    usb = tmp_path / "usb"
    usb.mkdir()
    dlg = _dialog(qtbot, keyed, usb)
    dlg.progress.valueChanged.connect(lambda v: v > 0 and dlg.cancel())
    dlg.start_export()
    assert dialogs == [] and dlg.bundle_path is None
    assert list(usb.iterdir()) == []
    assert "取消" in dlg.result.text()
    assert _state(keyed) == (0, None) and len(idn.exportable_inspections(keyed)) == 1
    assert dlg.export_button.isEnabled()


def test_plain_words_for_no_key_nothing_to_export_and_bad_folder(qtbot, sync_tasks, store, complete, tmp_path, dialogs):
    usb = tmp_path / "usb"
    usb.mkdir()
    dlg = _dialog(qtbot, store, usb)
    dlg.start_export()
    assert "没有签名密钥" in dialogs[-1].text()

    idn.create_key(store, "张三", "城关区", "", PASS, kdf=FAST_KDF)
    dlg.start_export()
    assert "没有需要导出" in dialogs[-1].text()

    complete(store)
    dlg.reload()
    dlg.folder.setText(str(tmp_path / "no-such-drive"))
    dlg.start_export()
    assert "不存在" in dialogs[-1].text()
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    dlg.folder.setText(str(blocker))
    dlg.start_export()
    assert len(dialogs) == 4
    assert _state(store) == (0, None) and dlg.bundle_path is None


def test_export_in_a_background_thread(qtbot, keyed, complete, tmp_path, dialogs):
    complete(keyed)
    usb = tmp_path / "usb"
    usb.mkdir()
    with tasks.use_runner(tasks.PoolRunner()):
        dlg = _dialog(qtbot, keyed, usb)
        dlg.start_export()
        assert dlg.cancel_button.isEnabled()
        qtbot.waitUntil(lambda: dlg.bundle_path is not None or bool(dialogs), timeout=20000)
    assert dialogs == [] and dlg.bundle_path.exists()


def test_main_window_export_action_opens_the_dialog(qtbot, keyed):
    from fengqiao_desktop.ui.export import export_handler
    from fengqiao_desktop.ui.main_window import MainWindow

    w = MainWindow(store=keyed)
    qtbot.addWidget(w)
    w.set_export_handler(export_handler)
    assert w.export_action.isEnabled()
    w.export_action.trigger()
    dlg = w.findChild(ExportDialog)
    assert dlg is not None and dlg.isVisible()
    dlg.close()


def test_since_last_export_carries_the_corrected_revision(qtbot, sync_tasks, keyed, complete, tmp_path, dialogs):
    a = complete(keyed)
    usb = tmp_path / "usb"
    usb.mkdir()
    dlg = _dialog(qtbot, keyed, usb)
    dlg.start_export()
    first = dlg.bundle_path
    keyed.inspections.reopen(a, "补充照片说明")
    keyed.inspections.complete(a)
    dlg.reload()
    dlg.since_radio.click()
    assert not dlg.list.isEnabled() and "数据包序号 2" in dlg.summary.text()
    dlg.passphrase.setText(PASS)
    dlg.start_export()
    assert dialogs == [] and dlg.bundle_path != first
    pk = idn.keystore(keyed).public_key()
    vb = verify_bundle(dlg.bundle_path, public_keys={pk.key_id: pk})
    assert [(i["id"], i["revision"]) for i in vb.inspections] == [(a, 2)] and vb.sequence == 2
