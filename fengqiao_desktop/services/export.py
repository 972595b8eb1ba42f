"""Export completed inspections from the local database as a signed bundle.

``plan_export`` says what would go into the bundle (pure reading);
``export`` writes it. The bundle's records are built from the revision
snapshots kept at completion, so one (inspection, revision) always gives the
same record bytes, however often it is exported.

Crash safety: the sequence number is reserved in ``meta`` (``pending_export``)
before the file is written, and committed — together with every inspection's
bundle id and exported status, in ONE transaction — only after the bundle is
on disk under its final name and verified. A crash in between leaves a
pending entry; ``recover_pending_export`` (run before every plan and export)
adopts the bundle if it exists and verifies, or forgets the reservation
otherwise. So a sequence number is never used up without a valid bundle, and
the writer never leaves a half-written file under a final ``.fqbundle`` name.

Encryption (format v2): when the laptop knows the bureau's age recipients
(``services.recipients``), the bundle is encrypted to them and to the
inspector's own age recipient (made on the first encrypted export), so the
inspector can reopen it. An encrypted bundle cannot be verified again without
a key, so its pending entry also records the manifest's and the file's sha256
just before the rename; recovery adopts the file when its bytes match.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fengqiao_desktop.bundle import agecrypt
from fengqiao_desktop.bundle.keys import KeyStore
from fengqiao_desktop.bundle.manifest import utc_now_iso
from fengqiao_desktop.bundle.minisign import PublicKey
from fengqiao_desktop.bundle.verifier import verify_bundle
from fengqiao_desktop.bundle.writer import PARTIAL_SUFFIX, bundle_file_name, write_bundle_verified
from fengqiao_desktop.domain import InspectionStatus
from fengqiao_desktop.errors import BundleError, InspectionError, KnownError
from fengqiao_desktop.services.recipients import bureau_recipients
from fengqiao_desktop.services.records import stamp_signer, stored_record
from fengqiao_desktop.storage import meta
from fengqiao_desktop.storage.models import AuditEntry, Inspection, RevisionSnapshot

if TYPE_CHECKING:
    from fengqiao_desktop.services.store import LocalStore

PENDING_EXPORT = "pending_export"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PlannedRecord:
    inspection_id: str
    revision: int
    station_code: str
    photos: int
    photo_bytes: int


@dataclass
class ExportPlan:
    """What an export would carry (shown to the inspector before it runs)."""

    items: list[PlannedRecord]
    mode: str  # "new" | "since_last" | "selected"
    device_id: str
    next_sequence: int
    previous_manifest_sha256: str | None
    missing_photos: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)  # the bureau's age recipients known here

    @property
    def encrypted(self) -> bool:
        """Will the bundle be encrypted (a bureau recipient is known)?"""
        return bool(self.recipients)

    @property
    def inspections(self) -> int:
        return len({i.inspection_id for i in self.items})

    @property
    def photo_count(self) -> int:
        return sum(i.photos for i in self.items)

    @property
    def total_bytes(self) -> int:
        return sum(i.photo_bytes for i in self.items)

    @property
    def empty(self) -> bool:
        return not self.items

    def summary(self, lang: str = "zh") -> str:
        mb = self.total_bytes / 1e6
        if lang == "en":
            return (
                f"{self.inspections} inspections ({len(self.items)} revisions), "
                f"{self.photo_count} photos, {mb:.1f} MB; bundle number {self.next_sequence}; "
                + (
                    "encrypted for the bureau"
                    if self.encrypted
                    else "NOT encrypted (no bureau encryption key yet: it comes with the next task pack)"
                )
            )
        return (
            f"检查 {self.inspections} 项（{len(self.items)} 个版本），照片 {self.photo_count} 张，"
            f"{mb:.1f} MB；数据包序号 {self.next_sequence}；"
            + ("已加密，仅县局可读" if self.encrypted else "未加密（尚无县局的加密公钥，将随下一个任务包送达）")
        )


def _keys(store: LocalStore) -> KeyStore:
    return KeyStore(store.data_dir / "keys")


# -- planning ---------------------------------------------------------------------


def plan_export(store: LocalStore, inspection_ids: Iterable[str] | None = None, since_last: bool = False) -> ExportPlan:
    """Choose what to export.

    * default: every completed inspection not exported yet (its current revision);
    * ``since_last``: every completed revision not exported yet (several revisions
      of one inspection if it was corrected more than once);
    * ``inspection_ids``: the current completed revision of these (exporting an
      exported inspection again is allowed; a draft never completed is refused).
    """
    recover_pending_export(store)
    ids = list(dict.fromkeys(inspection_ids or []))
    with store.session(write=True) as s:  # write: the device id is made on first use
        device = meta.device_id(s)
        seq = meta.export_sequence(s) + 1
        prev = meta.last_manifest_sha256(s)
        wanted: list[tuple[str, int]] = []
        if ids:
            mode = "selected"
            for iid in ids:
                row = s.get(Inspection, iid)
                if row is None:
                    raise InspectionError(f"找不到检查记录 {iid}", message_en=f"No inspection with id {iid}")
                rev = _latest_completed_revision(s, row)
                if rev is None:
                    raise InspectionError(
                        f"检查 {iid} 尚未完成，不能导出",
                        message_en=f"Inspection {iid} was never completed; it cannot be exported",
                    )
                wanted.append((iid, rev))
        elif since_last:
            mode = "since_last"
            q = (
                select(RevisionSnapshot.inspection_id, RevisionSnapshot.revision, Inspection.exported_revision)
                .join(Inspection, Inspection.id == RevisionSnapshot.inspection_id)
                .order_by(RevisionSnapshot.inspection_id, RevisionSnapshot.revision)
            )
            wanted = [(iid, rev) for iid, rev, done in s.execute(q) if rev > (done or 0)]
        else:
            mode = "new"
            current = (
                select(Inspection.id, Inspection.revision)
                .where(Inspection.status == InspectionStatus.COMPLETED.value)
                .order_by(Inspection.id)
            )
            wanted = [(iid, rev) for iid, rev in s.execute(current)]
        items, missing = [], []
        for iid, rev in wanted:
            record = _record(s, iid, rev)
            sizes = [int(p.get("size") or 0) for p in record["photos"]]
            for p in record["photos"]:
                if not store.photo_store.exists(p["sha256"]):
                    missing.append(p["sha256"])
            items.append(PlannedRecord(iid, rev, record["station_code"], len(sizes), sum(sizes)))
    return ExportPlan(items, mode, device, seq, prev, missing, bureau_recipients(store))


def _latest_completed_revision(s: Session, row: Inspection) -> int | None:
    if row.status != InspectionStatus.DRAFT.value:
        return row.revision
    return s.scalar(
        select(RevisionSnapshot.revision)
        .where(RevisionSnapshot.inspection_id == row.id)
        .order_by(RevisionSnapshot.revision.desc())
        .limit(1)
    )


def _record(s: Session, iid: str, rev: int) -> dict:
    record = stored_record(s, iid, rev)
    if record is None:
        raise InspectionError(
            f"检查 {iid} 第 {rev} 版没有完成记录", message_en=f"Inspection {iid} has no completed revision {rev}"
        )
    return record


# -- export -----------------------------------------------------------------------


def export(
    store: LocalStore,
    plan: ExportPlan,
    out_dir: str | os.PathLike,
    passphrase: str,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write, verify and commit the bundle of ``plan``; returns its path.

    Raises KeyError_ (wrong passphrase: nothing written), BundleError (including
    BundleCancelled), InspectionError or StorageError; in every case the local
    database and the destination are as before, apart from a reservation that
    the next export resolves.
    """
    if plan.empty:
        raise BundleError("没有需要导出的检查", message_en="there is nothing to export")
    if plan.missing_photos:
        raise BundleError(
            f"有 {len(plan.missing_photos)} 张照片文件缺失（如 {plan.missing_photos[0][:12]}…），无法导出",
            message_en=f"{len(plan.missing_photos)} photo file(s) are missing "
            f"(e.g. {plan.missing_photos[0][:12]}…); cannot export",
        )
    out = Path(out_dir)
    if not out.is_dir():
        raise BundleError(f"目标文件夹不存在：{out}", message_en=f"the destination folder does not exist: {out}")
    recover_pending_export(store)
    keys = _keys(store)
    secret = keys.load_secret(passphrase)  # a wrong passphrase stops here, before any write
    profile = keys.profile()
    recipients: list[str] = []
    if plan.recipients:
        # the inspector's own recipient too, so they can reopen what they exported
        recipients = list(dict.fromkeys([*plan.recipients, keys.ensure_age_identity(passphrase)]))

    bundle_id = str(uuid.uuid4())
    created_at = utc_now_iso()
    with store.session(write=True) as s:
        if meta.get_meta(s, PENDING_EXPORT):
            raise BundleError("另一个导出正在进行", message_en="another export is in progress")
        device = meta.device_id(s)
        seq = meta.export_sequence(s) + 1
        prev = meta.last_manifest_sha256(s)
        records = [
            stamp_signer(_record(s, i.inspection_id, i.revision), unit=profile.unit, key_id=secret.key_id)
            for i in plan.items
        ]
        final = out / bundle_file_name(created_at, device, seq, bundle_id)
        meta.set_meta(
            s,
            PENDING_EXPORT,
            json.dumps(
                {
                    "sequence": seq,
                    "bundle_id": bundle_id,
                    "path": str(final.resolve()),
                    "key": secret.public.line(),
                    "items": [[i.inspection_id, i.revision] for i in plan.items],
                    "encrypted": bool(recipients),
                }
            ),
        )

    def before_rename(vb) -> None:
        # an encrypted bundle cannot be verified again without a key: what recovery compares
        if vb.sealed_id is None:
            return
        with store.session(write=True) as s:
            raw = meta.get_meta(s, PENDING_EXPORT)
            pending = json.loads(raw) if raw else {}
            if pending.get("bundle_id") == bundle_id:
                pending.update(manifest_sha256=vb.manifest_sha256, sealed_id=vb.sealed_id)
                meta.set_meta(s, PENDING_EXPORT, json.dumps(pending))

    try:
        vb = write_bundle_verified(
            out,
            records=records,
            read_photo=store.photo_store.read,
            inspector={"name": profile.name, "unit": profile.unit, "phone": profile.phone},
            device_id=device,
            sequence=seq,
            previous_manifest_sha256=prev,
            secret_key=secret,
            bundle_id=bundle_id,
            created_at=created_at,
            progress=progress,
            cancelled=cancelled,
            recipients=recipients,
            before_rename=before_rename,
        )
    except BaseException:
        with contextlib.suppress(KnownError), store.session(write=True) as s:
            _clear_pending(s, bundle_id)
        raise
    _commit(store, vb.bundle_id, vb.sequence, vb.manifest_sha256, [(i["id"], i["revision"]) for i in vb.inspections])
    assert vb.path is not None
    return vb.path


