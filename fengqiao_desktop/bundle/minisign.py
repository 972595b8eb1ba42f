"""The minisign key and signature formats, written from the format description.

Only the pieces Fengqiao needs: Ed25519 keys, scrypt-encrypted secret keys
(``EdScB2``), unencrypted secret keys made by ``minisign -G -W`` (import only),
and prehashed signatures (``ED``: Ed25519 over BLAKE2b-512 of the data) with a
trusted comment and its global signature. Files produced here verify with the
stock ``minisign -V``, and keys made by ``minisign -G`` load here.

Layouts (all integers little-endian):

* public key:  ``"Ed" | keynum(8) | pk(32)`` in base64, after an
  ``untrusted comment:`` line.
* secret key:  ``"Ed" | kdf("Sc" or 0x0000) | "B2" | salt(32) | opslimit(8) |
  memlimit(8) | keynum(8) ^ s | sk(64) ^ s | chk(32) ^ s`` where ``s`` is the
  104-byte scrypt stream of the passphrase and ``chk`` = BLAKE2b-256 of
  ``"Ed" | keynum | sk``.
* signature:   ``"ED" | keynum(8) | sig(64)``, then ``trusted comment: ...``
  and base64 of Ed25519(sig | trusted comment).

The key id minisign prints is the key number read as a little-endian 64-bit
integer, in 16 upper-case hex digits.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from fengqiao_desktop.errors import KeyError_

SIG_ALG = b"Ed"
SIG_ALG_PREHASHED = b"ED"
KDF_SCRYPT = b"Sc"
KDF_NONE = b"\x00\x00"
CHK_BLAKE2B = b"B2"
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
COMMENT_MAX = 1024  # minisign refuses longer comment lines

_KEYNUM = 8
_SK_BLOCK = _KEYNUM + 64 + 32  # keynum | sk | checksum
_SECRET_LEN = 2 + 2 + 2 + 32 + 8 + 8 + _SK_BLOCK
_MAX_SCRYPT_MEM = 2**31 - 1  # hashlib.scrypt cannot use more (INT_MAX)


class SignatureError(ValueError):
    """A signature is malformed or does not verify (translated by the callers)."""


@dataclass(frozen=True)
class KdfParams:
    """libsodium's scryptsalsa208sha256 limits, as stored in the secret key file."""

    opslimit: int
    memlimit: int


# minisign's own defaults (the "sensitive" limits): 1 GiB and several seconds.
MINISIGN_DEFAULT_KDF = KdfParams(opslimit=33_554_432, memlimit=1_073_741_824)
# Ours: N=2^17, r=8, p=1 -> 128 MiB, well under a second on a laptop. A
# laptop signs at every export, so the interactive cost matters.
DEFAULT_KDF = KdfParams(opslimit=4_194_304, memlimit=134_217_728)
# For tests only: N=2^14 (16 MiB).
FAST_KDF = KdfParams(opslimit=524_288, memlimit=16_777_216)


