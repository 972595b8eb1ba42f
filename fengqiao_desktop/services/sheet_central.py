"""Score sheets from the central database: every imported revision is kept as its record.

A bureau reprints the sheet of an inspection's winning revision, and checks a
proof against every revision it ever imported. As on the laptop, a visit prints
one sheet: the rubric's, with the visit's five-haves check on it.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.engine import Connection

from fengqiao_desktop.config import Settings
from fengqiao_desktop.errors import ReportError
from fengqiao_desktop.merge import models
from fengqiao_desktop.merge.db import open_central
from fengqiao_desktop.merge.forms_registry import load_form
from fengqiao_desktop.merge.photos import read_photos
from fengqiao_desktop.reports.sheet_data import SheetData, SheetPhoto, SheetStation
from fengqiao_desktop.reports.sheet_record import sheet_from_record
from fengqiao_desktop.services.sheet import RevisionHashes, content_hash

INS = models.Inspection.__table__
REV = models.InspectionRevision.__table__
STATIONS = models.Station.__table__


def _unknown(inspection_id: str) -> ReportError:
    return ReportError(
        f"中心数据库中没有检查 {inspection_id}。请确认检查编号，或先导入含该检查的数据包。",
        message_en=f"The central database has no inspection {inspection_id}. "
        "Check the id, or import the bundle that carries it first.",
    )


def _winner(conn: Connection, inspection_id: str):
    return conn.execute(select(INS).where(INS.c.id == inspection_id)).first()


def _record(conn: Connection, inspection_id: str, sha: str) -> dict:
    text = conn.execute(
        select(REV.c.record).where(REV.c.inspection_id == inspection_id, REV.c.content_sha256 == sha)
    ).scalar_one()
    return json.loads(text)


def _station(conn: Connection, code: str) -> SheetStation:
    row = conn.execute(
        select(STATIONS.c.name, STATIONS.c.level, STATIONS.c.address).where(STATIONS.c.code == code)
    ).first()
    if row is None:
        return SheetStation(code, code, "", "")
    return SheetStation(code, row.name, row.level, row.address or "")


def _visit_rows(conn: Connection, ins):
    """The inspection a visit's sheet is of (its rubric, else ``ins``) and the visit's five-haves check.

    Printing either form of a visit gives the same sheet, as on the laptop.
    """
    if not ins.visit_id:
        return ins, None

    def member(kind: str):
        return conn.execute(
            select(INS)
            .where(INS.c.visit_id == ins.visit_id, INS.c.form_kind == kind, INS.c.id != ins.id)
            .order_by(INS.c.completed_at.desc(), INS.c.id)
        ).first()

    if ins.form_kind == "rubric":
        return ins, member("gate")
    if ins.form_kind == "gate":
        rubric = member("rubric")
        if rubric is not None and rubric.winner_sha256:  # not a rubric only quarantine holds
            return rubric, ins
    return ins, None


class CentralSheetSource:
    def __init__(self, url: str):
        self.url = url

    def sheet_data(self, inspection_id: str, lang: str) -> SheetData:
        central = open_central(self.url)
        try:
            with central.read() as conn:
                ins = _winner(conn, inspection_id)
                if ins is None:
                    raise _unknown(inspection_id)
                if not ins.winner_sha256:  # only quarantined bundles carry it (docs/merge.md)
                    raise ReportError(
                        f"检查 {inspection_id} 只在隔离中的数据包里，须待人工裁定"
                        "（fengqiao central quarantine list）后才能打印。",
                        message_en=f"Inspection {inspection_id} is only in quarantined bundles; it can be "
                        "printed once a person decides (fengqiao central quarantine list).",
                    )
                main, gate = _visit_rows(conn, ins)
                if gate is not None and not gate.winner_sha256:
                    gate = None  # a check only quarantined bundles carry is not shown
                record = _record(conn, main.id, main.winner_sha256)
                form = load_form(conn, main.form_sha256)
                if form is None:  # pragma: no cover - imports refuse unregistered forms
                    raise ReportError(
                        f"中心数据库中没有登记检查所用的表单 {main.form_id}。",
                        message_en=f"The form {main.form_id} of this inspection is not registered.",
                    )
                companion = None
                gate_form = load_form(conn, gate.form_sha256) if gate is not None else None
                if gate is not None and gate_form is not None:
                    companion = (_record(conn, gate.id, gate.winner_sha256), gate_form)
                station = _station(conn, record["station_code"])
                shown = [record, companion[0]] if companion is not None else [record]
                shas = [p.get("sha256") for r in shown for p in r.get("photos") or [] if p.get("sha256")]
                blobs = read_photos(conn, central.files_dir, shas)
        finally:
            central.dispose()

        def load_photo(p: dict) -> SheetPhoto | None:
            return SheetPhoto(
                caption=str(p.get("caption") or ""),
                item_id=p.get("item_id"),
                data=blobs.get(str(p.get("sha256"))),
            )

        return sheet_from_record(
            record,
            form,
            station,
            content_hash(record),
            load_photo=load_photo,
            companion=companion,
            lang=lang,
            photo_max_age_days=Settings.load().photo_max_age_days,
        )

    def revision_hashes(self, inspection_id: str) -> RevisionHashes | None:
        central = open_central(self.url)
        try:
            with central.read() as conn:
                ins = _winner(conn, inspection_id)
                if ins is None:
                    return None
                hashes: dict[int, list[str]] = {}
                current = ""
                for rev, sha, text in conn.execute(
                    select(REV.c.revision, REV.c.content_sha256, REV.c.record).where(
                        REV.c.inspection_id == inspection_id
                    )
                ):
                    h = content_hash(json.loads(text))
                    hashes.setdefault(rev, []).append(h)
                    if sha == ins.winner_sha256:
                        current = h
                station = _station(conn, ins.station_code)
        finally:
            central.dispose()
        return RevisionHashes(ins.winner_revision, current, hashes, station.name)
