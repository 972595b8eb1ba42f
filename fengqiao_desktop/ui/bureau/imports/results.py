"""The Import page's results table: one row per bundle file, with what happened to it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from fengqiao_desktop.services.central import ImportOutcome
from fengqiao_desktop.ui.bureau.formatting import is_english
from fengqiao_desktop.ui.bureau.rows_model import Column, RowsModel

OK_COLOUR = "#e3f4e1"
ALREADY_COLOUR = "#eef1f5"
REFUSED_COLOUR = "#fde2e1"
CANCELLED_COLOUR = "#fff4d6"


def status_text(o: ImportOutcome) -> str:
    return {
        "imported": QCoreApplication.translate("BureauImport", "Imported"),
        "planned": QCoreApplication.translate("BureauImport", "Would import"),
        "already_imported": QCoreApplication.translate("BureauImport", "Already imported"),
        "refused": QCoreApplication.translate("BureauImport", "Refused"),
        "quarantined": QCoreApplication.translate("BureauImport", "Quarantined"),
        "cancelled": QCoreApplication.translate("BureauImport", "Cancelled"),
    }.get(o.status, o.status)


def colour(o: ImportOutcome) -> str:
    if o.status in ("imported", "planned"):
        return OK_COLOUR
    if o.status == "already_imported":
        return ALREADY_COLOUR
    if o.status == "cancelled":
        return CANCELLED_COLOUR
    return REFUSED_COLOUR


def details_text(o: ImportOutcome) -> str:
    c = o.counts
    if o.status in ("imported", "planned"):
        return QCoreApplication.translate(
            "BureauImport",
            "{inspections} inspection(s): {new} new, {revisions} new revision(s), "
            "{present} already present, {conflicts} conflict(s); {photos} photo(s)",
        ).format(
            inspections=c.get("inspections", 0),
            new=c.get("new_inspections", 0),
            revisions=c.get("new_revisions", 0),
            present=c.get("already_present", 0),
            conflicts=c.get("conflicts", 0),
            photos=c.get("new_photos", 0),
        )
    if o.status == "already_imported":
        return QCoreApplication.translate("BureauImport", "Nothing changed: this bundle was imported before")
    if o.status == "cancelled":
        return QCoreApplication.translate("BureauImport", "Stopped before this bundle was imported")
    reason = o.reason_en if is_english() and o.reason_en else o.reason
    if o.member and o.member not in reason:
        reason += QCoreApplication.translate("BureauImport", " (member: {member})").format(member=o.member)
    return reason


def warnings_of(o: ImportOutcome) -> list[str]:
    return list(o.warnings_en if is_english() and o.warnings_en else o.warnings)


def results_model(parent=None) -> RowsModel:
    return RowsModel(
        [
            Column(
                lambda: QCoreApplication.translate("BureauImport", "File"),
                lambda o: Path(o.path).name,
                tooltip=lambda o: o.path,
            ),
            Column(lambda: QCoreApplication.translate("BureauImport", "Result"), status_text, background=colour),
            Column(
                lambda: QCoreApplication.translate("BureauImport", "Details"),
                details_text,
                background=lambda o: colour(o) if o.status in ("refused", "quarantined") else None,
            ),
            Column(lambda: QCoreApplication.translate("BureauImport", "Inspector"), lambda o: o.inspector or ""),
            Column(
                lambda: QCoreApplication.translate("BureauImport", "Device / sequence"),
                lambda o: f"{o.device_id} #{o.sequence}" if o.device_id else "",
            ),
            Column(lambda: QCoreApplication.translate("BureauImport", "Warnings"), lambda o: "；".join(warnings_of(o))),
        ],
        parent,
    )


def history_status(r) -> str:
    return {
        "imported": QCoreApplication.translate("BureauImport", "Imported"),
        "refused": QCoreApplication.translate("BureauImport", "Refused"),
        "quarantined": QCoreApplication.translate("BureauImport", "Quarantined"),
    }.get(r.outcome, r.outcome)


def history_details(r) -> str:
    if r.outcome == "imported":
        c = r.counts
        return QCoreApplication.translate(
            "BureauImport",
            "{inspections} inspection(s), {revisions} new revision(s), {conflicts} conflict(s), {photos} photo(s)",
        ).format(
            inspections=c.get("inspections", 0),
            revisions=c.get("new_revisions", 0),
            conflicts=c.get("conflicts", 0),
            photos=c.get("photos", 0),
        )
    return r.reason_en if is_english() and r.reason_en else r.reason


def history_model(parent=None) -> RowsModel:
    from fengqiao_desktop.ui.bureau.formatting import when

    return RowsModel(
        [
            Column(lambda: QCoreApplication.translate("BureauImport", "When"), lambda r: when(r.at)),
            Column(lambda: QCoreApplication.translate("BureauImport", "File"), lambda r: r.file_name),
            Column(
                lambda: QCoreApplication.translate("BureauImport", "Result"),
                history_status,
                background=lambda r: OK_COLOUR if r.outcome == "imported" else REFUSED_COLOUR,
            ),
            Column(lambda: QCoreApplication.translate("BureauImport", "Details"), history_details),
            Column(lambda: QCoreApplication.translate("BureauImport", "Inspector"), lambda r: r.inspector),
            Column(lambda: QCoreApplication.translate("BureauImport", "Device / sequence"), lambda r: r.device),
            Column(
                lambda: QCoreApplication.translate("BureauImport", "Kept as"),
                lambda r: str(r.archived or r.quarantined or ""),
            ),
        ],
        parent,
    )
