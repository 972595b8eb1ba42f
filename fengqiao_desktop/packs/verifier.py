"""Verify a task pack without extracting anything, in the bundle verifier's order.

The zip container is scanned (``bundle.zipscan``); the signer's public key
(``bureau.pub``) and the signature are read; the signature is checked over the
exact manifest bytes before they are parsed, with the *pinned* key when the
laptop has one (any other signer is refused) or else with the key the pack
carries (its fingerprint is then shown to the inspector before anything is
applied); then the manifest, then every member against it, then the content.
Every refusal is a PackError saying what is wrong and what to do; the member or
field at fault is in ``detail``.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fengqiao_desktop.bundle.canonical import loads_strict, refuse
from fengqiao_desktop.bundle.minisign import PublicKey, Signature, SignatureError
from fengqiao_desktop.bundle.zipscan import iter_member, scan
from fengqiao_desktop.errors import BundleError, KnownError, PackError
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.packs import spec
from fengqiao_desktop.packs.content import VALIDATORS, validate_manifest

Source = str | os.PathLike | bytes | bytearray | memoryview

_ASK_AGAIN = ("请向县局重新索取任务包。", "Ask the bureau for the task pack again.")


def damaged(detail: str) -> PackError:
    return PackError(
        "任务包已损坏或被改动，未作任何更改。" + _ASK_AGAIN[0],
        message_en="The task pack is damaged or was altered; nothing was changed. " + _ASK_AGAIN[1],
        kind="damaged",
        detail=detail,
    )


def not_a_pack(detail: str) -> PackError:
    return PackError(
        "所选文件不是任务包（.fqpack），或文件不完整，未作任何更改。",
        message_en="The file is not a task pack (.fqpack), or it is incomplete; nothing was changed.",
        kind="not_a_pack",
        detail=detail,
    )


def wrong_signer(pinned: PublicKey, found: str) -> PackError:
    return PackError(
        f"任务包不是由本机信任的县局密钥签发的（签发密钥 {found}，本机信任 {pinned.key_id}），未作任何更改。"
        "请确认任务包来自本县局；如县局确已更换密钥，请联系县局核对。",
        message_en=f"The task pack was not signed by the bureau key this laptop trusts (signed by {found}, "
        f"trusted {pinned.key_id}); nothing was changed. Make sure it comes from your bureau; "
        "if the bureau replaced its key, check with the bureau.",
        kind="signer",
        detail=found,
    )


@dataclass
class VerifiedPack:
    """A pack that passed verification: its manifest, signer and parsed content."""

    manifest: dict
    manifest_sha256: str
    public_key: PublicKey
    roster: dict
    assignments: list[dict]
    findings: list[dict]
    returned: list[dict]
    forms: dict[str, FormDef]  # sha256 -> form
    path: Path | None = None
    member_sha256: dict[str, str] = field(default_factory=dict)

    @property
    def pack_id(self) -> str:
        return self.manifest["pack_id"]

    @property
    def sequence(self) -> int:
        return self.manifest["sequence"]

    @property
    def bureau(self) -> dict:
        return self.manifest["bureau"]

    @property
    def inspector_key_id(self) -> str:
        return self.manifest["inspector_key_id"]

    @property
    def stations(self) -> list[dict]:
        return self.roster["stations"]


def verify_pack(source: Source, *, pinned: PublicKey | None = None) -> VerifiedPack:
    """Verify a pack file (path) or its bytes; refusals are PackError, nothing else escapes."""
    try:
        if isinstance(source, bytes | bytearray | memoryview):
            data = bytes(source)
            with io.BytesIO(data) as f:
                return _verify(f, len(data), pinned)
        path = Path(source)
        with open(path, "rb") as f:
            vp = _verify(f, os.fstat(f.fileno()).st_size, pinned)
        vp.path = path
        return vp
    except PackError:
        raise
    except BundleError as exc:
        if exc.member == "zip":
            raise not_a_pack(exc.message_en) from exc
        raise damaged(exc.message_en) from exc
    except KnownError as exc:
        raise damaged(exc.message_en) from exc
    except OSError as exc:
        raise PackError(
            f"无法读取任务包：{exc.strerror or exc}",
            message_en=f"cannot read the task pack: {exc.strerror or exc}",
            kind="unreadable",
            detail=str(exc.filename or ""),
        ) from exc
    except Exception as exc:  # noqa: BLE001 - the contract: only PackError escapes
        raise damaged(f"{type(exc).__name__}: {exc}") from exc


def _read(f, entries, name: str, cap: int) -> bytes:
    if name not in entries:
        raise refuse(name, "任务包缺少此条目", "missing from the pack")
    return b"".join(iter_member(f, entries[name], cap))


def _verify(f, size: int, pinned: PublicKey | None) -> VerifiedPack:
    limits = spec.LIMITS
    entries = scan(f, size, limits)
    if spec.MANIFEST not in entries or spec.SIGNATURE not in entries:
        raise not_a_pack("manifest.json or its signature is missing")
    sig_bytes = _read(f, entries, spec.SIGNATURE, limits.max_signature_size)
    if f"\n{spec.TRUSTED_COMMENT_TAG} ".encode() not in sig_bytes.replace(b"trusted comment: ", b"\n"):
        # only to choose the message: a bundle (or any other signed zip) is not a damaged pack
        raise not_a_pack("the signature's trusted comment is not a task pack's")
    pub_bytes = _read(f, entries, spec.BUREAU_PUB, 4096)
    manifest_bytes = _read(f, entries, spec.MANIFEST, limits.max_json_size)
    try:
        sig = Signature.parse(sig_bytes, strict=True)
    except SignatureError as exc:
        raise refuse(spec.SIGNATURE, f"签名文件格式不正确（{exc}）", f"malformed signature ({exc})") from None
    carried = PublicKey.from_text(pub_bytes.decode("utf-8"))

    # the signer first: not one byte of the manifest is interpreted before this
    if pinned is not None and (sig.key_id != pinned.key_id or carried != pinned):
        raise wrong_signer(pinned, sig.key_id)
    key = pinned or carried
    try:
        sig.verify(key, manifest_bytes)
    except SignatureError as exc:
        raise refuse(spec.SIGNATURE, f"签名与清单不符（{exc}）", f"does not verify the manifest ({exc})") from None

    manifest = validate_manifest(
        loads_strict(
            manifest_bytes,
            member=spec.MANIFEST,
            max_size=limits.max_json_size,
            max_depth=limits.max_depth,
            require_canonical=True,
        )
    )
    bureau = manifest["bureau"]
    if bureau["key_id"] != sig.key_id or bureau["public_key"] != key.line():
        raise refuse(f"{spec.MANIFEST}: bureau", "与签名密钥不一致", "differs from the signing key")
    expected = spec.trusted_comment(
        manifest["pack_id"], bureau["id"], manifest["sequence"], manifest["inspector_key_id"], sig.key_id
    )
    if sig.trusted_comment != expected:
        raise refuse(spec.SIGNATURE, "可信注释与清单不一致", "the trusted comment does not match the manifest")

    listed = {m["name"]: m for m in manifest["members"]}
    present = set(entries) - {spec.MANIFEST, spec.SIGNATURE}
    for name in sorted(present - set(listed)):
        raise refuse(name, "条目不在清单中", "member is not listed in the manifest")
    for name in sorted(set(listed) - present):
        raise refuse(name, "清单列出的条目在任务包中缺失", "listed in the manifest but missing from the pack")

    parsed: dict[str, Any] = {}
    forms: dict[str, FormDef] = {}
    hashes: dict[str, str] = {}
    for name in sorted(listed, key=lambda n: entries[n].data_offset):
        want = listed[name]
        data = _read(f, entries, name, limits.max_json_size)
        if len(data) != want["size"] or hashlib.sha256(data).hexdigest() != want["sha256"]:
            raise refuse(
                name,
                "sha256 或大小与清单不符（内容被改动）",
                "sha256 or size differs from the manifest (content changed)",
            )
        hashes[name] = want["sha256"]
        if name == spec.BUREAU_PUB:
            if data != pub_bytes:  # pragma: no cover - read twice from the same verified entry
                raise refuse(name, "内容前后不一致", "read differently twice")
            continue
        value = loads_strict(
            data, member=name, max_size=limits.max_json_size, max_depth=limits.max_depth, require_canonical=True
        )
        form_match = spec.FORM_NAME_RE.match(name)
        if form_match:
            form = FormDef.model_validate(value)
            if form.sha256 != form_match.group(1):
                raise refuse(name, "表单内容与其 sha256 不符", "the form's content does not match its sha256")
            forms[form.sha256] = form
        else:
            parsed[name] = VALIDATORS[name](value)

    roster_codes = {s["code"] for s in parsed[spec.ROSTER]["stations"]}
    for i, s in enumerate(parsed[spec.ROSTER]["stations"]):
        if s["parent_code"] is not None and s["parent_code"] not in roster_codes:
            raise refuse(
                f"{spec.ROSTER}: stations[{i}].parent_code",
                "上级站点不在名册中",
                "the parent station is not in the roster",
            )
    for i, a in enumerate(parsed[spec.ASSIGNMENTS]["assignments"]):
        where = f"{spec.ASSIGNMENTS}: assignments[{i}]"
        if a["inspector_key_id"] != manifest["inspector_key_id"]:
            raise refuse(where, "任务的检查人员与任务包不一致", "names another inspector than the pack")
        if a["station_code"] not in roster_codes:
            raise refuse(where, "任务的站点不在任务包名册中", "its station is not in the pack's roster")
        for ref in a["forms"]:
            if ref["sha256"] not in forms:
                raise PackError(
                    f"任务包中的任务引用了表单 {ref['id']} {ref['version']}，但任务包中没有该表单文件，"
                    "未作任何更改。请县局重新生成任务包。",
                    message_en=f"An assignment in the pack names form {ref['id']} {ref['version']}, but the "
                    "pack does not contain that form; nothing was changed. Ask the bureau to "
                    "build the pack again.",
                    kind="form_missing",
                    detail=ref["sha256"],
                )
    return VerifiedPack(
        manifest=manifest,
        manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
        public_key=key,
        roster=parsed[spec.ROSTER],
        assignments=parsed[spec.ASSIGNMENTS]["assignments"],
        findings=parsed[spec.FINDINGS]["findings"],
        returned=parsed[spec.RETURNED]["returned"],
        forms=forms,
        member_sha256=hashes,
    )
