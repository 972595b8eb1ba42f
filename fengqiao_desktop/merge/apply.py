"""Apply a merge plan inside the caller's transaction, then re-derive what depends on it.

Everything derived — an inspection's winner, its conflict entry, its findings,
the rubric's verdict in its visit (the visit rule, formengine.visit) — is recomputed from
the stored revisions of the touched inspections, never patched incrementally.
That is what makes the central state a function of the set of revisions, and
so independent of the order bundles arrive in.

All statements are SQLAlchemy Core with executemany: no ORM object per row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, bindparam, delete, exists, insert, select, update
from sqlalchemy.engine import Connection

from fengqiao_desktop.domain import Verdict
from fengqiao_desktop.formengine.visit import GateState, decided_gate_state, visit_verdict
from fengqiao_desktop.merge import followup, models, summary
from fengqiao_desktop.merge.derive import Contender, Current, Derived, State, derive, finding_rows, split_chain
from fengqiao_desktop.merge.plan import MergePlan, Snapshot
from fengqiao_desktop.merge.records import RevisionData
from fengqiao_desktop.merge.summary import refresh_summary
from fengqiao_desktop.merge.winner import Rev

if TYPE_CHECKING:
    from fengqiao_desktop.merge.photos import PhotoSource

INS = models.table_of(models.Inspection)
REV = models.table_of(models.InspectionRevision)
SRC = models.table_of(models.RevisionSource)
PHOTO = models.table_of(models.PhotoBlob)
FIND = models.table_of(models.Finding)
CONF = models.table_of(models.Conflict)
FORMS = models.table_of(models.RegisteredForm)
BUNDLES = models.table_of(models.Bundle)
OWNERS = models.table_of(models.InspectionOwner)

_CHUNK = 500  # IN lists stay well under every database's parameter limit
VISITS_DEFERRED = "fengqiao.merge.visits_deferred"  # conn.info key: visits whose refresh waits
# sha256 -> (form id, kind); a registered form's sha256 is that of its content, so this never goes stale
_FORM_NAMES: dict[str, tuple[str, str]] = {}


def chunks(items: Sequence, n: int = _CHUNK):
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _active():
    """A revision counts when a bundle that stands (status imported) carries it (merge/chain.py)."""
    return exists().where(
        SRC.c.revision_id == REV.c.id,
        BUNDLES.c.manifest_sha256 == SRC.c.manifest_sha256,
        BUNDLES.c.status == "imported",
    )


def _in(column, name: str = "ids"):
    """``column IN (...)``, the list given when the statement runs (its compiled form is reused)."""
    return column.in_(bindparam(name, expanding=True))


# the statements every imported bundle runs, built once (building and keying one per call cost
# more than running it)
_REVISIONS_OF = select(
    REV.c.inspection_id,
    REV.c.revision,
    REV.c.content_sha256,
    REV.c.completed_at,
    REV.c.audit_chain,
    REV.c.key_id,
    _active().label("active"),
).where(_in(REV.c.inspection_id))
_OWNERS_OF = select(OWNERS.c.inspection_id, OWNERS.c.key_id).where(_in(OWNERS.c.inspection_id))
_CONFLICTS_OF = select(CONF).where(_in(CONF.c.inspection_id))
_PHOTOS_STORED = select(PHOTO.c.sha256).where(_in(PHOTO.c.sha256))
_SOURCES = insert(SRC).from_select(
    ["revision_id", "manifest_sha256"],
    select(REV.c.id, bindparam("manifest", type_=SRC.c.manifest_sha256.type)).where(
        _in(REV.c.inspection_id), _in(REV.c.content_sha256, "shas")
    ),
)
_CONTENDERS_OF = select(
    REV.c.id,
    REV.c.inspection_id,
    REV.c.revision,
    REV.c.content_sha256,
    REV.c.completed_at,
    REV.c.audit_chain,
    REV.c.station_code,
    REV.c.form_sha256,
    REV.c.visit_id,
    REV.c.status,
    REV.c.total,
    REV.c.verdict,
    REV.c.key_id,
    _active().label("active"),
).where(_in(REV.c.inspection_id))
_CURRENT_OF = select(INS.c.id, INS.c.winner_sha256, INS.c.visit_id, INS.c.station_code).where(_in(INS.c.id))
_DERIVED = (
    "station_code",
    "form_sha256",
    "form_id",
    "form_kind",
    "visit_id",
    "status",
    "completed_at",
    "winner_revision",
    "winner_sha256",
    "total",
    "verdict",
)
_UPDATE_DERIVED = update(INS).where(INS.c.id == bindparam("_id")).values({c: bindparam(c) for c in _DERIVED})
_DROP_FINDINGS_OF = delete(FIND).where(_in(FIND.c.inspection_id))


def defer_derived(conn: Connection) -> None:
    """Until ``flush_derived``, the visits' verdicts and the coverage summary touched on ``conn`` are
    only noted, then re-derived once (a batch of imports: once per batch instead of once per bundle).
    Nothing in between reads them: plans, winners and chains do not depend on them."""
    conn.info[VISITS_DEFERRED] = set()
    summary.defer(conn)


def flush_derived(conn: Connection) -> None:
    """Re-derive what was noted since ``defer_derived``, in the same transaction; stop deferring."""
    try:
        visits = conn.info.pop(VISITS_DEFERRED, None)
        if visits:
            refresh_visits(conn, visits)
        summary.flush(conn)
    finally:
        stop_deferring(conn)


def stop_deferring(conn: Connection) -> None:
    """Forget what was noted (the transaction is rolled back): ``conn.info`` outlives it."""
    conn.info.pop(VISITS_DEFERRED, None)
    conn.info.pop(summary.DEFERRED, None)


def _form_names(conn: Connection, shas: Iterable[str]) -> dict[str, tuple[str, str]]:
    missing = sorted(set(shas) - _FORM_NAMES.keys())
    for part in chunks(missing):
        for sha, form_id, kind in conn.execute(
            select(FORMS.c.sha256, FORMS.c.form_id, FORMS.c.kind).where(FORMS.c.sha256.in_(part))
        ):
            _FORM_NAMES[sha] = (form_id, kind)
    return _FORM_NAMES


def load_snapshot(conn: Connection, revisions: Sequence[RevisionData]) -> Snapshot:
    ids = sorted({r.inspection_id for r in revisions})
    revs: dict[str, list[Rev]] = {}
    held: set[str] = set()
    conflicts: dict[str, tuple[str, ...]] = {}
    conflict_rows: dict[str, Any] = {}
    owners: dict[str, str] = {}
    for part in chunks(ids):
        for iid, rev, sha, done, chain, key, active in conn.execute(_REVISIONS_OF, {"ids": part}):
            revs.setdefault(iid, []).append(Rev(rev, sha, done, split_chain(chain), key))
            if not active:
                held.add(sha)
        owners.update(conn.execute(_OWNERS_OF, {"ids": part}).all())
    # competing revisions are stored revisions: an inspection with none stored has no conflict
    for part in chunks(sorted(revs)):
        for row in conn.execute(_CONFLICTS_OF, {"ids": part}):
            conflicts[row.inspection_id] = tuple(sha for _rev, sha in json.loads(row.revisions))
            conflict_rows[row.inspection_id] = row
    shas = sorted({p["sha256"] for r in revisions for p in r.photos if p.get("sha256")})
    have: set[str] = set()
    for part in chunks(shas):
        have.update(conn.execute(_PHOTOS_STORED, {"ids": part}).scalars())
    return Snapshot(
        revisions=revs,
        photos=frozenset(have),
        conflicts=conflicts,
        held=frozenset(held),
        owners=owners,
        conflict_rows=conflict_rows,
    )


def _revision_row(r: RevisionData, signer: str | None) -> dict:
    return {
        "inspection_id": r.inspection_id,
        "revision": r.revision,
        "content_sha256": r.content_sha256,
        "key_id": signer,
        "record": r.record_json,
        "station_code": r.station_code,
        "form_sha256": r.form_sha256,
        "visit_id": r.visit_id,
        "status": r.status,
        "completed_at": r.completed_at,
        "audit_chain": " ".join(r.audit_chain),
        "total": r.total,
        "max_points": r.max_points,
        "own_verdict": r.own_verdict,
        "verdict": r.own_verdict,
    }


def apply_plan(
    conn: Connection,
    plan: MergePlan,
    *,
    manifest_sha256: str,
    revisions: Sequence[RevisionData],
    photos: PhotoSource,
    signer: str | None = None,
    snapshot: Snapshot | None = None,
) -> None:
    """Write the plan (the bundles row for ``manifest_sha256`` must exist already, as imported);
    ``snapshot``, the one the plan was made from, saves reading its owners and conflicts again.

    An inspection the plan finds new (no revision of it stored) is derived before it is written:
    what the database would give back after the bundle's rows are in — its revisions, all of them
    carried by this standing bundle, and no conflict yet — is in hand, so its row is inserted as
    derived instead of inserted, read back and updated (the order property test,
    ``tests/merge/test_merge_order.py``, derives everything again after every step: nothing changes)."""
    in_hand = {(r.inspection_id, r.content_sha256): r for r in revisions}
    fresh = [
        derive(part, _fresh_state(conn, part, plan, revisions, signer, snapshot), in_hand)
        for part in chunks(plan.new_inspections)
    ]
    for derived in fresh:
        conn.execute(insert(INS), [_inserted(u) for u in derived.ins_updates])
    if plan.new_revisions:
        conn.execute(insert(REV), [_revision_row(r, signer) for r in plan.new_revisions])
    photos.insert(conn, plan.new_photos)
    # a revision's content names its inspection, so no pair crosses over (the inspection id
    # is there for the index)
    for part in chunks(sorted({(r.inspection_id, r.content_sha256) for r in revisions})):
        conn.execute(
            _SOURCES,
            {
                "manifest": manifest_sha256,
                "ids": sorted({i for i, _ in part}),
                "shas": sorted({sha for _, sha in part}),
            },
        )
    visits: set[str] = set()
    for derived in fresh:
        visits |= _write_derived(conn, derived, update=False)
    new = set(plan.new_inspections)
    # nothing written since the snapshot touches owners or conflicts
    rest = {r.inspection_id for r in revisions} - new
    visits |= refresh_inspections(conn, rest, in_hand=in_hand, snapshot=snapshot)
    refresh_visits(conn, visits)


def _inserted(update_row: dict) -> dict:
    """The inspections row to insert for a derived update row."""
    row = {c: update_row[c] for c in _DERIVED}
    row["id"] = update_row["_id"]
    return row


def _contender(r: RevisionData, signer: str | None) -> Contender:
    """The revision as ``_CONTENDERS_OF`` reads it back once written (``_revision_row``) and
    carried by a standing bundle."""
    row = _revision_row(r, signer)
    return Contender(None, **{k: row[k] for k in Contender._fields if k not in ("id", "active")}, active=True)


def _fresh_state(
    conn: Connection,
    ids: Sequence[str],
    plan: MergePlan,
    revisions: Sequence[RevisionData],
    signer: str | None,
    snapshot: Snapshot | None,
) -> State:
    """The state of new inspections as the database would give it once the bundle is written:
    the plan's new revisions, each row as first inserted (described by the bundle's first
    revision of it, no winner yet)."""
    wanted = set(ids)
    rows: dict[str, list] = {}
    for r in plan.new_revisions:
        if r.inspection_id in wanted:
            rows.setdefault(r.inspection_id, []).append(_contender(r, signer))
    current: dict[str, Any] = {}
    for r in revisions:
        if r.inspection_id in wanted and r.inspection_id not in current:
            current[r.inspection_id] = Current(r.inspection_id, "", r.visit_id, r.station_code)
    owners, conflicts = _owners_and_conflicts(conn, ids, snapshot)
    names = _form_names(conn, {r.form_sha256 for rs in rows.values() for r in rs})
    return State(rows, {}, current, owners, conflicts, names)


def _owners_and_conflicts(
    conn: Connection, ids: Sequence[str], snapshot: Snapshot | None
) -> tuple[dict[str, str], dict[str, Any]]:
    if snapshot is not None:
        owners = {i: snapshot.owners[i] for i in ids if i in snapshot.owners}
        conflicts = {i: snapshot.conflict_rows[i] for i in ids if i in snapshot.conflict_rows}
    else:
        owners = dict(conn.execute(_OWNERS_OF, {"ids": list(ids)}).all())
        conflicts = {r.inspection_id: r for r in conn.execute(_CONFLICTS_OF, {"ids": list(ids)})}
    return owners, conflicts


def _read_state(conn: Connection, ids: Sequence[str], snapshot: Snapshot | None) -> State:
    rows: dict[str, list] = {}
    held: dict[str, list] = {}
    for row in conn.execute(_CONTENDERS_OF, {"ids": list(ids)}):
        (rows if row.active else held).setdefault(row.inspection_id, []).append(row)
    names = _form_names(conn, {r.form_sha256 for group in (rows, held) for rs in group.values() for r in rs})
    owners, conflicts = _owners_and_conflicts(conn, ids, snapshot)
    current = {r.id: r for r in conn.execute(_CURRENT_OF, {"ids": list(ids)})}
    return State(rows, held, current, owners, conflicts, names)


def refresh_inspections(
    conn: Connection,
    ids: Iterable[str],
    *,
    in_hand: Mapping[tuple[str, str], RevisionData] | None = None,
    snapshot: Snapshot | None = None,
) -> set[str]:
    """Re-derive winner, conflict, findings and the re-checks it gives of each inspection, and the
    coverage summary of the stations concerned; return the visits touched.

    ``in_hand`` gives the revisions the caller has parsed already (inspection id,
    content sha256 -> revision), so their records are not read back; ``snapshot``, a snapshot of
    these inspections still current, their owners and conflicts, so they are not read again.
    """
    in_hand = in_hand or {}
    visits: set[str] = set()
    for part in chunks(sorted(set(ids))):
        visits |= _write_derived(conn, derive(part, _read_state(conn, part, snapshot), in_hand), update=True)
    return visits


def _write_derived(conn: Connection, d: Derived, *, update: bool) -> set[str]:
    """Write what ``_derive`` decided (``update``: the inspections rows exist, else they were
    inserted as derived); refresh the findings' states and the stations' summary; return the
    visits touched."""
    for args in d.conflict_writes:
        _sync_conflict(conn, *args)
    new_findings, new_rechecks = list(d.new_findings), list(d.new_rechecks)
    if d.to_read:
        for rid, text in conn.execute(select(REV.c.id, REV.c.record).where(REV.c.id.in_(list(d.to_read)))):
            iid, station, completed = d.to_read[rid]
            record = json.loads(text)
            new_findings.extend(finding_rows(iid, station, record.get("findings") or []))
            new_rechecks.extend(followup.recheck_rows(iid, station, completed, record.get("rechecks") or []))
    if update and d.ins_updates:
        conn.execute(_UPDATE_DERIVED, d.ins_updates)
    if d.findings_for:
        conn.execute(_DROP_FINDINGS_OF, {"ids": d.findings_for})
    if new_findings:
        conn.execute(insert(FIND), new_findings)
    touched = followup.replace_rechecks(conn, d.findings_for, new_rechecks)
    stations = d.stations | {u["station_code"] for u in d.ins_updates}
    stations |= followup.refresh(conn, touched | set(d.findings_for) | {f["inspection_id"] for f in new_findings})
    refresh_summary(conn, stations)
    return d.visits


def _sync_conflict(conn: Connection, iid: str, comp: list[Rev] | None, win: Rev | None, old, chosen, auto) -> None:
    """Bring the conflict entry of ``iid`` in line with its competitors (None: it has none to count)."""
    if comp is None or win is None or len(comp) < 2:
        if old is not None:
            conn.execute(delete(CONF).where(CONF.c.inspection_id == iid))
        return
    values: dict[str, object] = {
        "revisions": json.dumps([[r.revision, r.sha256] for r in comp]),
        "auto_winner_sha256": auto.sha256,
        "winner_sha256": win.sha256,
    }
    if chosen is None:  # new, changed or never resolved: open again for a person
        values.update(status="open", resolved_by=None, reason=None, resolved_at=None)
    if old is None:
        conn.execute(
            insert(CONF).values(
                inspection_id=iid,
                **{"status": "open", "resolved_by": None, "reason": None, "resolved_at": None, **values},
            )
        )
    elif any(getattr(old, k) != v for k, v in values.items()):
        conn.execute(update(CONF).where(CONF.c.inspection_id == iid).values(**values))


def refresh_visits(conn: Connection, visits: Iterable[str]) -> None:
    """Give the rubric revisions of these visits their verdict in the visit (formengine.visit)."""
    visits = sorted(v for v in set(visits) if v)
    if (pending := conn.info.get(VISITS_DEFERRED)) is not None:
        pending.update(visits)
        return
    for part in chunks(visits):
        states: dict[str, GateState] = {}
        for v, verdict, done in conn.execute(
            select(INS.c.visit_id, INS.c.verdict, INS.c.completed_at).where(
                INS.c.visit_id.in_(part), INS.c.form_kind == "gate"
            )
        ):
            if done is not None and verdict is not None:
                state = decided_gate_state(Verdict(verdict))
                # several checks in one visit: a failed one decides
                if states.get(v) is not GateState.FAILED:
                    states[v] = state
        changes = []
        q = (
            select(REV.c.id, REV.c.visit_id, REV.c.own_verdict, REV.c.verdict)
            .join(FORMS, FORMS.c.sha256 == REV.c.form_sha256)
            .where(REV.c.visit_id.in_(part), FORMS.c.kind == "rubric")
        )
        for rid, v, own, verdict in conn.execute(q):
            want = visit_verdict(Verdict(own), states.get(v, GateState.ABSENT)).value if own is not None else None
            if want != verdict:
                changes.append({"_rid": rid, "verdict": want})
        if changes:
            conn.execute(update(REV).where(REV.c.id == bindparam("_rid")).values(verdict=bindparam("verdict")), changes)
            # the rubric inspections of these visits show their winner's (new) verdict
            q = (
                select(INS.c.id, REV.c.verdict, INS.c.verdict.label("cur"))
                .join(REV, and_(REV.c.inspection_id == INS.c.id, REV.c.content_sha256 == INS.c.winner_sha256))
                .where(INS.c.visit_id.in_(part), INS.c.form_kind == "rubric")
            )
            ups = [{"_id": row[0], "verdict": row[1]} for row in conn.execute(q) if row[1] != row[2]]
            if ups:
                conn.execute(update(INS).where(INS.c.id == bindparam("_id")).values(verdict=bindparam("verdict")), ups)
                refresh_summary(
                    conn,
                    conn.execute(select(INS.c.station_code).where(INS.c.id.in_([u["_id"] for u in ups]))).scalars(),
                )
