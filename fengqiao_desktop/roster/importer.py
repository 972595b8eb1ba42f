"""Writing roster rows into a database: all rows or none, updating stations in place by code.

Works on any SQLAlchemy engine (the local SQLite file, the central SQLite file or
PostgreSQL): it uses the stations table of the storage models and portable Core
statements — one ``SELECT ... WHERE code IN`` per chunk to see what exists, one
executemany ``INSERT`` for new stations (on SQLite, 100 rows per statement) and one
executemany ``UPDATE`` for changed ones, all inside a single transaction. No ORM
object is made per row, which is what keeps a 50,000-station import within a small
factor of raw ``executemany``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import cast

from sqlalchemy import Insert, Table, bindparam, func, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from fengqiao_desktop.domain.enums import Level
from fengqiao_desktop.roster.model import ImportResult, StationRow
from fengqiao_desktop.roster.parse import StationValues, parse_station_values
from fengqiao_desktop.roster.reading import read_rows

# Columns the importer writes; the stations table must have them.
DATA_COLUMNS = ("name", "level", "parent_code", "address", "contact", "phone", "veterans_served", "is_demo")

# Stays under SQLite's bound-parameter limit on old builds (999).
_CHUNK = 900

Target = Engine | Connection | Session | sessionmaker


def stations_table() -> Table:
    """The stations table of the storage models."""
    from fengqiao_desktop.storage import models

    return cast(Table, models.Station.__table__)


def import_roster(target: Target, path: str | Path, *, table: Table | None = None) -> ImportResult:
    """Parse ``path`` and write its stations: all of them, or none if any row is bad.

    ``target`` is an Engine, a Connection, a sessionmaker or a Session. With an
    Engine or a sessionmaker the import commits its own transaction; with a
    Connection or a Session it runs inside the caller's transaction.
    Raises ``RosterError`` (with ``.rows``) before anything is written.
    """
    table = table if table is not None else stations_table()
    with _connection(target) as conn:
        values = parse_station_values(
            read_rows(path), name=Path(path).name, known_codes=lambda missing: existing_codes(conn, table, missing)
        )
        return write_values(conn, table, values)


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
        chunk = wanted[i : i + _CHUNK]
        found.update(conn.execute(select(table.c.code).where(table.c.code.in_(chunk))).scalars())
    return found


def write_rows(conn: Connection, table: Table, rows: Sequence[StationRow]) -> ImportResult:
    """Insert new stations, update changed ones, count the rest; parents before children."""
    return write_values(
        conn,
        table,
        [
            (
                r.code,
                r.name,
                r.level.value,
                r.parent_code,
                r.address or "",
                r.contact or "",
                r.phone or "",
                r.veterans_served,
                bool(r.is_demo),
            )
            for r in rows
        ],
    )


# Level value -> rank (city first): parents are written before their children.
_RANK_OF_VALUE = {lvl.value: lvl.rank for lvl in Level}
_by_code = itemgetter(0)


def write_values(conn: Connection, table: Table, values: Sequence[StationValues]) -> ImportResult:
    """:func:`write_rows` over plain tuples ``(code, *DATA_COLUMNS)`` (the parser's row path)."""
    by_rank: dict[int, list[StationValues]] = {}
    rank_of = _RANK_OF_VALUE
    for v in values:
        rank = rank_of[v[2]]
        bucket = by_rank.get(rank)
        if bucket is None:
            bucket = by_rank[rank] = []
        bucket.append(v)
    ordered: list[StationValues] = []
    for rank in sorted(by_rank):
        ordered.extend(sorted(by_rank[rank], key=_by_code))
    current = _current_values(conn, table, [v[0] for v in ordered])
    to_update: list[tuple] = []
    unchanged = 0
    if current:
        to_insert: list[tuple] = []
        get = current.get
        for v in ordered:
            old = get(v[0])
            if old is None:
                to_insert.append(v)
            elif old == (new := v[1:]) or _normalised(old) == new:
                unchanged += 1
            else:
                to_update.append((*new, v[0]))
    else:
        to_insert = ordered
    if to_insert:
        _executemany(conn, table, insert(table), ("code", *DATA_COLUMNS), to_insert)
    if to_update:
        stmt = update(table).where(table.c.code == bindparam("_code")).values({c: bindparam(c) for c in DATA_COLUMNS})
        _executemany(conn, table, stmt, (*DATA_COLUMNS, "_code"), to_update)
    return ImportResult(added=len(to_insert), updated=len(to_update), unchanged=unchanged)


def _executemany(conn: Connection, table: Table, stmt, keys: Sequence[str], params: list[tuple]) -> None:
    """Run ``stmt`` once per parameter tuple (in ``keys`` order) through the driver's executemany.

    ``conn.execute(stmt, list_of_dicts)`` spends most of its time building
    parameters row by row; here the statement is compiled once for this dialect,
    each column's bind processor (if its type has one, e.g. an Enum) is applied,
    and the driver gets plain tuples (qmark/format styles) or dicts (named styles).
    """
    compiled = stmt.compile(dialect=conn.dialect, column_keys=list(keys))
    procs = []
    for i, key in enumerate(keys):
        column = table.c.get(key.lstrip("_"))
        proc = column.type.bind_processor(conn.dialect) if column is not None else None
        if proc is not None:
            procs.append((i, proc))
    # Skip a processor that leaves every distinct value as it is (SQLite's Boolean
    # turns True into 1, which the driver would store anyway).
    procs = [
        (i, proc)
        for i, proc in procs
        if any(proc(v) != v or type(proc(v)) is not type(v) and not isinstance(v, bool) for v in {p[i] for p in params})
    ]
    if procs:
        converted = []
        for p in params:
            lst = list(p)
            for i, proc in procs:
                lst[i] = proc(lst[i])
            converted.append(tuple(lst))
        params = converted
    sql = str(compiled)
    if compiled.positional:
        order = [list(keys).index(k) for k in (compiled.positiontup or [])]
        data: list = params if order == list(range(len(keys))) else [tuple(p[i] for i in order) for p in params]
        if isinstance(stmt, Insert) and len(data) > 1:
            _insert_rows_per_statement(conn, sql, data)
            return
    else:
        data = [dict(zip(keys, p, strict=True)) for p in params]
    conn.exec_driver_sql(sql, data)


def _insert_rows_per_statement(conn: Connection, sql: str, data: list[tuple]) -> None:
    """Run a one-row positional ``INSERT ... VALUES (?, ...)`` for all of ``data``, many rows per statement.

    One prepared ``INSERT ... VALUES (...), (...), ...`` per chunk instead of one
    execution per row: SQLite sets a statement up again on every execution (e.g. the
    list behind the stations table's ``CHECK (level IN (...))``), which per row costs
    about a third of storing it. Chunks stay under the old bound-parameter limit; the
    rows left over go through the one-row statement.
    """
    head, sep, row = sql.rpartition(" VALUES ")
    per = _CHUNK // len(data[0])
    full = len(data) - len(data) % per if sep and per > 1 else 0
    if full:
        many = f"{head}{sep}{', '.join([row] * per)}"
        conn.exec_driver_sql(many, [tuple(chain.from_iterable(data[i : i + per])) for i in range(0, full, per)])
    if full < len(data):
        conn.exec_driver_sql(sql, data[full:])


def _current_values(conn: Connection, table: Table, codes: list[str]) -> dict[str, tuple]:
    """The stored values (``DATA_COLUMNS`` order, as read back) of those of ``codes`` that exist."""
    cols = [table.c[c] for c in DATA_COLUMNS]
    out: dict[str, tuple] = {}
    total = conn.execute(select(func.count()).select_from(table)).scalar_one()
    if total == 0:
        return out
    if total <= 4 * len(codes):
        # A roster about the size of the table: one scan beats many ``IN (...)`` lookups.
        wanted = set(codes)
        for row in conn.execute(select(table.c.code, *cols)):
            if row[0] in wanted:
                out[row[0]] = tuple(row[1:])
        return out
    for i in range(0, len(codes), _CHUNK):
        chunk = codes[i : i + _CHUNK]
        for row in conn.execute(select(table.c.code, *cols).where(table.c.code.in_(chunk))):
            out[row[0]] = tuple(row[1:])
    return out


def _normalised(vals: tuple) -> tuple:
    # Read-back values may be an enum member, None for empty text, or 0/1 for booleans
    # (compared as read first: (…, 1) == (…, True) already holds in Python).
    name, level, parent, address, contact, phone, served, demo = vals
    return (name, getattr(level, "value", level), parent, address or "", contact or "", phone or "", served, bool(demo))


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
