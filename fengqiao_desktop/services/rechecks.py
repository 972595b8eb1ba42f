"""回头看 of findings that came in a task pack: the verdict given in this laptop's visit.

The bureau's pack carries the open findings of the stations it assigns, from any
inspector (``recheck_findings``). At the next visit the inspector says of each
whether it was rectified (with a photo and a note) or is still open. The verdict
is part of the re-check visit's own inspection: it is stored against that
inspection (``finding_rechecks``), needs it to be a draft, and travels in its
record (``rechecks``, docs/bundle-format.md §5) — the finding's own inspection,
possibly another inspector's, is never touched. At the merge the bureau's
finding becomes 已整改/待销号 and the bureau closes it (销号).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fengqiao_desktop.domain import InspectionStatus
from fengqiao_desktop.errors import InspectionError
from fengqiao_desktop.services import inspection_rows as R
from fengqiao_desktop.storage.models import (
    FindingRecheck,
    Inspection,
    Photo,
    RecheckFinding,
    ReturnedInspection,
    utcnow,
)

if TYPE_CHECKING:
    from fengqiao_desktop.services.store import LocalStore

RECTIFIED, STILL_OPEN = "rectified", "open"
VERDICTS = (RECTIFIED, STILL_OPEN)


@dataclass(frozen=True)
class RecheckItem:
    """A finding to re-check at the station, with the verdict given in this visit (if any)."""

    inspection_id: str  # the finding's own inspection (maybe another inspector's)
    finding_id: str
    station_code: str
    description: str
    measures: str
    responsible: str
    deadline: str | None
    category: str | None
    severity: str | None
    found_by: str
    verdict: str | None = None  # rectified / open / None: not re-checked in this visit
    note: str = ""
    photo_id: str | None = None
    checked_in: str | None = None  # the inspection of this visit that holds the verdict


def _visit_ids(s: Session, row: Inspection) -> list[str]:
    return [r.id for r in R.visit_rows(s, row)] or [row.id]


def _items(s: Session, station_code: str | None, given: dict | None = None) -> list[RecheckItem]:
    q = select(RecheckFinding)
    if station_code is not None:
        q = q.where(RecheckFinding.station_code == station_code)
    out = []
    for f in s.scalars(q.order_by(RecheckFinding.station_code, RecheckFinding.deadline, RecheckFinding.finding_id)):
        v = (given or {}).get((f.inspection_id, f.finding_id))
        out.append(
            RecheckItem(
                f.inspection_id,
                f.finding_id,
                f.station_code,
                f.description,
                f.measures,
                f.responsible,
                f.deadline,
                f.category,
                f.severity,
                f.inspector_name,
                verdict=v.verdict if v else None,
                note=v.note if v else "",
                photo_id=v.photo_id if v else None,
                checked_in=v.inspection_id if v else None,
            )
        )
    return out


def recheck_findings(store: LocalStore, station_code: str | None = None) -> list[RecheckItem]:
    """The findings to re-check (回头看) that the packs brought, of one station or all."""
    with store.session() as s:
        return _items(s, station_code)


def rechecks_in_visit(s: Session, row: Inspection) -> list[RecheckItem]:
    """The station's findings to re-check, with the verdicts given in ``row``'s visit."""
    given = {
        (v.target_inspection_id, v.finding_id): v
        for v in s.scalars(select(FindingRecheck).where(FindingRecheck.inspection_id.in_(_visit_ids(s, row))))
    }
    return _items(s, row.station_code, given)


def record_rechecks(s: Session, inspection_id: str) -> list[dict]:
    """The ``rechecks`` of an inspection's record (empty when it holds none)."""
    rows = list(
        s.scalars(
            select(FindingRecheck)
            .where(FindingRecheck.inspection_id == inspection_id)
            .order_by(FindingRecheck.target_inspection_id, FindingRecheck.finding_id)
        )
    )
    shas = (
        {p.id: p.sha256 for p in s.scalars(select(Photo).where(Photo.id.in_([r.photo_id for r in rows if r.photo_id])))}
        if rows
        else {}
    )
    found = (
        {
            (f.inspection_id, f.finding_id): f.description
            for f in s.scalars(
                select(RecheckFinding).where(RecheckFinding.inspection_id.in_([r.target_inspection_id for r in rows]))
            )
        }
        if rows
        else {}
    )
    # the finding's description goes along, so the record (and its score sheet) reads on its own
    return [
        {
            "inspection_id": r.target_inspection_id,
            "finding_id": r.finding_id,
            "verdict": r.verdict,
            "note": r.note,
            "photo_sha256": shas.get(r.photo_id) if r.photo_id else None,
            "description": found.get((r.target_inspection_id, r.finding_id), ""),
        }
        for r in rows
    ]


@dataclass(frozen=True)
class ReturnedNote:
    """The bureau's comment on an inspection it returned (shown while the draft is open)."""

    comment: str
    returned_by: str
    returned_at: str
    revision: int  # the revision the bureau returned


