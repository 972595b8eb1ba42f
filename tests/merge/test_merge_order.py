"""Order independence, property-based: devices create, edit and export; the bureau imports
the bundles in any order, with duplicates. After every import the central state equals a
model computed from the set of bundles imported so far, and at the end a second database
fed the same bundles in another order (with duplicates) has the same digest and the same
bundle statuses. After every step the coverage summary equals the reference roll-up.

Inspectors also edit each other's inspections (the owner's revisions win, the others are
conflicts), and a laptop's data directory may be copied to a second laptop that exports on
its own (a fork of the device chain; with bundles imported in any order there are gaps).
Once a chain has forked, the model of the winners is not checked step by step (which side
stands is the chain rule's business, tested in test_merge_trust.py); the final comparison
across orders still is.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import rfc8785
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from merge_helpers import (
    BASE_TIME,
    GATE,
    RUBRIC,
    TOWN,
    VILLAGE,
    VILLAGE2,
    Device,
    drop_pg_database,
    gate_answers,
    rubric_answers,
)
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from fengqiao_desktop.coverage import rollup
from fengqiao_desktop.domain.time import CST
from fengqiao_desktop.merge import apply, forms_registry, models
from fengqiao_desktop.merge.db import open_central
from fengqiao_desktop.services import central as svc

STATIONS = [VILLAGE, VILLAGE2, TOWN]
B1 = [10.0, 25.5, 38.0, 40.0]


class _Databases:
    """Fresh central databases for one example: SQLite files, or PostgreSQL databases."""

    def __init__(self, pg_url: str | None):
        self.pg_url = pg_url
        self.tmp = Path(tempfile.mkdtemp(prefix="fq-order-"))
        self.made: list[str] = []

    def new(self):
        if self.pg_url is None:
            url = f"sqlite:///{self.tmp / uuid.uuid4().hex / 'central.sqlite3'}"
        else:
            name = f"fq_order_{uuid.uuid4().hex[:12]}"
            admin = create_engine(self.pg_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as c:
                c.execute(text(f'CREATE DATABASE "{name}"'))
            admin.dispose()
            self.made.append(name)
            url = make_url(self.pg_url).set(database=name).render_as_string(hide_password=False)
        c = open_central(url)
        with c.write() as conn:
            forms_registry.register_forms(conn, [GATE, RUBRIC])
        svc.load_demo(url=c)
        return c

    def close(self):
        for name in self.made:
            drop_pg_database(self.pg_url, name)
        shutil.rmtree(self.tmp, ignore_errors=True)


class _Laptop:
    """A device plus its local inspections (latest record per id) and what changed since export."""

    def __init__(self, name: str, device: Device | None = None):
        self.device = device or Device(name=name, unit="城关区退役军人事务局")
        self.records: dict[str, dict] = {}
        self.changed: set[str] = set()


def _sha(record: dict) -> str:
    import hashlib

    return hashlib.sha256(rfc8785.dumps(record)).hexdigest()


def _model(records: list[dict]) -> dict:
    """Expected central state from the imported records (written independently of merge/)."""
    revs: dict[str, dict[str, dict]] = {}
    for r in records:
        revs.setdefault(r["id"], {})[_sha(r)] = r
    out = {}
    for iid, by_sha in revs.items():

        def key(s, by_sha=by_sha):
            return (by_sha[s]["revision"], by_sha[s]["completed_at"].replace("Z", ".000000Z"), s)

        def ancestor(s, t, by_sha=by_sha):
            a, b = by_sha[s], by_sha[t]
            return a["revision"] < b["revision"] and b["audit"][: len(a["audit"])] == a["audit"]

        # the owner: the single signer of the lowest revision (none when two keys signed it)
        low = min(r["revision"] for r in by_sha.values())
        firsts = {r["inspector"]["key_id"] for r in by_sha.values() if r["revision"] == low}
        owner = firsts.pop() if len(firsts) == 1 else None
        mine = [s for s in by_sha if owner is None or by_sha[s]["inspector"]["key_id"] == owner]
        others = [s for s in by_sha if s not in mine]
        win = max(mine, key=key)
        w = by_sha[win]
        competing = sorted(
            [s for s in mine if s == win or not ancestor(s, win)]
            + [s for s in others if not any(ancestor(s, o) for o in others)],
            key=key,
        )
        out[iid] = {
            "winner": win,
            "revisions": set(by_sha),
            "conflict": len(competing) > 1,
            "competing": competing,
            "record": w,
        }
    # five-haves veto: a failed gate winner in the visit vetoes the rubric
    failed = {
        m["record"]["visit_id"]
        for m in out.values()
        if m["record"]["form"]["id"] == GATE.id and m["record"]["score"]["verdict"] != "pass"
    }
    for m in out.values():
        rec = m["record"]
        own = rec["score"]["verdict"] if rec["form"]["id"] == GATE.id else _own_verdict(rec)
        m["verdict"] = "veto" if rec["form"]["id"] == RUBRIC.id and rec["visit_id"] in failed else own
    return out


def _own_verdict(rec: dict) -> str:
    from fengqiao_desktop.formengine.scoring import Answer, score

    return score(RUBRIC, {k: Answer.from_json(v) for k, v in rec["answers"].items()}).verdict.value


class MergeOrder(RuleBasedStateMachine):
    pg_url: str | None = None

    def __init__(self):
        super().__init__()
        self.dbs = _Databases(self.pg_url)
        self.laptops = [_Laptop(n) for n in ("张三", "李四", "王五")]
        self.forked = False
        self.central = self._new_central()
        self.bundles: list[tuple[Path, list[dict]]] = []
        self.imported: set[int] = set()
        self.clock = 0
        self.out = self.dbs.tmp / "bundles"

    def _new_central(self):
        c = self.dbs.new()
        for lp in {lp.device.key_id: lp for lp in self.laptops}.values():  # a copied laptop shares a key
            svc.trust_add(lp.device.sk.public, name=lp.device.name, unit=lp.device.unit, url=c)
        return c

    def _id(self) -> str:
        # deterministic ids: hypothesis replays an example exactly
        self.clock += 1
        return f"{self.clock:08x}-0000-4000-8000-{self.clock:012x}"

    def teardown(self):
        try:
            if self.bundles:
                self._check_other_order()
        finally:
            self.central.dispose()
            self.dbs.close()

    def _tick(self):
        self.clock += 1
        return BASE_TIME + timedelta(minutes=self.clock)

    def _save(self, lp: _Laptop, rec: dict) -> None:
        lp.records[rec["id"]] = rec
        lp.changed.add(rec["id"])

    # -- what inspectors do -----------------------------------------------------------
    @rule(
        who=st.integers(0, 2),
        station=st.sampled_from(STATIONS),
        b1=st.sampled_from(B1),
        gate_ok=st.booleans(),
        with_gate=st.booleans(),
    )
    def inspect(self, who, station, b1, gate_ok, with_gate):
        lp = self.laptops[who]
        visit = f"visit-{self.clock}"
        if with_gate:
            self._save(
                lp,
                lp.device.record(
                    GATE,
                    station=station,
                    visit_id=visit,
                    revision=1,
                    inspection_id=self._id(),
                    answers=gate_answers(gate_ok),
                    completed_at=self._tick(),
                ),
            )
        rec = lp.device.record(
            RUBRIC,
            station=station,
            visit_id=visit,
            revision=1,
            inspection_id=self._id(),
            answers=rubric_answers(b1=b1),
            completed_at=self._tick(),
        )
        if with_gate and not gate_ok:
            rec["score"] = {**rec["score"], "verdict": "veto"}
        self._save(lp, rec)

    def _edit(self, lp: _Laptop, old: dict, b1: float, gate_ok: bool) -> None:
        gate = old["form"]["id"] == GATE.id
        rec = lp.device.record(
            GATE if gate else RUBRIC,
            station=old["station_code"],
            visit_id=old["visit_id"],
            revision=old["revision"] + 1,
            inspection_id=old["id"],
            answers=gate_answers(gate_ok) if gate else rubric_answers(b1=b1),
            completed_at=self._tick(),
            audit=old["audit"] + [{"action": "edit", "by": lp.device.key_id, "n": self.clock}],
        )
        if not gate and old["score"]["verdict"] == "veto" and rec["score"]["verdict"] != "veto":
            rec["score"] = {**rec["score"], "verdict": "veto"}  # the laptop still knows the failed gate
        self._save(lp, rec)

    @precondition(lambda self: any(lp.records for lp in self.laptops))
    @rule(data=st.data(), b1=st.sampled_from(B1), gate_ok=st.booleans())
    def edit(self, data, b1, gate_ok):
        lp = data.draw(st.sampled_from([lp for lp in self.laptops if lp.records]))
        self._edit(lp, lp.records[data.draw(st.sampled_from(sorted(lp.records)))], b1, gate_ok)

    @precondition(lambda self: any(lp.records for lp in self.laptops))
    @rule(data=st.data(), b1=st.sampled_from(B1), both=st.booleans())
    def edit_on_another_laptop(self, data, b1, both):
        """An inspection copied to a second laptop and edited there: a race with the first."""
        src = data.draw(st.sampled_from([lp for lp in self.laptops if lp.records]))
        dst = data.draw(st.sampled_from([lp for lp in self.laptops if lp is not src]))
        old = src.records[data.draw(st.sampled_from(sorted(src.records)))]
        self._edit(dst, json.loads(json.dumps(old)), b1, True)
        if both:
            self._edit(src, old, B1[0], False)

    @precondition(lambda self: not self.forked and any(lp.device.sequence for lp in self.laptops))
    @rule(data=st.data())
    def copy_data_directory(self, data):
        """A laptop's data directory copied to a second laptop: same device, key and chain."""
        src = data.draw(st.sampled_from([lp for lp in self.laptops if lp.device.sequence]))
        d = src.device
        twin = _Laptop(
            d.name,
            Device(name=d.name, unit=d.unit, device_id=d.device_id, sk=d.sk, sequence=d.sequence, previous=d.previous),
        )
        twin.records = json.loads(json.dumps(src.records))
        self.laptops.append(twin)
        self.forked = True
        # both laptops go on working: each has something of its own to export next
        iid = data.draw(st.sampled_from(sorted(src.records)))
        self._edit(twin, twin.records[iid], B1[1], True)
        self._edit(src, src.records[iid], B1[2], True)

    @precondition(lambda self: any(lp.changed for lp in self.laptops))
    @rule(data=st.data())
    def export(self, data):
        lp = data.draw(st.sampled_from([lp for lp in self.laptops if lp.changed]))
        records = [lp.records[i] for i in sorted(lp.changed)]
        path = lp.device.export(self.out / lp.device.device_id, records)
        lp.changed.clear()
        self.bundles.append((path, records))

    # -- what the bureau does ---------------------------------------------------------
    @precondition(lambda self: self.bundles)
    @rule(data=st.data())
    def import_one(self, data):
        i = data.draw(st.integers(0, len(self.bundles) - 1))
        [out] = svc.import_bundles([self.bundles[i][0]], url=self.central)
        expected = "already_imported" if i in self.imported else "imported"
        if self.forked:  # a bundle of a forked chain may be held
            assert out.status in (expected, "quarantined"), out.line("en")
            event(f"import of a forked chain: {out.status}")
        else:
            assert out.status == expected, out.line("en")
        self.imported.add(i)

    @invariant()
    def central_matches_model(self):
        if not self.imported or self.forked:
            return
        model = _model([r for i in sorted(self.imported) for r in self.bundles[i][1]])
        ins, rev, conf = (models.Inspection.__table__, models.InspectionRevision.__table__, models.Conflict.__table__)
        with self.central.read() as conn:
            rows = {r.id: r for r in conn.execute(select(ins))}
            revs: dict[str, set[str]] = {}
            for iid, sha in conn.execute(select(rev.c.inspection_id, rev.c.content_sha256)):
                revs.setdefault(iid, set()).add(sha)
            conflicts = {r.inspection_id: r for r in conn.execute(select(conf))}
        assert set(rows) == set(model)
        for iid, m in model.items():
            assert revs[iid] == m["revisions"]
            assert rows[iid].winner_sha256 == m["winner"], iid
            assert rows[iid].verdict == m["verdict"], iid
            assert (iid in conflicts) == m["conflict"], iid
            if m["conflict"]:
                assert [s for _r, s in json.loads(conflicts[iid].revisions)] == m["competing"]

    @invariant()
    def coverage_summary_matches_reference(self):
        """The coverage summary the merge keeps equals the rule over the raw tables, quarantine included."""
        if not self.imported:
            return
        year = BASE_TIME.astimezone(CST).year
        as_of = BASE_TIME.astimezone(CST).date()
        with self.central.read() as conn:
            assert sorted(rollup.group_rows(conn, year, as_of), key=repr) == sorted(
                rollup.group_rows(conn, year, as_of, reference=True), key=repr
            )
            assert rollup.station_rows(conn, year, as_of) == rollup.station_rows(conn, year, as_of, reference=True)

    @invariant()
    def derived_state_is_what_the_stored_revisions_give(self):
        """Deriving every inspection again from the stored revisions changes nothing: an
        inspection new to the database, derived from the bundle before it was written
        (merge/apply.py), holds what re-reading its revisions gives, as every other does."""
        if not self.imported:
            return
        tables = [
            models.table_of(m)
            for m in (
                models.Inspection,
                models.InspectionRevision,
                models.Conflict,
                models.Finding,
                models.FindingRecheck,
                models.StationSummary,
                models.StationSummaryDeadline,
            )
        ]

        def state(conn):
            return [sorted(map(tuple, conn.execute(select(t)).all()), key=repr) for t in tables]

        with self.central.engine.connect() as conn, conn.begin() as tx:
            before = state(conn)
            ids = conn.execute(select(models.Inspection.__table__.c.id)).scalars().all()
            apply.refresh_visits(conn, apply.refresh_inspections(conn, ids))
            after = state(conn)
            tx.rollback()
        assert after == before

    def _check_other_order(self):
        for i in range(len(self.bundles)):  # everything into the first database
            if i not in self.imported:
                svc.import_bundles([self.bundles[i][0]], url=self.central)
        other = self._new_central()
        try:
            import random

            rnd = random.Random(len(self.bundles))
            order = list(range(len(self.bundles))) * 2
            rnd.shuffle(order)
            outs = svc.import_bundles([self.bundles[i][0] for i in order], url=other)
            assert all(o.ok or (self.forked and o.status == "quarantined") for o in outs), [
                o.line("en") for o in outs if not o.ok
            ]
            assert svc.digest(url=other) == svc.digest(url=self.central)

            def statuses(c):
                return {r["manifest_sha256"]: r["status"] for r in svc.bundles_list(url=c)}

            assert statuses(other) == statuses(self.central)
            event(f"bundles quarantined at the end: {list(statuses(other).values()).count('quarantined')}")
        finally:
            other.dispose()


def test_import_order_does_not_matter_sqlite():
    MergeOrder.pg_url = None
    MergeOrder.TestCase.settings = settings(
        max_examples=int(os.environ.get("FQ_ORDER_EXAMPLES", "20")),
        stateful_step_count=18,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    MergeOrder.TestCase().runTest()


@pytest.mark.postgres
def test_import_order_does_not_matter_postgres():
    MergeOrder.pg_url = os.environ["FENGQIAO_TEST_PG_URL"]
    MergeOrder.TestCase.settings = settings(
        max_examples=int(os.environ.get("FQ_ORDER_EXAMPLES_PG", "6")),
        stateful_step_count=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    try:
        MergeOrder.TestCase().runTest()
    finally:
        MergeOrder.pg_url = None
