"""检查员与密钥 dialog: profile, key creation, QR code of the public key, .pub export, minisign import."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice

from fengqiao_desktop.bundle import PublicKey, SecretKey
from fengqiao_desktop.bundle.minisign import FAST_KDF
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.services.store import LocalStore
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.identity import ProfileKeyDialog, strength
from fengqiao_desktop.ui.identity import passphrase as pp

MINISIGN = shutil.which("minisign")
PASS = "长城 pass 2026"


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setattr(pp, "KDF", FAST_KDF)
    st = LocalStore.open(tmp_path / "data")
    yield st
    st.close()


def _dialog(qtbot, store) -> ProfileKeyDialog:
    dlg = ProfileKeyDialog(store)
    qtbot.addWidget(dlg)
    dlg.name.setText("张三")
    dlg.unit.setText("城关区退役军人事务局")
    dlg.phone.setText("13800000000")
    return dlg


def _decode_qr(dlg) -> str:
    """Read the QR code back off the dialog's pixmap (as a phone at the bureau would)."""
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    dlg.qr.pixmap().save(buf, "PNG")
    return zxingcpp.read_barcodes(Image.open(io.BytesIO(bytes(buf.data()))))[0].text


def test_without_key_the_dialog_says_so_and_saves_the_profile(qtbot, store, dialogs):
    dlg = _dialog(qtbot, store)
    assert dlg.key_id.text() == "—" and not dlg.export_button.isEnabled()
    assert "无法导出" in dlg.status.text()
    assert dlg.save_profile()
    assert idn.identity(store).name == "张三"
    dlg.name.setText("")
    assert not dlg.save_profile() and "姓名" in dialogs[-1].text()


def test_create_key_shows_id_public_key_and_a_qr_code_of_it(qtbot, sync_tasks, store, tmp_path, dialogs):
    dlg = _dialog(qtbot, store)
    dlg.create_key(PASS)
    assert dialogs == []
    pk = idn.keystore(store).public_key()
    assert dlg.key_id.text() == pk.key_id and dlg.public_line.text() == pk.line()
    assert dlg.public_line.text().startswith("RW") and len(dlg.public_line.text()) == 56
    assert _decode_qr(dlg) == pk.line()
    out = dlg.export_public(str(tmp_path / "zhangsan.pub"))
    assert PublicKey.load(out) == pk and "张三" in out.read_text()
    assert idn.keystore(store).load_secret(PASS).key_id == pk.key_id


def test_import_with_a_wrong_passphrase_changes_nothing(qtbot, sync_tasks, store, tmp_path, dialogs):
    dlg = _dialog(qtbot, store)
    dlg.create_key(PASS)
    before = idn.keystore(store).secret_path.read_bytes()
    other = tmp_path / "other.key"
    other.write_text(SecretKey.generate().encrypted_file_text("their passphrase", FAST_KDF))
    dlg.import_key(str(other), "not it")
    assert len(dialogs) == 1 and "口令错误" in dialogs[0].text()
    assert idn.keystore(store).secret_path.read_bytes() == before
    assert dlg.key_id.text() == idn.keystore(store).key_id


@pytest.mark.skipif(MINISIGN is None, reason="minisign is not installed")
def test_import_unencrypted_minisign_key_is_stored_encrypted(qtbot, sync_tasks, store, tmp_path, dialogs):
    res = subprocess.run(
        [MINISIGN, "-G", "-W", "-p", "k.pub", "-s", "k.key"], cwd=tmp_path, capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    dlg = _dialog(qtbot, store)
    dlg.import_key(str(tmp_path / "k.key"), new_passphrase=PASS)
    assert dialogs == []
    theirs = PublicKey.load(tmp_path / "k.pub")
    assert dlg.key_id.text() == theirs.key_id
    assert idn.keystore(store).load_secret(PASS).public == theirs


@pytest.mark.slow
@pytest.mark.skipif(MINISIGN is None, reason="minisign is not installed")
def test_import_minisign_key_with_passphrase_in_the_background(qtbot, store, tmp_path, dialogs):
    """Stock `minisign -G` (1 GiB scrypt): the import runs off the GUI thread."""
    res = subprocess.run(
        [MINISIGN, "-G", "-p", "e.pub", "-s", "e.key"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        input="correct horse\ncorrect horse\n",
    )
    assert res.returncode == 0, res.stderr
    with tasks.use_runner(tasks.PoolRunner()):
        dlg = _dialog(qtbot, store)
        handle = dlg.import_key(str(tmp_path / "e.key"), "correct horse")
        assert not dlg.create_button.isEnabled()  # busy while scrypt runs
        qtbot.waitUntil(lambda: handle.done, timeout=60000)
    assert dialogs == []
    assert dlg.key_id.text() == PublicKey.load(tmp_path / "e.pub").key_id


def test_passphrase_strength_hint():
    assert strength("") == 0 and strength("abc") == 1
    assert strength("aaaaaaaaaaaa") == 1
    assert strength("Correct-Horse-Battery-9") == 4
    assert strength("长城 pass 2026") >= 3


def test_bureau_encryption_key_is_added_after_its_fingerprint_is_confirmed(qtbot, store, monkeypatch, dialogs):
    from pyrage import x25519

    from fengqiao_desktop.bundle.agecrypt import recipient_fingerprint
    from fengqiao_desktop.services import recipients
    from fengqiao_desktop.ui.identity import dialog as dialog_mod

    dlg = _dialog(qtbot, store)
    assert "尚未加密" in dlg.crypt_status.text()
    key = str(x25519.Identity.generate().to_public())
    shown = []
    answers = iter([False, True])
    monkeypatch.setattr(dialog_mod, "confirm_fingerprint", lambda _w, fpr: shown.append(fpr) or next(answers))
    dlg.bureau_recipient.setText(key)
    assert dlg.add_bureau_recipient() is False  # the inspector said the fingerprint differs
    assert recipients.bureau_recipients(store) == [] and shown == [recipient_fingerprint(key)]
    assert dlg.add_bureau_recipient() is True
    assert recipients.bureau_recipients(store) == [key]
    assert "已加密" in dlg.crypt_status.text() and recipient_fingerprint(key) in dlg.crypt_status.text()
    assert dlg.add_bureau_recipient("age1notakey") is False  # a plain message, nothing added
    assert recipients.bureau_recipients(store) == [key]
