"""Import page: real signed bundles dropped on it land in a real central database, one table row each."""

from __future__ import annotations

from bureau_helpers import flip_inside
from merge_helpers import RUBRIC, VILLAGE2, make_photo, photo_entry
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from fengqiao_desktop.services import central as svc
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.bureau.imports.page import ImportPage


def _cells(page, row: int) -> list[str]:
    m = page.model
    return [m.index(row, c).data() for c in range(m.columnCount())]


def _good_bundle(central, dev, name="a"):
    sha, p = make_photo(central.tmp / "ph", "evidence-" + dev.device_id + name)
    rec = dev.record(RUBRIC, photos=[photo_entry(sha, p)])
    return dev.export(central.tmp / "usb" / name, [rec], {sha: p}), rec, p


def test_good_duplicate_and_tampered_bundles_each_get_a_row(
    qtbot, qtmodeltester, sync_tasks, central, context, no_file_manager
):
    dev = central.device()
    good, rec, _p = _good_bundle(central, dev, "good")
    other, _rec2, photo = _good_bundle(central, dev, "other")
    tampered = central.tmp / "bad" / "tampered.fqbundle"
    tampered.parent.mkdir()
    tampered.write_bytes(flip_inside(other.read_bytes(), photo.read_bytes()))
    page = ImportPage(context)
    qtbot.addWidget(page)

    with qtbot.waitSignal(context.data_changed):
        page.import_paths([good])
    assert _cells(page, 0)[1] == "已导入"
    assert "检查 1 份" in _cells(page, 0)[2]
    before = central.digest()

    with qtbot.assertNotEmitted(context.data_changed):
        page.import_paths([good, tampered])
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 2
    assert _cells(page, 0)[1] == "已导入过"
    status, reason = _cells(page, 1)[1:3]
    assert status == "已拒收"
    assert "photos/" in reason and "被改动" in reason  # names the member at fault, in plain words
    assert reason.count("photos/") == 1
    assert central.digest() == before  # nothing of the tampered bundle was imported
    assert "1 个已拒收" in page.summary.text()
    # the refused bundle was copied to quarantine with a text report the page opens
    page.table.selectRow(1)
    assert page.report_button.isEnabled()
    page.open_selected_report()
    assert no_file_manager[-1].suffix == ".txt" and no_file_manager[-1].exists()
    report = no_file_manager[-1].read_text(encoding="utf-8")
    assert "tampered.fqbundle" in report and page.outcomes[1].reason in report
    page.open_quarantine_folder()
    assert no_file_manager[-1] == svc.quarantine_dir(url=central.url)
    page.table.selectRow(0)
    assert not page.report_button.isEnabled()


def test_a_dropped_folder_is_imported_and_sequence_gaps_are_shown(qtbot, sync_tasks, central, context):
    dev = central.device()
    folder = central.tmp / "usb"
    paths = [dev.export(folder, [dev.record(RUBRIC, station=VILLAGE2)]) for _ in range(3)]
    paths[1].unlink()  # the laptop's second bundle never arrived
    page = ImportPage(context)
    qtbot.addWidget(page)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    page.dropEvent(event)
    assert [_cells(page, r)[1] for r in range(page.model.rowCount())] == ["已导入", "已导入"]
    assert page.warning_texts() and "2" in page.warning_texts()[0]
    assert not page.warnings.isHidden()


def test_cancel_stops_between_bundles_and_nothing_is_half_imported(qtbot, central, context):
    dev = central.device()
    paths = [dev.export(central.tmp / "usb", [dev.record(RUBRIC)]) for _ in range(4)]
    page = ImportPage(context)
    qtbot.addWidget(page)
    with tasks.use_runner(tasks.PoolRunner()) as runner:
        handle = page.import_paths(paths)
        handle.cancel()
        qtbot.waitUntil(lambda: handle.done, timeout=20000)
        runner.shutdown()
    statuses = [o.status for o in page.outcomes]
    assert all(s in ("imported", "cancelled") for s in statuses)
    imported = sum(s == "imported" for s in statuses)
    assert imported < len(paths)
    assert "提前停止" in page.summary.text()
    assert sum(b["status"] == "imported" for b in svc.bundles_list(url=central.url)) == imported


def test_encrypted_bundles_ask_the_passphrase_once_per_session(qtbot, sync_tasks, central, context, monkeypatch):
    from fengqiao_desktop.bundle.minisign import FAST_KDF
    from fengqiao_desktop.bundle.writer import write_bundle
    from fengqiao_desktop.packs.identity import BureauKeyStore
    from fengqiao_desktop.ui.bureau.imports import page as page_mod

    keys = BureauKeyStore()  # this PC's bureau key store (the test's data folder)
    keys.init("城关区退役军人事务局", "兰州市退役军人事务局", "", "bureau-pass", kdf=FAST_KDF)
    (central.tmp / "usb").mkdir(exist_ok=True)

    def encrypted(name: str, recipients=None):  # the first bundle of a laptop, encrypted to the bureau
        dev = central.device(name)
        return write_bundle(
            central.tmp / "usb",
            records=[dev.record(RUBRIC, station=VILLAGE2)],
            read_photo={}.__getitem__,
            inspector={"name": dev.name, "unit": dev.unit, "phone": ""},
            device_id=dev.device_id,
            sequence=1,
            previous_manifest_sha256=None,
            secret_key=dev.sk,
            recipients=[keys.age_recipient()] if recipients is None else recipients,
        )

    asked = []
    answers = iter(["wrong passphrase", "bureau-pass"])
    monkeypatch.setattr(page_mod, "ask_passphrase", lambda _parent: asked.append(1) or next(answers))
    page = ImportPage(context)
    qtbot.addWidget(page)
    first = encrypted("张三")
    page.import_paths([first])
    assert _cells(page, 0)[1] == "已拒收" and "口令不正确" in _cells(page, 0)[2]
    assert context.age_identities is None and len(asked) == 1

    with qtbot.waitSignal(context.data_changed):
        page.import_paths([first])
    assert _cells(page, 0)[1] == "已导入" and len(asked) == 2
    with qtbot.waitSignal(context.data_changed):
        page.import_paths([encrypted("李四")])
    assert _cells(page, 0)[1] == "已导入" and len(asked) == 2  # not asked again this session

    # a plaintext bundle: refused while the box is ticked (the default once the bureau has an age key)
    plain = encrypted("王五", recipients=[])
    assert page.require_encryption.isChecked()
    page.import_paths([plain])
    assert _cells(page, 0)[1] == "已拒收" and "未加密" in _cells(page, 0)[2]
    page.require_encryption.setChecked(False)
    assert BureauKeyStore().require_encryption() is False
    with qtbot.waitSignal(context.data_changed):
        page.import_paths([plain])
    assert _cells(page, 0)[1] == "已导入"
