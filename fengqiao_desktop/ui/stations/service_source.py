"""The browser's ``StationSource`` on the local store's services.

The stations service returns the domain's ``StationSummary`` and
``StationDetails`` as they are; inspections and findings become the station
page's rows here. Everything is called by name on the store's services: no
fallback, no guessing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from fengqiao_desktop.domain.enums import Level
from fengqiao_desktop.domain.stations import StationDetails, StationSummary
from fengqiao_desktop.ui.stations.source import FormChoice, InspectionRow, OpenFindingRow

if TYPE_CHECKING:
    from fengqiao_desktop.services.store import LocalStore


class ServiceSource:
    """A ``StationSource`` calling ``store.stations`` and ``store.inspections``."""

    def __init__(self, store: LocalStore):
        self.store = store

    def station_count(self) -> int:
        return self.store.stations.count()

    def tree_rows(self) -> list[StationSummary]:
        return self.store.stations.tree_rows()

    def top_rows(self) -> list[StationSummary]:
        return self.store.stations.top_rows()

    def warm_up(self) -> None:
        self.store.stations.warm_up()

    def search(self, text: str, limit: int = 200) -> list[StationSummary]:
        return self.store.stations.search(text, limit=limit)

    def badges_for(self, codes: Sequence[str]) -> dict[str, str]:
        return self.store.stations.badges(list(codes))

    def work_states(self, codes: Sequence[str] | None = None) -> dict[str, frozenset[str]]:
        return self.store.stations.work_states(dt.date.today(), codes)

    def details(self, code: str) -> StationDetails | None:
        return self.store.stations.get(code)

    def inspections(self, code: str) -> list[InspectionRow]:
        return [
            InspectionRow(
                inspection_id=r.id,
                form_title=r.form_title,
                kind=r.form_kind,
                date=r.visit_date.isoformat(),
                status=r.status.value,
                total=r.total,
                max_points=r.max,
                verdict=r.verdict,
                revision=r.revision,
                inspector=r.inspector,
            )
            for r in self.store.inspections.list(code)
        ]

    def open_findings(self, code: str) -> list[OpenFindingRow]:
        return [
            OpenFindingRow(
                finding_id=f.id,
                inspection_id=f.inspection_id,
                date=f.visit_date.isoformat() if f.visit_date else "",
                # the item (number and title) it was raised on; a finding of no item by what it says
                item=" ".join(p for p in (f.item_no, f.item_title or (f.item_id or "")) if p) or f.description,
                category=f.category.value,
                severity=f.severity.value,
                responsible=f.responsible,
                deadline=f.deadline.isoformat() if f.deadline else "",
                status=f.status.value,
                measures=f.measures,
            )
            for f in self.store.inspections.open_findings_for_station(code)
        ] + self._pack_findings(code)

    def _pack_findings(self, code: str) -> list[OpenFindingRow]:
        """The bureau's findings to re-check here (回头看), from the task pack; they open no local
        inspection (they may be another inspector's): the re-check is done in a new visit."""
        from fengqiao_desktop.services.rechecks import recheck_findings

        label = QCoreApplication.translate("OpenFindingsModel", "Task pack (re-check)")
        return [
            OpenFindingRow(
                finding_id=r.finding_id,
                inspection_id="",
                date=label,
                item=r.description,
                category=r.category or "",
                severity=r.severity or "",
                responsible=r.responsible,
                deadline=r.deadline or "",
                status="open",
                measures=r.measures,
            )
            for r in recheck_findings(self.store, code)
        ]

    def form_choices(self, level: Level) -> list[FormChoice]:
        """The forms this laptop holds (shipped, and the bureau's from a task pack) that apply to
        the level, plus the five-haves check; the level's rubric preselected."""
        from fengqiao_desktop.ui import i18n

        registry = self.store.forms
        default = registry.default_rubric_for(level)
        forms = list(registry.for_level(level))
        gate = registry.five_haves()
        if gate is not None and gate not in forms:
            forms.append(gate)
        lang = i18n.current_language()
        return [
            FormChoice(form_id=f.id, title=f.title.get(lang), kind=f.kind, version=str(f.version), default=f is default)
            for f in forms
        ]

    def create_inspection(self, code: str, form_id: str) -> str:
        return self.store.inspections.create(code, form_id)

    # roster jobs: plain functions for ui.tasks (they open their own session via the store's
    # engine); the store announces the change, and the browser reloads on that
    def import_roster_job(self, path: str):
        from fengqiao_desktop.roster.importer import import_roster

        return lambda progress, cancelled: self.store.roster_written(import_roster(self.store.engine, path))

    def load_demo_job(self):
        from fengqiao_desktop.roster.demo import load_demo

        return lambda progress, cancelled: self.store.roster_written(load_demo(self.store.engine))


def open_source(vault=None, passphrase: str | None = None) -> tuple[LocalStore, ServiceSource]:
    """Open the local store (migrations applied; an encrypted one with its unlocked ``vault`` or
    the ``passphrase``) and return ``(store, source)``."""
    from fengqiao_desktop.services.store import LocalStore

    store = LocalStore.open(vault=vault, passphrase=passphrase)
    return store, ServiceSource(store)


def early_first_level(vault=None) -> list[StationSummary] | None:
    """The station tree's first level read from the local database before the store opens (with
    the unlocked ``vault``'s key when the data is encrypted); None: it waits for the store (a new
    database, a migration due, or a file that the store's opening must look at first)."""
    from fengqiao_desktop import config
    from fengqiao_desktop.storage.tree_rows import read_first_level

    return read_first_level(config.local_db_path(), vault.db_key if vault is not None else None)


def prepare_benchmark_roster(rows: Iterable[StationSummary]) -> None:
    """Write generated stations into the local database of the current data dir (benchmarks)."""
    from fengqiao_desktop.roster.importer import upsert_rows
    from fengqiao_desktop.roster.model import StationRow

    store, _source = open_source()
    try:
        upsert_rows(
            store.engine, [StationRow(code=r.code, name=r.name, level=r.level, parent_code=r.parent_code) for r in rows]
        )
    finally:
        store.close()
