"""The per-station coverage summary, kept current by the merge so the roll-up reads one row per station.

The coverage rule (docs/coverage.md) is written here once, as SQL fragments
(``CUR_CTE``, ``RES_CTE``, ``FL_CTE``) that the reference roll-up
(``coverage/rollup.py``, over the raw tables) and the summary's refresh share:

- ``station_summary``: one row per (station, CST year) in which the station has a
  completed inspection that was not returned. It holds the year's current results
  (five-haves pass, demonstration pass, vetoed, the rubric's score, the last
  completion) and the findings as they stand at the end of that year (open and
  verified counts).
- ``station_summary_deadlines``: for the same row, how many findings still not
  rectified at the end of that year have each deadline. Overdue depends on the as-of
  date, so the roll-up counts the deadlines before it: the rule stays exact for
  any ``--as-of``.

A year with no row for a station: the station was not inspected then, and its
findings stand as at the end of the latest earlier year with a row (no
inspection in between could have changed them). Each row names the station's
next year with a row (``next_year``), so the row whose findings count in a year
is found by a plain filter.

``refresh_summary(conn, station_codes)`` recomputes every year of these stations;
``merge/apply.py`` (imports, conflict resolutions, quarantine release and
rejection), ``merge/followup.py`` (销号) and ``merge/review.py`` (review
decisions) call it for the stations they touch.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, delete, text
from sqlalchemy.engine import Connection

from fengqiao_desktop.merge import models
from fengqiao_desktop.merge.results import year_bounds
from fengqiao_desktop.merge.review import RETURNED_SQL

SUMMARY = models.table_of(models.StationSummary)
DEADLINES = models.table_of(models.StationSummaryDeadline)

_CHUNK = 500

# {where} is an extra condition on the inspections (AND ...), empty for every station
CUR_CTE = (
    """cur AS (
  SELECT station_code, form_kind, verdict, total, completed_at,
         ROW_NUMBER() OVER (PARTITION BY station_code, form_kind
                            ORDER BY completed_at DESC, id DESC) AS rn
  FROM inspections
  WHERE completed_at >= :start AND completed_at < :end
    AND id NOT IN ("""
    + RETURNED_SQL
    + """){where}
)"""
)

RES_CTE = """res AS (
  SELECT station_code,
         MAX(CASE WHEN form_kind = 'gate' AND verdict = 'pass' THEN 1 ELSE 0 END) AS five,
         MAX(CASE WHEN form_kind = 'rubric' AND verdict = 'pass' THEN 1 ELSE 0 END) AS demo,
         MAX(CASE WHEN form_kind = 'rubric' AND verdict = 'veto' THEN 1 ELSE 0 END) AS vetoed,
         MAX(CASE WHEN form_kind = 'rubric' THEN total END) AS rubric_total,
         MAX(completed_at) AS last_at
  FROM cur WHERE rn = 1
  GROUP BY station_code
)"""

# the latest state of each (station, finding id) before the period's end, in any earlier year too
FL_CTE = (
    """fl AS (
  SELECT f.station_code, f.status, f.deadline,
         ROW_NUMBER() OVER (PARTITION BY f.station_code, f.finding_id
                            ORDER BY i.completed_at DESC, i.id DESC) AS rn
  FROM findings f JOIN inspections i ON i.id = f.inspection_id
  WHERE i.completed_at IS NOT NULL AND i.completed_at < :end
    AND i.id NOT IN ("""
    + RETURNED_SQL
    + """){where}
)"""
)

OPEN_SQL = "COALESCE(status, 'open') <> 'verified'"
NOT_RECTIFIED_SQL = "COALESCE(status, 'open') = 'open' AND deadline IS NOT NULL"
VERIFIED_SQL = "status = 'verified'"


def _summary_insert(where_ins: str, where_find: str) -> str:
    return (
        "INSERT INTO station_summary (station_code, year, five, demo, vetoed, rubric_total, last_at,"
        " open_n, verified_n)\nWITH "
        + CUR_CTE.format(where=where_ins)
        + ",\n"
        + RES_CTE
        + ",\n"
        + FL_CTE.format(where=where_find)
        + """,
