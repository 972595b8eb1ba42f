"""This computer's data encrypted at rest, in the window: the passphrase at start, File → 加密本机数据…."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fengqiao_desktop.bundle.minisign import FAST_KDF
from fengqiao_desktop.roster.demo import load_demo
from fengqiao_desktop.services import encryption
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.services.store import LocalStore
from fengqiao_desktop.storage.cipher import file_kind
from fengqiao_desktop.ui import i18n
from fengqiao_desktop.ui.identity import datalock
from fengqiao_desktop.ui.identity.datalock import EncryptDataDialog, UnlockDialog, unlock_at_start
from fengqiao_desktop.ui.stations.service_source import ServiceSource

PASS = "长城 pass 2026"


@pytest.fixture
def window(qtbot, data_dir):
    """The main window on a plain store (the test's data dir) with the demo roster."""
    from fengqiao_desktop.ui.app import wire
    from fengqiao_desktop.ui.main_window import MainWindow

    store = LocalStore.open()
    load_demo(store.engine)
    w = MainWindow(store=store)
    w.set_source(ServiceSource(store), background=False)

    class Args:
        central = None

    wire(w, Args())
    qtbot.addWidget(w)
    yield w
    if w.store is not None:
        w.store.close()


def _encrypted_dir(tmp_path):
    data = tmp_path / "enc"
    data.mkdir()
    encryption.encrypt_data_dir(data, PASS)
    return data


def test_the_unlock_dialog_says_a_wrong_passphrase_and_asks_again(qtbot, sync_tasks, tmp_path):
    data = _encrypted_dir(tmp_path)
    dlg = UnlockDialog(data)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.windowTitle() == "解锁本机数据"
    assert not dlg.ok_button.isEnabled()  # nothing typed
    dlg.entry.setText("not the passphrase")
    dlg.ok_button.click()
    assert dlg.isVisible() and dlg.vault is None
    assert dlg.error.isVisibleTo(dlg) and dlg.error.text() == "口令不正确，请重新输入。"
    assert dlg.entry.selectedText() == "not the passphrase"  # ready to be typed over
    dlg.entry.setText(PASS)
    dlg.ok_button.click()
    assert dlg.result() == UnlockDialog.DialogCode.Accepted and dlg.vault is not None
    with LocalStore.open(data, vault=dlg.vault) as store:
        assert store.encrypted


def test_the_unlock_dialog_speaks_english_when_asked(qtbot, tmp_path):
    i18n.install("en")
    dlg = UnlockDialog(_encrypted_dir(tmp_path))
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "Unlock this computer's data"
    assert dlg.cancel_button.text() == "Quit"


def test_a_wrong_passphrase_message_leaves_every_line_readable(qtbot, sync_tasks, tmp_path):
    """The message makes the dialog taller: the English introduction (two wrapped lines) was
    squeezed to the height of one and cut off at the top."""
    from fengqiao_desktop.ui.app import register_cjk_font

    i18n.install("en")
    app = QApplication.instance()
    font = app.font()
    register_cjk_font(app)  # as the app does: the shipped font's line height
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        parent.resize(1000, 700)
        parent.show()
        dlg = UnlockDialog(_encrypted_dir(tmp_path), parent)
        dlg.show()
        dlg.entry.setText("not the passphrase")
        dlg.ok_button.click()
        qtbot.wait(50)
        assert dlg.error.isVisibleTo(dlg)
        for label in (dlg.intro, dlg.error, dlg.folder):
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    finally:
        app.setFont(font)


def test_at_start_the_passphrase_is_asked_and_quit_gives_nothing(qtbot, sync_tasks, tmp_path):
    data = _encrypted_dir(tmp_path)

    def answer(text: str | None) -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, UnlockDialog)
        if text is None:
            dlg.cancel_button.click()
        else:
            dlg.entry.setText(text)
            dlg.ok_button.click()

    QTimer.singleShot(0, lambda: answer(PASS))
    vault = unlock_at_start(None, data)
    assert vault is not None and vault.db_key == encryption.Vault.unlock(data, PASS).db_key
    QTimer.singleShot(0, lambda: answer(None))
    assert unlock_at_start(None, data) is None


def test_the_encrypt_dialog_asks_the_signing_key_passphrase_when_there_is_a_key(qtbot, tmp_path):
    with_key = EncryptDataDialog(tmp_path, has_key=True)
    qtbot.addWidget(with_key)
    ok = with_key.ok_button
    assert not ok.isEnabled() and ok.text() == "加密"
    with_key.entry.setText(PASS)
    assert ok.isEnabled() and with_key.passphrase() == PASS
    assert str(tmp_path / "backups") in with_key.backup_note.text()
    new = EncryptDataDialog(tmp_path, has_key=False)
    qtbot.addWidget(new)
    new.new_entry.first.setText(PASS)
    assert new.passphrase() == ""  # typed twice first
    new.new_entry.second.setText(PASS)
    assert new.passphrase() == PASS


def test_encrypting_from_the_menu_converts_and_reopens_the_store(qtbot, sync_tasks, window, dialogs):
    assert window.encrypt_action in window.file_menu.actions()
    assert window.encrypt_action.text() == "加密本机数据…"
    before = window.source.station_count()
    plain = window.store
    town = next(s for s in window.source.search("东岗") if s.level.value == "town")
    iid = plain.inspections.create(town.code, "demonstration-town", "张三")
    plain.inspections.set_answer(iid, "A1", True, note="现场备注")
    old_tab = window.open_inspection(iid)
    assert window.open_inspection_ids() == [iid]

    datalock.encrypt_data(window, PASS)

    assert dialogs == []
    # the tab was closed while the store was converted, and the last inspection reopened on the new store
    assert old_tab not in window._editors.values()
    store = window.store
    assert store is not plain and store.encrypted
    assert file_kind(store.db_path) == "encrypted"
    assert window.source.station_count() == before
    assert store.inspections.get(iid).answers["A1"].note == "现场备注"
    backups = list((store.data_dir / "backups").iterdir())
    assert backups and all(file_kind(p) == "encrypted" for p in backups)
    result = window.findChild(QMessageBox, "encrypt_data_result")
    assert result is not None and str(store.data_dir / "backups") in result.text()
    datalock.encrypt_data(window, PASS)  # a second time: it says so and changes nothing
    assert window.store is store


def test_a_wrong_key_passphrase_changes_nothing_and_the_plain_store_reopens(qtbot, sync_tasks, window, dialogs):
    idn.create_key(window.store, "张三", "城关区退役军人事务局", "", PASS, kdf=FAST_KDF)
    root = window.store.data_dir
    datalock.encrypt_data(window, "another passphrase")
    assert len(dialogs) == 1 and "口令" in dialogs[0].text()
    assert not (root / "vault.age").exists() and file_kind(root / "inspections.sqlite3") == "plain"
    assert window.store is not None and not window.store.encrypted
    assert window.source.station_count() > 0