def returned_note(store: LocalStore, inspection_id: str) -> ReturnedNote | None:
    """The bureau's return of this inspection, while the correction is a draft (else None)."""
    with store.session() as s:
        r = s.get(ReturnedInspection, inspection_id)
        row = s.get(Inspection, inspection_id)
        if r is None or row is None or row.status != InspectionStatus.DRAFT.value or row.revision <= r.revision:
            return None
        return ReturnedNote(r.comment, r.returned_by, r.returned_at, r.revision)


class RechecksMixin:
    store: LocalStore

    def rechecks(self, inspection_id: str) -> list[RecheckItem]:
        """The findings to re-check at this inspection's station (回头看), with this visit's verdicts."""
        with self.store.session() as s:
            return rechecks_in_visit(s, R.load_inspection(s, inspection_id))

    def set_recheck(
        self,
        inspection_id: str,
        target_inspection_id: str,
        finding_id: str,
        verdict: str,
        *,
        note: str = "",
        photo: str | os.PathLike | None = None,
        photo_id: str | None = None,
    ) -> RecheckItem:
        """Give the 回头看 verdict on a finding in this (draft) inspection's visit.

        ``rectified`` needs a note and a photo: a new file (``photo``, attached to this
        inspection) or one of its photos (``photo_id``). A verdict given earlier in the
        visit is replaced.
        """
        note = (note or "").strip()
        if verdict not in VERDICTS:
            raise InspectionError(
                f"回头看结论只能是“已整改”或“仍未整改”，不能是 {verdict!r}",
                message_en=f"A re-check verdict is rectified or still open, not {verdict!r}",
            )
        with self.store.session() as s:
            row = R.load_inspection(s, inspection_id)
            R.require_draft(row)
            target = self._target(s, row, target_inspection_id, finding_id)
            if photo_id is not None:
                self._own_photo(s, row, photo_id)
        if verdict == RECTIFIED and (not note or (photo is None and photo_id is None)):
            raise InspectionError(
                "判定“已整改”需要现场照片和说明：请附上整改后的照片，并写明核查情况。",
                message_en="A finding marked rectified needs a photo and a note: attach a "
                "photo of the rectified state and say what you checked.",
            )
        if photo is not None:
            caption = f"回头看：{target.description}"[:200]
            photo_id = self.store.photos.add_photo(inspection_id, photo, None, caption).id
        with self.store.session(write=True) as s:
            row = R.load_inspection(s, inspection_id)
            R.require_draft(row)
            s.execute(
                delete(FindingRecheck).where(
                    FindingRecheck.inspection_id.in_(_visit_ids(s, row)),
                    FindingRecheck.target_inspection_id == target_inspection_id,
                    FindingRecheck.finding_id == finding_id,
                )
            )
            s.add(
                FindingRecheck(
                    inspection_id=row.id,
                    target_inspection_id=target_inspection_id,
                    finding_id=finding_id,
                    verdict=verdict,
                    note=note,
                    photo_id=photo_id,
                    checked_at=utcnow(),
                )
            )
            R.add_audit(s, row, "finding_rechecked", finding=finding_id, of=target_inspection_id, verdict=verdict)
            row.updated_at = utcnow()
            self.store.note_saved(s, row)
            s.flush()
            return next(
                r
                for r in rechecks_in_visit(s, row)
                if (r.inspection_id, r.finding_id) == (target_inspection_id, finding_id)
            )

    def clear_recheck(self, inspection_id: str, target_inspection_id: str, finding_id: str) -> None:
        """Take back the verdict given in this (draft) inspection's visit."""
        with self.store.session(write=True) as s:
            row = R.load_inspection(s, inspection_id)
            for r in s.scalars(
                select(FindingRecheck).where(
                    FindingRecheck.inspection_id.in_(_visit_ids(s, row)),
                    FindingRecheck.target_inspection_id == target_inspection_id,
                    FindingRecheck.finding_id == finding_id,
                )
            ):
                R.require_draft(R.load_inspection(s, r.inspection_id))
                s.delete(r)
            self.store.note_saved(s, row)

    @staticmethod
    def _target(s: Session, row: Inspection, target_inspection_id: str, finding_id: str) -> RecheckFinding:
        f = s.get(RecheckFinding, (target_inspection_id, finding_id))
        if f is None or f.station_code != row.station_code:
            raise InspectionError(
                "这个整改问题不在本站点的回头看清单中（请导入县局最新的任务包）",
                message_en="This finding is not on the station's re-check list (import the bureau's latest task pack)",
            )
        return f

    @staticmethod
    def _own_photo(s: Session, row: Inspection, photo_id: str) -> None:
        p = s.get(Photo, photo_id)
        if p is None or p.inspection_id != row.id:
            raise InspectionError("所选照片不属于本次检查", message_en="The photo is not one of this inspection's")
