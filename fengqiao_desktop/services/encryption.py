"""Encrypting a data directory in place: its plain database, backups and photos, under a new vault.

``encrypt_data_dir(data_dir, passphrase)`` runs with the store closed. Each step is
durable before the next starts, so a crash (or a killed process) at any point leaves
a data directory that opens, and the state on disk says which way:

1. the plain database is folded into one file (``journal_mode=DELETE``: no ``-wal``
   beside it) and copied into ``backups/`` (``…-before-encryption``);
2. it is exported with ``sqlcipher_export`` into ``.inspections.sqlite3.encrypting``
   under the new vault's key, checked (every table, every row count) and fsynced;
3. the vault is written (``vault.age``) together with a marker that photos and
   backups are still to be done (``.encrypting``) — until here, cancelling or a crash
   leaves the plain store exactly as it was (a stray export is removed on the next open);
4. the encrypted file is renamed over the database (atomic);
5. every plain copy in ``backups/`` is encrypted in place the same way (the copy made
   in step 1 included: no plaintext of the database stays on the disk);
6. every photo is sealed (``PhotoStore.seal_existing``), then the marker goes.

Opening (:func:`resume`) decides by what it finds: no vault → the plain store; a vault
and a still-plain database → the conversion stopped between 3 and 4: steps 1–2 and
4–6 run again with the vault's key; a vault and the marker → steps 5–6 finish.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fengqiao_desktop.errors import StorageError
from fengqiao_desktop.fsutil import fsync_dir, fsync_file
from fengqiao_desktop.storage.cipher import DbKey, connect, file_kind, sqlcipher
from fengqiao_desktop.storage.db import BACKUPS, translate_errors
from fengqiao_desktop.storage.migrate import backup_sqlite
from fengqiao_desktop.storage.photostore import PhotoStore
from fengqiao_desktop.storage.vault import Vault
from fengqiao_desktop.storage.vault_file import has_vault, vault_path

log = logging.getLogger(__name__)

DB_NAME = "inspections.sqlite3"  # the local database's file name (services.store uses it)
MARKER = ".encrypting"  # present from the vault's writing until every backup and photo is encrypted
EXPORT_SUFFIX = ".encrypting"  # "<name>.encrypting": an export not yet renamed into place
BACKUP_LABEL = "before-encryption"

# the steps, in order, as reported to ``progress(done, total, step)`` and ``on_step(step)``
CHECK, BACKUP, EXPORT, VAULT, SWAP, BACKUPS_STEP, PHOTOS, DONE = (
    "check",
    "backup",
    "export",
    "vault",
    "swap",
    "backups",
    "photos",
    "done",
)

ProgressFn = Callable[[int, int, str], None]


@dataclass
class Conversion:
    """What ``encrypt_data_dir`` did; ``cancelled``: stopped before the point of no return, nothing changed."""

    cancelled: bool = False
    backup: Path | None = None  # the copy made before, encrypted with the new key once step 5 ran
    backups_encrypted: list[Path] = field(default_factory=list)
    photos_sealed: int = 0
    vault: Vault | None = None


def _noop_progress(_done: int, _total: int, _text: str = "") -> None:
    return None


def _never() -> bool:
    return False


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_NAME


def _export_path(path: Path) -> Path:
    return path.with_name(f".{path.name}{EXPORT_SUFFIX}")


def _remove_export(path: Path) -> None:
    tmp = _export_path(path)
    for p in (tmp, tmp.with_name(tmp.name + "-journal")):
        p.unlink(missing_ok=True)


def needs_resume(data_dir: str | os.PathLike) -> bool:
    """A vault, and the conversion has work left (the database still plain, or backups/photos)."""
    root = Path(data_dir)
    if not has_vault(root):
        return False
    return (root / MARKER).exists() or file_kind(db_path(root)) == "plain"


def _single_file(path: Path) -> None:
    """Fold a plain database's WAL into the file and leave rollback-journal mode (no -wal, no -shm)."""
    with translate_errors(path):
        con = connect(path, None)
        try:
            con.execute("PRAGMA busy_timeout=5000")
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        finally:
            con.close()
    if str(mode).lower() != "delete" or Path(f"{path}-wal").exists():
        raise StorageError(
            "本地数据库正被另一个程序使用，无法加密；请关闭其他打开该数据的程序后重试",
            message_en="The local database is in use by another program and cannot be encrypted; close it and try again",
        )
    Path(f"{path}-shm").unlink(missing_ok=True)


def _tables(con, schema: str) -> list[str]:
    return [
        r[0]
        for r in con.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    ]


