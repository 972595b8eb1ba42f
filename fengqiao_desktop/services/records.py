"""The inspection record: the one shape of an inspection revision.

``build_record`` turns the stored rows of one inspection into the record that
docs/bundle-format.md §5 describes. It is what the local store keeps as the
snapshot of a completed revision, what an export signs (after
``stamp_signer`` writes the signing key into it) and what the score sheet
renders, on the laptop and, from the bundle, at the bureau. Answers in the
record are the ones the inspection is scored on: an item linked to the visit's
five-haves check carries that check's answer.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fengqiao_desktop.bundle import spec
from fengqiao_desktop.domain import InspectionStatus
from fengqiao_desktop.domain.signatures import BOX, MAX_POINTS, ROLES, SignatureInput, check_strokes
from fengqiao_desktop.errors import InspectionError
from fengqiao_desktop.services import inspection_rows as R
from fengqiao_desktop.services.rechecks import record_rechecks
from fengqiao_desktop.storage import meta
from fengqiao_desktop.storage.models import AuditEntry, Inspection, RevisionSnapshot, Signature

if TYPE_CHECKING:
    from fengqiao_desktop.services.store import LocalStore


def iso(t: dt.datetime | None) -> str | None:
    return t.isoformat() + "Z" if t else None


def audit_entries(s: Session, iid: str, rev: int) -> list[dict]:
    """The audit trail as it stands for revision ``rev``, up to its completion.

    Entries of later revisions and entries of ``rev`` after its completion
    (exports, status changes) are left out, so the record of a revision never
    changes and a revision's trail is a prefix of every later revision's.
    ``by`` and ``detail`` appear only on entries that have them, so entries
    written by earlier releases keep their exact shape.
    """
    rows = s.scalars(
        select(AuditEntry).where(AuditEntry.inspection_id == iid, AuditEntry.revision <= rev).order_by(AuditEntry.id)
    )
    out: list[dict] = []
    for a in rows:
        entry = {"revision": a.revision, "at": iso(a.at), "action": a.action, "reason": a.reason or ""}
        if a.actor is not None:
            entry["by"] = a.actor
            entry["detail"] = json.loads(a.detail or "{}")
        out.append(entry)
        if a.revision == rev and a.action == "completed":
            break
    return out


def store_signatures(s: Session, row: Inspection, signatures: Sequence[SignatureInput], at: dt.datetime) -> None:
    """Keep the signatures drawn when completing ``row``'s revision (one per role; a pad left
    empty is no signature). A signature names its signer."""
    seen = set()
    for sig in signatures:
        if not sig.strokes:
            continue
        if sig.role not in ROLES or sig.role in seen:
            raise InspectionError(
                f"签名的身份 {sig.role!r} 无效或重复", message_en=f"Signature role {sig.role!r} is unknown or repeated"
            )
        try:
            strokes = check_strokes(sig.strokes)
        except ValueError as exc:
            raise InspectionError(
                f"签名数据无效：笔画应为 0–{BOX} 的整数坐标，最多 {MAX_POINTS} 个点",
                message_en=f"Invalid signature: {exc}",
            ) from None
        name = (sig.name or "").strip()
        if not name:
            zh = "站长" if sig.role == "station_head" else "检查人"
            en = "station head" if sig.role == "station_head" else "inspector"
            raise InspectionError(f"请填写签字人（{zh}）的姓名", message_en=f"Enter the name of the signer ({en})")
        seen.add(sig.role)
        old = s.get(Signature, (row.id, row.revision, sig.role))
        if old is not None:
            s.delete(old)
            s.flush()
        s.add(
            Signature(
                inspection_id=row.id,
                revision=row.revision,
                role=sig.role,
                name=name[:100],
                strokes=json.dumps(strokes, separators=(",", ":")),
                signed_at=at,
            )
        )


def signatures_of(s: Session, iid: str, rev: int) -> list[dict]:
    """The signatures of revision ``rev`` as the record carries them, by role."""
    rows = s.scalars(
        select(Signature).where(Signature.inspection_id == iid, Signature.revision == rev).order_by(Signature.role)
    )
    return [
        {"role": g.role, "name": g.name, "signed_at": iso(g.signed_at), "strokes": json.loads(g.strokes)} for g in rows
    ]


def build_record(store: LocalStore, s: Session, row: Inspection) -> dict:
    """The record of ``row`` as it is stored now (scored with the visit rule)."""
    form = store.form_by_sha256(s, row.form_sha256)
    visit = R.evaluate_visit_of(store, s, row)
    result = visit[row.id]
    answers = visit.answers[row.id]
    titles = {i.id: i.title.zh for i in form.items.values()}
    profile = meta.get_profile(s)
    status = InspectionStatus.COMPLETED.value if row.status != InspectionStatus.DRAFT.value else row.status
    completed = iso(row.completed_at)
    photos = []
    for p in R.photos_of(s, row.id):
        photo: dict[str, Any] = {
            "sha256": p.sha256,
            "original_sha256": p.original_sha256,
            "item_id": p.item_id,
            "caption": p.caption,
            "captured_at": iso(p.captured_at),
            "member": spec.photo_member(p.sha256),
            "size": int(p.size),
            "id": p.id,
            "width": p.width,
            "height": p.height,
        }
        if p.latitude is not None and p.longitude is not None:  # only when known: older records keep their shape
            photo["latitude"], photo["longitude"] = p.latitude, p.longitude
        photos.append(photo)
    findings = []
    for f in R.findings_of(s, row.id, titles):
        j = f.to_json()
        j["item_id"] = j.pop("item")
        findings.append(j)
    record = {
        "format": spec.RECORD_FORMAT,
        "format_version": spec.RECORD_FORMAT_VERSION,
        "id": row.id,
        "revision": row.revision,
        "visit_id": row.visit_id,
        "visit_date": row.visit_date.isoformat(),
        "station_code": row.station_code,
        "form": {"id": form.id, "version": form.version, "sha256": form.sha256},
        "inspector": {"name": row.inspector_name or "", "unit": profile.unit or "", "key_id": profile.key_id or ""},
        "status": status,
        "created_at": iso(row.created_at),
        "updated_at": completed or iso(row.updated_at),
        "completed_at": completed,
        "answers": {k: a.to_json() for k, a in sorted(answers.items())},
        "photos": photos,
        "findings": findings,
        "score": result.to_json(),
        "audit": audit_entries(s, row.id, row.revision),
    }
    rechecks = record_rechecks(s, row.id)
    if rechecks:  # only then, so records without them keep the shape (and hash) they always had
        record["rechecks"] = rechecks
    # only when there are some: records without signatures keep the shape (and hash) of earlier releases
    signatures = signatures_of(s, row.id, row.revision)
    if signatures:
        record["signatures"] = signatures
    return record


def stamp_signer(record: dict, *, unit: str, key_id: str) -> dict:
    """The record as an export signs it: the inspector's unit and key are the signer's."""
    inspector = dict(record.get("inspector") or {})
    inspector.update(unit=unit, key_id=key_id)
    return {**record, "inspector": inspector}


def stored_record(s: Session, iid: str, rev: int) -> dict | None:
    """The record kept when revision ``rev`` of ``iid`` was completed, or None."""
    snap = s.get(RevisionSnapshot, (iid, rev))
    return json.loads(snap.snapshot) if snap is not None else None


def current_record(store: LocalStore, s: Session, row: Inspection) -> dict:
    """A completed revision's kept record; a draft's record as it stands."""
    if row.status != InspectionStatus.DRAFT.value:
        kept = stored_record(s, row.id, row.revision)
        if kept is not None:
            return kept
    return build_record(store, s, row)
