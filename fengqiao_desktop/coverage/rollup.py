"""The coverage roll-up, done in SQL: one statement per view, the same text on SQLite and PostgreSQL.

Coverage rule (docs/coverage.md): for each station and form kind, the current
result within the period is the completed inspection whose winning revision has
the latest ``completed_at`` in the period, a tie going to the larger inspection
id (the merge module's rule, ``merge/results.py``), picked here with
``ROW_NUMBER()``. A station is

- *inspected* when it has any completed inspection in the period;
- *五有达标* when its current five-haves result is ``pass``;
- *示范型达标* when its current rubric result is ``pass`` (≥ 90 and no veto; a
  rubric vetoed by the visit's five-haves check has the verdict ``veto``).

An inspection the bureau returned (退回) counts for nothing, neither its result
nor its findings, until a corrected revision arrives (``merge/review.py``).

Rectification follow-up: a finding keeps its id across visits, so the latest
state of each (station, finding id) — from the most recently completed
inspection before the period's end, in any earlier year too — is what counts:
*open* when not verified (销号), *overdue* when still not rectified (neither
rectified, awaiting 销号, nor verified) and its deadline is before the as-of date,
*verified* otherwise. A finding's state includes the 回头看 verdicts of later
visits and the bureau's 销号 (``merge/followup.py``).

Stations are placed in an *area* (the county-level unit, or the city itself for
towns directly under a city and for the city center) and a *town*, by walking at
most two parents up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fengqiao_desktop.merge.results import year_bounds
from fengqiao_desktop.merge.review import RETURNED_SQL

_CTES = """
WITH cur AS (
  SELECT station_code, form_kind, verdict, total, completed_at,
         ROW_NUMBER() OVER (PARTITION BY station_code, form_kind
                            ORDER BY completed_at DESC, id DESC) AS rn
  FROM inspections
  WHERE completed_at >= :start AND completed_at < :end
    AND id NOT IN (""" + RETURNED_SQL + """)
),
res AS (
  SELECT station_code,
         MAX(CASE WHEN form_kind = 'gate' AND verdict = 'pass' THEN 1 ELSE 0 END) AS five,
         MAX(CASE WHEN form_kind = 'rubric' AND verdict = 'pass' THEN 1 ELSE 0 END) AS demo,
         MAX(CASE WHEN form_kind = 'rubric' AND verdict = 'veto' THEN 1 ELSE 0 END) AS vetoed,
         MAX(CASE WHEN form_kind = 'rubric' THEN total END) AS rubric_total,
         MAX(completed_at) AS last_at
  FROM cur WHERE rn = 1
  GROUP BY station_code
),
fl AS (
  SELECT f.station_code, f.status, f.deadline,
         ROW_NUMBER() OVER (PARTITION BY f.station_code, f.finding_id
                            ORDER BY i.completed_at DESC, i.id DESC) AS rn
  FROM findings f JOIN inspections i ON i.id = f.inspection_id
  WHERE i.completed_at IS NOT NULL AND i.completed_at < :end
    AND i.id NOT IN (""" + RETURNED_SQL + """)
),
fc AS (
  SELECT station_code,
         SUM(CASE WHEN COALESCE(status, 'open') <> 'verified' THEN 1 ELSE 0 END) AS open_n,
         SUM(CASE WHEN COALESCE(status, 'open') = 'open' AND deadline IS NOT NULL
                   AND deadline < :as_of THEN 1 ELSE 0 END) AS overdue_n,
         SUM(CASE WHEN status = 'verified' THEN 1 ELSE 0 END) AS verified_n
  FROM fl WHERE rn = 1
  GROUP BY station_code
),
st AS (
  SELECT s.code, s.name, s.level,
         CASE WHEN s.level IN ('city', 'county') THEN s.code
              WHEN p.level IN ('city', 'county') THEN p.code
              WHEN g.level IN ('city', 'county') THEN g.code
              ELSE '' END AS area,
         CASE WHEN s.level = 'town' THEN s.code
              WHEN s.level = 'village' AND p.level = 'town' THEN p.code
              ELSE '' END AS town
  FROM stations s
  LEFT JOIN stations p ON p.code = s.parent_code
  LEFT JOIN stations g ON g.code = p.parent_code
)
"""

GROUPS_SQL = _CTES + """
SELECT st.area, st.town, st.level,
       COUNT(*) AS stations,
       SUM(CASE WHEN res.station_code IS NULL THEN 0 ELSE 1 END) AS inspected,
       COALESCE(SUM(res.five), 0) AS five,
       COALESCE(SUM(res.demo), 0) AS demo,
       COALESCE(SUM(res.vetoed), 0) AS vetoed,
       COALESCE(SUM(fc.open_n), 0) AS open_n,
       COALESCE(SUM(fc.overdue_n), 0) AS overdue_n,
       COALESCE(SUM(fc.verified_n), 0) AS verified_n