def _export(path: Path, key: DbKey) -> Path:
    """Write the encrypted copy of the plain database ``path`` beside it; checked and fsynced."""
    tmp = _export_path(path)
    _remove_export(path)
    with translate_errors(path):
        con = sqlcipher.connect(str(path), isolation_level=None)  # no key: reads the plain file
        try:
            con.execute(f"ATTACH DATABASE ? AS enc KEY {key.literal()}", (str(tmp),))
            con.execute("SELECT sqlcipher_export('enc')")
            version = int(con.execute("PRAGMA main.user_version").fetchone()[0])
            con.execute(f"PRAGMA enc.user_version = {version}")
            tables = _tables(con, "main")
            if sorted(tables) != sorted(_tables(con, "enc")):
                raise StorageError("加密后的数据库缺少数据表", message_en="The encrypted copy lacks tables")
            for t in tables:
                q = '"' + t.replace('"', '""') + '"'
                a = con.execute(f"SELECT count(*) FROM main.{q}").fetchone()[0]
                b = con.execute(f"SELECT count(*) FROM enc.{q}").fetchone()[0]
                if a != b:
                    raise StorageError(
                        f"加密后的数据库与原数据不一致（{t}：{a} → {b} 行）",
                        message_en=f"The encrypted copy differs from the data ({t}: {a} → {b} rows)",
                    )
            con.execute("DETACH DATABASE enc")
        finally:
            con.close()
        check = connect(tmp, key)
        try:
            if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise StorageError("加密后的数据库未通过检查", message_en="The encrypted copy failed its check")
        finally:
            check.close()
    fsync_file(tmp)
    return tmp


def _swap(path: Path, tmp: Path) -> None:
    """Rename the encrypted copy over the plain database (atomic), leaving no stale -wal/-shm."""
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:  # someone wrote to the plain file after step 1
        _single_file(path)
        raise StorageError(
            "加密期间本地数据库被修改；请关闭其他程序后重试",
            message_en="The local database changed while it was being encrypted; close other programs and try again",
        )
    wal.unlink(missing_ok=True)
    Path(f"{path}-shm").unlink(missing_ok=True)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def _encrypt_backups(root: Path, key: DbKey, on_step) -> list[Path]:
    """Every plain SQLite copy in ``backups/`` encrypted in place with ``key`` (one by one, atomically)."""
    folder = root / BACKUPS
    done: list[Path] = []
    if not folder.is_dir():
        return done
    for p in sorted(folder.iterdir()):
        if p.name.startswith(".") or not p.is_file() or file_kind(p) != "plain":
            continue
        on_step(f"{BACKUPS_STEP}:{p.name}")
        _single_file(p)
        tmp = _export(p, key)
        _swap(p, tmp)
        done.append(p)
    for p in folder.iterdir():  # an export a crash left behind
        if p.name.endswith(EXPORT_SUFFIX) or p.name.endswith(EXPORT_SUFFIX + "-journal"):
            p.unlink(missing_ok=True)
    return done


def _seal_photos(root: Path, vault: Vault, progress: ProgressFn, cancelled: Callable[[], bool]) -> tuple[int, bool]:
    """Seal every plain photo; (how many were sealed, finished). Resumable: sealed ones are skipped."""
    photos = photo_store_for(root, vault)
    shas = list(photos.iter_shas())
    sealed = 0
    for i, sha in enumerate(shas):
        if cancelled():
            return sealed, False
        progress(i, len(shas), PHOTOS)
        if photos.seal_existing(sha):
            sealed += 1
    progress(len(shas), len(shas), PHOTOS)
    return sealed, True


def photo_store_for(root: Path, vault: Vault) -> PhotoStore:
    """The data directory's photo store, sealing with the vault's identity."""
    return PhotoStore(root / "photos", vault.photo_cipher())


def _finish(
    root: Path, vault: Vault, result: Conversion, progress: ProgressFn, cancelled: Callable[[], bool], on_step
) -> Conversion:
    """Steps 5 and 6 (the database already encrypted); the marker goes once both are complete."""
    on_step(BACKUPS_STEP)
    progress(0, 0, BACKUPS_STEP)
    result.backups_encrypted = _encrypt_backups(root, vault.db_key, on_step)
    on_step(PHOTOS)
    result.photos_sealed, finished = _seal_photos(root, vault, progress, cancelled)
    if finished:
        (root / MARKER).unlink(missing_ok=True)
        fsync_dir(root)
        on_step(DONE)
    return result


