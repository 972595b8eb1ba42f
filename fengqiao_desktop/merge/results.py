"""A station's current result: the rule the coverage views use.

Rule (docs/merge.md): within a period (by default a calendar year, in China
Standard Time), for each station and each form kind (five-haves gate,
demonstration rubric), the current result is that of the completed inspection
whose winning revision has the latest ``completed_at``; a tie goes to the larger
inspection id. An inspection the bureau returned (退回) does not count until a
corrected revision arrives (``merge/review.py``). Every other inspection of the station stays stored and listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from fengqiao_desktop.domain.time import CST
from fengqiao_desktop.domain.time import today as cst_today
from fengqiao_desktop.merge import models
from fengqiao_desktop.merge.review import returned_ids

INS = models.table_of(models.Inspection)


@dataclass(frozen=True)
class StationResult:
    station_code: str
    form_kind: str
    inspection_id: str
    form_id: str
    completed_at: str
    total: float | None
    verdict: str | None
    inspections_in_period: int


def year_bounds(year: int) -> tuple[str, str]:
    """[start, end) of a CST calendar year, as the UTC strings stored in completed_at."""

    def utc(y: int) -> str:
        return datetime(y, 1, 1, tzinfo=CST).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    return utc(year), utc(year + 1)


def station_results(conn: Connection, *, year: int | None = None) -> list[StationResult]:
    year = year or cst_today().year
    start, end = year_bounds(year)
    rows = conn.execute(
        select(
            INS.c.id, INS.c.station_code, INS.c.form_kind, INS.c.form_id, INS.c.completed_at, INS.c.total, INS.c.verdict
        ).where(INS.c.completed_at >= start, INS.c.completed_at < end, INS.c.id.not_in(returned_ids()))
    )
    best: dict[tuple[str, str], Any] = {}
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (r.station_code, r.form_kind)
        counts[key] = counts.get(key, 0) + 1
        if key not in best or (r.completed_at, r.id) > (best[key].completed_at, best[key].id):
            best[key] = r
    return [
        StationResult(r.station_code, r.form_kind, r.id, r.form_id, r.completed_at, r.total, r.verdict, counts[k])
        for k, r in sorted(best.items())
    ]
