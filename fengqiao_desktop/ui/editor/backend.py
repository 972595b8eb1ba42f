"""What the editor needs from the services, as one narrow interface over plain data.

``service_backend.ServiceBackend`` implements it on top of the inspection,
photo and sheet services; the widgets only ever see the plain rows defined
here and in ``photo_strip`` / ``findings`` / ``lifecycle``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from fengqiao_desktop.domain import InspectionStatus
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.scoring import Answer, ScoreResult
from fengqiao_desktop.ui.editor.findings import FindingRow
from fengqiao_desktop.ui.editor.lifecycle import AuditRow
from fengqiao_desktop.ui.editor.photo_strip import PhotoRow


@dataclass(frozen=True)
class InspectionView:
    inspection_id: str
    form: FormDef
    title: str  # station name and visit, for the header
    status: InspectionStatus
    revision: int
    answers: dict[str, Answer]
    photos: list[PhotoRow]
    score: ScoreResult
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def locked(self) -> bool:
        return self.status is not InspectionStatus.DRAFT


class EditorBackend(Protocol):
    inspection_id: str

    def load(self) -> InspectionView: ...

    def set_answer(self, item_id: str, answer: Answer) -> ScoreResult: ...

    def score(self) -> ScoreResult: ...

    def complete(self) -> ScoreResult: ...

    def reopen(self, reason: str) -> None: ...

    def audit(self) -> list[AuditRow]: ...

    # photos: ingest_job returns a plain, thread-safe callable (no session, no widgets);
    # attach() then links its plain result to the inspection on the GUI thread.
    def photos(self) -> list[PhotoRow]: ...

    def ingest_job(self, paths: list[str]) -> Callable[[], list[Any]]: ...

    def attach(self, item_id: str | None, ingested: Any) -> None: ...

    def set_caption(self, photo_id: str, caption: str) -> None: ...

    def set_photo_item(self, photo_id: str, item_id: str | None) -> None: ...

    def remove_photo(self, photo_id: str) -> None: ...

    # findings
    def findings(self) -> list[FindingRow]: ...

    def propose_findings(self) -> list[FindingRow]: ...

    def save_finding(self, row: FindingRow) -> None: ...

    def delete_finding(self, finding_id: str) -> None: ...

    # score sheet
    def sheet_job(self, target: str) -> Callable[[], str] | None: ...


@dataclass(frozen=True)
class IngestFailure:
    """A file the photo service refused, with the user-facing reason."""

    path: str
    message: str
