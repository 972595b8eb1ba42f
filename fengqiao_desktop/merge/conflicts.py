"""Conflicts: list them with the competing revisions side by side, and record a person's choice.

A resolution names the winning revision (by content sha256, or a unique prefix)
and a reason; it holds while the set of competing revisions stays the same. If
another competing revision arrives later the conflict opens again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from fengqiao_desktop.errors import MergeError
from fengqiao_desktop.merge import models
from fengqiao_desktop.merge.apply import refresh_inspections, refresh_visits

CONF = models.table_of(models.Conflict)
REV = models.table_of(models.InspectionRevision)
INS = models.table_of(models.Inspection)
LOG = models.table_of(models.ImportLog)


@dataclass(frozen=True)
class CompetingRevision:
    revision: int
    sha256: str
    completed_at: str | None
    total: float | None
    verdict: str | None
    inspector: str
    record: dict


@dataclass(frozen=True)
class ConflictView:
    inspection_id: str
    station_code: str
    status: str
    auto_winner_sha256: str
    winner_sha256: str
    resolved_by: str | None
    reason: str | None
    resolved_at: datetime | None
    revisions: list[CompetingRevision]


def list_conflicts(conn: Connection, *, open_only: bool = False) -> list[ConflictView]:
    q = select(CONF, INS.c.station_code).join(INS, INS.c.id == CONF.c.inspection_id)
    if open_only:
        q = q.where(CONF.c.status == "open")
    out = []
    for row in conn.execute(q):
        shas = [s for _r, s in json.loads(row.revisions)]
        revs = {
            r.content_sha256: r
            for r in conn.execute(
                select(
                    REV.c.revision, REV.c.content_sha256, REV.c.completed_at, REV.c.total, REV.c.verdict, REV.c.record
                ).where(REV.c.inspection_id == row.inspection_id, REV.c.content_sha256.in_(shas))
            )
        }
        items = []
        for s in shas:
            r = revs[s]
            rec = json.loads(r.record)
            insp = rec.get("inspector") or {}
            items.append(
                CompetingRevision(
                    r.revision,
                    s,
                    r.completed_at,
                    r.total,
                    r.verdict,
                    f"{insp.get('name', '')}（{insp.get('unit', '')}）",
                    rec,
                )
            )
        out.append(
            ConflictView(
                row.inspection_id,
                row.station_code,
                row.status,
                row.auto_winner_sha256,
                row.winner_sha256,
                row.resolved_by,
                row.reason,
                row.resolved_at,
                items,
            )
        )
    return sorted(out, key=lambda c: (c.status != "open", c.station_code, c.inspection_id))


def resolve(conn: Connection, inspection_id: str, winner: str, *, reason: str, resolved_by: str) -> ConflictView:
    """Choose the winner of a conflict; the inspection then shows that revision."""
    reason, resolved_by = reason.strip(), resolved_by.strip()
    if not reason:
        raise MergeError("请说明选择的理由（--reason）", message_en="give a reason for the choice (--reason)")
    if not resolved_by:
        raise MergeError("请写明处理人（--by）", message_en="say who resolves it (--by)")
    row = conn.execute(select(CONF).where(CONF.c.inspection_id == inspection_id)).first()
    if row is None:
        raise MergeError(f"检查 {inspection_id} 没有冲突", message_en=f"inspection {inspection_id} has no conflict")
    shas = [s for _r, s in json.loads(row.revisions)]
    matches = [s for s in shas if s.startswith(winner.lower())] if winner else []
    if len(matches) != 1:
        listed = ", ".join(f"r{r} {s[:12]}" for r, s in json.loads(row.revisions))
        raise MergeError(
            f"“{winner}”不是唯一一个参与冲突的修订（可选：{listed}）",
            message_en=f"{winner!r} does not name exactly one competing revision ({listed})",
        )
    conn.execute(
        update(CONF)
        .where(CONF.c.inspection_id == inspection_id)
        .values(
            status="resolved",
            winner_sha256=matches[0],
            resolved_by=resolved_by,
            reason=reason,
            resolved_at=datetime.now(timezone.utc),
        )
    )
    visits = refresh_inspections(conn, [inspection_id])
    refresh_visits(conn, visits)
    conn.execute(
        insert(LOG).values(
            at=datetime.now(timezone.utc),
            action="resolve_conflict",
            manifest_sha256=None,
            outcome="resolved",
            message=f"{inspection_id} -> {matches[0]} by {resolved_by}: {reason}",
        )
    )
    return next(c for c in list_conflicts(conn) if c.inspection_id == inspection_id)
