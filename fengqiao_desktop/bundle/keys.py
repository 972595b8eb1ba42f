"""The inspector's identity on this laptop: profile, Ed25519 key pair, public key export.

Files in ``config.keys_dir()``:

* ``inspector.key``  the secret key, minisign format, always encrypted (scrypt);
* ``inspector.pub``  the public key, minisign format;
* ``profile.json``   name, unit, phone and key id;
* ``inspector.age``  the age (X25519) identity that opens bundles encrypted to this
  key store, itself encrypted with the same passphrase (age scrypt); made on first need;
* ``inspector.age.pub`` its recipient (``age1…``), public.

Every write goes to a temporary file, is fsynced and renamed, and happens only
after the passphrase and inputs were checked, so a wrong passphrase or a bad
key file changes nothing.
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

import pyrage
import segno
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from fengqiao_desktop import config
from fengqiao_desktop.bundle.minisign import (
    DEFAULT_KDF,
    KdfParams,
    PublicKey,
    SecretKey,
    decode_secret_key,
)
from fengqiao_desktop.domain.profile import Profile
from fengqiao_desktop.errors import KeyError_
from fengqiao_desktop.fsutil import write_atomic

SECRET_FILE = "inspector.key"
PUBLIC_FILE = "inspector.pub"
PROFILE_FILE = "profile.json"
AGE_FILE = "inspector.age"
AGE_RECIPIENT_FILE = "inspector.age.pub"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    write_atomic(path, data, mode=mode)


class KeyStore:
    """The inspector's key pair and profile in one directory (default: the keys dir)."""

    def __init__(self, directory: str | os.PathLike | None = None):
        self.directory = Path(directory) if directory is not None else config.keys_dir()

    @property
    def secret_path(self) -> Path:
        return self.directory / SECRET_FILE

    @property
    def public_path(self) -> Path:
        return self.directory / PUBLIC_FILE

    @property
    def profile_path(self) -> Path:
        return self.directory / PROFILE_FILE

    @property
    def age_path(self) -> Path:
        return self.directory / AGE_FILE

    @property
    def age_recipient_path(self) -> Path:
        return self.directory / AGE_RECIPIENT_FILE

    def exists(self) -> bool:
        return self.secret_path.exists() and self.public_path.exists()

    # -- creating -------------------------------------------------------------

    def init(
        self,
        name: str,
        unit: str,
        phone: str = "",
        passphrase: str = "",
        *,
        force: bool = False,
        kdf: KdfParams = DEFAULT_KDF,
    ) -> PublicKey:
        """Make a new key pair and profile; refuses to replace a key unless ``force``."""
        self._check_profile(name, unit)
        self._check_replace(force)
        if not passphrase:
            raise KeyError_("请设置口令以加密私钥", message_en="a passphrase is needed to encrypt the secret key")
        return self._store(SecretKey.generate(), passphrase, kdf, Profile(name, unit, phone))

    def import_minisign(
        self,
        secret_key_file: str | os.PathLike,
        passphrase: str | None,
        *,
        new_passphrase: str | None = None,
        name: str | None = None,
        unit: str | None = None,
        phone: str | None = None,
        force: bool = False,
        kdf: KdfParams = DEFAULT_KDF,
    ) -> PublicKey:
        """Adopt a key made by ``minisign -G``; it is re-encrypted with ``new_passphrase``
        (default: the same passphrase). The profile defaults to the current one."""
        try:
            text = Path(secret_key_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyError_(
                f"无法读取私钥文件 {secret_key_file}: {exc}",
                message_en=f"cannot read secret key file {secret_key_file}: {exc}",
            ) from exc
        key = decode_secret_key(text, passphrase)
        old = self._read_profile()
        profile = Profile(
            name if name is not None else (old.name if old else ""),
            unit if unit is not None else (old.unit if old else ""),
            phone if phone is not None else (old.phone if old else ""),
        )
        self._check_profile(profile.name, profile.unit)
        if self.exists() and self.public_key().keynum == key.keynum and not force:
            force = True  # re-importing the same key replaces nothing of value
        self._check_replace(force)
        target = new_passphrase or passphrase
        if not target:
            raise KeyError_(
                "请设置口令以加密导入的私钥", message_en="a passphrase is needed to encrypt the imported secret key"
            )
        return self._store(key, target, kdf, profile)

    def update_profile(self, name: str, unit: str, phone: str = "") -> Profile:
        self._check_profile(name, unit)
        old = self.profile()
        new = Profile(name, unit, phone, old.key_id, old.created_at)
        self.directory.mkdir(parents=True, exist_ok=True)
        _atomic_write(self.profile_path, self._profile_bytes(new), 0o644)
        return new

    def check_init(self, name: str, unit: str, *, force: bool = False) -> None:
        """Raise the refusal ``init`` would give, before asking anyone for a passphrase."""
        self._check_profile(name, unit)
        self._check_replace(force)

    def _check_profile(self, name: str, unit: str) -> None:
        if not name or not name.strip():
            raise KeyError_("请填写检查人员姓名（--name）", message_en="the inspector's name is required (--name)")
        if not unit or not unit.strip():
            raise KeyError_("请填写所在单位（--unit）", message_en="the inspector's unit is required (--unit)")

    def _check_replace(self, force: bool) -> None:
        if self.exists() and not force:
            kid = self.public_key().key_id
            raise KeyError_(
                f"本机已有签名密钥 {kid}；如确需替换请加 --force（旧密钥将备份，之后不能再用它签名）",
                message_en=f"a signing key already exists ({kid}); use --force to replace it "
                "(the old key is backed up and will no longer sign)",
            )

    def _store(self, key: SecretKey, passphrase: str, kdf: KdfParams, profile: Profile) -> PublicKey:
        # encrypt first: any failure happens before a file is touched
        secret_text = key.encrypted_file_text(passphrase, kdf)
        profile = Profile(
            _one_line(profile.name),
            _one_line(profile.unit),
            _one_line(profile.phone),
            key.key_id,
            datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
        self.directory.mkdir(parents=True, exist_ok=True)
        if self.exists():
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
            # the age identity goes with the old key: it is encrypted with the old passphrase
            for p in (self.secret_path, self.public_path, self.profile_path, self.age_path, self.age_recipient_path):
                if p.exists():
                    os.replace(p, p.with_name(f"{p.name}.{stamp}.bak"))
        _atomic_write(self.secret_path, secret_text.encode("ascii"), 0o600)
        _atomic_write(self.public_path, self._public_text(key.public, profile).encode("utf-8"), 0o644)
        _atomic_write(self.profile_path, self._profile_bytes(profile), 0o644)
        return key.public

    @staticmethod
    def _profile_bytes(profile: Profile) -> bytes:
        return json.dumps(asdict(profile), ensure_ascii=False, indent=2).encode("utf-8")

    @staticmethod
    def _public_text(pk: PublicKey, profile: Profile | None) -> str:
        comment = f"minisign public key {pk.key_id}"
        if profile is not None:
            comment += " " + _one_line(f"fengqiao {profile.name} {profile.unit}")[:300]
        return pk.file_text(comment)

    @staticmethod
    def profile_from_public_text(text: str) -> tuple[str, str] | None:
        """(name, unit) from a .pub file this app wrote (``… fengqiao NAME UNIT`` comment), or None."""
        first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
        marker = " fengqiao "
        if not first.startswith("untrusted comment:") or marker not in first:
            return None
        name, _sep, unit = first.split(marker, 1)[1].strip().partition(" ")
        return (name, unit.strip()) if name else None

    # -- reading ----------------------------------------------------------------

    def _require(self) -> None:
        if not self.exists():
            raise KeyError_(
                "本机尚未创建签名密钥，请先运行 `fengqiao keys init`",
                message_en="no signing key on this computer yet: run `fengqiao keys init` first",
            )

    def public_key(self) -> PublicKey:
        self._require()
        return PublicKey.load(self.public_path)

    def public_key_line(self) -> str:
        return self.public_key().line()

    @property
    def key_id(self) -> str:
        return self.public_key().key_id

    def _read_profile(self) -> Profile | None:
        try:
            raw = json.loads(self.profile_path.read_text(encoding="utf-8"))
            return Profile(**{k: str(raw.get(k, "")) for k in Profile.__dataclass_fields__})
        except (OSError, ValueError, TypeError):
            return None

    def profile(self) -> Profile:
        self._require()
        p = self._read_profile()
        if p is None:
            return Profile("", "", "", self.key_id, "")
        return p

    def load_secret(self, passphrase: str) -> SecretKey:
        """Decrypt the secret key; KeyError_ on a wrong passphrase (nothing is written)."""
        self._require()
        try:
            text = self.secret_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyError_(f"无法读取私钥文件：{exc}", message_en=f"cannot read the secret key file: {exc}") from exc
        key = decode_secret_key(text, passphrase)
        if key.public != self.public_key():
            raise KeyError_("私钥与公钥文件不匹配", message_en="the secret key does not match the public key file")
        return key

    def export_public(self, path: str | os.PathLike) -> Path:
        """Write the .pub file (with name and unit in its untrusted comment) for the bureau."""
        out = Path(path)
        text = self._public_text(self.public_key(), self._read_profile())
        _atomic_write(out, text.encode("utf-8"), 0o644)
        return out

    # -- the age identity (opens encrypted bundles) ----------------------------------

    def age_recipient(self) -> str | None:
        """The age recipient (``age1…``) of this key store, or None before it was made."""
        try:
            text = self.age_recipient_path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return text if self.age_path.exists() and text.startswith("age1") else None

    def ensure_age_identity(self, passphrase: str) -> str:
        """The age recipient, making the identity first if there is none (scrypt: seconds, off the
        GUI thread). The passphrase is checked against the signing key before anything is written."""
        self.load_secret(passphrase)  # a wrong passphrase stops here
        existing = self.age_recipient()
        if existing is not None:
            return existing
        identity = x25519.Identity.generate()
        recipient = str(identity.to_public())
        sealed = age_passphrase.encrypt(f"{identity}\n".encode("ascii"), passphrase)
        self.directory.mkdir(parents=True, exist_ok=True)
        _atomic_write(self.age_path, sealed, 0o600)
        _atomic_write(self.age_recipient_path, f"{recipient}\n".encode("ascii"), 0o644)
        return recipient

    def _age_text(self, passphrase: str) -> str:
        if not self.age_path.exists():
            raise KeyError_("尚未创建用于解密数据包的 age 密钥", message_en="there is no age key to open bundles yet")
        try:
            sealed = self.age_path.read_bytes()
        except OSError as exc:
            raise KeyError_(f"无法读取 age 密钥文件：{exc}", message_en=f"cannot read the age key file: {exc}") from exc
        try:
            return age_passphrase.decrypt(sealed, passphrase).decode("ascii").strip()
        except pyrage.DecryptError:
            raise KeyError_(
                "口令不正确，无法打开解密密钥",
                message_en="wrong passphrase: the decryption key cannot be opened",
                kind="wrong_passphrase",
            ) from None

    def load_age_identity(self, passphrase: str) -> x25519.Identity:
        """The age identity, decrypted with the passphrase (made first when missing); KeyError_ when wrong."""
        if self.age_recipient() is None:
            self.ensure_age_identity(passphrase)
        identity = x25519.Identity.from_str(self._age_text(passphrase))
        if str(identity.to_public()) != self.age_recipient():
            raise KeyError_("age 密钥与其公钥文件不匹配", message_en="the age key does not match its public file")
        return identity

    def export_age_secret(self, path: str | os.PathLike, passphrase: str) -> Path:
        """Write the age identity IN CLEAR (for escrow, or to open a bundle with stock ``age``)."""
        identity = self.load_age_identity(passphrase)
        out = Path(path)
        text = f"# created by fengqiao for key {self.key_id}\n# public key: {identity.to_public()}\n{identity}\n"
        _atomic_write(out, text.encode("ascii"), 0o600)
        return out

    # -- QR code ------------------------------------------------------------------

    def _qr(self) -> segno.QRCode:
        return segno.make(self.public_key_line(), error="m", micro=False)

    def public_key_qr_png(self, path: str | os.PathLike, scale: int = 8) -> Path:
        out = Path(path)
        buf = io.BytesIO()
        self._qr().save(buf, kind="png", scale=scale, border=4)
        _atomic_write(out, buf.getvalue(), 0o644)
        return out

    def public_key_qr_svg(self, scale: int = 8) -> str:
        buf = io.BytesIO()
        self._qr().save(buf, kind="svg", scale=scale, border=4, xmldecl=False)
        return buf.getvalue().decode("utf-8")
