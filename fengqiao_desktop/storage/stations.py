"""Station repository: upsert roster rows, keep the pinyin search keys fresh, read plain rows.

Rows written by someone else with plain Core statements (the roster importer's
fast path) have no pinyin keys yet, or stale ones after a rename;
:meth:`StationRepo.refresh_search_keys` finds them by comparing ``pinyin_name``
with ``name`` and fills them in. Callers that search run it first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, or_, select, update
from sqlalchemy.orm import Session

from fengqiao_desktop.domain import Level
from fengqiao_desktop.storage.models import Station, utcnow
from fengqiao_desktop.storage.tree_rows import CHUNK as _CHUNK

_RANK = {lv.value: lv.rank for lv in Level}


@dataclass(frozen=True)
class StationRecord:
    """A station as stored (plain data)."""

    code: str
    name: str
    level: Level
    parent_code: str | None
    address: str
    contact: str
    phone: str
    veterans_served: int | None
    is_demo: bool


@dataclass(frozen=True)
class UpsertResult:
    added: int
    updated: int
    unchanged: int


def _level_value(level: Any) -> str:
    if isinstance(level, Level):
        return level.value
    return Level.parse(str(level)).value


def record(row: Station) -> StationRecord:
    return StationRecord(
        code=row.code,
        name=row.name,
        level=Level(row.level),
        parent_code=row.parent_code,
        address=row.address or "",
        contact=row.contact or "",
        phone=row.phone or "",
        veterans_served=row.veterans_served,
        is_demo=bool(row.is_demo),
    )


class StationRepo:
    """Stations in a session; methods are static so the class is only a namespace."""

    DATA = ("name", "level", "parent_code", "address", "contact", "phone", "veterans_served", "is_demo")

    @staticmethod
    def upsert_many(session: Session, rows: Iterable[Any]) -> UpsertResult:
        """Insert or update stations by code, parents before children, in the caller's transaction.

        A row needs ``code, name, level, parent_code, address, contact, phone,
        veterans_served, is_demo`` attributes (the roster's ``StationRow``).
        """
        ordered = sorted(rows, key=lambda r: (_RANK[_level_value(r.level)], r.code))
        codes = [r.code for r in ordered]
        current: dict[str, tuple] = {}
        cols = [getattr(Station, c) for c in StationRepo.DATA]
        for i in range(0, len(codes), _CHUNK):
            for code, *vals in session.execute(
                select(Station.code, *cols).where(Station.code.in_(codes[i : i + _CHUNK]))
            ):
                current[code] = (
                    vals[0],
                    vals[1],
                    vals[2],
                    vals[3] or "",
                    vals[4] or "",
                    vals[5] or "",
                    vals[6],
                    bool(vals[7]),
                )
        now = utcnow()
        new, changed = [], []
        unchanged = 0
        from fengqiao_desktop.storage import pinyin  # its dictionaries load in a third of a second

        for r in ordered:
            values = (
                r.name,
                _level_value(r.level),
                r.parent_code or None,
                r.address or "",
                r.contact or "",
                r.phone or "",
                r.veterans_served,
                bool(r.is_demo),
            )
            old = current.get(r.code)
            if old == values:
                unchanged += 1
                continue
            ini, full = pinyin.keys(r.name)
            data = dict(zip(StationRepo.DATA, values, strict=True))
            data.update(pinyin_initials=ini, pinyin_full=full, pinyin_name=r.name, updated_at=now)
            if old is None:
                new.append({"code": r.code, **data})
            else:
                changed.append({"b_code": r.code, **data})
        if new:
            session.execute(insert(Station), new)
        if changed:
            table = cast(Table, Station.__table__)
            stmt = update(table).where(table.c.code == bindparam("b_code"))
            session.connection().execute(stmt, changed)
        session.flush()
        return UpsertResult(added=len(new), updated=len(changed), unchanged=unchanged)

    @staticmethod
    def refresh_search_keys(session: Session) -> int:
        """Compute pinyin keys for stations that lack them or were renamed; returns how many."""
        stale = session.execute(
            select(Station.code, Station.name).where(
                or_(Station.pinyin_name.is_(None), Station.pinyin_name != Station.name)
            )
        ).all()
        if not stale:
            return 0  # the pinyin dictionaries are not even loaded: a start-up with fresh keys
        from fengqiao_desktop.storage import pinyin

        params = []
        for code, name in stale:
            ini, full = pinyin.keys(name)
            params.append({"b_code": code, "pinyin_initials": ini, "pinyin_full": full, "pinyin_name": name})
        t = cast(Table, Station.__table__)
        session.connection().execute(
            update(t)
            .where(t.c.code == bindparam("b_code"))
            .values(
                pinyin_initials=bindparam("pinyin_initials"),
                pinyin_full=bindparam("pinyin_full"),
                pinyin_name=bindparam("pinyin_name"),
            ),
            params,
        )
        return len(params)

    @staticmethod
    def get(session: Session, code: str) -> StationRecord | None:
        row = session.get(Station, code)
        return record(row) if row is not None else None

    @staticmethod
    def all(session: Session) -> list[StationRecord]:
        return [record(r) for r in session.scalars(select(Station).order_by(Station.code))]

    @staticmethod
    def children(session: Session, code: str | None) -> list[StationRecord]:
        q = select(Station).order_by(Station.code)
        q = q.where(Station.parent_code.is_(None) if code is None else Station.parent_code == code)
        return [record(r) for r in session.scalars(q)]

    @staticmethod
    def names(session: Session, codes: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        codes = list(codes)
        for i in range(0, len(codes), _CHUNK):
            out.update(
                session.execute(select(Station.code, Station.name).where(Station.code.in_(codes[i : i + _CHUNK]))).all()
            )
        return out
