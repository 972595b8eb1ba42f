"""The bureau's own signing identity: an Ed25519 key in minisign format, like an inspector's.

Files in ``<data dir>/bureau`` (a bureau PC; the key never leaves it):

* ``bureau.key``          the secret key, minisign format, encrypted with a passphrase;
* ``bureau.pub``          the public key, minisign format (what ``export-public`` writes);
* ``bureau-profile.json`` the bureau's name and unit (``Profile.name`` / ``.unit``) and key id.

The store is the inspector's ``KeyStore`` with other file names; the bureau id
(the ``bureau_id`` of every pack) is a UUID made with the key.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

from fengqiao_desktop import config
from fengqiao_desktop.bundle.keys import KeyStore
from fengqiao_desktop.bundle.minisign import DEFAULT_KDF, KdfParams, PublicKey
from fengqiao_desktop.errors import KeyError_
from fengqiao_desktop.fsutil import write_atomic

BUREAU_ID_FILE = "bureau-id"


def bureau_keys_dir() -> Path:
    p = config.data_dir() / "bureau"
    p.mkdir(parents=True, exist_ok=True)
    return p


def fingerprint(pk: PublicKey) -> str:
    """What a person compares: SHA-256 of the public key's one-line form, 32 hex digits in groups."""
    digest = hashlib.sha256(pk.line().encode("ascii")).hexdigest().upper()[:32]
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


class BureauKeyStore(KeyStore):
    """The bureau's key pair and profile (name = the bureau, unit = its parent body or the same)."""

    def __init__(self, directory: str | os.PathLike | None = None):
        super().__init__(directory if directory is not None else bureau_keys_dir())

    @property
    def secret_path(self) -> Path:
        return self.directory / "bureau.key"

    @property
    def public_path(self) -> Path:
        return self.directory / "bureau.pub"

    @property
    def profile_path(self) -> Path:
        return self.directory / "bureau-profile.json"

    def init(self, name: str, unit: str, phone: str = "", passphrase: str = "", *,
             force: bool = False, kdf: KdfParams = DEFAULT_KDF) -> PublicKey:
        pk = super().init(name, unit, phone, passphrase, force=force, kdf=kdf)
        write_atomic(self.directory / BUREAU_ID_FILE, str(uuid.uuid4()).encode("ascii"), mode=0o644)
        return pk

    def _check_profile(self, name: str, unit: str) -> None:
        if not name or not name.strip():
            raise KeyError_("请填写县局名称（--name）", message_en="the bureau's name is required (--name)")
        if not unit or not unit.strip():
            raise KeyError_("请填写上级单位（--unit）", message_en="the bureau's unit is required (--unit)")

    def _check_replace(self, force: bool) -> None:
        if self.exists() and not force:
            kid = self.public_key().key_id
            raise KeyError_(
                f"本局已有签名密钥 {kid}；替换后检查人员的电脑将拒绝新密钥签发的任务包，如确需替换请加 --force",
                message_en=f"the bureau already has a signing key ({kid}); laptops will refuse packs "
                           "signed by a new one. Use --force to replace it anyway",
            )

    def _require(self) -> None:
        if not self.exists():
            raise KeyError_("本局尚未创建签名密钥，请先运行 `fengqiao central identity init`",
                            message_en="the bureau has no signing key yet: run "
                                       "`fengqiao central identity init` first")

    @property
    def bureau_id(self) -> str:
        self._require()
        try:
            return (self.directory / BUREAU_ID_FILE).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyError_(f"无法读取本局标识文件：{exc}",
                            message_en=f"cannot read the bureau id file: {exc}") from exc

    def fingerprint(self) -> str:
        return fingerprint(self.public_key())
