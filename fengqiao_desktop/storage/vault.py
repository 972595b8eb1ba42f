"""The data directory's vault: the one secret that encrypts the laptop's database and photos.

``<data dir>/vault.age`` holds a random age X25519 identity (``AGE-SECRET-KEY-1…``),
encrypted with the inspector's passphrase in age's scrypt format, so stock
``age -d vault.age`` opens it with the passphrase. From the identity come:

* the SQLCipher key of the local database: HKDF-SHA256 of the identity's text with a
  fixed label, 32 bytes, given to SQLCipher as a raw key (no key derivation on each
  connection, so autosave costs about what it costs on plain SQLite);
* the photo cipher: photos are age files to the identity's own recipient.

Unlocking runs scrypt once (about a second): do it off the GUI thread. A wrong
passphrase raises :class:`StorageError` (``kind="wrong_passphrase"``) and writes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from fengqiao_desktop.errors import StorageError
from fengqiao_desktop.fsutil import fsync_dir, write_atomic
from fengqiao_desktop.storage.cipher import KEY_BYTES, DbKey
from fengqiao_desktop.storage.photocipher import AgePhotoCipher
from fengqiao_desktop.storage.vault_file import vault_path

DB_KEY_LABEL = b"fengqiao-desktop local database key v1"
WRONG_PASSPHRASE, LOCKED = "wrong_passphrase", "locked"  # StorageError kinds


def locked_error() -> StorageError:
    return StorageError(
        "本机数据已加密，需要输入口令才能打开",
        message_en="This computer's data is encrypted: the passphrase is needed to open it",
        hint="命令行中可通过环境变量 FENGQIAO_PASSPHRASE 提供口令",
        hint_en="on the command line, give it in the environment variable FENGQIAO_PASSPHRASE",
        kind=LOCKED,
    )


class Vault:
    """An unlocked vault: the identity, and the keys made from it."""

    def __init__(self, identity: x25519.Identity):
        self.identity = identity

    def __repr__(self) -> str:
        return f"Vault({self.recipient})"

    @classmethod
    def generate(cls) -> Vault:
        return cls(x25519.Identity.generate())

    @property
    def recipient(self) -> str:
        return str(self.identity.to_public())

    @property
    def db_key(self) -> DbKey:
        hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=DB_KEY_LABEL)
        return DbKey(hkdf.derive(str(self.identity).encode("ascii")))

    def photo_cipher(self) -> AgePhotoCipher:
        """Seals photos to the identity's own recipient (``storage.photostore``)."""
        return AgePhotoCipher(self.identity)

    def write(self, data_dir: str | os.PathLike, passphrase: str) -> Path:
        """Store the identity encrypted with ``passphrase`` (atomically, durably)."""
        if not passphrase:
            raise StorageError("口令不能为空", message_en="The passphrase must not be empty")
        sealed = age_passphrase.encrypt(f"{self.identity}\n".encode("ascii"), passphrase)
        path = vault_path(data_dir)
        write_atomic(path, sealed, mode=0o600)
        fsync_dir(path.parent)
        return path

    @classmethod
    def unlock(cls, data_dir: str | os.PathLike, passphrase: str) -> Vault:
        """Open the data directory's vault with ``passphrase``; nothing is written."""
        path = vault_path(data_dir)
        try:
            sealed = path.read_bytes()
        except FileNotFoundError:
            raise StorageError(
                f"数据文件夹 {Path(data_dir)} 中没有加密密钥（vault.age）",
                message_en=f"The data folder {Path(data_dir)} has no encryption key (vault.age)",
            ) from None
        except OSError as exc:
            raise StorageError(
                f"无法读取加密密钥文件：{exc.strerror}",
                message_en=f"Cannot read the encryption key file: {exc.strerror}",
            ) from exc
        try:
            text = age_passphrase.decrypt(sealed, passphrase).decode("ascii").strip()
        except pyrage.DecryptError:
            raise StorageError(
                "口令不正确，无法打开本机数据；请重新输入",
                message_en="Wrong passphrase: this computer's data cannot be opened; try again",
                kind=WRONG_PASSPHRASE,
            ) from None
        except UnicodeDecodeError:
            text = ""
        try:
            return cls(x25519.Identity.from_str(text))
        except Exception:  # noqa: BLE001 - pyrage raises its own error types for a bad identity
            raise StorageError(
                f"加密密钥文件 {path} 已损坏", message_en=f"The encryption key file {path} is damaged"
            ) from None