fc AS (
  SELECT station_code,
         SUM(CASE WHEN """
        + OPEN_SQL
        + """ THEN 1 ELSE 0 END) AS open_n,
         SUM(CASE WHEN """
        + VERIFIED_SQL
        + """ THEN 1 ELSE 0 END) AS verified_n
  FROM fl WHERE rn = 1
  GROUP BY station_code
)
SELECT res.station_code, :year, res.five, res.demo, res.vetoed, res.rubric_total, res.last_at,
       COALESCE(fc.open_n, 0), COALESCE(fc.verified_n, 0)
FROM res LEFT JOIN fc ON fc.station_code = res.station_code"""
    )


def _deadlines_insert(where_find: str, where_summary: str) -> str:
    return (
        "INSERT INTO station_summary_deadlines (station_code, year, deadline, n)\nWITH "
        + FL_CTE.format(where=where_find)
        + """
SELECT station_code, :year, deadline, COUNT(*)
FROM fl
WHERE rn = 1 AND """
        + NOT_RECTIFIED_SQL
        + """
  AND station_code IN (SELECT ss.station_code FROM station_summary ss WHERE ss.year = :year"""
        + where_summary
        + """)
GROUP BY station_code, deadline"""
    )


_NEXT_YEAR = (
    "UPDATE station_summary SET next_year = (SELECT MIN(n.year) FROM station_summary n"
    " WHERE n.station_code = station_summary.station_code AND n.year > station_summary.year)"
)

_ALL = (
    text(_summary_insert("", "")),
    text(_deadlines_insert("", "")),
    text("SELECT MIN(completed_at), MAX(completed_at) FROM inspections WHERE completed_at IS NOT NULL"),
    text(_NEXT_YEAR),
)
_SOME = (
    text(_summary_insert(" AND station_code IN :codes", " AND f.station_code IN :codes")).bindparams(
        bindparam("codes", expanding=True)
    ),
    text(_deadlines_insert(" AND f.station_code IN :codes", " AND ss.station_code IN :codes")).bindparams(
        bindparam("codes", expanding=True)
    ),
    text(
        "SELECT MIN(completed_at), MAX(completed_at) FROM inspections"
        " WHERE completed_at IS NOT NULL AND station_code IN :codes"
    ).bindparams(bindparam("codes", expanding=True)),
    text(_NEXT_YEAR + " WHERE station_code IN :codes").bindparams(bindparam("codes", expanding=True)),
)


DEFERRED = "fengqiao.merge.summary_deferred"  # conn.info key: stations whose refresh waits


def defer(conn: Connection) -> None:
    """Until ``flush``, refreshes of given stations on ``conn`` are only noted (a batch of imports
    refreshes each station once, at its end, instead of once per bundle)."""
    conn.info[DEFERRED] = set()


def flush(conn: Connection) -> None:
    """Refresh the stations noted since ``defer`` (inside the same transaction), and stop deferring."""
    pending = conn.info.pop(DEFERRED, None)
    if pending:
        refresh_summary(conn, pending)


def refresh_summary(conn: Connection, station_codes: Iterable[str] | None) -> None:
    """Recompute the summary rows of these stations (every year); ``None``: of every station."""
    if station_codes is not None and (pending := conn.info.get(DEFERRED)) is not None:
        pending.update(c for c in station_codes if c)
        return
    if station_codes is None:
        conn.execute(delete(DEADLINES))
        conn.execute(delete(SUMMARY))
        _fill(conn, _ALL, {})
        return
    codes = sorted({c for c in station_codes if c})
    for i in range(0, len(codes), _CHUNK):
        part = codes[i : i + _CHUNK]
        conn.execute(delete(DEADLINES).where(DEADLINES.c.station_code.in_(part)))
        conn.execute(delete(SUMMARY).where(SUMMARY.c.station_code.in_(part)))
        _fill(conn, _SOME, {"codes": part})


def _fill(conn: Connection, statements, extra: dict) -> None:
    summary_sql, deadlines_sql, span_sql, next_year_sql = statements
    first, last = conn.execute(span_sql, extra).one()
    if first is None:
        return
    # times are UTC: a CST year starts 8 hours before its UTC year, so a UTC year Y holds CST years Y and Y+1
    for year in range(int(first[:4]), int(last[:4]) + 2):
        start, end = year_bounds(year)
        values = {"start": start, "end": end, "year": year, **extra}
        conn.execute(summary_sql, values)
        conn.execute(deadlines_sql, values)
    conn.execute(next_year_sql, extra)
