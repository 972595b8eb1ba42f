"""The coverage report: a tree (total → area → town → station) built from the SQL roll-up.

Only the few hundred group rows of the roll-up are summed here; station leaves
are attached as they come from SQL. Target and gap of a node are computed per
level, then added: the demonstration target of a county is 100% of its center
plus 60% (rounded up) of its towns plus 60% of its villages, and the gap is how
many more stations must reach the grade, level by level.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fengqiao_desktop.coverage.rollup import GroupRow, StationRow
from fengqiao_desktop.coverage.targets import LEVELS, Targets

KIND_TOTAL, KIND_AREA, KIND_TOWN, KIND_STATION = "total", "area", "town", "station"


@dataclass
class Counts:
    stations: int = 0
    inspected: int = 0
    five_haves: int = 0
    demonstration: int = 0
    vetoed: int = 0
    open: int = 0
    overdue: int = 0
    verified: int = 0

    def add(self, other: Counts | GroupRow) -> None:
        # written out (not a loop over the field names): the roll-up adds thousands of group rows
        self.stations += other.stations
        self.inspected += other.inspected
        self.five_haves += other.five_haves
        self.demonstration += other.demonstration
        self.vetoed += other.vetoed
        self.open += other.open
        self.overdue += other.overdue
        self.verified += other.verified


def pct(part: int, whole: int) -> float | None:
    """A percentage with one decimal, or None when there is nothing to divide by."""
    return None if whole == 0 else round(100.0 * part / whole, 1)


@dataclass
class CoverageNode:
    kind: str
    code: str
    name: str
    level: str  # the station's level for leaves; the unit's level for groups ('' for total)
    by_level: dict[str, Counts] = field(default_factory=dict)
    children: list[CoverageNode] = field(default_factory=list)
    station: StationRow | None = None
    targets: Targets | None = field(default=None, repr=False)

    @property
    def counts(self) -> Counts:
        c = Counts()
        for v in self.by_level.values():
            c.add(v)
        return c

    def _required(self, measure: str) -> tuple[int, int]:
        assert self.targets is not None
        if self.kind == KIND_TOTAL:
            # targets are local (per county-level unit): the city's figure is the sum of its areas'
            parts = [ch._required(measure) for ch in self.children]
            return sum(p[0] for p in parts), sum(p[1] for p in parts)
        need = gap = 0
        for level, c in self.by_level.items():
            r = self.targets.required(measure, level, c.stations)
            met = c.five_haves if measure == "five_haves" else c.demonstration
            need += r
            gap += max(0, r - met)
        return need, gap

    @property
    def target(self) -> int:
        """Stations that must be demonstration-grade."""
        return self._required("demonstration")[0]

    @property
    def gap(self) -> int:
        """How many more stations must become demonstration-grade to meet the target."""
        return self._required("demonstration")[1]

    @property
    def five_haves_gap(self) -> int:
        return self._required("five_haves")[1]

    @property
    def five_haves_pct(self) -> float | None:
        c = self.counts
        return pct(c.five_haves, c.stations)

    @property
    def demonstration_pct(self) -> float | None:
        c = self.counts
        return pct(c.demonstration, c.stations)

    def walk(self):
        yield self
        for ch in self.children:
            yield from ch.walk()


@dataclass
class CoverageReport:
    year: int
    as_of: date
    targets: Targets
    total: CoverageNode

    @property
    def areas(self) -> list[CoverageNode]:
        return self.total.children

    def level_rows(self) -> dict[str, list[tuple[str, float | None, int, int]]]:
        """Per level: (area name, demonstration %, met, stations) for each area with stations of it."""
        out: dict[str, list] = {lv: [] for lv in LEVELS}
        for a in self.areas:
            for lv, c in a.by_level.items():
                if c.stations:
                    out[lv].append((a.name, pct(c.demonstration, c.stations), c.demonstration, c.stations))
        return {lv: rows for lv, rows in out.items() if rows}

    def stations(self) -> list[StationRow]:
        return [n.station for n in self.total.walk() if n.station is not None]


UNASSIGNED = ("未归属上级", "Unassigned")
_SUFFIXES = ("退役军人服务中心（站）", "退役军人服务中心", "退役军人服务站")


def unit_name(station_name: str) -> str:
    """A unit's name from its station's: 城关区退役军人服务中心 -> 城关区 (tables read better)."""
    for suffix in _SUFFIXES:
        if station_name.endswith(suffix) and len(station_name) > len(suffix):
            return station_name[: -len(suffix)]
    return station_name


def station_leaf(s: StationRow, targets: Targets) -> CoverageNode:
    leaf = CoverageNode(KIND_STATION, s.code, s.name, s.level, targets=targets, station=s)
    leaf.by_level[s.level] = Counts(
        1, int(s.inspected), int(s.five_haves), int(s.demonstration), int(s.vetoed), s.open, s.overdue, s.verified
    )
    return leaf


def child_order(parent: CoverageNode):
    """The sort key of a unit's children: the unit's own station first, then towns and the rest by code."""
    return lambda ch: (ch.code != parent.code, ch.kind != KIND_STATION or ch.code != parent.code, ch.code)


def build_report(
    year: int,
    as_of: date,
    targets: Targets,
    groups: list[GroupRow],
    names: dict[str, tuple[str, str]],
    stations: list[StationRow] | None = None,
    lang: str = "zh",
) -> CoverageReport:
    """Assemble the tree. Every county/city in the roster gets an area, even with no stations below."""
    total = CoverageNode(KIND_TOTAL, "", "合计" if lang != "en" else "Total", "", targets=targets)
    areas: dict[str, CoverageNode] = {}
    towns: dict[str, CoverageNode] = {}

    def area(code: str) -> CoverageNode:
        if code not in areas:
            name, level = names.get(code, (UNASSIGNED[1] if lang == "en" else UNASSIGNED[0], ""))
            name = unit_name(name)
            if level == "city":
                name += " (city)" if lang == "en" else "（市本级及直辖）"
            areas[code] = CoverageNode(KIND_AREA, code, name, level, targets=targets)
        return areas[code]

    def town(area_code: str, code: str) -> CoverageNode:
        if code not in towns:
            name, level = names.get(code, (code, "town"))
            name = unit_name(name)
            towns[code] = node = CoverageNode(KIND_TOWN, code, name, level, targets=targets)
            area(area_code).children.append(node)
        return towns[code]

    for code, (_name, level) in sorted(names.items()):
        if level in ("city", "county"):
            area(code)
    for g in sorted(groups, key=lambda g: (g.area, g.town, LEVELS.index(g.level) if g.level in LEVELS else 9)):
        nodes = [total, area(g.area)] + ([town(g.area, g.town)] if g.town else [])
        for n in nodes:
            n.by_level.setdefault(g.level, Counts()).add(g)
    for s in stations or []:
        (towns[s.town] if s.town else area(s.area)).children.append(station_leaf(s, targets))
    for n in [total, *areas.values(), *towns.values()]:
        n.children.sort(key=child_order(n))
    total.children = sorted(areas.values(), key=lambda a: (a.code == "", a.code))
    return CoverageReport(year, as_of, targets, total)
