"""Writing roster rows into a database: all rows or none, updating stations in place by code.

Works on any SQLAlchemy engine (the local SQLite file, the central SQLite file or
PostgreSQL): it uses the stations table of the storage models and portable Core
statements — one ``SELECT ... WHERE code IN`` per chunk to see what exists, one
executemany ``INSERT`` for new stations and one executemany ``UPDATE`` for changed
ones, all inside a single transaction. No ORM object is made per row, which is
what keeps a 50,000-station import within a small factor of raw ``executemany``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from fengqiao_desktop.roster.codes import RANK
from fengqiao_desktop.roster.model import ImportResult, StationRow
from fengqiao_desktop.roster.parse import parse_roster

# Columns the importer writes; the stations table must have them.
DATA_COLUMNS = ("name", "level", "parent_code", "address", "contact", "phone",
                "veterans_served", "is_demo")

# Stays under SQLite's bound-parameter limit on old builds (999).
_CHUNK = 900

Target = Engine | Connection | Session | sessionmaker


def stations_table() -> Table:
    """The stations table of the storage models."""
    from fengqiao_desktop.storage import models

    return models.Station.__table__  # type: ignore[attr-defined]


def import_roster(target: Target, path: str | Path, *, table: Table | None = None) -> ImportResult:
    """Parse ``path`` and write its stations: all of them, or none if any row is bad.

    ``target`` is an Engine, a Connection, a sessionmaker or a Session. With an
    Engine or a sessionmaker the import commits its own transaction; with a
    Connection or a Session it runs inside the caller's transaction.
    Raises ``RosterError`` (with ``.rows``) before anything is written.
    """
    table = table if table is not None else stations_table()
    with _connection(target) as conn:
        rows = parse_roster(path, known_codes=lambda missing: existing_codes(conn, table, missing))
        return write_rows(conn, table, rows)


def upsert_rows(target: Target, rows: Sequence[StationRow], *, table: Table | None = None) -> ImportResult:
    """Write already-validated rows (e.g. the demo roster) in one transaction."""
    table = table if table is not None else stations_table()
    with _connection(target) as conn:
        return write_rows(conn, table, rows)


def existing_codes(conn: Connection, table: Table, codes: Iterable[str]) -> set[str]:
    """Which of ``codes`` are stations in the database already."""
    found: set[str] = set()
    wanted = list(codes)
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i:i + _CHUNK]
        found.update(conn.execute(select(table.c.code).where(table.c.code.in_(chunk))).scalars())
    return found


def write_rows(conn: Connection, table: Table, rows: Sequence[StationRow]) -> ImportResult:
    """Insert new stations, update changed ones, count the rest; parents before children."""
    ordered = sorted(rows, key=lambda r: (RANK[r.level], r.code))
    current = _current_values(conn, table, [r.code for r in ordered])
    to_insert: list[dict] = []
    to_update: list[dict] = []
    unchanged = 0
    for r in ordered:
        values = _values(r)
        old = current.get(r.code)
        if old is None:
            to_insert.append({"code": r.code, **values})
        elif old != tuple(values[c] for c in DATA_COLUMNS):
            to_update.append({"_code": r.code, **values})
        else:
            unchanged += 1
    if to_insert:
        _executemany(conn, table, insert(table), to_insert)
    if to_update:
        stmt = update(table).where(table.c.code == bindparam("_code")).values(
            {c: bindparam(c) for c in DATA_COLUMNS})
        _executemany(conn, table, stmt, to_update)
    return ImportResult(added=len(to_insert), updated=len(to_update), unchanged=unchanged)


def _executemany(conn: Connection, table: Table, stmt, params: list[dict]) -> None:
    """Run ``stmt`` once per parameter set through the driver's own executemany.

    ``conn.execute(stmt, list)`` spends most of its time building parameters row
    by row; here the statement is compiled once for this dialect, each column's
    bind processor (if its type has one, e.g. an Enum) is applied column-wise,
    and the driver gets plain tuples (qmark/format) or dicts (named styles).
    """
    keys = list(params[0])
    compiled = stmt.compile(dialect=conn.dialect, column_keys=keys)
    for key in keys:
        column = table.c.get(key.lstrip("_"))
        proc = column.type.bind_processor(conn.dialect) if column is not None else None
        if proc is not None:
            for p in params:
                p[key] = proc(p[key])
    if compiled.positional:
        order = compiled.positiontup or []
        data: list = [tuple(p[k] for k in order) for p in params]
    else:
        data = params
    conn.exec_driver_sql(str(compiled), data)


def _values(r: StationRow) -> dict:
    return {
        "name": r.name, "level": r.level.value, "parent_code": r.parent_code,
        "address": r.address or "", "contact": r.contact or "", "phone": r.phone or "",
        "veterans_served": r.veterans_served, "is_demo": bool(r.is_demo),
    }


def _current_values(conn: Connection, table: Table, codes: list[str]) -> dict[str, tuple]:
    cols = [table.c[c] for c in DATA_COLUMNS]
    out: dict[str, tuple] = {}
    for i in range(0, len(codes), _CHUNK):
        chunk = codes[i:i + _CHUNK]
        for code, *vals in conn.execute(select(table.c.code, *cols).where(table.c.code.in_(chunk))):
            out[code] = _normalised(vals)
    return out


def _normalised(vals: list) -> tuple:
    # Read-back values may be an enum member, None for empty text, or 0/1 for booleans.
    name, level, parent, address, contact, phone, served, demo = vals
    return (name, getattr(level, "value", level), parent, address or "", contact or "",
            phone or "", served, bool(demo))


@contextmanager
def _connection(target: Target):
    """A Connection inside one transaction, committed only if we opened it."""
    if isinstance(target, Engine):
        with target.begin() as conn:
            yield conn
    elif isinstance(target, Connection):
        if target.in_transaction():
            yield target
        else:
            with target.begin():
                yield target
    elif isinstance(target, Session):
        yield target.connection()
    elif isinstance(target, sessionmaker | Callable):  # a session factory
        with target() as session, session.begin():
            yield session.connection()
    else:  # pragma: no cover - a programming error
        raise TypeError(f"cannot import a roster into {target!r}")
