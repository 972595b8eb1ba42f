"""Checklist items across form versions: a station's history, item coverage, a results table.

Every figure here is keyed by the item's *thread* (``formengine.lineage``), never by its
id in one version, so an item renamed or moved between versions keeps one history and
one column, and a removed item keeps its column (empty for later inspections) instead
of letting the columns after it shift.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fengqiao_desktop.formengine.lineage import Key, Lineage, Thread
from fengqiao_desktop.formengine.scoring import Answer, score


@dataclass(frozen=True)
class ScoredVisit:
    """One inspection's input: where, when, which version of the form, the answers."""

    station: str
    date: str  # ISO date; sorts by time
    version: str
    answers: Mapping[str, Answer]


@dataclass(frozen=True)
class ItemRecord:
    """One item of one inspection, as scored against the version it was answered on."""

    station: str
    date: str
    version: str
    item_id: str
    points: float
    max: float
    answered: bool
    na: bool
    met: bool  # full marks (yes for a yes/no); N/A counts as met, unanswered does not


def item_records(lineage: Lineage, visits: Iterable[ScoredVisit]) -> dict[Key, list[ItemRecord]]:
    """Every item result of every visit, grouped by thread and sorted by date."""
    by_version = {f.version: f for f in lineage.versions}
    out: dict[Key, list[ItemRecord]] = {k: [] for k in lineage.threads}
    for v in visits:
        form = by_version[v.version]
        result = score(form, v.answers)
        for iid, s in result.items.items():
            met = s.answered and (s.na or (s.points >= s.max - 1e-9 and not s.veto_failed))
            rec = ItemRecord(v.station, v.date, v.version, iid, s.points, s.max, s.answered, s.na, met)
            out[lineage.thread_of(v.version, iid).key].append(rec)
    for recs in out.values():
        recs.sort(key=lambda r: (r.date, r.station))
    return out


def station_history(
    lineage: Lineage, visits: Iterable[ScoredVisit], station: str
) -> list[tuple[Thread, list[ItemRecord]]]:
    """One station's results item by item across every version, oldest first, in column order."""
    recs = item_records(lineage, (v for v in visits if v.station == station))
    return [(t, recs[t.key]) for t in lineage.columns()]


@dataclass(frozen=True)
class ItemCoverage:
    thread: Thread
    checked: frozenset[str]  # stations whose item was answered, under any version
    met: frozenset[str]  # of those, stations whose latest answer met the item

    @property
    def not_met(self) -> frozenset[str]:
        return self.checked - self.met


def item_coverage(lineage: Lineage, visits: Iterable[ScoredVisit]) -> list[ItemCoverage]:
    """Per item: which stations have been checked on it, and which met it at their latest check."""
    out = []
    recs = item_records(lineage, visits)
    for t in lineage.columns():
        latest: dict[str, ItemRecord] = {}
        for r in recs[t.key]:
            if r.answered:
                latest[r.station] = r  # sorted by date: the last one wins
        out.append(ItemCoverage(t, frozenset(latest), frozenset(s for s, r in latest.items() if r.met)))
    return out


def results_table(lineage: Lineage, visits: Iterable[ScoredVisit], lang: str = "zh") -> tuple[list[str], list[list]]:
    """A results table across versions: station, date, version, total, then one column per thread.

    An item that a version does not have is an empty cell; N/A is written 不适用 (N/A).
    """
    visits = sorted(visits, key=lambda v: (v.date, v.station))
    columns = lineage.columns()
    zh = lang != "en"
    head = ["站点", "日期", "表单版本", "总分"] if zh else ["station", "date", "form version", "total"]
    head += [t.label for t in columns]
    by_version = {f.version: f for f in lineage.versions}
    rows = []
    for v in visits:
        result = score(by_version[v.version], v.answers)
        cells: list = [v.station, v.date, v.version, result.total]
        for t in columns:
            iid = t.ids.get(v.version)
            s = result.items.get(iid) if iid else None
            if s is None or not s.answered:
                cells.append(None)
            elif s.na:
                cells.append("不适用" if zh else "N/A")
            else:
                cells.append(s.points)
        rows.append(cells)
    return head, rows
