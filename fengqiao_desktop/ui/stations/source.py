"""What the station browser shows, as plain rows, and where it gets them.

``StationSource`` is the narrow interface the browser's widgets use; they
never query a database. ``ServiceSource`` (``service_source.py``) implements
it on the stations and inspections services (tests have an in-memory double).

No Qt in this module: rows cross threads (a search or a reload may run in a
worker) and stay plain data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from fengqiao_desktop.domain.enums import FormKind, Level, Verdict
from fengqiao_desktop.domain.stations import StationDetails, StationSummary


@dataclass(frozen=True)
class InspectionRow:
    """One inspection of a station, as listed on the station page."""

    inspection_id: str
    form_title: str
    kind: FormKind
    date: str  # ISO date of the visit
    status: str  # InspectionStatus value
    total: float | None = None
    max_points: float | None = None
    verdict: Verdict | None = None
    revision: int = 0
    inspector: str = ""


@dataclass(frozen=True)
class OpenFindingRow:
    """A finding from an earlier visit that is not yet verified."""

    finding_id: str
    inspection_id: str
    date: str
    item: str
    category: str  # FindingCategory value
    severity: str  # Severity value
    responsible: str = ""
    deadline: str = ""
    status: str = "open"
    measures: str = ""


@dataclass(frozen=True)
class FormChoice:
    """A form the user may start for a station; ``default`` marks the preselected one."""

    form_id: str
    title: str
    kind: FormKind
    version: str = ""
    default: bool = False


class StationSource(Protocol):
    def station_count(self) -> int: ...

    def tree_rows(self) -> list[StationSummary]: ...

    def top_rows(self) -> list[StationSummary]: ...  # the tree's first level, read before the rest

    def search(self, text: str, limit: int = 200) -> list[StationSummary]: ...

    def details(self, code: str) -> StationDetails | None: ...

    def inspections(self, code: str) -> list[InspectionRow]: ...

    def open_findings(self, code: str) -> list[OpenFindingRow]: ...

    def form_choices(self, level: Level) -> list[FormChoice]: ...

    def create_inspection(self, code: str, form_id: str) -> str: ...

    def badges_for(self, codes: Sequence[str]) -> dict[str, str]: ...

    def work_states(self, codes: Sequence[str] | None = None) -> dict[str, frozenset[str]]: ...
