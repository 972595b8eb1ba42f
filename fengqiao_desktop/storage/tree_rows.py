"""The station tree's rows with their badges, read on a plain DB-API connection (no SQLAlchemy).

At start-up the window is shown first and the store opens on a worker; loading the
storage stack (SQLAlchemy, the forms and their pydantic schema) takes most of a
second there. The tree's first level needs the roster and a few inspections only:
:func:`read_first_level` reads it straight from the file (``sqlite3``, or SQLCipher
with the data folder's key) when the file is at the newest schema revision, so the
window shows it at once and the store opens after it. :func:`first_level` and
:func:`whole_tree` are the tree's queries: the stations service runs them on its own
connection (50,000 rows come back in half the time they take through the ORM).

A completed inspection's form kind comes from the form content registered with it
(``registered_forms``, which every inspection names by a foreign key), so no form is
parsed; the badge rule itself is the domain's (:func:`~fengqiao_desktop.domain.stations.station_badge`).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence

from fengqiao_desktop.domain.enums import FormKind, Level
from fengqiao_desktop.domain.stations import NOT_INSPECTED, InspectionState, StationSummary, station_badge
from fengqiao_desktop.storage.cipher import DRIVER_ERRORS, DbKey, connect
from fengqiao_desktop.storage.revision import head_revision, read_state

log = logging.getLogger(__name__)

CHUNK = 900  # bound parameters per statement: under SQLite's old limit (the storage layer's one figure)
# what makes the early read give up, leaving the store's opening to report it: the driver's
# errors (a damaged file, a wrong key, a file just being replaced), a vanished file, odd content
_GIVE_UP: tuple[type[Exception], ...] = (*DRIVER_ERRORS, OSError, KeyError, ValueError)

_LEVELS = {lv.value: lv for lv in Level}  # a dict lookup: Level(value) costs more, 50,000 times over
_RANK = " ".join(f"WHEN '{lv.value}' THEN {lv.rank}" for lv in Level)
_COLUMNS = "code, name, level, parent_code, is_demo"
_ORDER = f"ORDER BY CASE level {_RANK} END, code"  # parents before children, level by level

# stations without a parent, or whose parent is not in the roster (the parents named are
# found from the parent-code index, not by a scan of every station)
FIRST_LEVEL_SQL = f"""
SELECT {_COLUMNS} FROM stations
WHERE parent_code IS NULL OR parent_code IN (
    SELECT named.parent_code FROM (SELECT DISTINCT parent_code FROM stations WHERE parent_code IS NOT NULL) AS named
    WHERE NOT EXISTS (SELECT 1 FROM stations AS parent WHERE parent.code = named.parent_code))
{_ORDER}
"""
WHOLE_TREE_SQL = f"SELECT {_COLUMNS} FROM stations {_ORDER}"
_INSPECTIONS = "SELECT station_code, form_sha256, status, verdict, completed_at, updated_at FROM inspections"


def _chunks(items: Sequence[str]):
    for i in range(0, len(items), CHUNK):
        part = items[i : i + CHUNK]
        yield part, ",".join("?" * len(part))


def _badges(con, codes: Sequence[str] | None) -> dict[str, str]:
    """The badge of each station of ``codes`` (of every station when None) that has inspections."""
    per: dict[str, list[InspectionState]] = {}
    reads = (
        [con.execute(_INSPECTIONS)]
        if codes is None
        else (con.execute(f"{_INSPECTIONS} WHERE station_code IN ({marks})", part) for part, marks in _chunks(codes))
    )
    for cursor in reads:
        for code, *state in cursor:
            per.setdefault(code, []).append(InspectionState(*state))
    shas = sorted({i.form_sha256 for states in per.values() for i in states})
    kinds: dict[str, FormKind] = {}
    for part, marks in _chunks(shas):
        for sha, content in con.execute(
            f"SELECT sha256, content FROM registered_forms WHERE sha256 IN ({marks})", part
        ):
            kinds[sha] = FormKind(json.loads(content)["kind"])
    return {code: station_badge(states, kinds.__getitem__) for code, states in per.items()}


def _summaries(rows, badges: dict[str, str]) -> list[StationSummary]:
    return [
        StationSummary(
            code=code,
            name=name,
            level=_LEVELS[level],
            parent_code=parent,
            badge=badges.get(code, NOT_INSPECTED),
            is_demo=bool(demo),
        )
        for code, name, level, parent, demo in rows
    ]


def first_level(con) -> list[StationSummary]:
    """The tree's first level with badges, read on ``con`` (a DB-API connection to the local schema):
    stations without a parent, or whose parent is not in the roster."""
    rows = con.execute(FIRST_LEVEL_SQL).fetchall()
    return _summaries(rows, _badges(con, [r[0] for r in rows]))


def whole_tree(con) -> list[StationSummary]:
    """Every station with its badge (parents before children within each level), read on ``con``."""
    rows = con.execute(WHOLE_TREE_SQL).fetchall()
    return _summaries(rows, _badges(con, None))


def read_first_level(db_path: str | os.PathLike, key: DbKey | None = None) -> list[StationSummary] | None:
    """The first level of the local database at ``db_path`` (encrypted with ``key``, if given),
    read without changing the file; None when it is not at the newest schema revision (new, or a
    migration is due) or cannot be read here: opening the store then migrates it, or says what
    is wrong with it."""
    try:
        con = connect(db_path, key, read_only=True)
        try:
            _has_data, current = read_state(con)
            if current != head_revision():
                return None
            return first_level(con)
        finally:
            con.close()
    except _GIVE_UP as exc:
        log.info("the first level was not read before the store opened: %s", exc)
        return None
