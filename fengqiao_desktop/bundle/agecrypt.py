"""Bundle format v2: the signed v1 zip, encrypted in the age format (docs/bundle-format.md, "v2").

A v2 bundle is ``age -e -r BUREAU -r INSPECTOR inner.zip``: stock ``age`` decrypts
it and stock ``minisign`` verifies the manifest inside. This module knows the
outer layer only: telling v1 from v2 by the first bytes, checking the age header
before any key is tried (at most ``MAX_RECIPIENTS`` stanzas, text up to the
``---`` line), encrypting to recipients and decrypting into a private temporary
file that is removed on every path. The inner zip is verified by ``verifier``.

Refusals are BundleError with a ``kind`` (``other_bureau``, ``damaged_ciphertext``,
``too_many_recipients``) that ``merge/refusals.py`` turns into plain words.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import pyrage
from pyrage import x25519

from fengqiao_desktop.errors import BundleError, KeyError_

AGE_MAGIC = b"age-encryption.org/v1\n"
ZIP_MAGIC = b"PK\x03\x04"
V1, V2, UNKNOWN = "v1", "v2", "unknown"
MAX_STANZAS = 20  # read: refused beyond this, before any key is tried
MAX_RECIPIENTS = MAX_STANZAS - 1  # written: age may add one random "grease" stanza of its own
MAX_HEADER = 64 * 1024  # an X25519 stanza is about 100 bytes; 20 of them fit many times over
# bech32 "age1" + 58 data characters (the charset has no 1, b, i, o)
RECIPIENT_RE = re.compile(r"^age1[02-9ac-hj-np-z]{58}$")
CHUNK = 1024 * 1024


def sniff(path: str | os.PathLike) -> str:
    """``v1`` (a zip), ``v2`` (an age file) or ``unknown``, from the first bytes only."""
    with open(path, "rb") as f:
        head = f.read(len(AGE_MAGIC))
    return sniff_bytes(head)


def sniff_bytes(head: bytes) -> str:
    if head.startswith(ZIP_MAGIC):
        return V1
    if head.startswith(AGE_MAGIC):
        return V2
    return UNKNOWN


def _damaged(zh: str, en: str) -> BundleError:
    return BundleError(f"age: {zh}", message_en=f"age: {en}", kind="damaged_ciphertext")


def read_header(f: BinaryIO) -> list[str]:
    """The stanzas' first lines (``-> X25519 …``, and age's random ``-> …-grease`` ones) of an
    age header, checked for shape.

    Reads at most ``MAX_HEADER`` bytes and refuses more than ``MAX_STANZAS``
    stanzas before any key is tried, so a crafted header cannot make the reader
    try thousands of stanzas.
    """
    head = f.read(MAX_HEADER)
    if not head.startswith(AGE_MAGIC):
        raise _damaged("不是 age 加密文件", "not an age-encrypted file")
    end = head.find(b"\n---")
    if end < 0:
        raise _damaged("文件头不完整（文件被截断或损坏）", "the header is incomplete (truncated or damaged)")
    try:
        lines = head[len(AGE_MAGIC) : end].decode("ascii").split("\n")
    except UnicodeDecodeError:
        raise _damaged("文件头含非 ASCII 字符", "the header holds non-ASCII bytes") from None
    stanzas = [ln for ln in lines if ln.startswith("-> ")]
    if not stanzas:
        raise _damaged("文件头中没有接收方", "the header names no recipient")
    if len(stanzas) > MAX_STANZAS:
        raise BundleError(
            f"age: 接收方过多（{len(stanzas)} 个，最多 {MAX_STANZAS} 个）",
            message_en=f"age: too many recipients ({len(stanzas)}; at most {MAX_STANZAS})",
            kind="too_many_recipients",
        )
    return stanzas


def x25519_stanzas(stanzas: list[str]) -> int:
    return sum(1 for s in stanzas if s.startswith("-> X25519 "))


def parse_recipient(text: str) -> str:
    """An age X25519 recipient (``age1…``), normalised; KeyError_ when it is not one."""
    r = "".join(str(text).split()).lower()
    if not RECIPIENT_RE.match(r):
        raise KeyError_(
            f"不是有效的 age 公钥（应以 age1 开头，共 62 个字符）：{text[:70]}",
            message_en=f"not an age public key (age1…, 62 characters): {text[:70]}",
        )
    try:
        x25519.Recipient.from_str(r)
    except pyrage.RecipientError:
        raise KeyError_(f"age 公钥校验失败：{r}", message_en=f"the age public key does not check out: {r}") from None
    return r


def recipient_fingerprint(recipient: str) -> str:
    """What a person compares by phone: SHA-256 of the recipient, 32 hex digits in groups."""
    digest = hashlib.sha256(recipient.encode("ascii")).hexdigest().upper()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def encrypt_file(src: str | os.PathLike, dest: str | os.PathLike, recipients: Sequence[str]) -> None:
    """Encrypt the file ``src`` to ``recipients`` into the new file ``dest`` (age's own file I/O:
    several times faster than streaming through Python objects)."""
    if not recipients:
        raise BundleError("没有加密接收方", message_en="no recipient to encrypt to")
    if len(recipients) > MAX_RECIPIENTS:
        raise BundleError(
            f"接收方过多（最多 {MAX_RECIPIENTS} 个）", message_en=f"too many recipients (at most {MAX_RECIPIENTS})"
        )
    rs = [x25519.Recipient.from_str(parse_recipient(r)) for r in recipients]
    pyrage.encrypt_file(os.fspath(src), os.fspath(dest), rs)


def header_length(f: BinaryIO) -> int:
    """Bytes of the age header, up to and including its ``--- MAC`` line (from the file's start)."""
    f.seek(0)
    head = f.read(MAX_HEADER)
    end = head.find(b"\n---")
    line_end = head.find(b"\n", end + 1) if end >= 0 else -1
    if line_end < 0:
        raise _damaged("文件头不完整（文件被截断或损坏）", "the header is incomplete (truncated or damaged)")
    return line_end + 1


def sealed_id(path: str | os.PathLike) -> str:
    """Names one encrypted file without reading it whole: the sha256 of its age header (unique to
    each encryption: it ends with a MAC under a random file key) and its size."""
    with open(path, "rb") as f:
        n = header_length(f)
        f.seek(0)
        head = f.read(n)
        size = os.fstat(f.fileno()).st_size
    return f"{hashlib.sha256(head).hexdigest()}:{size}"


def encrypted_size(header: int, plaintext: int) -> int:
    """What age makes of ``plaintext`` bytes: a 16-byte nonce, then 64 KiB chunks with 16-byte tags."""
    chunks = max(1, -(-plaintext // 65536))
    return header + 16 + plaintext + 16 * chunks


def private_temp(suffix: str = ".zip") -> Path:
    """A new empty file only this user can read (mode 0600), in the system's temporary folder."""
    fd, name = tempfile.mkstemp(prefix="fengqiao-", suffix=suffix)
    os.close(fd)
    return Path(name)


def decrypt_to(src: str | os.PathLike, dest: str | os.PathLike, identities: Sequence[x25519.Identity]) -> None:
    """Decrypt ``src`` into the existing private file ``dest``; refusals are BundleError with a kind."""
    with open(src, "rb") as f:
        read_header(f)
    try:
        pyrage.decrypt_file(os.fspath(src), os.fspath(dest), list(identities))
    except (pyrage.DecryptError, OSError) as exc:
        if isinstance(exc, OSError) and exc.errno is not None:
            raise  # a real I/O error (a full disk): not the bundle's fault
        # a payload chunk that fails authentication surfaces as an OSError without errno; the
        # caller removes what was written of ``dest`` before it
        if "no matching keys" in str(exc).lower():
            raise BundleError(
                "age: 本局的解密密钥都不是此数据包的接收方",
                message_en="age: none of this bureau's keys is a recipient of the bundle",
                kind="other_bureau",
            ) from None
        raise _damaged(f"解密失败（{exc}）", f"decryption failed ({exc})") from None


@contextlib.contextmanager
def decrypted(src: str | os.PathLike, identities: Sequence[x25519.Identity]) -> Iterator[Path]:
    """The inner zip of a v2 bundle in a private temporary file, removed when the block ends."""
    tmp = private_temp()
    try:
        decrypt_to(src, tmp, identities)
        yield tmp
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
