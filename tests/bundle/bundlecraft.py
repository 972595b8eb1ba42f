"""Hand-made zips and bundles for the refusal tests: every header field under the test's control."""

from __future__ import annotations

import hashlib
import struct
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path

import rfc8785

from fengqiao_desktop.bundle import spec
from fengqiao_desktop.bundle.manifest import trusted_comment, untrusted_comment
from fengqiao_desktop.bundle.minisign import SecretKey
from fengqiao_desktop.bundle.writer import write_bundle

LOC = struct.Struct("<4sHHHHHIIIHH")
CEN = struct.Struct("<4sHHHHHHIIIHHHHHII")
EOCD = struct.Struct("<4sHHHHIIH")


@dataclass
class M:
    """One zip member as it will be written (defaults: what a v1 bundle requires)."""

    name: str | bytes
    data: bytes
    method: int = 0
    flags: int = 0
    made_by: int = 0x0314
    need: int = 20
    external_attr: int = 0o100644 << 16
    size: int | None = None  # declared uncompressed size, when lying on purpose

    @property
    def raw_name(self) -> bytes:
        return self.name if isinstance(self.name, bytes) else self.name.encode("utf-8")

    def payload(self) -> bytes:
        if self.method == 8:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            return c.compress(self.data) + c.flush()
        return self.data


def local_record(m: M, payload: bytes) -> bytes:
    size = len(m.data) if m.size is None else m.size
    return (
        LOC.pack(
            b"PK\x03\x04",
            m.need,
            m.flags,
            m.method,
            0,
            0x21,
            zlib.crc32(m.data),
            len(payload),
            size,
            len(m.raw_name),
            0,
        )
        + m.raw_name
        + payload
    )


def central_record(m: M, payload: bytes, offset: int) -> bytes:
    size = len(m.data) if m.size is None else m.size
    return (
        CEN.pack(
            b"PK\x01\x02",
            m.made_by,
            m.need,
            m.flags,
            m.method,
            0,
            0x21,
            zlib.crc32(m.data),
            len(payload),
            size,
            len(m.raw_name),
            0,
            0,
            0,
            0,
            m.external_attr,
            offset,
        )
        + m.raw_name
    )


def build_zip(members: list[M], *, extra_central: bytes = b"", extra_count: int = 0) -> bytes:
    out = bytearray()
    central = bytearray()
    for m in members:
        payload = m.payload()
        central += central_record(m, payload, len(out))
        out += local_record(m, payload)
    cd_offset = len(out)
    central += extra_central
    n = len(members) + extra_count
    out += central
    out += EOCD.pack(b"PK\x05\x06", 0, 0, n, n, len(central), cd_offset, 0)
    return bytes(out)


