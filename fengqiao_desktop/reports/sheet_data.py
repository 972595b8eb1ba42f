"""Everything a score sheet shows, as plain data: no database, no ORM, no Qt.

``services.sheet.build_sheet_data`` fills this from the local or the central
database; tests and benchmarks build it directly. Scores are not computed here:
``result`` is the ``ScoreResult`` the form engine gave for ``answers``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fengqiao_desktop.formengine.schema import FormDef, Item
from fengqiao_desktop.formengine.scoring import Answer, ScoreResult
from fengqiao_desktop.formengine.visit import GateState


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
    """The five-haves check done in the same visit, printed on the rubric's sheet.

    ``state`` is the check's state by the visit rule (``formengine.visit``): a draft
    with nothing unmet yet is *pending*, not failed. ``None`` reads it from
    ``result.verdict`` (a check known to be decided).
    """

    form: FormDef
    answers: dict[str, Answer]
    result: ScoreResult
    state: GateState | None = None
    inspection: SheetInspection | None = None  # the check's own id, revision and status


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
    form_id: str | None = None  # the form the item belongs to; None: the sheet's own form

    @classmethod
    def from_dict(cls, d: dict, form_id: str | None = None) -> SheetFinding:
        """Accept the bundle record's finding shape (extra keys ignored)."""
        return cls(
            form_id=form_id,
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
    """A photo for the appendix: its JPEG bytes (None: missing or unreadable), caption and the item it proves."""

    caption: str = ""
    item_id: str | None = None
    data: bytes | None = field(default=None, repr=False)
    form_id: str | None = None  # the form the item belongs to; None: the sheet's own form
    taken_on: date | None = None  # the EXIF capture day
    # set when the age rule (domain.photos) questions the photo: days taken before the visit
    days_before_visit: int | None = None
    latitude: float | None = None  # EXIF GPS position, WGS 84 degrees
    longitude: float | None = None


@dataclass(frozen=True)
class SheetRecheck:
    """A finding of an earlier visit re-checked in this one (回头看), as the record gives it."""

    description: str
    verdict: str  # rectified | open
    note: str = ""


@dataclass(frozen=True)
class SheetSignature:
    """A signature drawn on screen: strokes of [x, y] points in a 0..1000 box (domain.signatures)."""

    role: str  # station_head | inspector
    name: str
    strokes: list = field(default_factory=list, repr=False)
    signed_at: str | None = None


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
    # the state of the five-haves check when the sheet's own form is that check
    gate_state: GateState | None = None
    signatures: list[SheetSignature] = field(default_factory=list)
    rechecks: list[SheetRecheck] = field(default_factory=list)

    def signature(self, role: str) -> SheetSignature | None:
        return next((g for g in self.signatures if g.role == role), None)

    def form_of(self, form_id: str | None) -> FormDef | None:
        """The sheet's own form (``None`` or its id) or the companion's."""
        if form_id is None or form_id == self.form.id:
            return self.form
        if self.companion is not None and form_id == self.companion.form.id:
            return self.companion.form
        return None

    def item(self, item_id: str | None, form_id: str | None = None) -> Item | None:
        form = self.form_of(form_id)
        return form.items.get(item_id) if form is not None and item_id else None

    def item_no(self, item_id: str | None, form_id: str | None = None) -> str:
        """The printed number of an item (A1, 2 ...); the id when the item is unknown."""
        item = self.item(item_id, form_id)
        return item.no if item is not None else str(item_id or "")
