"""Everything a score sheet shows, as plain data: no database, no ORM, no Qt.

``services.sheet.build_sheet_data`` fills this from the local or the central
database; tests and benchmarks build it directly. Scores are not computed here:
``result`` is the ``ScoreResult`` the form engine gave for ``answers``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.scoring import Answer, ScoreResult


@dataclass(frozen=True)
class SheetStation:
    code: str  # 12 digits
    name: str
    level: str  # a Level value (city / county / town / village) or a label
    address: str = ""


@dataclass(frozen=True)
class SheetInspection:
    id: str  # UUID
    revision: int
    visit_date: date | str | None = None
    status: str = "completed"  # an InspectionStatus value


@dataclass(frozen=True)
class SheetInspector:
    name: str
    unit: str = ""


@dataclass(frozen=True)
class SheetCompanion:
    """The five-haves check done in the same visit, shown beside the rubric's result."""

    form: FormDef
    answers: dict[str, Answer]
    result: ScoreResult


@dataclass(frozen=True)
class SheetFinding:
    item_id: str | None
    category: str | None  # a FindingCategory value or label
    severity: str | None  # a Severity value or label
    description: str
    measures: str = ""
    responsible: str = ""
    deadline: date | str | None = None
    status: str | None = None  # a FindingStatus value or label

    @classmethod
    def from_dict(cls, d: dict) -> SheetFinding:
        """Accept the bundle record's finding shape (extra keys ignored)."""
        return cls(
            item_id=d.get("item_id"),
            category=d.get("category"),
            severity=d.get("severity"),
            description=str(d.get("description") or ""),
            measures=str(d.get("measures") or ""),
            responsible=str(d.get("responsible") or ""),
            deadline=d.get("deadline"),
            status=d.get("status"),
        )


@dataclass(frozen=True)
class SheetPhoto:
    """A photo for the appendix: a JPEG file (or its bytes), its caption and the item it proves."""

    path: Path | None = None
    caption: str = ""
    item_id: str | None = None
    data: bytes | None = field(default=None, repr=False)  # when there is no file (central DB blobs)


@dataclass(frozen=True)
class SheetData:
    station: SheetStation
    inspection: SheetInspection
    inspector: SheetInspector
    form: FormDef
    answers: dict[str, Answer]
    result: ScoreResult
    content_hash: str  # sha256 hex of the inspection's canonical content at this revision
    companion: SheetCompanion | None = None
    findings: list[SheetFinding] = field(default_factory=list)
    photos: list[SheetPhoto] = field(default_factory=list)
    lang: str = "zh"  # "zh" | "en"