def _clear_pending(s: Session, bundle_id: str) -> None:
    raw = meta.get_meta(s, PENDING_EXPORT)
    if raw and json.loads(raw).get("bundle_id") == bundle_id:
        meta.set_meta(s, PENDING_EXPORT, None)


def _commit(store: LocalStore, bundle_id: str, seq: int, manifest_sha: str, items: list[tuple[str, int]]) -> None:
    """The one transaction that makes an export count."""
    with store.session(write=True) as s:
        if meta.export_sequence(s) != seq - 1:
            raise BundleError(
                f"导出序号冲突（数据库中已是 {meta.export_sequence(s)}）",
                message_en=f"export sequence conflict (the database is at {meta.export_sequence(s)})",
            )
        meta.set_meta(s, meta.EXPORT_SEQUENCE, seq)
        meta.set_last_manifest_sha256(s, manifest_sha)
        meta.set_meta(s, PENDING_EXPORT, None)
        done: dict[str, int] = {}
        for iid, rev in items:
            done[iid] = max(rev, done.get(iid, 0))
        for iid, rev in done.items():
            row = s.get(Inspection, iid)
            if row is None:
                continue
            row.bundle_id = bundle_id
            row.exported_revision = max(rev, row.exported_revision or 0)
            if row.status == InspectionStatus.COMPLETED.value and row.revision <= row.exported_revision:
                row.status = InspectionStatus.EXPORTED.value
            store.note_saved(s, row)
            s.add(
                AuditEntry(
                    inspection_id=iid,
                    revision=row.revision,
                    action="exported",
                    reason="",
                    detail=json.dumps({"bundle": bundle_id, "sequence": seq, "revision": rev}),
                )
            )