def _cancelled(path: Path, backup: Path | None) -> Conversion:
    """Stopped before the point of no return: the export and the copy made for it go (plaintext
    the user did not ask to keep); the database is as it was."""
    _remove_export(path)
    if backup is not None:
        backup.unlink(missing_ok=True)
    return Conversion(cancelled=True)


def _mark(root: Path) -> None:
    (root / MARKER).write_bytes(b"")
    fsync_file(root / MARKER)


def encrypt_data_dir(
    data_dir: str | os.PathLike,
    passphrase: str,
    *,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
    on_step: Callable[[str], None] | None = None,
    check_passphrase: Callable[[str], object] | None = None,
) -> Conversion:
    """Encrypt ``data_dir`` (its store closed) under a new vault sealed with ``passphrase``.

    ``check_passphrase(passphrase)`` (the inspector's signing key) runs first and raises on a
    wrong one, so there is one passphrase to remember. ``cancelled()`` is honoured up to
    the vault's writing (the plain store is then as it was) and between photos (the rest
    is sealed on the next open). A directory with a vault is resumed with it.
    """
    root = Path(data_dir)
    progress = progress or _noop_progress
    cancelled = cancelled or _never
    on_step = on_step or (lambda _s: None)
    if has_vault(root):
        return resume(root, Vault.unlock(root, passphrase), progress=progress, cancelled=cancelled, on_step=on_step)
    if check_passphrase is not None:
        check_passphrase(passphrase)
    result = Conversion()
    path = db_path(root)
    if file_kind(path) == "encrypted":  # encrypted, yet no vault: not a database this folder can open
        raise StorageError(
            f"本地数据库 {path} 不是普通的 SQLite 文件，且文件夹中没有加密密钥，无法加密",
            message_en=f"The local database {path} is not a plain SQLite file and the folder has no encryption key: "
            "it cannot be encrypted",
        )
    on_step(CHECK)
    progress(0, 0, CHECK)
    vault = Vault.generate()
    if file_kind(path) == "plain":
        _single_file(path)
        on_step(BACKUP)
        progress(0, 0, BACKUP)
        result.backup = backup_sqlite(path, label=BACKUP_LABEL)
        if cancelled():
            return _cancelled(path, result.backup)
        on_step(EXPORT)
        progress(0, 0, EXPORT)
        tmp: Path | None = _export(path, vault.db_key)
    else:
        tmp = None  # a new data directory: the store creates the encrypted database on open
    if cancelled():
        return _cancelled(path, result.backup)
    _mark(root)
    vault.write(root, passphrase)  # the point of no return
    on_step(VAULT)
    result.vault = vault
    if tmp is not None:
        _swap(path, tmp)
        on_step(SWAP)
    return _finish(root, vault, result, progress, cancelled, on_step)


def encrypt_local_data(data_dir: str | os.PathLike, passphrase: str, **kw) -> Conversion:
    """:func:`encrypt_data_dir` with one passphrase to remember: when the data directory has the
    inspector's signing key, the passphrase must be the key's (KeyError_ otherwise, nothing written)."""
    from fengqiao_desktop.bundle.keys import KeyStore

    keys = KeyStore(Path(data_dir) / "keys")
    check = keys.load_secret if keys.exists() else None
    return encrypt_data_dir(data_dir, passphrase, check_passphrase=check, **kw)


def resume(
    data_dir: str | os.PathLike,
    vault: Vault,
    *,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
    on_step: Callable[[str], None] | None = None,
) -> Conversion:
    """Finish an interrupted conversion of ``data_dir`` with its unlocked ``vault`` (a no-op when none is)."""
    root = Path(data_dir)
    progress = progress or _noop_progress
    cancelled = cancelled or _never
    on_step = on_step or (lambda _s: None)
    result = Conversion(vault=vault)
    path = db_path(root)
    if file_kind(path) == "plain":
        log.info("resuming the encryption of %s", path)
        _mark(root)
        _single_file(path)
        tmp = _export(path, vault.db_key)
        _swap(path, tmp)
        on_step(SWAP)
    else:
        _remove_export(path)
    if (root / MARKER).exists():
        _finish(root, vault, result, progress, cancelled, on_step)
    return result


def discard_stray_export(data_dir: str | os.PathLike) -> None:
    """A plain data directory: an export whose vault was never written (crash before step 3) is useless."""
    root = Path(data_dir)
    if not has_vault(root):
        _remove_export(db_path(root))
        (root / MARKER).unlink(missing_ok=True)


__all__ = ["Conversion", "encrypt_data_dir", "needs_resume", "resume", "vault_path"]
