"""Score sheet use cases: build the sheet of an inspection, write it, check a printed proof.

The sheet is built from the inspection record (the bundle record shape) of the
local database or, with ``central``, of the central database, so a bureau can
reprint it. ``content_hash`` fingerprints what the sheet shows at one revision;
the QR code carries its first digits and ``check_sheet`` compares a scanned proof
with every revision the database holds.

Every function opens its own connections and returns plain data, so the UI can
call it from a worker thread.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import rfc8785

from fengqiao_desktop.errors import ReportError
from fengqiao_desktop.formengine.scoring import Answer
from fengqiao_desktop.reports.qr import Proof, parse_proof
from fengqiao_desktop.reports.sheet import render_sheet
from fengqiao_desktop.reports.sheet_data import SheetData

if TYPE_CHECKING:
    from fengqiao_desktop.services.store import LocalStore

__all__ = [
    "SheetCheck",
    "build_sheet_data",
    "check_sheet",
    "content_hash",
    "write_sheet",
]

FINDING_KEYS = ("item_id", "category", "severity", "description", "measures", "responsible", "deadline", "status")


def content_hash(record: Mapping[str, Any]) -> str:
    """sha256 (hex) of the RFC 8785 JSON of what an inspection says at one revision.

    Covers id, revision, station, the form's sha256, the answers, the photos (sha256,
    item, caption), the findings and, when there are some, the signatures drawn on screen
    (role, name, strokes); leaves out times, scores (recomputed) and the audit trail, so
    the laptop and the central database give the same value for the same revision, and a
    record without signatures the value earlier releases gave. Order of photos and
    findings does not matter.
    """
    answers = {k: Answer.from_json(v).to_json() for k, v in (record.get("answers") or {}).items()}
    photos = sorted(
        (
            {"sha256": p.get("sha256"), "item_id": p.get("item_id"), "caption": p.get("caption") or ""}
            for p in record.get("photos") or []
        ),
        key=lambda p: rfc8785.dumps(p),
    )
    findings = sorted(
        ({k: f.get(k) for k in FINDING_KEYS} for f in record.get("findings") or []), key=lambda f: rfc8785.dumps(f)
    )
    body = {
        "id": record["id"],
        "revision": int(record["revision"]),
        "station_code": record["station_code"],
        "form_sha256": (record.get("form") or {}).get("sha256"),
        "answers": answers,
        "photos": photos,
        "findings": findings,
    }
    if record.get("signatures"):
        body["signatures"] = sorted(
            (
                {"role": g.get("role"), "name": g.get("name"), "strokes": g.get("strokes")}
                for g in record["signatures"]
                if isinstance(g, dict)
            ),
            key=lambda g: str(g["role"]),
        )
    return hashlib.sha256(rfc8785.dumps(body)).hexdigest()


@dataclass(frozen=True)
class SheetCheck:
    """What a scanned proof says about the database.

    ``status``: ``current`` (matches the inspection as it stands), ``older`` (matches
    revision ``revision``, the database is at ``current_revision``; still valid for
    that revision), ``older_unverified`` (an older revision whose content this
    database no longer holds), ``mismatch`` (the inspection exists, no revision has
    this content) or ``unknown`` (no such inspection).
    """

    status: str
    proof: Proof
    current_revision: int | None = None
    station_name: str = ""

    @property
    def ok(self) -> bool:
        return self.status in ("current", "older")

    def message(self, lang: str = "zh") -> str:
        p = self.proof
        where = (
            f"（{self.station_name}）"
            if self.station_name and lang != "en"
            else f" ({self.station_name})"
            if self.station_name
            else ""
        )
        if lang == "en":
            return {
                "current": f"Matches: inspection {p.inspection_id}{where} revision {p.revision}, "
                "as it stands in the database.",
                "older": f"Matches an older revision: the sheet shows revision {p.revision} of inspection "
                f"{p.inspection_id}{where}; the database is now at revision "
                f"{self.current_revision}. The sheet is valid for revision {p.revision} only.",
                "older_unverified": f"The sheet shows revision {p.revision} of inspection {p.inspection_id}"
                f"{where}; the database is now at revision {self.current_revision} "
                "and no longer holds that revision's content to compare.",
                "mismatch": f"Does NOT match: inspection {p.inspection_id}{where} has no revision with "
                "this content. The sheet may have been altered or comes from another database.",
                "unknown": f"Unknown inspection {p.inspection_id}: it is not in this database.",
            }[self.status]
        return {
            "current": f"相符：检查 {p.inspection_id}{where} 第 {p.revision} 次修订，与数据库当前内容一致。",
            "older": f"相符（旧修订）：评分表显示的是检查 {p.inspection_id}{where} 的第 {p.revision} 次修订，"
            f"数据库现为第 {self.current_revision} 次修订。此表仅对第 {p.revision} 次修订有效。",
            "older_unverified": f"评分表显示的是检查 {p.inspection_id}{where} 的第 {p.revision} 次修订，"
            f"数据库现为第 {self.current_revision} 次修订，已无该修订的内容可供比对。",
            "mismatch": f"不相符：检查 {p.inspection_id}{where} 没有任何修订与此内容一致，"
            "评分表可能被改动过或来自其他数据库。",
            "unknown": f"未知检查 {p.inspection_id}：本数据库中没有该检查。",
        }[self.status]


def _source(central: str | None, store: LocalStore | None):
    if central is not None:
        from fengqiao_desktop.services import sheet_central

        return sheet_central.CentralSheetSource(central)
    if store is None:
        raise ValueError("a local sheet needs the local store (or central=URL)")
    return store.sheets


def build_sheet_data(
    inspection_id: str, *, central: str | None = None, store: LocalStore | None = None, lang: str = "zh"
) -> SheetData:
    """The sheet of an inspection at its current revision, from the local ``store`` or the
    central database at ``central``."""
    return _source(central, store).sheet_data(inspection_id.strip(), lang)


def write_sheet(
    inspection_id: str,
    out: Path | str | BinaryIO,
    *,
    central: str | None = None,
    store: LocalStore | None = None,
    lang: str = "zh",
) -> int:
    """Build and render the sheet of an inspection; return the number of pages."""
    return render_sheet(build_sheet_data(inspection_id, central=central, store=store, lang=lang), out)


def check_sheet(proof_text: str, *, central: str | None = None, store: LocalStore | None = None) -> SheetCheck:
    """Compare a scanned or typed proof with the revisions the (local or central) database holds."""
    proof = parse_proof(proof_text)
    revisions = _source(central, store).revision_hashes(proof.inspection_id)
    if revisions is None:
        return SheetCheck("unknown", proof)
    name = revisions.station_name
    if any(proof.matches(h) for h in revisions.hashes.get(proof.revision, [])):
        status = "current" if proof.matches(revisions.current_hash) else "older"
        return SheetCheck(status, proof, revisions.current_revision, name)
    if proof.revision < revisions.current_revision and proof.revision not in revisions.hashes:
        return SheetCheck("older_unverified", proof, revisions.current_revision, name)
    return SheetCheck("mismatch", proof, revisions.current_revision, name)


@dataclass(frozen=True)
class RevisionHashes:
    """What a source knows of one inspection's revisions: content hashes per revision number."""

    current_revision: int
    current_hash: str
    hashes: dict[int, list[str]]  # every revision held; two devices may make competing ones
    station_name: str = ""


def not_available(what_zh: str, what_en: str) -> ReportError:
    return ReportError(f"{what_zh}：此功能尚不可用。", message_en=f"{what_en}: not available yet.")
