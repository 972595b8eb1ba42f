"""Write a signed task pack the way a bundle is written: temporary name, fsync, verify, rename.

The zip entries, the canonical JSON and the minisign signature are made with the
bundle package's helpers; the pack is read back and verified under its temporary
name before it appears under its final ``.fqpack`` name.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import uuid
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fengqiao_desktop.bundle.canonical import dumps
from fengqiao_desktop.bundle.manifest import utc_now_iso
from fengqiao_desktop.bundle.minisign import SecretKey
from fengqiao_desktop.bundle.writer import PARTIAL_SUFFIX, _info, _zip_time
from fengqiao_desktop.errors import BundleError, PackError
from fengqiao_desktop.fsutil import fsync_dir
from fengqiao_desktop.packs import spec
from fengqiao_desktop.packs.content import validate_manifest
from fengqiao_desktop.packs.verifier import VerifiedPack, verify_pack


@dataclass
class PackContent:
    """What a pack carries, as plain JSON-ready data (see docs/pack-format.md)."""

    inspector_key_id: str
    stations: list[dict] = field(default_factory=list)
    counties: list[str] = field(default_factory=list)
    forms: Mapping[str, bytes] = field(default_factory=dict)  # sha256 -> canonical form JSON
    assignments: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    returned: list[dict] = field(default_factory=list)


def _members(content: PackContent, public_text: str) -> dict[str, bytes]:
    out = {
        spec.BUREAU_PUB: public_text.encode("utf-8"),
        spec.ROSTER: dumps(
            {"counties": sorted(content.counties), "stations": sorted(content.stations, key=lambda s: s["code"])},
            member=spec.ROSTER,
        ),
        spec.ASSIGNMENTS: dumps({"assignments": content.assignments}, member=spec.ASSIGNMENTS),
        spec.FINDINGS: dumps({"findings": content.findings}, member=spec.FINDINGS),
        spec.RETURNED: dumps({"returned": content.returned}, member=spec.RETURNED),
    }
    for sha, data in content.forms.items():
        out[spec.form_member(sha)] = bytes(data)
    return out


def write_pack(
    out_dir: str | os.PathLike,
    content: PackContent,
    *,
    secret_key: SecretKey,
    bureau_id: str,
    bureau_name: str,
    bureau_unit: str,
    sequence: int,
    pack_id: str | None = None,
    created_at: str | None = None,
    age_recipients: Sequence[str] = (),
) -> VerifiedPack:
    """Write, verify and return a new pack in ``out_dir`` (``.path`` is its final name).

    ``age_recipients`` (the bureau's, then escrow ones) tell the laptop whom to encrypt
    its bundles to; left out of the manifest when empty, as in packs made before."""
    out = Path(out_dir)
    pack_id = pack_id or str(uuid.uuid4())
    created_at = created_at or utc_now_iso()
    final = out / spec.pack_file_name(created_at, content.inspector_key_id, sequence)
    tmp = out / f".{final.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}"
    pk = secret_key.public
    members = _members(content, pk.file_text(f"minisign public key {pk.key_id} fengqiao bureau"))
    manifest = {
        "format": spec.FORMAT,
        "format_version": spec.FORMAT_VERSION,
        "pack_id": pack_id,
        "created_at": created_at,
        "sequence": sequence,
        "inspector_key_id": content.inspector_key_id,
        "bureau": {
            "id": bureau_id,
            "name": bureau_name,
            "unit": bureau_unit,
            "key_id": pk.key_id,
            "public_key": pk.line(),
            **({"age_recipients": list(age_recipients)} if age_recipients else {}),
        },
        "counts": {
            "stations": len(content.stations),
            "forms": len(content.forms),
            "assignments": len(content.assignments),
            "findings": len(content.findings),
            "returned": len(content.returned),
        },
        "members": sorted(
            ({"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in members.items()),
            key=lambda m: str(m["name"]),
        ),
    }
    try:
        validate_manifest(manifest)
    except BundleError as exc:  # a bug in the builder, named plainly
        raise PackError(exc.message, message_en=exc.message_en, kind="build") from exc
    manifest_bytes = dumps(manifest, member=spec.MANIFEST)
    sig = secret_key.sign(
        manifest_bytes,
        trusted_comment=spec.trusted_comment(pack_id, bureau_id, sequence, content.inspector_key_id, pk.key_id),
        untrusted_comment=spec.untrusted_comment(pk.key_id),
    )
    when = _zip_time(created_at)
    if final.exists():
        raise PackError(
            f"目标文件已存在：{final.name}", message_en=f"a file named {final.name} already exists", kind="build"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
        with open(tmp, "xb") as raw, zipfile.ZipFile(raw, "w", allowZip64=False) as zf:
            for name in sorted(members):
                zf.writestr(_info(name, when, zipfile.ZIP_STORED, len(members[name])), members[name])
            zf.writestr(_info(spec.MANIFEST, when, zipfile.ZIP_STORED, len(manifest_bytes)), manifest_bytes)
            zf.writestr(_info(spec.SIGNATURE, when, zipfile.ZIP_STORED, len(sig)), sig)
            zf.close()
            raw.flush()
            os.fsync(raw.fileno())
        vp = verify_pack(tmp, pinned=pk)
        os.replace(tmp, final)
        fsync_dir(out)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise PackError(
                f"写入任务包失败：{exc.strerror or exc}",
                message_en=f"cannot write the task pack: {exc.strerror or exc}",
                kind="build",
                detail=str(exc.filename or out),
            ) from exc
        raise
    vp.path = final
    return vp
