"""Reading and writing an inspection's stored rows: the look-ups and plain rows every inspection service shares."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fengqiao_desktop.domain import (
    FindingCategory,
    FindingStatus,
    InspectionStatus,
    Severity,
    Verdict,
)
from fengqiao_desktop.errors import InspectionError
from fengqiao_desktop.formengine.schema import Item
from fengqiao_desktop.formengine.scoring import Answer, ScoreResult
from fengqiao_desktop.formengine.visit import VisitForm, VisitResult, evaluate_visit
from fengqiao_desktop.services.rows import AuditView, FindingView, PhotoView
from fengqiao_desktop.storage import meta
from fengqiao_desktop.storage.models import (
    AnswerRow,
    AuditEntry,
    Finding,
    Inspection,
    Photo,
    utcnow,
)

if TYPE_CHECKING:
    from fengqiao_desktop.services.store import LocalStore


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def load_inspection(s: Session, inspection_id: str) -> Inspection:
    row = s.get(Inspection, inspection_id)
    if row is None:
        raise InspectionError(f"找不到检查记录 {inspection_id}", message_en=f"No inspection with id {inspection_id}")
    return row


def require_draft(row: Inspection) -> None:
    if row.status != InspectionStatus.DRAFT.value:
        status = InspectionStatus(row.status)
        raise InspectionError(
            f"该检查已{status.zh}（第 {row.revision} 版），已锁定；如需修改，请先“重新打开”并说明理由",
            message_en=f"This inspection is {status.en.lower()} (revision {row.revision}) and locked; "
            "reopen it with a reason before editing",
        )


def answers_of(s: Session, inspection_id: str) -> dict[str, Answer]:
    rows = s.scalars(select(AnswerRow).where(AnswerRow.inspection_id == inspection_id))
    return {r.item_id: Answer(value=json.loads(r.value), note=r.note or "", na=bool(r.na)) for r in rows}


def photo_counts(s: Session, inspection_id: str) -> dict[str, int]:
    q = (
        select(Photo.item_id, func.count())
        .where(Photo.inspection_id == inspection_id, Photo.item_id.is_not(None))
        .group_by(Photo.item_id)
    )
    return {str(item): int(n) for item, n in s.execute(q)}


def visit_rows(s: Session, row: Inspection) -> list[Inspection]:
    """The inspections of ``row``'s visit (itself included), oldest first."""
    if not row.visit_id:
        return [row]
    q = select(Inspection).where(Inspection.visit_id == row.visit_id).order_by(Inspection.created_at, Inspection.id)
    rows = list(s.scalars(q))
    return rows if any(r.id == row.id for r in rows) else [*rows, row]


def evaluate_visit_of(store: LocalStore, s: Session, row: Inspection) -> VisitResult:
    """The visit rule over the stored answers of ``row``'s visit."""
    forms = [
        VisitForm(
            key=r.id,
            form=store.form_by_sha256(s, r.form_sha256),
            answers=answers_of(s, r.id),
            photo_counts=photo_counts(s, r.id),
            completed=r.status != InspectionStatus.DRAFT.value,
        )
        for r in visit_rows(s, row)
    ]
    return evaluate_visit(forms)


def score_row(store: LocalStore, s: Session, row: Inspection) -> ScoreResult:
    return evaluate_visit_of(store, s, row)[row.id]


def cache_score(row: Inspection, result: ScoreResult) -> None:
    row.total = result.total
    row.max_points = result.max
    # a pending verdict (the visit's five-haves check unanswered) is no verdict yet
    row.verdict = None if result.verdict is Verdict.PENDING else result.verdict.value


def refresh_visit(store: LocalStore, s: Session, row: Inspection) -> VisitResult:
    """Re-cache the scores of every inspection of the visit (a five-haves answer moves the rubric);
    returns the visit's result, so a caller needs no second evaluation."""
    visit = evaluate_visit_of(store, s, row)
    for r in visit_rows(s, row):
        if r.id in visit.results:
            cache_score(r, visit.results[r.id])
    return visit


