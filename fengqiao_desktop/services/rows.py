"""Plain result rows of the services (frozen dataclasses; never ORM objects).

They cross threads and layers freely: the UI's table models and the CLI's JSON
output are built from these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from fengqiao_desktop.domain import (
    FindingCategory,
    FindingStatus,
    FormKind,
    InspectionStatus,
    Level,
    Severity,
    Verdict,
)
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.scoring import Answer, ScoreResult


@dataclass(frozen=True)
class PhotoView:
    id: str
    inspection_id: str
    item_id: str | None
    sha256: str
    original_sha256: str
    original_name: str
    caption: str
    captured_at: dt.datetime | None
    added_at: dt.datetime
    width: int
    height: int
    size: int
    thumbnail_sha256: str
    latitude: float | None = None  # EXIF GPS, WGS 84 degrees
    longitude: float | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "item": self.item_id,
            "sha256": self.sha256,
            "original_sha256": self.original_sha256,
            "caption": self.caption,
            "captured_at": _iso(self.captured_at),
            "width": self.width,
            "height": self.height,
            "size": self.size,
            "thumbnail_sha256": self.thumbnail_sha256,
        }


@dataclass(frozen=True)
class FindingView:
    id: str
    inspection_id: str
    item_id: str | None
    category: FindingCategory
    severity: Severity
    description: str
    measures: str
    responsible: str
    deadline: dt.date | None
    status: FindingStatus
    created_at: dt.datetime
    updated_at: dt.datetime
    closed_at: dt.datetime | None = None
    # context for lists of findings across inspections
    item_title: str = ""
    visit_date: dt.date | None = None
    station_code: str = ""
    # the item's number as it is now: in the latest form version for a finding of an earlier visit
    item_no: str = ""

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "item": self.item_id,
            "category": self.category.value,
            "severity": self.severity.value,
            "description": self.description,
            "measures": self.measures,
            "responsible": self.responsible,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "status": self.status.value,
            "created_at": _iso(self.created_at),
            "updated_at": _iso(self.updated_at),
            "closed_at": _iso(self.closed_at),
        }


@dataclass(frozen=True)
class ProposedFinding:
    """A finding suggested for an item below full marks (not stored until added)."""

    item_id: str
    item_title: str
    category: FindingCategory
    severity: Severity
    description: str
    points: float
    max: float
    # offered for the printed fields: the station head, the visit date + the setting, a measure
    responsible: str = ""
    deadline: dt.date | None = None
    measures: str = ""


@dataclass(frozen=True)
class AuditView:
    at: dt.datetime
    revision: int
    action: str  # created / completed / reopened / answer_changed / exported / finding_*
    reason: str
    detail: dict[str, Any]
    by: str = ""  # the inspector profile that did it ("" for entries of earlier releases)


@dataclass(frozen=True)
class InspectionSummary:
    id: str
    station_code: str
    station_name: str
    form_id: str
    form_title: str
    form_kind: FormKind
    form_version: str
    status: InspectionStatus
    revision: int
    total: float | None
    max: float | None
    verdict: Verdict | None
    visit_id: str
    visit_date: dt.date
    inspector: str
    created_at: dt.datetime
    updated_at: dt.datetime
    completed_at: dt.datetime | None

    @property
    def kind(self) -> FormKind:
        return self.form_kind

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "station": self.station_code,
            "station_name": self.station_name,
            "form": self.form_id,
            "form_title": self.form_title,
            "kind": self.form_kind.value,
            "form_version": self.form_version,
            "status": self.status.value,
            "revision": self.revision,
            "total": self.total,
            "max": self.max,
            "verdict": self.verdict.value if self.verdict else None,
            "visit_id": self.visit_id,
            "visit_date": self.visit_date.isoformat(),
            "inspector": self.inspector,
            "created_at": _iso(self.created_at),
            "updated_at": _iso(self.updated_at),
            "completed_at": _iso(self.completed_at),
        }


@dataclass(frozen=True)
class InspectionView:
    """Everything about one inspection, scored (``score`` includes same-visit vetoes)."""

    id: str
    station_code: str
    station_name: str
    station_level: Level
    form: FormDef
    form_sha256: str
    visit_id: str
    visit_date: dt.date
    inspector: str
    status: InspectionStatus
    revision: int
    created_at: dt.datetime
    updated_at: dt.datetime
    completed_at: dt.datetime | None
    answers: dict[str, Answer]
    photos: list[PhotoView]
    findings: list[FindingView]
    score: ScoreResult
    audit: list[AuditView] = field(default_factory=list)
    exported_revision: int | None = None
    bundle_id: str | None = None

    @property
    def form_id(self) -> str:
        return self.form.id

    @property
    def locked(self) -> bool:
        """Completed or exported: editing needs ``reopen(id, reason)`` first."""
        return self.status is not InspectionStatus.DRAFT

    def photo_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for p in self.photos:
            if p.item_id:
                counts[p.item_id] = counts.get(p.item_id, 0) + 1
        return counts


def _iso(t: dt.datetime | None) -> str | None:
    """UTC timestamps as ISO-8601 with a Z (stored values are naive UTC)."""
    return t.isoformat() + "Z" if t else None