def recover_pending_export(store: LocalStore) -> str | None:
    """Resolve an export interrupted by a crash. Returns "adopted", "discarded" or None.

    The bundle is adopted when it exists under its final name and verifies;
    otherwise its sequence number was never used and is released. Its temporary
    file, if any, is removed.
    """
    with store.session() as s:
        raw = meta.get_meta(s, PENDING_EXPORT)
    if not raw:
        return None
    pending: dict[str, Any] = json.loads(raw)
    final = Path(pending["path"])
    with contextlib.suppress(OSError):
        for p in final.parent.glob(f".{final.name}.*{PARTIAL_SUFFIX}"):
            p.unlink()
    if pending.get("encrypted"):
        return _recover_encrypted(store, pending, final)
    try:
        pk = PublicKey.from_line(pending["key"])
        vb = verify_bundle(final, public_keys={pk.key_id: pk})
        ok = vb.bundle_id == pending["bundle_id"] and vb.sequence == pending["sequence"]
    except (BundleError, KnownError):
        ok = False
    if ok:
        _commit(
            store, vb.bundle_id, vb.sequence, vb.manifest_sha256, [(i["id"], i["revision"]) for i in vb.inspections]
        )
        return "adopted"
    with store.session(write=True) as s:
        _clear_pending(s, pending["bundle_id"])
    return "discarded"


def _recover_encrypted(store: LocalStore, pending: dict[str, Any], final: Path) -> str:
    """Adopt an encrypted bundle that is the file recorded just before its rename."""
    want = pending.get("sealed_id")
    try:
        ok = bool(want) and final.is_file() and agecrypt.sealed_id(final) == want
    except (OSError, BundleError):
        ok = False
    if ok:
        _commit(
            store,
            pending["bundle_id"],
            pending["sequence"],
            pending["manifest_sha256"],
            [(iid, rev) for iid, rev in pending["items"]],
        )
        return "adopted"
    with store.session(write=True) as s:
        _clear_pending(s, pending["bundle_id"])
    return "discarded"
