"""Station use cases for the browser: tree rows with badges, details, search by name/code/pinyin.

Search runs one SQL statement over precomputed pinyin keys (``LIKE`` on the
initials and the full pinyin of the whole name, a code prefix, a name
substring), ranked so exact codes and name prefixes come first. Stations whose
keys are missing or stale (written by the roster importer's fast path) get
them before the first search of a store and whenever the station count moves.

Badges come from the inspections by the domain's rule
(``domain.stations.station_badge``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import case, func, literal, or_, select

from fengqiao_desktop.domain import FindingStatus, FormKind, InspectionStatus, Level
from fengqiao_desktop.domain.stations import (
    NOT_INSPECTED,
    InspectionState,
    StationDetails,
    StationSummary,
    station_badge,
)
from fengqiao_desktop.storage.models import Finding, Inspection, Station
from fengqiao_desktop.storage.stations import StationRepo
from fengqiao_desktop.storage.tree_rows import first_level, whole_tree

if TYPE_CHECKING:
    from fengqiao_desktop.services.store import LocalStore

_COLS = (Station.code, Station.name, Station.level, Station.parent_code, Station.is_demo)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class StationService:
    def __init__(self, store: LocalStore):
        self.store = store
        self._keys_checked_at: int | None = None  # station count when keys were last refreshed

    def count(self) -> int:
        with self.store.session() as s:
            return s.scalar(select(func.count()).select_from(Station)) or 0

    def _rows(self, q) -> list[StationSummary]:
        with self.store.session() as s:
            rows = s.execute(q).all()
            badges = self._badges(s, None)
        return [
            StationSummary(
                code=c, name=n, level=Level(lv), parent_code=p, badge=badges.get(c, NOT_INSPECTED), is_demo=bool(d)
            )
            for c, n, lv, p, d in rows
        ]

    def tree_rows(self) -> list[StationSummary]:
        """Every station (parents before children within each level), with its badge."""
        with self.store.session() as s:
            return whole_tree(s.connection().connection.driver_connection)

    def top_rows(self) -> list[StationSummary]:
        """The tree's first level, with badges: stations without a parent, or whose parent is not in
        the roster (a handful of rows, read before the whole tree so the window fills at once).
        Start-up runs the same query before the store is open (``storage.tree_rows``)."""
        with self.store.session() as s:
            return first_level(s.connection().connection.driver_connection)

    def children(self, code: str | None) -> list[StationSummary]:
        q = select(*_COLS).order_by(Station.code)
        q = q.where(Station.parent_code.is_(None) if code is None else Station.parent_code == code)
        return self._rows(q)

    def get(self, code: str) -> StationDetails | None:
        with self.store.session() as s:
            st = StationRepo.get(s, code)
            if st is None:
                return None
            parent = s.get(Station, st.parent_code) if st.parent_code else None
            badge = self._badges(s, [code]).get(code, NOT_INSPECTED)
        return StationDetails(
            code=st.code,
            name=st.name,
            level=st.level,
            parent_code=st.parent_code,
            parent_name=parent.name if parent else "",
            address=st.address,
            contact=st.contact,
            phone=st.phone,
            veterans_served=st.veterans_served,
            is_demo=st.is_demo,
            badge=badge,
        )

    def warm_up(self) -> int:
        """Fill missing or stale pinyin keys now (returns how many); search does it lazily."""
        with self.store.session(write=True) as s:
            n = StationRepo.refresh_search_keys(s)
            self._keys_checked_at = s.scalar(select(func.count()).select_from(Station)) or 0
        return n

    def search(self, text: str, limit: int = 200) -> list[StationSummary]:
        """Stations matching ``text``: code prefix, name substring or pinyin (initials or full)."""
        needle = (text or "").strip().lower().replace(" ", "")
        if not needle:
            return []
        with self.store.session() as s:
            count = s.scalar(select(func.count()).select_from(Station)) or 0
        if self._keys_checked_at != count:
            self.warm_up()
        like = _escape(needle)
        any_ = f"%{like}%"
        head = f"{like}%"
        conds = [
            Station.name.like(any_, escape="\\"),
            Station.pinyin_initials.like(any_, escape="\\"),
            Station.pinyin_full.like(any_, escape="\\"),
        ]
        if needle.isdigit():
            conds.append(Station.code.like(head, escape="\\"))
        rank = case(
            (Station.code == needle, literal(0)),
            (Station.code.like(head, escape="\\"), literal(1)),
            (Station.name.like(head, escape="\\"), literal(2)),
            (Station.pinyin_initials.like(head, escape="\\"), literal(3)),
            (Station.name.like(any_, escape="\\"), literal(4)),
            (Station.pinyin_initials.like(any_, escape="\\"), literal(5)),
            else_=literal(6),
        )
        level_rank = case({lv.value: lv.rank for lv in Level}, value=Station.level)
        q = select(*_COLS).where(or_(*conds)).order_by(rank, level_rank, Station.code).limit(limit)
        with self.store.session() as s:
            rows = s.execute(q).all()
            badges = self._badges(s, [r[0] for r in rows])
        return [
            StationSummary(
                code=c, name=n, level=Level(lv), parent_code=p, badge=badges.get(c, NOT_INSPECTED), is_demo=bool(d)
            )
            for c, n, lv, p, d in rows
        ]

    def badges(self, codes: Sequence[str] | None = None) -> dict[str, str]:
        """Badge per station code (stations never inspected are left out when ``codes`` is None)."""
        with self.store.session() as s:
            found = self._badges(s, codes)
        if codes is None:
            return found
        return {c: found.get(c, NOT_INSPECTED) for c in codes}

    def _badges(self, s, codes: Sequence[str] | None) -> dict[str, str]:
        q = select(
            Inspection.station_code,
            Inspection.form_sha256,
            Inspection.status,
            Inspection.verdict,
            Inspection.completed_at,
            Inspection.updated_at,
        )
        if codes is not None:
            if not codes:
                return {}
            q = q.where(Inspection.station_code.in_(list(codes)[:30000]))
        per: dict[str, list] = {}
        for row in s.execute(q):
            per.setdefault(row[0], []).append(row)

        def kind_of(sha: str) -> FormKind:
            return self.store.form_by_sha256(s, sha).kind

        return {code: station_badge([InspectionState(*r[1:]) for r in rows], kind_of) for code, rows in per.items()}

    def work_states(self, today: dt.date, codes: Sequence[str] | None = None) -> dict[str, frozenset[str]]:
        """What is left to do per station, for the browser's filters (stations with nothing are left out).

        ``draft``: an inspection not completed; ``not_exported``: completed but never exported;
        ``open_findings``: a finding not yet verified; ``overdue``: such a finding past its deadline.
        With ``codes``: those stations only, each of them in the result (empty when nothing is left).
        """
        per: dict[str, set[str]] = {code: set() for code in codes or ()}
        q = select(Inspection.station_code, Inspection.status).distinct()
        if codes is not None:
            q = q.where(Inspection.station_code.in_(list(codes)))
        with self.store.session() as s:
            for code, status in s.execute(q):
                if status == InspectionStatus.DRAFT.value:
                    per.setdefault(code, set()).add(WORK_DRAFT)
                elif status == InspectionStatus.COMPLETED.value:
                    per.setdefault(code, set()).add(WORK_NOT_EXPORTED)
            fq = (
                select(Inspection.station_code, Finding.deadline)
                .join(Finding, Finding.inspection_id == Inspection.id)
                .where(Finding.status != FindingStatus.VERIFIED.value)
            )
            if codes is not None:
                fq = fq.where(Inspection.station_code.in_(list(codes)))
            for code, deadline in s.execute(fq):
                states = per.setdefault(code, set())
                states.add(WORK_OPEN_FINDINGS)
                if deadline is not None and deadline < today:
                    states.add(WORK_OVERDUE)
        return {code: frozenset(v) for code, v in per.items()}


WORK_DRAFT, WORK_NOT_EXPORTED, WORK_OPEN_FINDINGS, WORK_OVERDUE = "draft", "not_exported", "open_findings", "overdue"
