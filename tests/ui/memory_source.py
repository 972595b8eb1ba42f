"""An in-memory ``StationSource`` for widget tests (the product uses ``ServiceSource`` only).

Rows come from a roster list; search ranks by pinyin keys like the services do,
but the tests of searching use the product's own search (``ServiceSource``).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from fengqiao_desktop.domain.enums import Level
from fengqiao_desktop.domain.stations import StationDetails, StationSummary
from fengqiao_desktop.ui.stations.source import FormChoice, InspectionRow, OpenFindingRow

# -- an in-memory source -----------------------------------------------------

_initial_cache: dict[str, tuple[str, str]] = {}


def _char_pinyin(ch: str) -> tuple[str, str]:
    """(initial, full pinyin) of one character; non-Han characters stand for themselves."""
    hit = _initial_cache.get(ch)
    if hit is None:
        if "\u4e00" <= ch <= "\u9fff":
            from pypinyin import Style, lazy_pinyin

            full = lazy_pinyin(ch, style=Style.NORMAL)[0]
            hit = (full[:1], full)
        else:
            low = ch.lower()
            hit = (low, low)
        _initial_cache[ch] = hit
    return hit


def search_key(name: str, code: str) -> str:
    """One lowercase string holding the name, its pinyin initials, its full pinyin and the code.

    Per-character pinyin (cached) keeps building 50,000 keys fast; a phrase
    dictionary would only matter for rare polyphonic place names.
    """
    parts = [_char_pinyin(c) for c in name]
    initials = "".join(p[0] for p in parts)
    full = "".join(p[1] for p in parts)
    return f"{name.lower()}\x00{initials}\x00{full}\x00{code}"


def rank_matches(rows: Sequence[StationSummary], keys: Sequence[str], text: str, limit: int) -> list[StationSummary]:
    """Rows whose key contains ``text``: name/initials prefix first, then higher levels first."""
    q = text.strip().lower()
    if not q:
        return []
    hits = [i for i, k in enumerate(keys) if q in k]

    def rank(i: int) -> tuple:
        name, initials, full, code = keys[i].split("\x00")
        prefix = name.startswith(q) or initials.startswith(q) or full.startswith(q) or code.startswith(q)
        return (0 if prefix else 1, rows[i].level.rank, len(rows[i].name), rows[i].code)

    # only the first ``limit`` are shown: a bounded heap, not a sort of every hit
    return [rows[i] for i in heapq.nsmallest(limit, hits, key=rank)]


@dataclass
class MemorySource:
    """A ``StationSource`` over plain roster rows (``roster.StationRow`` or ``StationSummary``)."""

    rows: list[StationSummary]
    badges: dict[str, str] = field(default_factory=dict)
    details_by_code: dict[str, StationDetails] = field(default_factory=dict)
    _keys: list[str] | None = None

    @classmethod
    def from_roster(cls, roster_rows: Iterable) -> MemorySource:
        rows: list[StationSummary] = []
        details: dict[str, StationDetails] = {}
        for r in roster_rows:
            rows.append(StationSummary(r.code, r.name, r.level, r.parent_code, is_demo=r.is_demo))
            details[r.code] = StationDetails(
                code=r.code,
                name=r.name,
                level=r.level,
                parent_code=r.parent_code,
                address=r.address,
                contact=r.contact,
                phone=r.phone,
                veterans_served=r.veterans_served,
                is_demo=r.is_demo,
            )
        names = {r.code: r.name for r in rows}
        for code, d in details.items():
            if d.parent_code in names:
                details[code] = StationDetails(**{**d.__dict__, "parent_name": names[d.parent_code]})
        return cls(rows=rows, details_by_code=details)

    def _index(self) -> list[str]:
        if self._keys is None:
            self._keys = [search_key(r.name, r.code) for r in self.rows]
        return self._keys

    def station_count(self) -> int:
        return len(self.rows)

    def top_rows(self) -> list[StationSummary]:
        codes = {r.code for r in self.rows}
        return [r for r in self.tree_rows() if r.parent_code not in codes]

    def tree_rows(self) -> list[StationSummary]:
        if not self.badges:
            return list(self.rows)
        return [
            StationSummary(r.code, r.name, r.level, r.parent_code, self.badges.get(r.code, r.badge), r.is_demo)
            for r in self.rows
        ]

    def search(self, text: str, limit: int = 200) -> list[StationSummary]:
        return rank_matches(self.rows, self._index(), text, limit)

    def details(self, code: str) -> StationDetails | None:
        return self.details_by_code.get(code)

    def inspections(self, code: str) -> list[InspectionRow]:
        return []

    def open_findings(self, code: str) -> list[OpenFindingRow]:
        return []

    def form_choices(self, level: Level) -> list[FormChoice]:
        return []

    def badges_for(self, codes: Sequence[str]) -> dict[str, str]:
        wanted = set(codes)
        current = {r.code: r.badge for r in self.rows if r.code in wanted}
        return {c: self.badges.get(c, current.get(c, "")) for c in codes}

    def work_states(self, codes: Sequence[str] | None = None) -> dict[str, frozenset[str]]:
        # no inspections without a database
        return {} if codes is None else {c: frozenset() for c in codes}

    def create_inspection(self, code: str, form_id: str) -> str:
        from fengqiao_desktop.errors import InspectionError

        raise InspectionError(
            "演示名册没有连接数据库，无法新建检查。",
            message_en="This roster is not backed by a database; an inspection cannot be created.",
        )
