"""Plain domain vocabulary shared by every layer: levels, verdicts, statuses, categories."""

from fengqiao_desktop.domain.enums import (
    FindingCategory,
    FindingStatus,
    FormKind,
    InspectionStatus,
    ItemType,
    Level,
    Severity,
    Verdict,
)

__all__ = [
    "FindingCategory",
    "FindingStatus",
    "FormKind",
    "InspectionStatus",
    "ItemType",
    "Level",
    "Severity",
    "Verdict",
]
