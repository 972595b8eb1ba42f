"""Write a signed bundle: temporary name, fsync, verify, rename, fsync the directory.

The bundle is read back and verified under its temporary name, and only a
bundle that verifies is renamed to its final ``.fqbundle`` name, so a crash or
a cancel at any point leaves either nothing or a complete, valid bundle under
the final name (plus at most a ``.partial`` file that is removed on the next
cancel/error path and ignored by readers).

With ``recipients`` (format v2) the signed zip is written in a private temporary
file (mode 0600) outside the destination and encrypted in the age format into the
``.partial`` file; the zip is verified while the ``.partial`` file is flushed to the
drive (fsync, in the background), and the ``.partial`` file's header and size are read
back before it is renamed; the plaintext zip is removed on every path, so nothing
readable reaches the USB stick.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import threading
import uuid
import zipfile
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pyrage

from fengqiao_desktop.bundle import agecrypt, spec
from fengqiao_desktop.bundle.canonical import BundleCancelled, dumps, refuse
from fengqiao_desktop.bundle.manifest import (
    trusted_comment,
    untrusted_comment,
    utc_now_iso,
    validate_manifest,
    validate_record,
)
from fengqiao_desktop.bundle.minisign import SecretKey
from fengqiao_desktop.bundle.verifier import VerifiedBundle, verify_bundle
from fengqiao_desktop.bundle.zipscan import EXTERNAL_ATTR, VERSION_NEEDED
from fengqiao_desktop.errors import BundleError, KnownError
from fengqiao_desktop.fsutil import fsync_dir, fsync_file

PARTIAL_SUFFIX = ".partial"
Progress = Callable[[int, int], None]


def bundle_file_name(created_at: str, device_id: str, sequence: int, bundle_id: str) -> str:
    day = created_at[:10].replace("-", "")
    device = "".join(ch for ch in device_id.lower() if ch.isalnum())[:8] or "device"
    return f"{day}-{device}-{sequence:06d}-{bundle_id[:8]}{spec.EXTENSION}"


def _zip_time(created_at: str) -> tuple[int, int, int, int, int, int]:
    t = datetime.strptime(created_at[:19], "%Y-%m-%dT%H:%M:%S")
    return (max(t.year, 1980), t.month, t.day, t.hour, t.minute, t.second)


def _info(name: str, when: tuple, method: int, size: int) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(name, date_time=when)
    zi.compress_type = method
    zi.create_system = 3  # unix, so the mode bits below mean "regular file"
    zi.create_version = zi.extract_version = VERSION_NEEDED
    zi.external_attr = EXTERNAL_ATTR
    zi.file_size = size
    return zi


def _declared_sizes(records: list[dict]) -> dict[str, int]:
    """sha256 -> the size the records give (0 when absent) of every photo they list."""
    out: dict[str, int] = {}
    for rec in records:
        for ph in rec.get("photos", []) if isinstance(rec, dict) else []:
            sha = ph.get("sha256") if isinstance(ph, dict) else None
            if isinstance(sha, str):
                size = ph.get("size")
                out[sha] = max(out.get(sha, 0), size if isinstance(size, int) else 0)
    return out


def _photo_bytes(read_photo: Callable[[str], bytes], sha: str) -> bytes:
    try:
        return read_photo(sha)
    except (KnownError, OSError) as exc:
        zh = exc.message if isinstance(exc, KnownError) else str(exc.strerror or exc)
        en = exc.message_en if isinstance(exc, KnownError) else zh
        raise refuse(spec.photo_member(sha), f"照片文件无法读取：{zh}", f"photo file cannot be read: {en}") from None


def _prepare_records(records: list[dict], sizes: Mapping[str, int]) -> list[dict]:
    """Copies of the records with each photo's member name (and size) filled in if absent."""
    out = []
    for rec in records:
        rec = dict(rec)
        rec.setdefault("format", spec.RECORD_FORMAT)
        rec.setdefault("format_version", spec.RECORD_FORMAT_VERSION)
        photos = []
        for ph in rec.get("photos", []):
            ph = dict(ph)
            sha = ph.get("sha256")
            if not isinstance(sha, str) or sha not in sizes:
                raise refuse(
                    f"photos/{sha}", "记录引用的照片文件未提供", "a record refers to a photo that was not supplied"
                )
            ph.setdefault("member", spec.photo_member(sha))
            ph.setdefault("size", sizes[sha])
            photos.append(ph)
        rec["photos"] = photos
        out.append(rec)
    return out


