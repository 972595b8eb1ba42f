"""Verify a bundle without extracting anything to disk.

Order (docs/bundle-format.md, "Verification"): the zip container
(zipscan.scan: structure, names, entry kinds, overlaps, limits); then the
minisign signature over the exact ``manifest.json`` bytes, before those bytes
are parsed; then the manifest, strictly; then every member against it. Every
refusal is a BundleError naming the member or field; nothing else escapes.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from fengqiao_desktop.bundle import spec
from fengqiao_desktop.bundle.canonical import BundleCancelled, loads_strict, refuse
from fengqiao_desktop.bundle.manifest import (
    trusted_comment,
    untrusted_comment,
    validate_manifest,
    validate_record,
)
from fengqiao_desktop.bundle.minisign import PublicKey, Signature, SignatureError
from fengqiao_desktop.bundle.zipscan import STORED, Entry, iter_member, scan
from fengqiao_desktop.errors import BundleError, KnownError

Source = str | os.PathLike | bytes | bytearray | memoryview
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PhotoMember:
    name: str
    sha256: str
    size: int


@dataclass
class VerifiedBundle:
    """A bundle that passed verification; content is re-checked whenever it is read again."""

    manifest: dict
    manifest_bytes: bytes
    manifest_sha256: str
    key_id: str
    trusted_comment: str
    signature_verified: bool
    records: dict[str, dict]  # member name -> inspection record
    photos: dict[str, PhotoMember]  # member name -> photo
    path: Path | None = None
    encrypted: bool = False  # written as v2: ``path`` is the age file, not the zip verified
    sealed_id: str | None = None  # of the encrypted file written (``agecrypt.sealed_id``), by the writer
    _data: bytes | None = field(default=None, repr=False)
    _entries: dict[str, Entry] = field(default_factory=dict, repr=False)
    _record_bytes: dict[str, bytes] = field(default_factory=dict, repr=False)  # kept from verification

    @property
    def bundle_id(self) -> str:
        return self.manifest["bundle_id"]

    @property
    def sequence(self) -> int:
        return self.manifest["sequence"]

    @property
    def device_id(self) -> str:
        return self.manifest["device_id"]

    @property
    def previous_manifest_sha256(self) -> str | None:
        return self.manifest["previous_manifest_sha256"]

    @property
    def inspector(self) -> dict:
        return self.manifest["inspector"]

    @property
    def inspections(self) -> list[dict]:
        return self.manifest["inspections"]

    @property
    def forms(self) -> list[dict]:
        return self.manifest["forms"]

    def read_from(self, path: Path) -> None:
        """Read members from ``path``, a byte-identical copy of what was verified, instead of the
        bytes kept in memory (each member is checked again as it is read)."""
        self._data, self.path = None, path

    def forget_records(self) -> None:
        """Drop the parsed records and their verified bytes, once the caller has made what it needs
        of them (a merge's revisions): ``records`` is empty afterwards and ``record_text`` reads
        and checks a member again."""
        self.records, self._record_bytes = {}, {}

    def _open(self) -> BinaryIO:
        if self._data is not None:
            return io.BytesIO(self._data)
        assert self.path is not None
        return open(self.path, "rb")  # noqa: SIM115 - closed by the callers' with

    def iter_member(self, name: str) -> Iterator[bytes]:
        """Stream a member's bytes, checking its sha256 against the manifest at the end."""
        want = next((m for m in self.manifest["members"] if m["name"] == name), None)
        if want is None or name not in self._entries:
            raise refuse(name, "数据包中没有此条目", "no such member in the bundle")
        h = hashlib.sha256()
        try:
            with self._open() as f:
                for chunk in iter_member(f, self._entries[name], want["size"]):
                    h.update(chunk)
                    yield chunk
        except OSError as exc:
            raise refuse(name, f"读取失败：{exc}", f"cannot be read: {exc}") from None
        if h.hexdigest() != want["sha256"]:
            raise refuse(name, "内容在校验后被改动（sha256 不符）", "changed since verification (sha256 mismatch)")

    def read_member(self, name: str) -> bytes:
        entry = self._entries.get(name)
        if self._data is not None and entry is not None and entry.method == STORED:
            # verified from bytes in memory, which cannot have changed since: no second check
            return self._data[entry.data_offset : entry.data_offset + entry.size]
        return b"".join(self.iter_member(name))

    def record_text(self, name: str) -> str:
        """A record member's text: the bytes verified (canonical JSON), else read and checked again."""
        data = self._record_bytes.get(name)
        return (data if data is not None else self.read_member(name)).decode("utf-8")

    def read_photo(self, name_or_sha256: str) -> bytes:
        """A photo's JPEG bytes, by member name or sha256, re-verified."""
        name = name_or_sha256 if "/" in name_or_sha256 else spec.photo_member(name_or_sha256)
        if name not in self.photos:
            raise refuse(name, "数据包中没有此照片", "no such photo in the bundle")
        return self.read_member(name)

    def copy_member_to(self, name: str, dest: BinaryIO) -> int:
        """Stream a member into an open binary file; returns the byte count."""
        n = 0
        for chunk in self.iter_member(name):
            dest.write(chunk)
            n += len(chunk)
        return n


def load_trusted_keys(directory: str | os.PathLike) -> dict[str, PublicKey]:
    """Every ``*.pub`` file in a directory, by key id (a bad file is a KeyError_ naming it)."""
    keys: dict[str, PublicKey] = {}
    for p in sorted(Path(directory).glob("*.pub")):
        pk = PublicKey.load(p)
        keys[pk.key_id] = pk
    return keys


def verify_bundle(
    source: Source,
    *,
    public_keys: Mapping[str, PublicKey] | None = None,
    limits: spec.Limits = spec.Limits(),
    check_signature: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> VerifiedBundle:
    """Verify a bundle file (path) or its bytes; refusals are BundleError naming the problem.

    ``public_keys`` maps key ids to trusted public keys; the signer must be one
    of them. ``check_signature=False`` (for ``bundle show`` only) skips the
    signature check and marks the result ``signature_verified=False``.
    """
    try:
        if isinstance(source, bytes | bytearray | memoryview):
            data = bytes(source)
            with io.BytesIO(data) as f:
                vb = _verify(f, len(data), public_keys, limits, check_signature, progress, cancelled)
            vb._data = data
            return vb
        path = Path(source)
        with open(path, "rb") as f:
            vb = _verify(f, os.fstat(f.fileno()).st_size, public_keys, limits, check_signature, progress, cancelled)
        vb.path = path
        return vb
    except BundleError:
        raise
    except KnownError as exc:
        raise BundleError(exc.message, message_en=exc.message_en) from exc
    except OSError as exc:
        where = "" if isinstance(source, bytes | bytearray | memoryview) else f" {os.fspath(source)!s}"
        raise BundleError(
            f"无法读取数据包{where}: {exc.strerror or exc}",
            message_en=f"cannot read bundle{where}: {exc.strerror or exc}",
        ) from exc
    except Exception as exc:  # noqa: BLE001 - the contract: only BundleError escapes
        raise BundleError(
            f"数据包无效：{type(exc).__name__}: {exc}", message_en=f"invalid bundle: {type(exc).__name__}: {exc}"
        ) from exc


def _read_whole(f: BinaryIO, entry: Entry, cap: int) -> bytes:
    return b"".join(iter_member(f, entry, cap))


def _verify(
    f: BinaryIO,
    size: int,
    public_keys: Mapping[str, PublicKey] | None,
    limits: spec.Limits,
    check_signature: bool,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> VerifiedBundle:
    entries = scan(f, size, limits)
    for required in (spec.MANIFEST, spec.SIGNATURE):
        if required not in entries:
            raise refuse(required, "数据包缺少此条目", "missing from the bundle")
    sig_bytes = _read_whole(f, entries[spec.SIGNATURE], limits.max_signature_size)
    manifest_bytes = _read_whole(f, entries[spec.MANIFEST], limits.max_json_size)
    try:
        sig = Signature.parse(sig_bytes, strict=True)
    except SignatureError as exc:
        raise refuse(spec.SIGNATURE, f"签名文件格式不正确（{exc}）", f"malformed signature ({exc})") from None

    # the signature first: not one byte of the manifest is interpreted before this
    if check_signature:
        if public_keys is None:
            raise refuse(spec.SIGNATURE, "未提供可信公钥，无法校验签名", "no trusted public keys given")
        pk = public_keys.get(sig.key_id)
        if pk is None:
            untrusted = refuse(
                spec.SIGNATURE,
                f"签名密钥 {sig.key_id} 不在可信公钥中",
                f"signed by key {sig.key_id}, which is not trusted",
            )
            untrusted.kind = "untrusted_key"
            raise untrusted
        try:
            sig.verify(pk, manifest_bytes)
        except SignatureError as exc:
            raise refuse(
                spec.SIGNATURE, f"签名与 {spec.MANIFEST} 不符（{exc}）", f"does not verify {spec.MANIFEST} ({exc})"
            ) from None

    manifest = validate_manifest(
        loads_strict(
            manifest_bytes,
            member=spec.MANIFEST,
            max_size=limits.max_json_size,
            max_depth=limits.max_depth,
            require_canonical=True,
        )
    )
    if manifest["inspector"]["key_id"] != sig.key_id:
        raise refuse(
            f"{spec.MANIFEST}: inspector.key_id",
            f"与签名密钥 {sig.key_id} 不一致",
            f"differs from the signing key {sig.key_id}",
        )
    if sig.trusted_comment != trusted_comment(manifest["bundle_id"], manifest["sequence"], sig.key_id):
        raise refuse(spec.SIGNATURE, "可信注释与清单不一致", "the trusted comment does not match the manifest")
    if sig.untrusted_comment != untrusted_comment(sig.key_id):
        raise refuse(spec.SIGNATURE, "未签名注释不符合 v1 规定", "the untrusted comment differs from what v1 requires")

    listed = {m["name"]: m for m in manifest["members"]}
    present = set(entries) - {spec.MANIFEST, spec.SIGNATURE}
    for name in sorted(present - set(listed)):
        raise refuse(name, "条目不在清单中", "member is not listed in the manifest")
    for name in sorted(set(listed) - present):
        raise refuse(name, "清单列出的条目在数据包中缺失", "listed in the manifest but missing from the bundle")
    for name, m in listed.items():
        if entries[name].size != m["size"]:
            raise refuse(
                name,
                f"大小与清单不符（{entries[name].size} ≠ {m['size']}）",
                f"size differs from the manifest ({entries[name].size} != {m['size']})",
            )
        photo = spec.PHOTO_NAME_RE.match(name)
        if photo and entries[name].method != STORED:
            raise refuse(name, "照片必须以存储方式（不压缩）保存", "photos must be stored, not deflated")
        if photo and photo.group(1) != m["sha256"]:
            raise refuse(name, "名称中的 sha256 与清单不符", "the sha256 in the name differs from the manifest")

    by_inspection = {e["member"]: e for e in manifest["inspections"]}
    records: dict[str, dict] = {}
    record_bytes: dict[str, bytes] = {}
    photos: dict[str, PhotoMember] = {}
    total = sum(m["size"] for m in listed.values())
    done = 0
    for entry in sorted((entries[n] for n in listed), key=lambda e: e.data_offset):
        name, want = entry.name, listed[entry.name]
        is_record = name.startswith(spec.RECORDS_DIR)
        cap = limits.max_json_size if is_record else limits.max_member_size
        h = hashlib.sha256()
        parts: list[bytes] = []
        for chunk in iter_member(f, entry, cap):
            if cancelled is not None and cancelled():
                raise BundleCancelled()
            h.update(chunk)
            if is_record:
                parts.append(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total)
        if h.hexdigest() != want["sha256"]:
            raise refuse(name, "sha256 与清单不符（内容被改动）", "sha256 differs from the manifest (content changed)")
        if is_record:
            record_bytes[name] = b"".join(parts)
            record = validate_record(
                loads_strict(
                    record_bytes[name],
                    member=name,
                    max_size=limits.max_json_size,
                    max_depth=limits.max_depth,
                    require_canonical=True,
                ),
                name,
                text=record_bytes[name],
            )
            listed_as = by_inspection[name]
            for key in ("id", "revision", "station_code"):
                if record[key] != listed_as[key]:
                    raise refuse(
                        f"{name}: {key}",
                        "与清单中的 inspections 条目不一致",
                        "differs from the manifest's inspections entry",
                    )
            records[name] = record
        else:
            photos[name] = PhotoMember(name, want["sha256"], want["size"])

    for name, record in records.items():
        for i, ph in enumerate(record["photos"]):
            target = photos.get(ph["member"])
            if target is None:
                raise refuse(
                    f"{name}: photos[{i}].member",
                    f"引用的照片 {ph['member']} 不在数据包中",
                    f"refers to {ph['member']}, which is not in the bundle",
                )
            if target.size != ph["size"]:
                raise refuse(
                    f"{name}: photos[{i}].size", "与照片条目的大小不符", "differs from the photo member's size"
                )
    return VerifiedBundle(
        manifest=manifest,
        manifest_bytes=manifest_bytes,
        manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
        key_id=sig.key_id,
        trusted_comment=sig.trusted_comment,
        signature_verified=check_signature,
        records=records,
        photos=photos,
        _entries=entries,
        _record_bytes=record_bytes,
    )


def manifest_sha256(manifest_bytes: bytes) -> str:
    return hashlib.sha256(manifest_bytes).hexdigest()


def summary(vb: VerifiedBundle) -> dict[str, Any]:
    """A plain summary (for `bundle show`/`verify` and the UI)."""
    return {
        "bundle_id": vb.bundle_id,
        "sequence": vb.sequence,
        "device_id": vb.device_id,
        "created_at": vb.manifest["created_at"],
        "inspector": vb.inspector,
        "key_id": vb.key_id,
        "previous_manifest_sha256": vb.previous_manifest_sha256,
        "manifest_sha256": vb.manifest_sha256,
        "inspections": len(vb.inspections),
        "photos": len(vb.photos),
        "forms": len(vb.forms),
        "signature_verified": vb.signature_verified,
    }