def scrypt_params(opslimit: int, memlimit: int) -> tuple[int, int, int]:
    """(N, r, p) exactly as libsodium derives them from opslimit/memlimit."""
    opslimit = max(opslimit, 32768)
    r = 8
    if opslimit < memlimit // 32:
        p = 1
        max_n = opslimit // (r * 4)
    else:
        max_n = memlimit // (r * 128)
    n_log2 = 1
    while n_log2 < 63 and (1 << n_log2) <= max_n // 2:
        n_log2 += 1
    if not opslimit < memlimit // 32:
        max_rp = (opslimit // 4) // (1 << n_log2)
        max_rp = min(max_rp, 0x3FFFFFFF)
        p = max_rp // r
    return 1 << n_log2, r, p


def _scrypt_stream(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    n, r, p = scrypt_params(kdf.opslimit, kdf.memlimit)
    need = 128 * r * (n + p + 2) + (1 << 20)
    if p < 1 or need > _MAX_SCRYPT_MEM:
        raise KeyError_(
            f"密钥文件的加密参数超出范围（N={n}, r={r}, p={p}），无法解密",
            message_en=f"the key file's encryption parameters are out of range (N={n}, r={r}, p={p})",
        )
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=need, dklen=_SK_BLOCK)


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


def key_id_of(keynum: bytes) -> str:
    """The key id as minisign prints it."""
    return f"{int.from_bytes(keynum, 'little'):016X}"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    data = text.strip().encode("ascii")
    raw = base64.b64decode(data, validate=True)
    if base64.b64encode(raw) != data:  # unused low bits set: another text for the same bytes
        raise ValueError("non-canonical base64")
    return raw


def _check_comment(text: str) -> str:
    if "\n" in text or "\r" in text or len(text.encode("utf-8")) > COMMENT_MAX - 32:
        raise ValueError("a minisign comment must be one short line")
    return text


@dataclass(frozen=True)
class PublicKey:
    keynum: bytes
    key: bytes

    @property
    def key_id(self) -> str:
        return key_id_of(self.keynum)

    def line(self) -> str:
        """minisign's one-line form (what ``minisign -P`` takes)."""
        return _b64(SIG_ALG + self.keynum + self.key)

    def file_text(self, comment: str | None = None) -> str:
        comment = _check_comment(comment or f"minisign public key {self.key_id}")
        return f"{UNTRUSTED_PREFIX}{comment}\n{self.line()}\n"

    @classmethod
    def from_line(cls, line: str) -> PublicKey:
        try:
            raw = _unb64(line)
        except (binascii.Error, ValueError, UnicodeEncodeError):
            raw = b""
        if len(raw) != 42 or raw[:2] != SIG_ALG:
            raise KeyError_(
                "不是有效的 minisign 公钥（应为以 RW 开头的 56 个字符）",
                message_en="not a valid minisign public key (expected 56 characters starting with RW)",
            )
        return cls(keynum=raw[2:10], key=raw[10:])

    @classmethod
    def from_text(cls, text: str) -> PublicKey:
        """Parse a .pub file's text or a bare one-line key."""
        lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
        if len(lines) == 2 and lines[0].startswith("untrusted comment:"):
            return cls.from_line(lines[1])
        if len(lines) == 1:
            return cls.from_line(lines[0])
        raise KeyError_("公钥文件格式不正确", message_en="malformed public key file")

    @classmethod
    def load(cls, path: str | os.PathLike) -> PublicKey:
        try:
            data = Path(path).read_bytes()[:4096].decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyError_(
                f"无法读取公钥文件 {path}: {exc}", message_en=f"cannot read public key file {path}: {exc}"
            ) from exc
        return cls.from_text(data)

    def verify_raw(self, signature: bytes, data: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.key).verify(signature, data)
        except (InvalidSignature, ValueError):
            return False
        return True


@dataclass(frozen=True)
class Signature:
    """A parsed ``.minisig`` file."""

    algorithm: bytes
    keynum: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes
    untrusted_comment: str = ""

    @property
    def key_id(self) -> str:
        return key_id_of(self.keynum)

    @classmethod
    def parse(cls, data: bytes, *, strict: bool = False) -> Signature:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SignatureError("the signature file is not UTF-8 text") from exc
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        lines = [ln[:-1] if ln.endswith("\r") else ln for ln in lines]
        if len(lines) != 4:
            raise SignatureError(f"the signature file has {len(lines)} lines, expected 4")
        if not lines[0].startswith(UNTRUSTED_PREFIX.rstrip()):
            raise SignatureError("the signature file does not start with an untrusted comment")
        if not lines[2].startswith(TRUSTED_PREFIX):
            raise SignatureError("the signature file has no trusted comment line")
        try:
            raw = _unb64(lines[1])
            glob = _unb64(lines[3])
        except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
            raise SignatureError("the signature file has invalid base64") from exc
        if len(raw) != 74 or raw[:2] not in (SIG_ALG, SIG_ALG_PREHASHED) or len(glob) != 64:
            raise SignatureError("the signature has the wrong length or algorithm")
        parsed = cls(
            algorithm=raw[:2],
            keynum=raw[2:10],
            signature=raw[10:],
            trusted_comment=lines[2][len(TRUSTED_PREFIX) :],
            global_signature=glob,
            untrusted_comment=lines[0][len(UNTRUSTED_PREFIX) :],
        )
        if strict and parsed.text().encode("utf-8") != data:
            raise SignatureError("the signature file is not in the exact minisign layout")
        return parsed

    def text(self) -> str:
        """The .minisig file text, in the exact layout minisign writes."""
        return (
            f"{UNTRUSTED_PREFIX}{self.untrusted_comment}\n"
            f"{_b64(self.algorithm + self.keynum + self.signature)}\n"
            f"{TRUSTED_PREFIX}{self.trusted_comment}\n{_b64(self.global_signature)}\n"
        )

    def verify(self, public_key: PublicKey, data: bytes, *, require_prehashed: bool = True) -> None:
        """Raise SignatureError unless this signs ``data`` with ``public_key``."""
        if not hmac.compare_digest(self.keynum, public_key.keynum):
            raise SignatureError(f"signed by key {self.key_id}, not by {public_key.key_id}")
        if self.algorithm == SIG_ALG_PREHASHED:
            message = hashlib.blake2b(data, digest_size=64).digest()
        elif require_prehashed:
            raise SignatureError("legacy (not prehashed) signature refused")
        else:
            message = data
        if not public_key.verify_raw(self.signature, message):
            raise SignatureError("the signature does not match the data")
        tc = self.trusted_comment.encode("utf-8")
        if not public_key.verify_raw(self.global_signature, self.signature + tc):
            raise SignatureError("the trusted comment's signature does not match")


@dataclass(frozen=True)
class SecretKey:
    keynum: bytes
    seed: bytes  # the first half of libsodium's 64-byte Ed25519 secret key

    @classmethod
    def generate(cls) -> SecretKey:
        return cls(keynum=os.urandom(_KEYNUM), seed=os.urandom(32))

    @property
    def _private(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.seed)

    @property
    def public(self) -> PublicKey:
        pk = self._private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicKey(keynum=self.keynum, key=pk)

    @property
    def key_id(self) -> str:
        return key_id_of(self.keynum)

    def sign(
        self, data: bytes, *, trusted_comment: str, untrusted_comment: str = "signature from minisign secret key"
    ) -> bytes:
        """A prehashed minisign signature file (``.minisig`` bytes) for ``data``."""
        _check_comment(trusted_comment)
        _check_comment(untrusted_comment)
        priv = self._private
        sig = priv.sign(hashlib.blake2b(data, digest_size=64).digest())
        glob = priv.sign(sig + trusted_comment.encode("utf-8"))
        return (
            Signature(SIG_ALG_PREHASHED, self.keynum, sig, trusted_comment, glob, untrusted_comment)
            .text()
            .encode("utf-8")
        )

    def _sk64(self) -> bytes:
        return self.seed + self.public.key

    def encrypted_file_text(
        self, passphrase: str, kdf: KdfParams = DEFAULT_KDF, comment: str = "minisign encrypted secret key"
    ) -> str:
        """The secret key file, encrypted exactly as ``minisign -G`` does."""
        if not passphrase:
            raise KeyError_("口令不能为空", message_en="the passphrase must not be empty")
        salt = os.urandom(32)
        sk = self._sk64()
        chk = hashlib.blake2b(SIG_ALG + self.keynum + sk, digest_size=32).digest()
        block = _xor(self.keynum + sk + chk, _scrypt_stream(passphrase, salt, kdf))
        raw = (
            SIG_ALG
            + KDF_SCRYPT
            + CHK_BLAKE2B
            + salt
            + kdf.opslimit.to_bytes(8, "little")
            + kdf.memlimit.to_bytes(8, "little")
            + block
        )
        return f"{UNTRUSTED_PREFIX}{_check_comment(comment)}\n{_b64(raw)}\n"


def secret_key_is_encrypted(text: str) -> bool:
    return _decode_secret_raw(text)[2:4] == KDF_SCRYPT


def _decode_secret_raw(text: str) -> bytes:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    try:
        if len(lines) != 2 or not lines[0].startswith("untrusted comment:"):
            raise ValueError
        raw = _unb64(lines[1])
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raw = b""
    if (
        len(raw) != _SECRET_LEN
        or raw[:2] != SIG_ALG
        or raw[4:6] != CHK_BLAKE2B
        or raw[2:4] not in (KDF_SCRYPT, KDF_NONE)
    ):
        raise KeyError_("不是有效的 minisign 私钥文件", message_en="not a valid minisign secret key file")
    return raw


def decode_secret_key(text: str, passphrase: str | None) -> SecretKey:
    """Decrypt a minisign secret key file; a wrong passphrase raises KeyError_."""
    raw = _decode_secret_raw(text)
    salt = raw[6:38]
    kdf = KdfParams(int.from_bytes(raw[38:46], "little"), int.from_bytes(raw[46:54], "little"))
    block = raw[54:]
    encrypted = raw[2:4] == KDF_SCRYPT
    if encrypted:
        if not passphrase:
            raise KeyError_("此私钥已加密，需要口令", message_en="this secret key is encrypted: a passphrase is needed")
        block = _xor(block, _scrypt_stream(passphrase, salt, kdf))
    keynum, sk, chk = block[:8], block[8:72], block[72:]
    want = hashlib.blake2b(SIG_ALG + keynum + sk, digest_size=32).digest()
    # minisign -W writes an all-zero checksum for unencrypted keys.
    if not hmac.compare_digest(chk, want) and (encrypted or chk != bytes(32)):
        if encrypted:
            raise KeyError_(
                "口令错误：私钥校验和不匹配，未做任何更改",
                message_en="wrong passphrase: the secret key checksum does not match; nothing was changed",
            )
        raise KeyError_(
            "私钥文件已损坏（校验和不匹配）", message_en="the secret key file is corrupt (checksum mismatch)"
        )
    key = SecretKey(keynum=keynum, seed=sk[:32])
    if key.public.key != sk[32:]:
        raise KeyError_(
            "私钥文件已损坏（公钥部分不一致）",
            message_en="the secret key file is corrupt (its public half does not match)",
        )
    return key
