"""What happened to one bundle file in an import: plain data, safe to hand to any thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

IMPORTED, ALREADY, REFUSED, QUARANTINED, CANCELLED, PLANNED = (
    "imported",
    "already_imported",
    "refused",
    "quarantined",
    "cancelled",
    "planned",
)


@dataclass
class ImportOutcome:
    """What happened to one bundle file (plain data: safe to hand to any thread)."""

    path: str
    status: str
    reason: str = ""
    reason_en: str = ""
    member: str | None = None
    detail: str = ""  # the technical reason (member names), for the report
    detail_en: str = ""
    bundle_id: str | None = None
    manifest_sha256: str | None = None
    device_id: str | None = None
    sequence: int | None = None
    inspector: str | None = None
    counts: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    warnings_en: list[str] = field(default_factory=list)
    archived: str | None = None
    quarantined: str | None = None

    @property
    def ok(self) -> bool:
        return self.status in (IMPORTED, ALREADY, PLANNED)

    def line(self, lang: str = "zh") -> str:
        name = Path(self.path).name
        c = self.counts
        if lang == "en":
            if self.status in (IMPORTED, PLANNED):
                verb = "imported" if self.status == IMPORTED else "would import"
                return (
                    f"{verb}: {name}: {c.get('inspections', 0)} inspection(s), "
                    f"{c.get('new_inspections', 0)} new, {c.get('new_revisions', 0)} new revision(s), "
                    f"{c.get('already_present', 0)} already present, {c.get('conflicts', 0)} conflict(s), "
                    f"{c.get('new_photos', 0)} photo(s)"
                )
            if self.status == ALREADY:
                return f"already imported: {name} (bundle {self.bundle_id})"
            if self.status == CANCELLED:
                return f"cancelled: {name}"
            word = "quarantined" if self.status == QUARANTINED else "refused"
            return f"{word}: {name}: {self.reason_en}"
        if self.status in (IMPORTED, PLANNED):
            verb = "已导入" if self.status == IMPORTED else "将导入"
            return (
                f"{verb}: {name}: 检查 {c.get('inspections', 0)} 份（新检查 {c.get('new_inspections', 0)}，"
                f"新修订 {c.get('new_revisions', 0)}，已有 {c.get('already_present', 0)}，"
                f"冲突 {c.get('conflicts', 0)}），照片 {c.get('new_photos', 0)} 张"
            )
        if self.status == ALREADY:
            return f"已导入过: {name}（数据包 {self.bundle_id}），未做任何更改"
        if self.status == CANCELLED:
            return f"已取消: {name}"
        word = "已隔离" if self.status == QUARANTINED else "已拒收"
        return f"{word}: {name}: {self.reason}"
