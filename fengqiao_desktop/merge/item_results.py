"""Item results of every imported inspection of one form, across its registered versions.

Each inspection is read from its winning revision and scored against the exact version
it pins (by sha256); items are followed through the versions by ``formengine.lineage``,
so the export puts a renamed or moved item in one column and keeps a removed item's column.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.engine import Connection

from fengqiao_desktop.domain.time import CST
from fengqiao_desktop.errors import FormError
from fengqiao_desktop.formengine.item_history import ScoredVisit
from fengqiao_desktop.formengine.lineage import Lineage
from fengqiao_desktop.formengine.scoring import Answer
from fengqiao_desktop.merge import forms_registry, models

INS = models.table_of(models.Inspection)
REV = models.table_of(models.InspectionRevision)


def _local_date(utc_text: str) -> str:
    from datetime import datetime

    return datetime.fromisoformat(utc_text.replace("Z", "+00:00")).astimezone(CST).date().isoformat()


def form_visits(conn: Connection, form_id: str) -> tuple[Lineage, list[ScoredVisit]]:
    """The lineage of ``form_id``'s registered versions and every completed inspection of it."""
    versions = forms_registry.registered_versions(conn, form_id)
    if not versions:
        raise FormError(f"表单 {form_id} 未登记", message_en=f"Form {form_id} is not registered")
    lineage = Lineage(versions)
    by_sha = {f.sha256: f for f in versions}
    rows = conn.execute(
        select(INS.c.id, INS.c.station_code, INS.c.completed_at, INS.c.form_sha256, REV.c.record)
        .join(REV, (REV.c.inspection_id == INS.c.id) & (REV.c.content_sha256 == INS.c.winner_sha256))
        .where(INS.c.form_id == form_id, INS.c.completed_at.is_not(None))
        .order_by(INS.c.completed_at, INS.c.id)
    )
    visits = []
    for r in rows:
        form = by_sha.get(r.form_sha256)
        if form is None:  # pragma: no cover - merge refuses inspections of unregistered forms
            continue
        record = json.loads(r.record)
        answers = {k: Answer.from_json(v) for k, v in (record.get("answers") or {}).items() if k in form.items}
        visits.append(ScoredVisit(r.station_code, _local_date(r.completed_at), form.version, answers))
    return lineage, visits