FROM st
LEFT JOIN res ON res.station_code = st.code
LEFT JOIN fc ON fc.station_code = st.code
GROUP BY st.area, st.town, st.level
"""

STATIONS_SQL = _CTES + """
SELECT st.code, st.name, st.level, st.area, st.town,
       CASE WHEN res.station_code IS NULL THEN 0 ELSE 1 END AS inspected,
       COALESCE(res.five, 0) AS five, COALESCE(res.demo, 0) AS demo,
       COALESCE(res.vetoed, 0) AS vetoed, res.rubric_total, res.last_at,
       COALESCE(fc.open_n, 0) AS open_n, COALESCE(fc.overdue_n, 0) AS overdue_n,
       COALESCE(fc.verified_n, 0) AS verified_n
FROM st
LEFT JOIN res ON res.station_code = st.code
LEFT JOIN fc ON fc.station_code = st.code
ORDER BY st.code
"""

NAMES_SQL = "SELECT code, name, level FROM stations WHERE level IN ('city', 'county', 'town')"


@dataclass(frozen=True)
class GroupRow:
    """Counts for the stations of one level in one (area, town)."""

    area: str
    town: str
    level: str
    stations: int
    inspected: int
    five_haves: int
    demonstration: int
    vetoed: int
    open: int
    overdue: int
    verified: int


@dataclass(frozen=True)
class StationRow:
    code: str
    name: str
    level: str
    area: str
    town: str
    inspected: bool
    five_haves: bool
    demonstration: bool
    vetoed: bool
    rubric_total: float | None
    last_at: str | None
    open: int
    overdue: int
    verified: int


def params(year: int, as_of: date) -> dict:
    start, end = year_bounds(year)
    return {"start": start, "end": end, "as_of": as_of.isoformat()}


def group_rows(conn: Connection, year: int, as_of: date) -> list[GroupRow]:
    """The roll-up: counts per (area, town, level), in one SQL statement."""
    rows = conn.execute(text(GROUPS_SQL), params(year, as_of))
    return [GroupRow(r.area or "", r.town or "", r.level, int(r.stations), int(r.inspected), int(r.five),
                     int(r.demo), int(r.vetoed), int(r.open_n), int(r.overdue_n), int(r.verified_n))
            for r in rows]


def station_rows(conn: Connection, year: int, as_of: date) -> list[StationRow]:
    """One row per station with its flags (for drill-down and the per-station sheet)."""
    rows = conn.execute(text(STATIONS_SQL), params(year, as_of))
    return [StationRow(r.code, r.name, r.level, r.area or "", r.town or "", bool(r.inspected), bool(r.five),
                       bool(r.demo), bool(r.vetoed),
                       None if r.rubric_total is None else float(r.rubric_total), r.last_at,
                       int(r.open_n), int(r.overdue_n), int(r.verified_n))
            for r in rows]


def unit_names(conn: Connection) -> dict[str, tuple[str, str]]:
    """code -> (name, level) of every city, county and town station (the tree's group labels)."""
    return {r.code: (r.name, r.level) for r in conn.execute(text(NAMES_SQL))}
