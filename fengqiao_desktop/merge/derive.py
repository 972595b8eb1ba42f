"""Derive an inspection from what is stored of it (pure: reads and writes nothing).

Its winner under the ownership rule (``merge/winner.py``), its conflict entry, its findings
and the re-checks its winner gives, and its derived columns — from a :class:`State`, which
``merge/apply.py`` reads from the database, or makes from a bundle in hand for inspections
the database has never seen; ``apply`` writes what comes out (:class:`Derived`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from fengqiao_desktop.merge import followup
from fengqiao_desktop.merge.records import RevisionData
from fengqiao_desktop.merge.winner import Rev, contest


def split_chain(text: str | None) -> tuple[str, ...]:
    return tuple(text.split()) if text else ()


class Contender(NamedTuple):
    """A stored revision as the derivation reads it (the columns of ``apply._CONTENDERS_OF``)."""

    id: int | None
    inspection_id: str
    revision: int
    content_sha256: str
    completed_at: str | None
    audit_chain: str
    station_code: str
    form_sha256: str
    visit_id: str | None
    status: str
    total: float | None
    verdict: str | None
    key_id: str | None
    active: bool


class Current(NamedTuple):
    """An inspection's row before the derivation (the columns of ``apply._CURRENT_OF``)."""

    id: str
    winner_sha256: str
    visit_id: str | None
    station_code: str


@dataclass
class State:
    """What the derivation of some inspections reads: their revisions, rows, owners, conflicts."""

    rows: dict[str, list]  # inspection id -> revisions some standing bundle carries
    held: dict[str, list]  # inspection id -> revisions only quarantined bundles carry
    current: dict[str, Any]
    owners: dict[str, str]
    conflicts: dict[str, Any]
    names: dict[str, tuple[str, str]]


@dataclass
class Derived:
    """What the derivation decided, for ``apply._write_derived`` to write."""

    ins_updates: list[dict] = field(default_factory=list)
    conflict_writes: list[tuple] = field(default_factory=list)  # arguments of apply._sync_conflict
    findings_for: list[str] = field(default_factory=list)  # whose stored findings are replaced
    new_findings: list[dict] = field(default_factory=list)
    new_rechecks: list[dict] = field(default_factory=list)
    to_read: dict[int, tuple[str, str, str | None]] = field(default_factory=dict)  # revision row id -> ...
    visits: set[str] = field(default_factory=set)
    stations: set[str] = field(default_factory=set)


def derive(ids: Sequence[str], state: State, in_hand: Mapping[tuple[str, str], RevisionData]) -> Derived:
    """Winner, conflict, findings and re-checks of each inspection from its state (writes nothing)."""
    out = Derived(stations={r.station_code for r in state.current.values()})
    names = state.names
    for iid in ids:
        cur = state.current[iid]
        old = state.conflicts.get(iid)
        if iid not in state.rows:  # every bundle carrying it is quarantined: it counts for nothing
            # described by its latest held revision (whatever came first), no score
            h = max(state.held[iid], key=lambda r: (r.revision, r.completed_at or "", r.content_sha256))
            out.visits.update(v for v in (cur.visit_id, h.visit_id) if v)
            if old is not None:
                out.conflict_writes.append((iid, None, None, old, None, None))
            if cur.winner_sha256:
                out.findings_for.append(iid)
            out.ins_updates.append(
                _derived_row(
                    iid,
                    h,
                    names,
                    status="quarantined",
                    completed_at=None,
                    winner_revision=0,
                    winner_sha256="",
                    total=None,
                    verdict=None,
                )
            )
            continue
        revs = {
            r.content_sha256: Rev(r.revision, r.content_sha256, r.completed_at, split_chain(r.audit_chain), r.key_id)
            for r in state.rows[iid]
        }
        comp, auto = contest(revs.values(), state.owners.get(iid))
        shas = [r.sha256 for r in comp]
        chosen = None
        if old is not None and old.status == "resolved" and [s for _rv, s in json.loads(old.revisions)] == shas:
            chosen = old.winner_sha256
        win = next((r for r in comp if r.sha256 == chosen), auto)
        out.conflict_writes.append((iid, comp, win, old, chosen, auto))
        w = next(r for r in state.rows[iid] if r.content_sha256 == win.sha256)
        if cur.visit_id:
            out.visits.add(cur.visit_id)
        if w.visit_id:
            out.visits.add(w.visit_id)
        out.ins_updates.append(
            _derived_row(
                iid,
                w,
                names,
                status=w.status,
                completed_at=w.completed_at,
                winner_revision=w.revision,
                winner_sha256=w.content_sha256,
                total=w.total,
                verdict=w.verdict,
            )
        )
        if cur.winner_sha256 != w.content_sha256:
            out.findings_for.append(iid)
            known = in_hand.get((iid, w.content_sha256))
            if known is not None:
                out.new_findings.extend(finding_rows(iid, w.station_code, known.findings))
                out.new_rechecks.extend(followup.recheck_rows(iid, w.station_code, w.completed_at, known.rechecks))
            else:
                out.to_read[w.id] = (iid, w.station_code, w.completed_at)
    # findings, and the re-checks they give, are stored only while an inspection has a winner:
    # one without (new, or held until now) has none to replace
    out.findings_for = [iid for iid in out.findings_for if state.current[iid].winner_sha256]
    return out


def finding_rows(iid: str, station: str, findings: Sequence[dict]) -> list[dict]:
    out, seen = [], set()
    for i, f in enumerate(findings):
        if not isinstance(f, dict):
            continue
        fid = str(f.get("id") or f"#{i}")
        if fid in seen:
            continue
        seen.add(fid)
        out.append(
            {
                "inspection_id": iid,
                "finding_id": fid,
                "station_code": station,
                "item_id": f.get("item_id"),
                "category": f.get("category"),
                "severity": f.get("severity"),
                "description": str(f.get("description") or ""),
                "measures": str(f.get("measures") or ""),
                "responsible": str(f.get("responsible") or ""),
                "deadline": None if f.get("deadline") is None else str(f.get("deadline")),
                "status": f.get("status"),
                "record_status": f.get("status"),
            }
        )
    return out


def _derived_row(iid: str, r, names: Mapping[str, tuple[str, str]], **winner) -> dict:
    """The inspection's derived columns (``apply._DERIVED``), described by revision ``r``
    (station, form, visit) and ``winner`` (status, completion, winner, score)."""
    form_id, form_kind = names.get(r.form_sha256, ("", ""))
    return {
        "_id": iid,
        "station_code": r.station_code,
        "form_sha256": r.form_sha256,
        "form_id": form_id,
        "form_kind": form_kind,
        "visit_id": r.visit_id,
        **winner,
    }
