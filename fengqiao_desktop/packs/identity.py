"""The bureau's own signing identity: an Ed25519 key in minisign format, like an inspector's.

Files in ``<data dir>/bureau`` (a bureau PC; the key never leaves it):

* ``bureau.key``          the secret key, minisign format, encrypted with a passphrase;
* ``bureau.pub``          the public key, minisign format (what ``export-public`` writes);
* ``bureau-profile.json`` the bureau's name and unit (``Profile.name`` / ``.unit``) and key id;
* ``bureau.age``          the age identity that opens encrypted bundles, encrypted with the
  same passphrase (age scrypt), made with the key (or, for an older store, on first need);
* ``bureau.age.pub``      its recipient (``age1…``), sent to laptops in every task pack;
* ``age-recipients.json`` escrow recipients (e.g. the city bureau) that laptops also encrypt to;
* ``bureau-settings.json`` this bureau PC's import settings (``require_encryption``).

The store is the inspector's ``KeyStore`` with other file names; the bureau id
(the ``bureau_id`` of every pack) is a UUID made with the key.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from datetime import datetime, timezone
from pathlib import Path

from fengqiao_desktop import config
from fengqiao_desktop.bundle.agecrypt import MAX_RECIPIENTS, parse_recipient
from fengqiao_desktop.bundle.keys import KeyStore
from fengqiao_desktop.bundle.minisign import DEFAULT_KDF, KdfParams, PublicKey
from fengqiao_desktop.errors import KeyError_
from fengqiao_desktop.fsutil import write_atomic

BUREAU_ID_FILE = "bureau-id"
ESCROW_FILE = "age-recipients.json"
SETTINGS_FILE = "bureau-settings.json"


def bureau_keys_dir() -> Path:
    p = config.data_dir() / "bureau"
    p.mkdir(parents=True, exist_ok=True)
    return p


def fingerprint(pk: PublicKey) -> str:
    """What a person compares: SHA-256 of the public key's one-line form, 32 hex digits in groups."""
    digest = hashlib.sha256(pk.line().encode("ascii")).hexdigest().upper()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


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

    @property
    def age_path(self) -> Path:
        return self.directory / "bureau.age"

    @property
    def age_recipient_path(self) -> Path:
        return self.directory / "bureau.age.pub"

    def init(
        self,
        name: str,
        unit: str,
        phone: str = "",
        passphrase: str = "",
        *,
        force: bool = False,
        kdf: KdfParams = DEFAULT_KDF,
        age: bool = True,
    ) -> PublicKey:
        """The key pair and, with ``age`` (the default), the age identity that opens bundles."""
        pk = super().init(name, unit, phone, passphrase, force=force, kdf=kdf)
        write_atomic(self.directory / BUREAU_ID_FILE, str(uuid.uuid4()).encode("ascii"), mode=0o644)
        if age:
            self.ensure_age_identity(passphrase)
        return pk

    # -- escrow recipients and settings -------------------------------------------------

    def escrow_recipients(self) -> list[dict]:
        """[{"recipient", "name", "added_at"}] that laptops encrypt to besides the bureau itself."""
        try:
            raw = json.loads((self.directory / ESCROW_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [r for r in raw if isinstance(r, dict) and isinstance(r.get("recipient"), str)]

    def add_recipient(self, recipient: str, name: str) -> dict:
        """Add (or rename) an escrow recipient; refuses a bad key and more than the cap."""
        r = parse_recipient(recipient)
        name = " ".join(str(name).split())
        if not name:
            raise KeyError_(
                "请填写接收方名称（--name），如：兰州市退役军人事务局",
                message_en="the recipient needs a name (--name), e.g. the city bureau",
            )
        if r == self.age_recipient():
            raise KeyError_("这是本局自己的 age 公钥，无需添加", message_en="this is the bureau's own age key")
        rows = [x for x in self.escrow_recipients() if x["recipient"] != r]
        if len(rows) + 2 > MAX_RECIPIENTS:  # + the bureau and the inspector
            raise KeyError_(
                f"托管接收方已达上限（{MAX_RECIPIENTS - 2} 个）",
                message_en=f"there are already {MAX_RECIPIENTS - 2} escrow recipients (the limit)",
            )
        entry = {"recipient": r, "name": name, "added_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
        rows.append(entry)
        self._write_json(ESCROW_FILE, rows)
        return entry

    def remove_recipient(self, recipient: str) -> bool:
        r = "".join(recipient.split()).lower()
        rows = self.escrow_recipients()
        kept = [x for x in rows if x["recipient"] != r]
        self._write_json(ESCROW_FILE, kept)
        return len(kept) != len(rows)

    def pack_recipients(self) -> list[str]:
        """What every pack tells laptops to encrypt to: the bureau's recipient, then the escrow ones."""
        own = self.age_recipient()
        return ([own] if own else []) + [x["recipient"] for x in self.escrow_recipients()]

    def _settings(self) -> dict:
        try:
            raw = json.loads((self.directory / SETTINGS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return raw if isinstance(raw, dict) else {}

    def require_encryption(self) -> bool:
        """Refuse plaintext (v1) bundles? Default: yes once the bureau has an age identity."""
        value = self._settings().get("require_encryption")
        return bool(value) if isinstance(value, bool) else self.age_recipient() is not None

    def set_require_encryption(self, value: bool) -> None:
        self._write_json(SETTINGS_FILE, {**self._settings(), "require_encryption": bool(value)})

    def _write_json(self, name: str, data) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        write_atomic(self.directory / name, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"), mode=0o644)

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
            raise KeyError_(
                "本局尚未创建签名密钥，请先运行 `fengqiao central identity init`",
                message_en="the bureau has no signing key yet: run `fengqiao central identity init` first",
            )

    @property
    def bureau_id(self) -> str:
        self._require()
        try:
            return (self.directory / BUREAU_ID_FILE).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyError_(
                f"无法读取本局标识文件：{exc}", message_en=f"cannot read the bureau id file: {exc}"
            ) from exc

    def fingerprint(self) -> str:
        return fingerprint(self.public_key())
