"""Every import ever made, from the import log, with what the bureau kept of it.

One row per attempt (newest first): when, the file, the outcome and its reason,
the bundle's inspector and device when its manifest could be read, the archived
copy (imported bundles) or the quarantined copy and its report (refusals).
An archived bundle can be verified again against today's trust store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from fengqiao_desktop.merge import files, models
from fengqiao_desktop.merge.db import QUARANTINE

LOG = models.table_of(models.ImportLog)
BUNDLES = models.table_of(models.Bundle)


@dataclass(frozen=True)
class ImportRecord:
    at: datetime
    file_name: str
    outcome: str  # imported / already_imported / refused / quarantined
    reason: str  # the plain reason of a refusal ('' for an import)
    reason_en: str
    counts: dict  # inspections, new revisions, conflicts, photos of an import
    bundle_id: str | None
    inspector: str
    device: str
    created_at: str | None
    archived: Path | None  # the archived copy of an imported bundle
    quarantined: Path | None  # the quarantined copy of a refused one (its report: .txt beside it)
    manifest_sha256: str | None

    @property
    def report(self) -> Path | None:
        return self.quarantined.with_suffix(".txt") if self.quarantined else None


def import_history(conn: Connection, files_dir: Path, limit: int | None = None) -> list[ImportRecord]:
    bundles = {r.manifest_sha256: r for r in conn.execute(select(BUNDLES))}
    q = select(LOG).where(LOG.c.action == "import").order_by(LOG.c.id.desc())
    if limit:
        q = q.limit(limit)
    out = []
    for r in conn.execute(q):
        b = bundles.get(r.manifest_sha256) if r.manifest_sha256 else None
        archived = quarantined = None
        if r.outcome == "imported" and b is not None and b.archived_path:
            archived = files_dir / b.archived_path
        elif r.outcome in ("refused", "quarantined") and r.file_sha256:
            source = Path(r.file_name or "bundle")
            quarantined = (
                files_dir
                / QUARANTINE
                / files.quarantine_name(source, b.bundle_id if b is not None else None, r.file_sha256)
            )
        zh, _nl, en = (r.message or "").partition("\n")  # refusals are logged in both languages
        at = r.at if r.at.tzinfo else r.at.replace(tzinfo=timezone.utc)
        out.append(
            ImportRecord(
                at=at,
                file_name=Path(r.file_name or "").name,
                outcome=r.outcome,
                reason=zh if r.outcome != "imported" else "",
                reason_en=en if r.outcome != "imported" else "",
                counts=(
                    {
                        "inspections": b.n_inspections,
                        "new_revisions": b.n_new_revisions,
                        "conflicts": b.n_conflicts,
                        "photos": b.n_photos,
                    }
                    if r.outcome == "imported" and b is not None
                    else {}
                ),
                bundle_id=b.bundle_id if b is not None else None,
                inspector=f"{b.inspector_name}（{b.inspector_unit}）" if b is not None else "",
                device=f"{b.device_id} #{b.sequence}" if b is not None else "",
                created_at=b.created_at if b is not None else None,
                archived=archived,
                quarantined=quarantined,
                manifest_sha256=r.manifest_sha256,
            )
        )
    return out
