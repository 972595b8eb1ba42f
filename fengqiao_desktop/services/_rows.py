"""Turning stored rows into plain views, and the shared look-ups of the inspection services."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fengqiao_desktop.domain import (
    FindingCategory,
    FindingStatus,
    FormKind,
    InspectionStatus,
    Severity,
    Verdict,
)
from fengqiao_desktop.errors import InspectionError
from fengqiao_desktop.formengine.scoring import Answer, ScoreResult, score
from fengqiao_desktop.services.views import AuditView, FindingView, PhotoView
from fengqiao_desktop.storage.models import AnswerRow, AuditEntry, Finding, Inspection, Photo

if TYPE_CHECKING:
    from fengqiao_desktop.services.store import LocalStore

FIVE_HAVES_VETO = "五有未达标"


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def load_inspection(s: Session, inspection_id: str) -> Inspection:
    row = s.get(Inspection, inspection_id)
    if row is None:
        raise InspectionError(f"找不到检查记录 {inspection_id}",
                              message_en=f"No inspection with id {inspection_id}")
    return row


def require_draft(row: Inspection) -> None:
    if row.status != InspectionStatus.DRAFT.value:
        status = InspectionStatus(row.status)
        raise InspectionError(
            f"该检查已{status.zh}（第 {row.revision} 版），已锁定；如需修改，请先“重新打开”并说明理由",
            message_en=f"This inspection is {status.en.lower()} (revision {row.revision}) and locked; "
            "reopen it with a reason before editing")


def answers_of(s: Session, inspection_id: str) -> dict[str, Answer]:
    rows = s.scalars(select(AnswerRow).where(AnswerRow.inspection_id == inspection_id))
    return {r.item_id: Answer(value=json.loads(r.value), note=r.note or "", na=bool(r.na)) for r in rows}


def photo_counts(s: Session, inspection_id: str) -> dict[str, int]:
    q = (select(Photo.item_id, func.count()).where(Photo.inspection_id == inspection_id,
                                                    Photo.item_id.is_not(None))
         .group_by(Photo.item_id))
    return {str(item): int(n) for item, n in s.execute(q)}


def gate_failed(store: LocalStore, s: Session, gate: Inspection) -> bool:
    """A five-haves inspection counts as failed once it is completed without a pass,
    or as soon as any of its items is answered and not met (a draft still being
    filled in is not a failure yet)."""
    form = store.form_by_sha256(s, gate.form_sha256)
    answers = answers_of(s, gate.id)
    result = score(form, answers)
    if result.verdict is Verdict.PASS:
        return False
    if gate.status != InspectionStatus.DRAFT.value:
        return True
    for item_id, it in result.items.items():
        a = answers.get(item_id)
        if it.answered and not it.na and (it.points < it.max or (a is not None and a.value is False)):
            return True
    return False


def external_vetoes(store: LocalStore, s: Session, row: Inspection) -> list[str]:
    """Vetoes from outside the form: a failed five-haves gate in the same visit."""
    form = store.form_by_sha256(s, row.form_sha256)
    if form.kind is not FormKind.RUBRIC:
        return []
    siblings = s.scalars(select(Inspection).where(Inspection.visit_id == row.visit_id,
                                                  Inspection.id != row.id))
    for sib in siblings:
        sib_form = store.form_by_sha256(s, sib.form_sha256)
        if sib_form.kind is FormKind.GATE and gate_failed(store, s, sib):
            return [FIVE_HAVES_VETO]
    return []


def score_row(store: LocalStore, s: Session, row: Inspection) -> ScoreResult:
    form = store.form_by_sha256(s, row.form_sha256)
    return score(form, answers_of(s, row.id), photo_counts(s, row.id),
                 external_vetoes(store, s, row))


def cache_score(row: Inspection, result: ScoreResult) -> None:
    row.total = result.total
    row.max_points = result.max
    row.verdict = result.verdict.value


def refresh_visit(store: LocalStore, s: Session, row: Inspection) -> None:
    """Re-cache the scores of the other inspections of the visit (a gate change moves them)."""
    for sib in s.scalars(select(Inspection).where(Inspection.visit_id == row.visit_id,
                                                  Inspection.id != row.id)):
        cache_score(sib, score_row(store, s, sib))


def add_audit(s: Session, row: Inspection, action: str, reason: str = "", **detail) -> None:
    s.add(AuditEntry(inspection_id=row.id, revision=row.revision, action=action, reason=reason,
                     detail=dumps(detail)))


def photo_view(store: LocalStore, p: Photo) -> PhotoView:
    ps = store.photo_store
    return PhotoView(id=p.id, inspection_id=p.inspection_id, item_id=p.item_id, sha256=p.sha256,
                     original_sha256=p.original_sha256, original_name=p.original_name or "",
                     caption=p.caption or "", captured_at=p.captured_at, added_at=p.added_at,
                     width=p.width, height=p.height, size=p.size,
                     thumbnail_sha256=p.thumbnail_sha256, path=str(ps.path(p.sha256)),
                     thumbnail_path=str(ps.path(p.thumbnail_sha256)))


def photos_of(store: LocalStore, s: Session, inspection_id: str) -> list[PhotoView]:
    q = select(Photo).where(Photo.inspection_id == inspection_id).order_by(Photo.added_at, Photo.id)
    return [photo_view(store, p) for p in s.scalars(q)]


def finding_view(f: Finding, *, item_title: str = "", visit_date: dt.date | None = None,
                 station_code: str = "") -> FindingView:
    return FindingView(id=f.id, inspection_id=f.inspection_id, item_id=f.item_id,
                       category=FindingCategory(f.category), severity=Severity(f.severity),
                       description=f.description or "", measures=f.measures or "",
                       responsible=f.responsible or "", deadline=f.deadline,
                       status=FindingStatus(f.status), created_at=f.created_at,
                       updated_at=f.updated_at, closed_at=f.closed_at, item_title=item_title,
                       visit_date=visit_date, station_code=station_code)


def findings_of(s: Session, inspection_id: str, titles: dict[str, str]) -> list[FindingView]:
    q = select(Finding).where(Finding.inspection_id == inspection_id).order_by(Finding.created_at, Finding.id)
    return [finding_view(f, item_title=titles.get(f.item_id or "", "")) for f in s.scalars(q)]


def audit_of(s: Session, inspection_id: str) -> list[AuditView]:
    q = select(AuditEntry).where(AuditEntry.inspection_id == inspection_id).order_by(AuditEntry.id)
    return [AuditView(at=a.at, revision=a.revision, action=a.action, reason=a.reason or "",
                      detail=json.loads(a.detail or "{}")) for a in s.scalars(q)]
