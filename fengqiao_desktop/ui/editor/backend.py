"""What the editor needs from the services, as one narrow interface over plain data.

``service_backend.ServiceBackend`` implements it on top of the inspection,
photo and sheet services; the widgets only ever see the plain rows defined
here and in ``photo_strip`` / ``findings`` / ``lifecycle``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from fengqiao_desktop.domain import FormKind, InspectionStatus
from fengqiao_desktop.domain.signatures import SignatureInput
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.scoring import Answer, ScoreResult
from fengqiao_desktop.formengine.visit import GateState
from fengqiao_desktop.ui.editor.findings import FindingRow
from fengqiao_desktop.ui.editor.lifecycle import AuditRow
from fengqiao_desktop.ui.editor.photo_strip import PhotoRow


@dataclass(frozen=True)
class EditorContent:
    """What the editor shows of one inspection (built by its backend from the services' rows)."""

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


@dataclass(frozen=True)
class LinkedAnswer:
    """An item of this form answered in another inspection of the visit (A1 <- five-haves/jigou)."""

    item_id: str  # the item in this form
    source_id: str  # the inspection that answers it
    source_item: str  # the item's id in that inspection's form
    source_no: str  # the item's number in that inspection's form
    answer: Answer | None
    photos: int = 0


@dataclass(frozen=True)
class VisitMember:
    """Another inspection of the same visit, scored by the visit rule."""

    inspection_id: str
    title: str  # the form's title in the user's language
    kind: FormKind
    status: InspectionStatus
    score: ScoreResult


@dataclass(frozen=True)
class VisitInfo:
    """What the editor shows of the rest of the visit."""

    linked: dict[str, LinkedAnswer] = field(default_factory=dict)
    members: list[VisitMember] = field(default_factory=list)
    gate: GateState = GateState.ABSENT  # the visit's five-haves check, as the visit rule sees it

    @property
    def gate_member(self) -> VisitMember | None:
        return next((m for m in self.members if m.kind is FormKind.GATE), None)


class EditorBackend(Protocol):
    inspection_id: str

    def load(self) -> EditorContent: ...

    def set_answer(self, item_id: str, answer: Answer) -> ScoreResult: ...

    def score(self) -> ScoreResult: ...

    def visit(self) -> VisitInfo: ...

    def complete(self, signatures: Sequence[SignatureInput] = ()) -> ScoreResult:
        """Lock the inspection, keeping the signatures drawn on screen (optional)."""
        ...

    def signer_names(self) -> tuple[str, str]:
        """(station head from the roster contact, inspector) offered as the signers' names."""
        ...

    def reopen(self, reason: str) -> None: ...

    def audit(self) -> list[AuditRow]: ...

    # photos: ingest_job returns a plain, thread-safe callable (no session, no widgets);
    # attach() then links its plain result to the inspection on the GUI thread.
    def photos(self) -> list[PhotoRow]: ...

    def read_photo(self, sha256: str) -> bytes:
        """The bytes of a stored photo or thumbnail (PhotoError when it cannot be read)."""
        ...

    def ingest_job(self, paths: list[str]) -> Callable[[], list[Any]]: ...

    def attach(self, item_id: str | None, ingested: Any) -> None: ...

    def set_caption(self, photo_id: str, caption: str) -> None: ...

    def set_photo_item(self, photo_id: str, item_id: str | None) -> None: ...

    def remove_photo(self, photo_id: str) -> None: ...

    # findings
    def findings(self) -> list[FindingRow]: ...

    def propose_findings(self) -> list[FindingRow]: ...

    def finding_defaults(self) -> tuple[str, str]:
        """(responsible, deadline as ISO date) a new finding is offered."""
        ...

    def save_finding(self, row: FindingRow) -> None: ...

    def delete_finding(self, finding_id: str) -> None: ...

    # score sheet
    def sheet_job(self, target: str) -> Callable[[], str] | None: ...

    # 回头看 of the bureau's findings (``load().extra["rechecks"]`` lists them first)
    def rechecks(self) -> list: ...

    def recheck(self, item: Any, verdict: str, note: str, ingested: Any | None) -> None: ...


@dataclass(frozen=True)
class IngestFailure:
    """A file the photo service refused, with the user-facing reason."""

    path: str
    message: str
