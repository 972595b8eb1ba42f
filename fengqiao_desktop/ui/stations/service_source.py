"""The browser's ``StationSource`` on top of the services (local store, stations, inspections).

The services return plain rows of their own; this adapter turns them into
the browser's rows (``source.TreeRow`` ...), reading fields by name so a
service row may be a dataclass, a named tuple or a dict. When the storage
layer is not installed (an incomplete build), ``open_source`` falls back to
an in-memory roster and logs a warning: the app still opens.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from fengqiao_desktop.domain.enums import FormKind, Level, Verdict
from fengqiao_desktop.ui.stations.source import (
    FormChoice,
    InspectionRow,
    MemorySource,
    OpenFindingRow,
    StationDetails,
    TreeRow,
)

log = logging.getLogger(__name__)


def _get(obj: Any, *names: str, default=None):
    for n in names:
        if isinstance(obj, dict):
            if n in obj:
                return obj[n]
        elif hasattr(obj, n):
            return getattr(obj, n)
    return default


def _value(v):
    return getattr(v, "value", v)


def _fn(module: Any, *names: str):
    for n in names:
        f = getattr(module, n, None)
        if callable(f):
            return f
    raise AttributeError(f"{module.__name__} has none of {names}")


def _level(v) -> Level:
    return v if isinstance(v, Level) else Level.parse(str(_value(v)))


def tree_row(r: Any) -> TreeRow:
    return TreeRow(code=_get(r, "code"), name=_get(r, "name"), level=_level(_get(r, "level")),
                   parent_code=_get(r, "parent_code", "parent"), badge=str(_value(_get(r, "badge", default="")) or ""),
                   is_demo=bool(_get(r, "is_demo", default=False)))


class ServiceSource:
    """A ``StationSource`` calling the stations and inspections services with a store."""

    def __init__(self, store):
        self.store = store
        self.stations = importlib.import_module("fengqiao_desktop.services.stations")
        self.inspections_svc = importlib.import_module("fengqiao_desktop.services.inspections")

    def station_count(self) -> int:
        f = getattr(self.stations, "station_count", None) or getattr(self.stations, "count", None)
        return int(f(self.store)) if callable(f) else len(self.tree_rows())

    def tree_rows(self) -> list[TreeRow]:
        return [tree_row(r) for r in _fn(self.stations, "tree_rows", "list_tree")(self.store)]

    def warm_up(self) -> None:
        f = getattr(self.stations, "warm_up", None) or getattr(self.stations, "build_search_index", None)
        if callable(f):
            f(self.store)

    def search(self, text: str, limit: int = 200) -> list[TreeRow]:
        return [tree_row(r) for r in _fn(self.stations, "search")(self.store, text, limit=limit)]

    def badges_for(self, codes: Sequence[str]) -> dict[str, str]:
        f = getattr(self.stations, "badges", None)
        if not callable(f):
            return {r.code: r.badge for r in self.tree_rows() if r.code in set(codes)}
        return {c: str(_value(b)) for c, b in dict(f(self.store, list(codes))).items()}

    def work_states(self, codes: Sequence[str] | None = None) -> dict[str, frozenset[str]]:
        return self.stations.work_states(self.store, codes=codes)

    def details(self, code: str) -> StationDetails | None:
        r = _fn(self.stations, "get_station", "station", "details")(self.store, code)
        if r is None:
            return None
        return StationDetails(
            code=_get(r, "code"), name=_get(r, "name"), level=_level(_get(r, "level")),
            parent_code=_get(r, "parent_code"), parent_name=_get(r, "parent_name", default="") or "",
            address=_get(r, "address", default="") or "", contact=_get(r, "contact", default="") or "",
            phone=_get(r, "phone", default="") or "", veterans_served=_get(r, "veterans_served"),
            is_demo=bool(_get(r, "is_demo", default=False)))

    def inspections(self, code: str) -> list[InspectionRow]:
        rows = _fn(self.inspections_svc, "list_for_station", "list_inspections", "list")(
            self.store, station_code=code)
        out = []
        for r in rows:
            verdict = _get(r, "verdict")
            date = _get(r, "date", "visit_date", "started_at", "created_at", default="")
            out.append(InspectionRow(
                inspection_id=str(_get(r, "id", "inspection_id")),
                form_title=_get(r, "form_title", "form_id", default=""),
                kind=FormKind(_value(_get(r, "kind", "form_kind", default="rubric"))),
                date=str(date)[:10], status=str(_value(_get(r, "status", default="draft"))),
                total=_get(r, "total"), max_points=_get(r, "max", "max_points"),
                verdict=Verdict(_value(verdict)) if verdict else None,
                revision=int(_get(r, "revision", default=0) or 0),
                inspector=_get(r, "inspector", default="") or ""))
        return out

    def open_findings(self, code: str) -> list[OpenFindingRow]:
        f = getattr(self.inspections_svc, "open_findings", None) or getattr(self.stations, "open_findings", None)
        if not callable(f):
            return []
        return [OpenFindingRow(
            finding_id=str(_get(r, "id", "finding_id")), inspection_id=str(_get(r, "inspection_id")),
            date=str(_get(r, "date", "visit_date", default=""))[:10],
            item=" ".join(p for p in (_get(r, "item_no", default=""), _get(r, "item_title", "item", "item_id", default=""))
                          if p),
            category=str(_value(_get(r, "category", default=""))), severity=str(_value(_get(r, "severity", default=""))),
            responsible=_get(r, "responsible", default="") or "", deadline=str(_get(r, "deadline", default="") or ""),
            status=str(_value(_get(r, "status", default="open"))), measures=_get(r, "measures", default="") or "",
        ) for r in f(self.store, code)] + self._pack_findings(code)

    def _pack_findings(self, code: str) -> list[OpenFindingRow]:
        """The bureau's findings to re-check here (回头看), from the task pack; they open no local
        inspection (they may be another inspector's): the re-check is done in a new visit."""
        from fengqiao_desktop.services.packs import recheck_findings

        label = QCoreApplication.translate("OpenFindingsModel", "Task pack (re-check)")
        return [OpenFindingRow(finding_id=r.finding_id, inspection_id="", date=label, item=r.description,
                               category=r.category or "", severity=r.severity or "", responsible=r.responsible,
                               deadline=r.deadline or "", status="open", measures=r.measures)
                for r in recheck_findings(self.store, code)]

    def form_choices(self, level: Level) -> list[FormChoice]:
        f = getattr(self.inspections_svc, "form_choices", None)
        if callable(f):
            rows = f(self.store, level)
            return [FormChoice(form_id=_get(r, "form_id", "id"), title=_get(r, "title"),
                               kind=FormKind(_value(_get(r, "kind"))), version=str(_get(r, "version", default="")),
                               default=bool(_get(r, "default", default=False))) for r in rows]
        return forms_for_level(level)

    def create_inspection(self, code: str, form_id: str) -> str:
        f = _fn(self.inspections_svc, "create_inspection", "create")
        result = f(self.store, station_code=code, form_id=form_id)
        return str(_get(result, "id", "inspection_id", default=result))

    # roster jobs: plain functions for ui.tasks (they open their own session via the store)
    def import_roster_job(self, path: str):
        from fengqiao_desktop.roster.importer import import_roster

        return lambda progress, cancelled: import_roster(_engine(self.store), path)

    def load_demo_job(self):
        from fengqiao_desktop.roster.demo import load_demo

        return lambda progress, cancelled: load_demo(_engine(self.store))


def _engine(store):
    return _get(store, "engine", default=store)


def forms_for_level(level: Level) -> list[FormChoice]:
    """The shipped forms that apply to a level (plus the five-haves), the level's rubric as default."""
    from fengqiao_desktop.formengine.loader import shipped_registry
    from fengqiao_desktop.ui import i18n

    registry = shipped_registry()
    default = registry.default_rubric_for(level)
    forms = list(registry.for_level(level))
    gate = registry.five_haves()
    if gate is not None and gate not in forms:
        forms.append(gate)
    lang = i18n.current_language()
    return [FormChoice(form_id=f.id, title=f.title.get(lang), kind=f.kind, version=str(f.version),
                       default=f is default) for f in forms]


class DemoMemorySource(MemorySource):
    """The in-memory fallback: the demo roster without a database (nothing is saved)."""

    def load_demo_job(self):
        from fengqiao_desktop.roster.demo import demo_rows

        def job(progress, cancelled):
            fresh = MemorySource.from_roster(demo_rows())
            self.rows, self.details_by_code, self._keys = fresh.rows, fresh.details_by_code, None
            return None

        return job


def open_source(*, demo_fallback: bool = False):
    """Open the local store (migrations applied) and return ``(store, source)``."""
    try:
        store_mod = importlib.import_module("fengqiao_desktop.services.store")
        store = store_mod.LocalStore.open()
        return store, ServiceSource(store)
    except ModuleNotFoundError as exc:
        log.warning("services not available (%s); using an in-memory roster", exc)
    source = DemoMemorySource(rows=[])
    if demo_fallback:
        source.load_demo_job()(None, None)
    return None, source


def prepare_benchmark_roster(rows: Iterable[TreeRow]) -> bool:
    """Write generated stations into the local database of the current data dir (benchmarks)."""
    from fengqiao_desktop.roster.importer import upsert_rows
    from fengqiao_desktop.roster.model import StationRow

    store, _source = open_source()
    if store is None:
        return False
    upsert_rows(_engine(store), [StationRow(code=r.code, name=r.name, level=r.level,
                                            parent_code=r.parent_code) for r in rows])
    return True
