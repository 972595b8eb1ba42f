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

The rule itself is written once, in ``merge/summary.py``: the merge keeps a
per-station summary current with it, and the roll-up reads about one row per
station from that summary. The reference statements (``reference=True``) apply
the same rule to the raw tables in one go; a test holds the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fengqiao_desktop.merge import summary
from fengqiao_desktop.merge.results import year_bounds

_ST_CTE = """st AS (
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
)"""

# The reference: the rule over the raw tables in one statement (kept to check the summary against)
_REFERENCE_CTES = (
    "WITH "
    + summary.CUR_CTE.format(where="")
    + ",\n"
    + summary.RES_CTE
    + ",\n"
    + summary.FL_CTE.format(where="")
    + """,
fc AS (
  SELECT station_code,
         SUM(CASE WHEN """
    + summary.OPEN_SQL
    + """ THEN 1 ELSE 0 END) AS open_n,
         SUM(CASE WHEN """
    + summary.NOT_RECTIFIED_SQL
    + """ AND deadline < :as_of THEN 1 ELSE 0 END) AS overdue_n,
         SUM(CASE WHEN """
    + summary.VERIFIED_SQL
    + """ THEN 1 ELSE 0 END) AS verified_n
  FROM fl WHERE rn = 1
  GROUP BY station_code
),
"""
    + _ST_CTE
    + "\n"
)

# The same figures from the summary the merge keeps (merge/summary.py): the year's row for the
# results; the findings as at the end of the latest year up to this one with a row. ``fc`` and
# ``res`` stay plain filters of the summary, so SQLite reads them by its primary key per station
# (a join inside ``fc`` would make it build and index a copy of the summary on every roll-up);
# the overdue counts (``od``) are joined beside them
_SUMMARY_CTES = (
    """WITH res AS (
  SELECT station_code, five, demo, vetoed, rubric_total, last_at
  FROM station_summary WHERE year = :year
),
od AS (
  SELECT d.station_code, SUM(d.n) AS overdue_n
  FROM station_summary_deadlines d
  JOIN station_summary s ON s.station_code = d.station_code AND s.year = d.year
  WHERE s.year <= :year AND (s.next_year IS NULL OR s.next_year > :year) AND d.deadline < :as_of
  GROUP BY d.station_code
),
fc AS (
  SELECT station_code, open_n, verified_n
  FROM station_summary WHERE year <= :year AND (next_year IS NULL OR next_year > :year)
),
"""
    + _ST_CTE
    + "\n"
)

_GROUPS_SELECT = """
SELECT st.area, st.town, st.level,
       COUNT(*) AS stations,
       SUM(CASE WHEN res.station_code IS NULL THEN 0 ELSE 1 END) AS inspected,
       COALESCE(SUM(res.five), 0) AS five,
       COALESCE(SUM(res.demo), 0) AS demo,
       COALESCE(SUM(res.vetoed), 0) AS vetoed,
       COALESCE(SUM(fc.open_n), 0) AS open_n,
       COALESCE(SUM({overdue}), 0) AS overdue_n,
       COALESCE(SUM(fc.verified_n), 0) AS verified_n
FROM st
LEFT JOIN res ON res.station_code = st.code
LEFT JOIN fc ON fc.station_code = st.code
{od_join}GROUP BY st.area, st.town, st.level
"""

_STATIONS_SELECT = """
SELECT st.code, st.name, st.level, st.area, st.town,
       CASE WHEN res.station_code IS NULL THEN 0 ELSE 1 END AS inspected,
       COALESCE(res.five, 0) AS five, COALESCE(res.demo, 0) AS demo,
       COALESCE(res.vetoed, 0) AS vetoed, res.rubric_total, res.last_at,
       COALESCE(fc.open_n, 0) AS open_n, COALESCE({overdue}, 0) AS overdue_n,
       COALESCE(fc.verified_n, 0) AS verified_n
FROM st
LEFT JOIN res ON res.station_code = st.code
LEFT JOIN fc ON fc.station_code = st.code
{od_join}{{where}}ORDER BY st.code
"""

# the summary's overdue counts come from ``od``; the reference's ``fc`` has them
_SUMMARY_JOINS = {"overdue": "od.overdue_n", "od_join": "LEFT JOIN od ON od.station_code = st.code\n"}
_REFERENCE_JOINS = {"overdue": "fc.overdue_n", "od_join": ""}
GROUPS_SQL = _SUMMARY_CTES + _GROUPS_SELECT.format(**_SUMMARY_JOINS)
STATIONS_SQL = _SUMMARY_CTES + _STATIONS_SELECT.format(**_SUMMARY_JOINS)
REFERENCE_GROUPS_SQL = _REFERENCE_CTES + _GROUPS_SELECT.format(**_REFERENCE_JOINS)
REFERENCE_STATIONS_SQL = _REFERENCE_CTES + _STATIONS_SELECT.format(**_REFERENCE_JOINS)

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
    return {"start": start, "end": end, "year": year, "as_of": as_of.isoformat()}


def group_rows(conn: Connection, year: int, as_of: date, *, reference: bool = False) -> list[GroupRow]:
    """The roll-up: counts per (area, town, level), in one SQL statement over the per-station summary
    (``reference``: over the raw tables, the rule written out without the summary)."""
    rows = conn.execute(text(REFERENCE_GROUPS_SQL if reference else GROUPS_SQL), params(year, as_of))
    # rows unpacked in the statement's column order (area, town, level, then the eight counts)
    return [GroupRow(area or "", town or "", level, *map(int, counts)) for area, town, level, *counts in rows]


def station_rows(
    conn: Connection, year: int, as_of: date, *, area: str | None = None, reference: bool = False
) -> list[StationRow]:
    """One row per station with its flags (for drill-down and the per-station sheet); ``area``: only
    the stations of that area (a county-level unit's code, as ``StationRow.area`` gives it)."""
    sql = (REFERENCE_STATIONS_SQL if reference else STATIONS_SQL).format(
        where="" if area is None else "WHERE st.area = :area\n"
    )
    rows = conn.execute(text(sql), {**params(year, as_of), "area": area})
    return [
        StationRow(
            r.code,
            r.name,
            r.level,
            r.area or "",
            r.town or "",
            bool(r.inspected),
            bool(r.five),
            bool(r.demo),
            bool(r.vetoed),
            None if r.rubric_total is None else float(r.rubric_total),
            r.last_at,
            int(r.open_n),
            int(r.overdue_n),
            int(r.verified_n),
        )
        for r in rows
    ]


def unit_names(conn: Connection) -> dict[str, tuple[str, str]]:
    """code -> (name, level) of every city, county and town station (the tree's group labels)."""
    return {r.code: (r.name, r.level) for r in conn.execute(text(NAMES_SQL))}