def actor(s: Session, row: Inspection) -> str:
    """Who does what is being recorded: the inspector profile of this laptop, else the inspection's."""
    return meta.get_profile(s).name or row.inspector_name or ""


def add_audit(s: Session, row: Inspection, action: str, reason: str = "", **detail) -> None:
    s.add(
        AuditEntry(
            inspection_id=row.id,
            revision=row.revision,
            action=action,
            reason=reason,
            detail=dumps(detail),
            actor=actor(s, row),
        )
    )


def _reopen_reason(s: Session, row: Inspection) -> str:
    return (
        s.scalar(
            select(AuditEntry.reason)
            .where(
                AuditEntry.inspection_id == row.id, AuditEntry.revision == row.revision, AuditEntry.action == "reopened"
            )
            .order_by(AuditEntry.id.desc())
            .limit(1)
        )
        or ""
    )


def audit_answer_change(s: Session, row: Inspection, item: Item, old: Answer, new: Answer) -> None:
    """Record a correction of a completed inspection: item, old -> new value, and the reason.

    Successive changes of one item in one revision make one entry (first old value, last new one).
    """
    last = s.scalars(
        select(AuditEntry).where(AuditEntry.inspection_id == row.id).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    if last is not None and last.action == "answer_changed" and last.revision == row.revision:
        detail = json.loads(last.detail or "{}")
        if detail.get("item") == item.id:
            detail["after"] = new.to_json()
            last.detail = dumps(detail)
            last.at = utcnow()
            return
    add_audit(
        s,
        row,
        "answer_changed",
        _reopen_reason(s, row),
        item=item.id,
        no=item.no,
        before=old.to_json(),
        after=new.to_json(),
    )


def photo_view(p: Photo) -> PhotoView:
    return PhotoView(
        id=p.id,
        inspection_id=p.inspection_id,
        item_id=p.item_id,
        sha256=p.sha256,
        original_sha256=p.original_sha256,
        original_name=p.original_name or "",
        caption=p.caption or "",
        captured_at=p.captured_at,
        added_at=p.added_at,
        width=p.width,
        height=p.height,
        size=p.size,
        thumbnail_sha256=p.thumbnail_sha256,
        latitude=p.latitude,
        longitude=p.longitude,
    )


def photos_of(s: Session, inspection_id: str) -> list[PhotoView]:
    q = select(Photo).where(Photo.inspection_id == inspection_id).order_by(Photo.added_at, Photo.id)
    return [photo_view(p) for p in s.scalars(q)]


def finding_view(
    f: Finding, *, item_title: str = "", visit_date: dt.date | None = None, station_code: str = "", item_no: str = ""
) -> FindingView:
    return FindingView(
        id=f.id,
        inspection_id=f.inspection_id,
        item_id=f.item_id,
        category=FindingCategory(f.category),
        severity=Severity(f.severity),
        description=f.description or "",
        measures=f.measures or "",
        responsible=f.responsible or "",
        deadline=f.deadline,
        status=FindingStatus(f.status),
        created_at=f.created_at,
        updated_at=f.updated_at,
        closed_at=f.closed_at,
        item_title=item_title,
        visit_date=visit_date,
        station_code=station_code,
        item_no=item_no,
    )


def findings_of(s: Session, inspection_id: str, titles: dict[str, str]) -> list[FindingView]:
    q = select(Finding).where(Finding.inspection_id == inspection_id).order_by(Finding.created_at, Finding.id)
    return [finding_view(f, item_title=titles.get(f.item_id or "", "")) for f in s.scalars(q)]


def audit_of(s: Session, inspection_id: str) -> list[AuditView]:
    q = select(AuditEntry).where(AuditEntry.inspection_id == inspection_id).order_by(AuditEntry.id)
    return [
        AuditView(
            at=a.at,
            revision=a.revision,
            action=a.action,
            reason=a.reason or "",
            detail=json.loads(a.detail or "{}"),
            by=a.actor or "",
        )
        for a in s.scalars(q)
    ]
