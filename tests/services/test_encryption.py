"""The laptop's data encrypted at rest: the vault, the SQLCipher store, and converting a plain data directory.

Real SQLCipher and age throughout: the files on disk are read back as an attacker would
(raw bytes, stock sqlite3) and as the program does (with the passphrase).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time

import pytest
from svc_helpers import STATIONS, TOWN, jpeg_bytes

from fengqiao_desktop.errors import StorageError
from fengqiao_desktop.services import encryption
from fengqiao_desktop.services.store import DB_NAME, LocalStore
from fengqiao_desktop.storage.cipher import connect, file_kind
from fengqiao_desktop.storage.db import known_storage_error, make_engine
from fengqiao_desktop.storage.migrate import current_revision, head_revision, script_directory, upgrade_local
from fengqiao_desktop.storage.stations import StationRepo
from fengqiao_desktop.storage.vault import Vault
from fengqiao_desktop.storage.vault_file import VAULT_FILE

PASS = "correct horse battery"
SECRET_NOTE = "门牌号 秘密备注 13800000000"


def _fill(data_dir) -> tuple[str, dict[str, object]]:
    """A plain store with one inspection and a few answers; (inspection id, answers by item)."""
    store = LocalStore.open(data_dir)
    try:
        with store.session(write=True) as s:
            StationRepo.upsert_many(s, STATIONS)
        iid = store.inspections.create(TOWN, "demonstration-town", "张三")
        form = store.inspections.form_of(iid)
        items = [i for i in form.items.values() if i.type.value == "yes_no"][:3]
        for n, item in enumerate(items):
            store.inspections.set_answer(iid, item.id, True, note=f"{SECRET_NOTE} {n}")
        return iid, dict(store.inspections.get(iid).answers)
    finally:
        store.close()


def _raw_bytes(data_dir) -> bytes:
    """Every byte of the database and its side files, as someone reading the disk sees them."""
    out = b""
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-journal"):
        p = data_dir / name
        if p.exists():
            out += p.read_bytes()
    return out


def _tree_digest(folder) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_converted_store_keeps_every_answer_and_shows_none_of_them_on_disk(tmp_path):
    data = tmp_path / "data"
    iid, answers = _fill(data)
    assert SECRET_NOTE.encode() in _raw_bytes(data)  # the plain store, as it was

    result = encryption.encrypt_data_dir(data, PASS)

    assert not result.cancelled and (data / VAULT_FILE).exists()
    assert file_kind(data / DB_NAME) == "encrypted"
    assert SECRET_NOTE.encode() not in _raw_bytes(data)
    with pytest.raises(sqlite3.DatabaseError):  # stock SQLite cannot read it
        sqlite3.connect(data / DB_NAME).execute("SELECT count(*) FROM answers").fetchone()
    store = LocalStore.open(data, passphrase=PASS)
    try:
        assert store.encrypted
        assert dict(store.inspections.get(iid).answers) == answers
        # and it keeps working: a new answer is saved encrypted too
        form = store.inspections.form_of(iid)
        item = [i for i in form.items.values() if i.type.value == "yes_no"][5]
        store.inspections.set_answer(iid, item.id, False, note="新的备注 after encryption")
    finally:
        store.close()
    assert "新的备注".encode() not in _raw_bytes(data)
    with LocalStore.open(data, passphrase=PASS) as again:
        assert again.inspections.get(iid).answers[item.id].note == "新的备注 after encryption"


def _photo_files(data_dir) -> list:
    return sorted(p for p in (data_dir / "photos").rglob("*") if p.is_file())


def test_a_converted_store_seals_every_photo_and_shows_each_as_before(tmp_path):
    data = tmp_path / "data"
    iid, _answers = _fill(data)
    with LocalStore.open(data) as store:
        for n in range(3):
            src = tmp_path / f"p{n}.jpg"
            src.write_bytes(jpeg_bytes(color=(40 * n, 90, 200)))
            store.photos.add_photo(iid, src, None, f"照片 {n}")
        photos = store.inspections.get(iid).photos
        before = {p.sha256: store.photo_store.read(p.sha256) for p in photos}
        thumbs = {p.thumbnail_sha256: store.photo_store.read(p.thumbnail_sha256) for p in photos}
    assert {f.suffix for f in _photo_files(data)} == {".jpg"}

    result = encryption.encrypt_data_dir(data, PASS)

    files = _photo_files(data)
    assert result.photos_sealed == len(files) == len(before) + len(thumbs)
    assert {f.suffix for f in files} == {".age"}
    for f in files:  # nothing of a JPEG is left readable
        raw = f.read_bytes()
        assert raw.startswith(b"age-encryption.org/v1") and b"JFIF" not in raw and b"\xff\xd8\xff" not in raw
    with LocalStore.open(data, passphrase=PASS) as store:
        assert {p.sha256: store.photo_store.read(p.sha256) for p in store.inspections.get(iid).photos} == before
        assert all(store.photo_store.read(sha) == data_ for sha, data_ in thumbs.items())
        src = tmp_path / "after.jpg"
        src.write_bytes(jpeg_bytes(color=(1, 2, 3)))
        added = store.photos.add_photo(iid, src, None, "加密后拍的")
        assert store.photo_store.read(added.sha256)[:3] == b"\xff\xd8\xff"
    assert {f.suffix for f in _photo_files(data)} == {".age"}  # a new photo is sealed too


def test_the_copy_kept_in_backups_is_encrypted_with_the_same_key(tmp_path):
    data = tmp_path / "data"
    iid, _answers = _fill(data)
    result = encryption.encrypt_data_dir(data, PASS)
    assert result.backup is not None and result.backup.parent == data / "backups"
    assert result.backup in result.backups_encrypted
    assert file_kind(result.backup) == "encrypted"
    assert SECRET_NOTE.encode() not in result.backup.read_bytes()
    con = connect(result.backup, Vault.unlock(data, PASS).db_key)
    try:
        notes = [r[0] for r in con.execute("SELECT note FROM answers WHERE inspection_id = ?", (iid,))]
    finally:
        con.close()
    assert sorted(notes) == [f"{SECRET_NOTE} {n}" for n in range(3)]


def test_a_wrong_passphrase_says_so_and_changes_nothing(tmp_path):
    data = tmp_path / "data"
    _fill(data)
    encryption.encrypt_data_dir(data, PASS)
    before = _tree_digest(data)
    with pytest.raises(StorageError) as wrong:
        LocalStore.open(data, passphrase="not the passphrase")
    assert wrong.value.kind == "wrong_passphrase"
    assert "口令不正确" in wrong.value.message and "Wrong passphrase" in wrong.value.message_en
    with pytest.raises(StorageError) as locked:
        LocalStore.open(data)
    assert locked.value.kind == "locked" and "FENGQIAO_PASSPHRASE" in locked.value.hint_en
    with pytest.raises(StorageError) as again:  # converting again with a wrong passphrase
        encryption.encrypt_data_dir(data, "not the passphrase")
    assert again.value.kind == "wrong_passphrase"
    assert _tree_digest(data) == before


def test_the_vault_is_an_age_file_that_only_the_passphrase_opens(tmp_path):
    vault = Vault.generate()
    vault.write(tmp_path, PASS)
    sealed = (tmp_path / VAULT_FILE).read_bytes()
    assert sealed.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert str(vault.identity).encode() not in sealed
    opened = Vault.unlock(tmp_path, PASS)
    assert opened.recipient == vault.recipient and opened.db_key == vault.db_key
    assert Vault.generate().db_key != vault.db_key  # a key per vault


def test_a_new_encrypted_data_directory_creates_its_database_encrypted(tmp_path):
    data = tmp_path / "new"
    data.mkdir()
    encryption.encrypt_data_dir(data, PASS)  # the first-run wizard: nothing to convert yet
    assert not (data / DB_NAME).exists()
    with LocalStore.open(data, passphrase=PASS) as store, store.session(write=True) as s:
        StationRepo.upsert_many(s, STATIONS)
    assert file_kind(data / DB_NAME) == "encrypted"
    assert "退役军人服务站".encode() not in _raw_bytes(data)
    with LocalStore.open(data, passphrase=PASS) as store:
        assert store.stations.get(TOWN).name == "东岗西路街道退役军人服务站"


def test_cancelling_before_the_vault_leaves_the_plain_store_as_it_was(tmp_path):
    data = tmp_path / "data"
    iid, answers = _fill(data)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) >= 2  # after the backup, before the export is made final

    result = encryption.encrypt_data_dir(data, PASS, cancelled=cancelled)
    assert result.cancelled
    assert not (data / VAULT_FILE).exists() and file_kind(data / DB_NAME) == "plain"
    assert not list(data.glob(".*encrypting*"))
    assert not list((data / "backups").glob("*before-encryption*"))  # no plaintext copy left behind
    with LocalStore.open(data) as store:
        assert not store.encrypted
        assert dict(store.inspections.get(iid).answers) == answers


def test_an_interrupted_conversion_is_finished_when_the_store_opens(tmp_path):
    """Killed after the vault was written, before the rename: the plain database and the vault."""
    data = tmp_path / "data"
    iid, answers = _fill(data)

    class Stop(Exception):
        pass

    def stop_at(step: str) -> None:
        if step == encryption.VAULT:
            raise Stop

    with pytest.raises(Stop):
        encryption.encrypt_data_dir(data, PASS, on_step=stop_at)
    assert (data / VAULT_FILE).exists() and file_kind(data / DB_NAME) == "plain"
    assert encryption.needs_resume(data)
    with pytest.raises(StorageError):  # the passphrase is needed from now on
        LocalStore.open(data)
    with LocalStore.open(data, passphrase=PASS) as store:
        assert dict(store.inspections.get(iid).answers) == answers
    assert file_kind(data / DB_NAME) == "encrypted" and not encryption.needs_resume(data)
    assert all(file_kind(p) == "encrypted" for p in (data / "backups").iterdir())


def test_an_encrypted_database_is_migrated_and_backed_up_encrypted(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    encryption.encrypt_data_dir(data, PASS)
    key = Vault.unlock(data, PASS).db_key
    base = script_directory().get_base()
    upgrade_local(data / DB_NAME, revision=base, key=key)
    engine = make_engine(data / DB_NAME, key=key)
    try:
        assert current_revision(engine) == base
    finally:
        engine.dispose()
    with LocalStore.open(data, passphrase=PASS) as store:
        assert store.backup is not None and file_kind(store.backup) == "encrypted"
        assert current_revision(store.engine) == head_revision()


def test_sqlcipher_errors_are_translated_like_sqlite_errors():
    from fengqiao_desktop.storage.cipher import sqlcipher

    err = known_storage_error(sqlcipher.OperationalError("database is locked"))
    assert err is not None and "locked" in err.message_en
    damaged = known_storage_error(sqlcipher.DatabaseError("file is not a database"))
    assert damaged is not None and damaged.kind == "damaged_database"


@pytest.mark.skipif(shutil.which("age") is None or not hasattr(os, "fork"), reason="needs stock age and a pty")
def test_stock_age_opens_the_vault_with_the_passphrase(tmp_path):
    """The vault is plain age (scrypt): the identity can be taken out with stock tools, and only so."""
    import pty

    vault = Vault.generate()
    vault.write(tmp_path, PASS)
    pid, fd = pty.fork()  # age reads a passphrase only from a terminal
    if pid == 0:  # pragma: no cover - the child
        os.execvp("age", ["age", "-d", str(tmp_path / VAULT_FILE)])
    out = b""
    deadline = time.monotonic() + 30
    typed = False
    while time.monotonic() < deadline and str(vault.identity).encode() not in out:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        out += chunk
        if not typed and b"passphrase" in out.lower():
            os.write(fd, PASS.encode() + b"\n")
            typed = True
    os.waitpid(pid, 0)
    assert str(vault.identity).encode() in out


def test_the_first_level_is_read_before_the_store_opens_with_the_vaults_key(tmp_path):
    from fengqiao_desktop.storage.tree_rows import read_first_level

    data = tmp_path / "data"
    _fill(data)
    encryption.encrypt_data_dir(data, PASS)
    vault = Vault.unlock(data, PASS)
    with LocalStore.open(data, vault=vault) as store:
        expected = store.stations.top_rows()
    assert expected and read_first_level(data / DB_NAME, vault.db_key) == expected
    assert read_first_level(data / DB_NAME) is None  # no key: the store's opening asks for the passphrase