def write_bundle(out_dir: str | os.PathLike, **kw: Any) -> Path:
    """Write, verify and return the path of a new bundle (see ``write_bundle_verified``)."""
    vb = write_bundle_verified(out_dir, **kw)
    assert vb.path is not None
    return vb.path


def write_bundle_verified(
    out_dir: str | os.PathLike,
    *,
    records: list[dict],
    read_photo: Callable[[str], bytes],
    inspector: Mapping[str, str],
    device_id: str,
    sequence: int,
    previous_manifest_sha256: str | None,
    secret_key: SecretKey,
    forms: list[dict] | None = None,
    bundle_id: str | None = None,
    created_at: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    recipients: Sequence[str] = (),
    before_rename: Callable[[VerifiedBundle], None] | None = None,
) -> VerifiedBundle:
    """Write a new bundle in ``out_dir``; returns it verified (``.path`` is the final name).

    ``records`` are inspection records (docs/bundle-format.md); each photo they
    list is read with ``read_photo(sha256)`` (its bytes; a KnownError or OSError
    refuses the bundle) and checked against its sha256 and the record's ``size``
    (filled in when absent). ``inspector`` gives name, unit, phone;
    the key id comes from ``secret_key``. ``forms`` defaults to the forms the
    records use. ``recipients`` (age ``age1…`` keys) make an encrypted v2 bundle;
    ``before_rename(vb)`` runs once the file is complete (``vb.sealed_id`` set when encrypted)
    and before it takes its final name. Raises BundleError (BundleCancelled on
    cancel); on any failure the temporary files are removed and nothing appears
    under the final name.
    """
    out = Path(out_dir)
    bundle_id = bundle_id or str(uuid.uuid4())
    created_at = created_at or utc_now_iso()
    final = out / bundle_file_name(created_at, device_id, sequence, bundle_id)
    tmp = out / f".{final.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}"
    if final.exists():
        raise refuse(final.name, "目标文件已存在", "a file with this name already exists")

    declared = _declared_sizes(records)
    encrypted = bool(recipients)
    # written once, read back once; encrypted: read and written again
    total = sum(declared.values()) * (3 if encrypted else 2) + 1
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if cancelled is not None and cancelled():
            raise BundleCancelled()
        if progress is not None:
            progress(min(done, total), total)

    when = _zip_time(created_at)
    inner = agecrypt.private_temp() if encrypted else tmp
    syncing: _Fsync | None = None
    try:
        with open(inner, "wb" if encrypted else "xb") as raw, zipfile.ZipFile(raw, "w", allowZip64=False) as zf:
            members: list[dict[str, Any]] = []
            sizes: dict[str, int] = {}
            for sha in sorted(declared):
                name = spec.photo_member(sha)
                data = _photo_bytes(read_photo, sha)
                if hashlib.sha256(data).hexdigest() != sha:
                    raise refuse(
                        name,
                        "照片文件内容与其 sha256 不符（文件被改动或损坏）",
                        "the photo file does not match its sha256 (changed or corrupt)",
                    )
                zf.writestr(_info(name, when, zipfile.ZIP_STORED, len(data)), data)
                tick(len(data))
                sizes[sha] = len(data)
                members.append({"name": name, "sha256": sha, "size": len(data)})
            prepared = _prepare_records(records, sizes)
            for rec in prepared:
                validate_record(rec, spec.record_member(str(rec.get("id", "?")), rec.get("revision", 0)))
                for i, ph in enumerate(rec["photos"]):
                    if ph["size"] != sizes[ph["sha256"]]:
                        raise refuse(
                            f"{rec['id']}: photos[{i}].size", "与照片文件大小不符", "differs from the photo file's size"
                        )
            if forms is None:
                uniq = {(r["form"]["id"], r["form"]["version"], r["form"]["sha256"]) for r in prepared}
                forms = [{"id": i, "version": v, "sha256": s} for i, v, s in sorted(uniq)]
            inspections = []
            for rec in sorted(prepared, key=lambda r: (r["id"], r["revision"])):
                name = spec.record_member(rec["id"], rec["revision"])
                data = dumps(rec, member=name)
                zf.writestr(_info(name, when, zipfile.ZIP_STORED, len(data)), data)
                members.append({"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
                inspections.append(
                    {"id": rec["id"], "revision": rec["revision"], "station_code": rec["station_code"], "member": name}
                )
            manifest = {
                "format": spec.FORMAT,
                "format_version": spec.FORMAT_VERSION,
                "bundle_id": bundle_id,
                "created_at": created_at,
                "inspector": {
                    "name": inspector.get("name", ""),
                    "unit": inspector.get("unit", ""),
                    "phone": inspector.get("phone", "") or "",
                    "key_id": secret_key.key_id,
                },
                "device_id": device_id,
                "sequence": sequence,
                "previous_manifest_sha256": previous_manifest_sha256,
                "forms": forms,
                "inspections": inspections,
                "members": sorted(members, key=lambda m: m["name"]),
            }
            validate_manifest(manifest)
            manifest_bytes = dumps(manifest, member=spec.MANIFEST)
            zf.writestr(_info(spec.MANIFEST, when, zipfile.ZIP_STORED, len(manifest_bytes)), manifest_bytes)
            sig = secret_key.sign(
                manifest_bytes,
                trusted_comment=trusted_comment(bundle_id, sequence, secret_key.key_id),
                untrusted_comment=untrusted_comment(secret_key.key_id),
            )
            zf.writestr(_info(spec.SIGNATURE, when, zipfile.ZIP_STORED, len(sig)), sig)
            zf.close()
            raw.flush()
            if not encrypted:  # the private plaintext is thrown away: only the age file must last
                os.fsync(raw.fileno())
        if encrypted:
            # encrypted first: the zip is then verified while the drive writes the ciphertext out
            _encrypt(inner, tmp, recipients, tick)
            syncing = _Fsync(tmp)
        base = done
        vb = verify_bundle(
            inner,
            public_keys={secret_key.key_id: secret_key.public},
            progress=lambda d, _t: tick(base + d - done),
            cancelled=cancelled,
        )
        if syncing is not None:
            syncing.wait()
            vb.sealed_id = _read_back(tmp, inner.stat().st_size, recipients, tick)
        if before_rename is not None:
            before_rename(vb)
        if final.exists():
            raise refuse(final.name, "目标文件已存在", "a file with this name already exists")
        os.replace(tmp, final)
        fsync_dir(out)
    except BaseException as exc:
        if syncing is not None:  # its file handle must be closed before the file can go (Windows)
            syncing.join()
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, BundleError | KeyboardInterrupt | SystemExit):
            raise
        if isinstance(exc, zipfile.LargeZipFile):
            raise BundleError(
                "数据包超过 4 GiB，请分批导出", message_en="the bundle would exceed 4 GiB; export fewer inspections"
            ) from exc
        if isinstance(exc, OSError):
            raise BundleError(
                f"写入数据包失败：{exc.strerror or exc}（{exc.filename or out}）",
                message_en=f"cannot write the bundle: {exc.strerror or exc} ({exc.filename or out})",
            ) from exc
        raise
    finally:
        if encrypted:
            with contextlib.suppress(OSError):
                inner.unlink()
    if progress is not None:
        progress(total, total)
    vb.path = final
    vb.encrypted = encrypted
    return vb


def _encrypt(inner: Path, dest: Path, recipients: Sequence[str], tick: Callable[[int], None]) -> None:
    tick(0)  # a cancel asked while the zip was verified stops here
    try:
        agecrypt.encrypt_file(inner, dest, recipients)
    except (pyrage.EncryptError, pyrage.RecipientError) as exc:
        raise refuse("age", f"加密失败：{exc}", f"encryption failed: {exc}") from None
    tick(inner.stat().st_size)


class _Fsync(threading.Thread):
    """Flushes a written file to the drive in the background: the wait is on the drive, so
    this process can go on (verifying) meanwhile; :meth:`wait` re-raises what the flush met."""

    def __init__(self, path: Path):
        super().__init__(name="bundle-fsync", daemon=True)
        self.path = path
        self.error: OSError | None = None
        self.start()

    def run(self) -> None:
        try:
            fsync_file(self.path)
        except OSError as exc:
            self.error = exc

    def wait(self) -> None:
        self.join()
        if self.error is not None:
            raise self.error


def _read_back(path: Path, plaintext: int, recipients: Sequence[str], tick: Callable[[int], None]) -> str:
    """The written ciphertext read back: its header names every recipient and its size is what
    age makes of the zip (age authenticates every chunk: a reader finds any damage); returns
    its ``agecrypt.sealed_id`` (what crash recovery compares)."""
    with open(path, "rb") as f:
        if agecrypt.x25519_stanzas(agecrypt.read_header(f)) != len(recipients):
            raise refuse("age", "加密文件头的接收方数目不对", "the age header has the wrong number of recipients")
        want = agecrypt.encrypted_size(agecrypt.header_length(f), plaintext)
        if os.fstat(f.fileno()).st_size != want:
            raise refuse(
                "age",
                "读回的加密文件大小不对（存储设备可能有故障）",
                "the encrypted file read back has the wrong size (a faulty drive?)",
            )
    tick(plaintext)
    return agecrypt.sealed_id(path)