def manifest_for(members: dict[str, bytes], sk: SecretKey, *, sequence: int = 1, bundle_id: str | None = None) -> dict:
    inspections = []
    for name in sorted(members):
        mm = spec.RECORD_NAME_RE.match(name)
        if mm:
            inspections.append(
                {"id": mm.group(1), "revision": int(mm.group(2)), "station_code": "620102001001", "member": name}
            )
    return {
        "format": spec.FORMAT,
        "format_version": 1,
        "bundle_id": bundle_id or str(uuid.uuid4()),
        "created_at": "2026-05-01T08:00:00Z",
        "inspector": {"name": "张三", "unit": "城关区", "phone": "", "key_id": sk.key_id},
        "device_id": "laptop-1",
        "sequence": sequence,
        "previous_manifest_sha256": None if sequence == 1 else "0" * 64,
        "forms": [{"id": "five-haves", "version": "1", "sha256": "b" * 64}],
        "inspections": inspections,
        "members": [
            {"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in sorted(members.items())
        ],
    }


def sign(sk: SecretKey, manifest_bytes: bytes, manifest: dict | None = None) -> bytes:
    bid = manifest["bundle_id"] if manifest else "00000000-0000-0000-0000-000000000000"
    seq = manifest["sequence"] if manifest else 1
    return sk.sign(
        manifest_bytes,
        trusted_comment=trusted_comment(bid, seq, sk.key_id),
        untrusted_comment=untrusted_comment(sk.key_id),
    )


def signed_bundle(
    sk: SecretKey,
    members: dict[str, bytes],
    *,
    manifest: dict | None = None,
    manifest_bytes: bytes | None = None,
    extra: list[M] | None = None,
    omit: tuple[str, ...] = (),
    json_method: int = 0,
) -> bytes:
    """A bundle whose manifest is signed by ``sk``; pieces can be made wrong on purpose."""
    manifest = manifest if manifest is not None else manifest_for(members, sk)
    if manifest_bytes is None:
        manifest_bytes = rfc8785.dumps(manifest)
    zm = [
        M(n, d, method=json_method if n.endswith(".json") else 0) for n, d in sorted(members.items()) if n not in omit
    ]
    zm.append(M(spec.MANIFEST, manifest_bytes))
    zm.append(M(spec.SIGNATURE, sign(sk, manifest_bytes, manifest)))
    return build_zip(zm + list(extra or []))


def record(
    inspection_id: str | None = None,
    revision: int = 1,
    photos: list[dict] | None = None,
    key_id: str = "0123456789ABCDEF",
) -> dict:
    return {
        "format": "fengqiao.inspection",
        "format_version": 1,
        "id": inspection_id or str(uuid.uuid4()),
        "revision": revision,
        "visit_id": None,
        "station_code": "620102001001",
        "form": {"id": "five-haves", "version": "1", "sha256": "b" * 64},
        "inspector": {"name": "张三", "unit": "城关区", "key_id": key_id},
        "status": "completed",
        "created_at": "2026-05-01T08:00:00Z",
        "updated_at": "2026-05-01T09:00:00Z",
        "completed_at": "2026-05-01T09:00:00Z",
        "answers": {"jigou": {"value": True, "note": "牌子齐全", "na": False}},
        "photos": photos or [],
        "findings": [],
        "score": {"total": 5, "max": 5, "verdict": "pass", "sections": []},
        "audit": [],
    }


def photo_entry(data: bytes, item_id: str = "jigou") -> dict:
    sha = hashlib.sha256(data).hexdigest()
    return {
        "sha256": sha,
        "original_sha256": sha,
        "item_id": item_id,
        "caption": "门牌",
        "captured_at": "2026-05-01T08:30:00Z",
        "member": spec.photo_member(sha),
        "size": len(data),
    }


def simple_members(photo: bytes = b"\xff\xd8fake-jpeg\xff\xd9") -> dict[str, bytes]:
    rec = record(photos=[photo_entry(photo)])
    return {
        spec.record_member(rec["id"], rec["revision"]): rfc8785.dumps(rec),
        spec.photo_member(hashlib.sha256(photo).hexdigest()): photo,
    }


def entry_for(sha: str, path: Path, item_id: str = "jigou") -> dict:
    """A record's photo entry for a file, without reading it (tests may damage it later)."""
    return {
        "sha256": sha,
        "original_sha256": sha,
        "item_id": item_id,
        "caption": "门牌",
        "captured_at": "2026-05-01T08:30:00Z",
        "member": f"photos/{sha}.jpg",
        "size": path.stat().st_size if path.exists() else 1,
    }


def write_example(out_dir: Path, sk: SecretKey, photo_files: dict[str, Path], **kw) -> Path:
    shas = sorted(photo_files)
    r1 = record(key_id=sk.key_id, photos=[entry_for(s, photo_files[s]) for s in shas[:2]])
    r2 = record(key_id=sk.key_id, revision=3, photos=[entry_for(shas[2], photo_files[shas[2]], "renyuan")])
    args = dict(
        records=[r1, r2],
        read_photo=lambda sha: photo_files[sha].read_bytes(),
        inspector={"name": "张三", "unit": "城关区退役军人事务局", "phone": "13800000000"},
        device_id="laptop-7f3a",
        sequence=1,
        previous_manifest_sha256=None,
        secret_key=sk,
    )
    args.update(kw)
    return write_bundle(out_dir, **args)
