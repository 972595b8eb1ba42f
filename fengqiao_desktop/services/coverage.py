"""Coverage use cases: the report tree, a station's inspections and photos, the targets in force.

Plain-data functions taking ``url=`` (or an open ``Central``), safe to call from
a worker thread, like ``services.central``. The targets file is, in order,
``targets_file=``, else ``<data dir>/coverage_targets.yaml`` when it exists,
else the built-in defaults (docs/coverage.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from fengqiao_desktop import config
from fengqiao_desktop.coverage import rollup
from fengqiao_desktop.coverage.report import CoverageNode, CoverageReport, build_report
from fengqiao_desktop.coverage.rollup import StationRow
from fengqiao_desktop.coverage.targets import Targets, load_targets
from fengqiao_desktop.domain.time import today as cst_today
from fengqiao_desktop.merge import models
from fengqiao_desktop.merge.photos import read_photos
from fengqiao_desktop.services.central import Target, _open

__all__ = [
    "CoverageNode",
    "CoverageReport",
    "StationInspection",
    "Targets",
    "coverage_report",
    "default_targets_file",
    "photo_bytes",
    "photos_bytes",
    "station_findings",
    "station_inspections",
    "targets_for",
]

TARGETS_FILE = "coverage_targets.yaml"


def default_targets_file() -> Path:
    return config.data_dir() / TARGETS_FILE


def targets_for(year: int, targets_file: str | Path | None = None) -> Targets:
    if targets_file is None:
        p = default_targets_file()
        targets_file = p if p.exists() else None
    return load_targets(targets_file, year)


def default_as_of(year: int, today: date | None = None) -> date:
    """Overdue is judged at today's date, or at the year's last day for a past year."""
    today = today or cst_today()
    return min(today, date(year, 12, 31))


def coverage_report(
    *,
    year: int | None = None,
    url: Target = None,
    targets_file: str | Path | None = None,
    as_of: date | None = None,
    include_stations: bool = True,
    lang: str = "zh",
    targets: Targets | None = None,
) -> CoverageReport:
    """Coverage for ``year`` (default: this year, China Standard Time)."""
    year = year or cst_today().year
    targets = targets or targets_for(year, targets_file)
    as_of = as_of or default_as_of(year)
    with _open(url) as c, c.read() as conn:
        groups = rollup.group_rows(conn, year, as_of)
        names = rollup.unit_names(conn)
        stations = rollup.station_rows(conn, year, as_of) if include_stations else None
    return build_report(year, as_of, targets, groups, names, stations, lang=lang)


def area_stations(area: str, *, year: int, as_of: date, url: Target = None) -> list[StationRow]:
    """The station rows of one area (a county-level unit's code; '' for stations with no parent in the
    roster), for a page that loads a county's stations when it is opened."""
    with _open(url) as c, c.read() as conn:
        return rollup.station_rows(conn, year, as_of, area=area)


@dataclass(frozen=True)
class StationInspection:
    id: str
    form_id: str
    form_kind: str
    completed_at: str | None
    status: str
    total: float | None
    verdict: str | None
    photos: tuple[dict, ...]  # {"sha256", "item_id", "caption"}
    findings: tuple[dict, ...]  # {"finding_id", "description", "status", "deadline", ...}
    # the registered version the inspection was scored against, and that version's (Chinese) title
    form_version: str = ""
    form_title: str = ""


def station_inspections(code: str, *, url: Target = None) -> list[StationInspection]:
    """Every inspection of a station (newest first) with its winning revision's photos and findings.

    Inspections of one form count together whatever version they were scored on; each
    names its version, so a station's history across a revised form reads in order.
    """
    ins = models.table_of(models.Inspection)
    rev = models.table_of(models.InspectionRevision)
    fnd = models.table_of(models.Finding)
    reg = models.table_of(models.RegisteredForm)
    with _open(url) as c, c.read() as conn:
        rows = conn.execute(
            select(ins, rev.c.record, reg.c.version.label("form_version"), reg.c.title.label("form_title"))
            .join(rev, (rev.c.inspection_id == ins.c.id) & (rev.c.content_sha256 == ins.c.winner_sha256))
            .outerjoin(reg, reg.c.sha256 == ins.c.form_sha256)
            .where(ins.c.station_code == code)
        ).all()
        finds: dict[str, list[dict]] = {}
        for f in conn.execute(select(fnd).where(fnd.c.station_code == code).order_by(fnd.c.finding_id)):
            finds.setdefault(f.inspection_id, []).append(dict(f._mapping))
    out = []
    for r in rows:
        try:
            record = json.loads(r.record)
        except ValueError:
            record = {}
        photos = tuple(
            {"sha256": p.get("sha256"), "item_id": p.get("item_id"), "caption": p.get("caption", "")}
            for p in record.get("photos") or []
            if isinstance(p, dict) and p.get("sha256")
        )
        out.append(
            StationInspection(
                r.id,
                r.form_id,
                r.form_kind,
                r.completed_at,
                r.status,
                r.total,
                r.verdict,
                photos,
                tuple(finds.get(r.id, [])),
                r.form_version or "",
                r.form_title or "",
            )
        )
    return sorted(out, key=lambda s: (s.completed_at or "", s.id), reverse=True)


def photos_bytes(shas: Iterable[str], *, url: Target = None) -> dict[str, bytes]:
    """The JPEG bytes of the stored photos among ``shas``, by sha256, read in one go (one read of each
    archived bundle's directory); a photo the central database does not hold, or whose archived
    bundle no longer does (merge/photos.py), is left out."""
    with _open(url) as c, c.read() as conn:
        return read_photos(conn, c.files_dir, shas)


def photo_bytes(sha256: str, *, url: Target = None) -> bytes | None:
    """One stored photo's JPEG bytes, or None (see :func:`photos_bytes`)."""
    return photos_bytes([sha256], url=url).get(sha256)


FOLLOW_UP_SQL = """
SELECT f.finding_id, f.inspection_id, f.item_id, f.category, f.severity, f.description, f.measures,
       f.responsible, f.deadline, f.status, i.completed_at
FROM findings f JOIN inspections i ON i.id = f.inspection_id
WHERE f.station_code = :code AND i.completed_at IS NOT NULL
ORDER BY f.finding_id, i.completed_at DESC, i.id DESC
"""


def station_findings(code: str, *, url: Target = None, open_only: bool = False) -> list[dict]:
    """Rectification follow-up at the bureau: each finding of a station in its latest state.

    A finding keeps its id across visits, so the state that counts is the one in
    the most recently completed inspection that carries it (docs/coverage.md).
    Each dict has the finding's fields, ``inspection_id`` and ``completed_at`` of
    that inspection, and ``first_seen`` (when the finding was first recorded).
    """
    from sqlalchemy import text

    with _open(url) as c, c.read() as conn:
        rows = [dict(r._mapping) for r in conn.execute(text(FOLLOW_UP_SQL), {"code": code})]
    latest: dict[str, dict] = {}
    for r in rows:  # ordered newest first within each finding id
        if r["finding_id"] not in latest:
            latest[r["finding_id"]] = {**r, "first_seen": r["completed_at"]}
        else:
            latest[r["finding_id"]]["first_seen"] = r["completed_at"]
    out = sorted(latest.values(), key=lambda f: (f["first_seen"] or "", f["finding_id"]))
    if open_only:
        out = [f for f in out if (f["status"] or "open") != "verified"]
    return out
