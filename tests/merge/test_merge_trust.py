"""Trust at the bureau, as an attacker and an unlucky user would try it, with validly signed bundles.

- a record must name its signer as the inspector;
- an inspection belongs to the key that created it: another key's revision never wins by itself;
- forks (a copied data directory) are decided by content: the same result in every order,
  quarantined bundles released or rejected by a person;
- PostgreSQL accepts exactly what SQLite accepts, and a fresh database survives concurrent first use.

Every test runs on SQLite and (marked postgres) on the real PostgreSQL.
"""

from __future__ import annotations

import hashlib
import os
import threading
import uuid
from datetime import timedelta

import pytest
import rfc8785
from merge_helpers import BASE_TIME, RUBRIC, Device, craft, rubric_answers
from sqlalchemy import select
from test_merge_order import _Databases

from fengqiao_desktop.errors import MergeError, ReportError
from fengqiao_desktop.merge import models
from fengqiao_desktop.merge.db import open_central
from fengqiao_desktop.services import central as svc
from fengqiao_desktop.services.sheet_central import CentralSheetSource


def _inspection(bureau, iid: str) -> dict:
    t = models.table_of(models.Inspection)
    with bureau.central.read() as conn:
        return dict(conn.execute(select(t).where(t.c.id == iid)).one()._mapping)


def _sha(record: dict) -> str:
    return hashlib.sha256(rfc8785.dumps(record)).hexdigest()


def _statuses(url) -> dict[str, str]:
    return {r["bundle_id"]: r["status"] for r in svc.bundles_list(url=url)}


# -- a record is bound to its signer --------------------------------------------------------------


def test_a_record_naming_another_inspector_is_refused(bureau, tmp_path):
    a = bureau.device("张三")
    b = bureau.device("李四", "七里河区退役军人事务局")
    before = bureau.digest()
    # A signs an honest manifest (A's own name, unit and key) whose record names B entirely
    [out] = bureau.merge(a.export(tmp_path / "a", [b.record(RUBRIC)]))
    assert out.status == "refused", out.line("en")
    assert "not the signer" in out.reason_en and b.key_id in out.reason_en
    assert "不是签名者" in out.reason
    # B's name and unit with A's key id: still refused (the sheet would print B)
    rec = {**b.record(RUBRIC), "inspector": {"name": b.name, "unit": b.unit, "key_id": a.key_id}}
    [out] = bureau.merge(a.export(tmp_path / "a2", [rec]))
    assert out.status == "refused" and "李四" in out.reason_en
    assert bureau.digest() == before
    assert svc.conflicts_list(url=bureau.central) == []


# -- nobody takes over another inspector's inspection ---------------------------------------------


@pytest.mark.parametrize("order", ["owner_first", "thief_first"])
def test_a_revision_by_another_key_never_wins_silently(bureau, tmp_path, order):
    a = bureau.device("张三")
    b = bureau.device("李四")
    iid = str(uuid.uuid4())
    mine = b.record(RUBRIC, inspection_id=iid, revision=1, answers=rubric_answers(b1=20))
    # A copies B's record: one answer changed, B's audit trail plus two entries, a consistent score
    stolen = a.record(
        RUBRIC,
        inspection_id=iid,
        revision=2,
        answers=rubric_answers(b1=40),
        audit=mine["audit"] + [{"action": "edit", "by": a.key_id}, {"action": "completed", "by": a.key_id}],
        completed_at=BASE_TIME + timedelta(hours=3),
    )
    pb = b.export(tmp_path / "b", [mine])
    pa = a.export(tmp_path / "a", [stolen])
    outs = bureau.merge(*([pb, pa] if order == "owner_first" else [pa, pb]))
    assert [o.status for o in outs] == ["imported", "imported"], [o.line("en") for o in outs]
    row = _inspection(bureau, iid)
    assert row["winner_sha256"] == _sha(mine) and row["total"] == mine["score"]["total"]
    # A's revision is kept, shown to a person as a conflict
    [c] = svc.conflicts_list(url=bureau.central)
    assert c.status == "open" and c.inspection_id == iid
    assert [r.sha256 for r in c.revisions] == [_sha(mine), _sha(stolen)]
    assert c.auto_winner_sha256 == _sha(mine)
    thief = outs[1] if order == "owner_first" else outs[0]
    if order == "owner_first":  # the bureau knew the owner: the clerk is told at once
        assert thief.counts["conflicts"] == 1
    # a person may hand it over: the choice is recorded, never automatic
    svc.conflict_resolve(iid, _sha(stolen), reason="移交张三", resolved_by="王科长", url=bureau.central)
    assert _inspection(bureau, iid)["winner_sha256"] == _sha(stolen)


def test_even_without_the_trail_a_higher_revision_by_another_key_does_not_win(bureau, tmp_path):
    a, b = bureau.device("张三"), bureau.device("李四")
    iid = str(uuid.uuid4())
    mine = b.record(RUBRIC, inspection_id=iid, revision=1)
    other = a.record(RUBRIC, inspection_id=iid, revision=9, answers=rubric_answers(b1=10))
    bureau.merge(b.export(tmp_path / "b", [mine]), a.export(tmp_path / "a", [other]))
    assert _inspection(bureau, iid)["winner_sha256"] == _sha(mine)
    [c] = svc.conflicts_list(url=bureau.central)
    assert {r.sha256 for r in c.revisions} == {_sha(mine), _sha(other)}


def test_the_owner_keeps_editing_after_a_takeover_attempt(bureau, tmp_path):
    a, b = bureau.device("张三"), bureau.device("李四")
    iid = str(uuid.uuid4())
    r1 = b.record(RUBRIC, inspection_id=iid, revision=1)
    stolen = a.record(
        RUBRIC,
        inspection_id=iid,
        revision=2,
        answers=rubric_answers(b1=10),
        audit=r1["audit"] + [{"action": "edit", "by": a.key_id}],
    )
    r2 = b.record(
        RUBRIC,
        inspection_id=iid,
        revision=2,
        answers=rubric_answers(b1=39),
        audit=r1["audit"] + [{"action": "edit", "by": b.key_id}],
    )
    bureau.merge(b.export(tmp_path / "b", [r1]), a.export(tmp_path / "a", [stolen]), b.export(tmp_path / "b", [r2]))
    assert _inspection(bureau, iid)["winner_sha256"] == _sha(r2)
    [c] = svc.conflicts_list(url=bureau.central)
    assert {r.sha256 for r in c.revisions} == {_sha(r2), _sha(stolen)}
    assert c.auto_winner_sha256 == _sha(r2)


# -- forks, decided by content --------------------------------------------------------------------


def _clone(dev: Device) -> Device:
    """The laptop's data directory copied to a second laptop: same device, key and chain."""
    return Device(
        name=dev.name, unit=dev.unit, device_id=dev.device_id, sk=dev.sk, sequence=dev.sequence, previous=dev.previous
    )


def _pg(url: str) -> str | None:
    return os.environ["FENGQIAO_TEST_PG_URL"] if url.startswith("postgresql") else None


def _import_in_orders(central_url, dev: Device, bundles: dict, orders) -> list[tuple[str, dict]]:
    """(digest, status by name) for each order, each into a fresh database."""
    dbs = _Databases(_pg(central_url))
    out = []
    try:
        for order in orders:
            c = dbs.new()
            try:
                svc.trust_add(dev.sk.public, name=dev.name, unit=dev.unit, url=c)
                outs = svc.import_bundles([bundles[n] for n in order], url=c)
                name_of = {o.manifest_sha256: n for n, o in zip(order, outs, strict=True)}
                final = {name_of[r["manifest_sha256"]]: r["status"] for r in svc.bundles_list(url=c)}
                out.append((svc.digest(url=c), final))
            finally:
                c.dispose()
    finally:
        dbs.close()
    return out


def test_a_fork_cannot_get_in_through_a_gap(central_url, tmp_path):
    dev = Device()
    a1 = dev.export(tmp_path / "a", [dev.record(RUBRIC)])
    a2 = dev.export(tmp_path / "a", [dev.record(RUBRIC)])
    copy = _clone(dev)
    copy.export(tmp_path / "c", [copy.record(RUBRIC, answers=rubric_answers(b1=1))])  # never delivered
    c4 = copy.export(tmp_path / "c", [copy.record(RUBRIC, answers=rubric_answers(b1=2))])
    a3 = dev.export(tmp_path / "a", [dev.record(RUBRIC)])
    bundles = {"a1": a1, "a2": a2, "c4": c4, "a3": a3}
    orders = [("a1", "a2", "c4", "a3"), ("a3", "c4", "a2", "a1"), ("c4", "a1", "a3", "a2")]
    results = _import_in_orders(central_url, dev, bundles, orders)
    assert len({d for d, _ in results}) == 1
    for _d, statuses in results:
        assert statuses == {"a1": "imported", "a2": "imported", "a3": "imported", "c4": "quarantined"}


def test_a_fork_at_one_sequence_holds_both_sides_in_every_order_until_a_person_decides(bureau, tmp_path):
    dev = bureau.device()
    names = {}
    names["a1"] = dev.export(tmp_path / "a", [dev.record(RUBRIC)])
    names["a2"] = dev.export(tmp_path / "a", [dev.record(RUBRIC)])
    copy = _clone(dev)
    honest3 = dev.record(RUBRIC, answers=rubric_answers(b1=30))
    names["a3"] = dev.export(tmp_path / "a", [honest3])
    names["a4"] = dev.export(tmp_path / "a", [dev.record(RUBRIC, answers=rubric_answers(b1=31))])
    fork3 = copy.record(RUBRIC, answers=rubric_answers(b1=3))
    names["c3"] = copy.export(tmp_path / "c", [fork3])
    names["c4"] = copy.export(tmp_path / "c", [copy.record(RUBRIC, answers=rubric_answers(b1=4))])

    held = {
        "a1": "imported",
        "a2": "imported",
        "a3": "quarantined",
        "a4": "quarantined",
        "c3": "quarantined",
        "c4": "quarantined",
    }
    orders = [tuple(names), ("c4", "c3", "a4", "a3", "a2", "a1"), ("a1", "c3", "a4", "a2", "c4", "a3")]
    results = _import_in_orders(bureau.url, dev, names, orders)
    assert len({d for d, _ in results}) == 1
    assert all(statuses == held for _d, statuses in results)

    # the bureau itself: the fork arrives after the honest side was imported
    outs = bureau.merge(*(names[n] for n in ("a1", "a2", "a3", "a4", "c3", "c4")))
    assert [o.status for o in outs] == ["imported"] * 4 + ["quarantined"] * 2
    assert any("now quarantined" in w for w in outs[4].warnings_en)
    assert outs[4].line().startswith("已隔离") and "fork" in outs[4].reason_en
    assert (bureau.central.quarantine_dir / outs[4].quarantined.split("/")[-1]).with_suffix(".txt").exists()
    assert results[0][0] == bureau.digest()
    # neither side's inspection counts
    for rec in (honest3, fork3):
        row = _inspection(bureau, rec["id"])
        assert row["status"] == "quarantined" and row["total"] is None and row["completed_at"] is None
    with pytest.raises(ReportError) as exc:  # no score sheet printed from a held bundle
        CentralSheetSource(bureau.url).sheet_data(fork3["id"], "en")
    assert "quarantined" in exc.value.message_en
    # importing a held bundle again changes nothing and still says why
    d = bureau.digest()
    [again] = bureau.merge(names["c3"])
    assert again.status == "quarantined" and "fork" in again.reason_en
    assert bureau.digest() == d

    listed = svc.quarantine_list(url=bureau.central)
    assert sorted(b.sequence for b in listed) == [3, 3, 4, 4]
    with pytest.raises(MergeError):
        svc.quarantine_release(outs[2].bundle_id, reason="", by="王科长", url=bureau.central)
    # a person releases the honest side: its lineage stands, the copy's stays held
    changed = svc.quarantine_release(outs[2].bundle_id, reason="核对原笔记本", by="王科长", url=bureau.central)
    assert sorted(new for _old, new in changed.values()) == ["imported", "imported"]
    assert _statuses(bureau.central) == {
        outs[0].bundle_id: "imported",
        outs[1].bundle_id: "imported",
        outs[2].bundle_id: "imported",
        outs[3].bundle_id: "imported",
        outs[4].bundle_id: "quarantined",
        outs[5].bundle_id: "quarantined",
    }
    assert _inspection(bureau, honest3["id"])["total"] == honest3["score"]["total"]
    assert _inspection(bureau, fork3["id"])["status"] == "quarantined"
    # and the decision is recorded
    rows = {r["bundle_id"]: r for r in svc.bundles_list(url=bureau.central)}
    assert rows[outs[2].bundle_id]["decision"] == "released"
    assert rows[outs[2].bundle_id]["decided_by"] == "王科长"


def test_rejecting_one_side_of_a_fork_decides_it(bureau, tmp_path):
    dev = bureau.device()
    a1 = dev.export(tmp_path / "a", [dev.record(RUBRIC)])
    copy = _clone(dev)
    a2 = dev.export(tmp_path / "a", [dev.record(RUBRIC)])
    c2 = copy.export(tmp_path / "c", [copy.record(RUBRIC, answers=rubric_answers(b1=2))])
    a3 = dev.export(tmp_path / "a", [dev.record(RUBRIC)])
    outs = bureau.merge(a1, c2, a3, a2)
    st = _statuses(bureau.central)
    assert [st[o.bundle_id] for o in outs] == ["imported", "quarantined", "quarantined", "quarantined"]
    svc.quarantine_reject(outs[1].manifest_sha256[:12], reason="复制的数据目录", by="王科长", url=bureau.central)
    st = _statuses(bureau.central)
    assert [st[o.bundle_id] for o in outs] == ["imported", "quarantined", "imported", "imported"]
    assert "rejected" in next(b for b in svc.quarantine_list(url=bureau.central)).reason_en
    assert svc.device_gaps(url=bureau.central) == {}


def test_the_same_sequence_again_is_a_fork_not_a_refusal(bureau, tmp_path):
    """A restored backup exports sequence 1 again with other content."""
    dev = bureau.device()
    first = dev.export(tmp_path / "a", [dev.record(RUBRIC)])
    again = dev.export(tmp_path / "b", [dev.record(RUBRIC, answers=rubric_answers(b1=12))], sequence=1, previous=None)
    outs = bureau.merge(first, again)
    assert [o.status for o in outs] == ["imported", "quarantined"]
    assert any("now quarantined" in w for w in outs[1].warnings_en)
    assert [b.sequence for b in svc.quarantine_list(url=bureau.central)] == [1, 1]


def test_another_key_cannot_hold_a_device_hostage(bureau, tmp_path):
    """A chain is a device signed by one key: another key reusing the device id forks nothing."""
    dev, other = bureau.device("张三"), bureau.device("李四")
    p1 = dev.export(tmp_path / "a", [dev.record(RUBRIC)])
    evil = Device(name=other.name, unit=other.unit, device_id=dev.device_id, sk=other.sk)
    p2 = evil.export(tmp_path / "e", [evil.record(RUBRIC)])
    assert {o.status for o in bureau.merge(p2, p1)} == {"imported"}


# -- one data model, two engines ------------------------------------------------------------------


def _finding(**kw) -> dict:
    return {
        "id": "f-1",
        "item_id": "b1",
        "category": "硬件设施",
        "severity": "deduction",
        "description": "大厅无障碍设施缺失",
        "measures": "限期整改",
        "responsible": "张三",
        "deadline": "2026-06-30",
        "status": "open",
        **kw,
    }


def _hostile(dev: Device, case: str) -> bytes:
    if case == "sequence_past_2_31":
        dev.sequence, dev.previous = 2**31 + 4, "0" * 64
        return craft(dev, [dev.record(RUBRIC)])
    if case == "revision_past_2_31":
        return craft(dev, [dev.record(RUBRIC, revision=2**31 + 7, audit=[{"action": "completed"}])])
    if case == "long_responsible":
        return craft(dev, [dev.record(RUBRIC, findings=[_finding(responsible="责" * 240)])])
    if case == "long_finding_fields":
        return craft(
            dev,
            [
                dev.record(
                    RUBRIC,
                    findings=[
                        _finding(
                            category="类" * 300,
                            severity="s" * 100,
                            status="x" * 100,
                            deadline="2026-06-30" * 10,
                            item_id="i" * 200,
                        )
                    ],
                    status="completed" + "x" * 50,
                )
            ],
        )
    if case == "long_visit_id":
        return craft(dev, [dev.record(RUBRIC, visit_id="v" * 65)])
    if case == "nul_in_text":
        return craft(dev, [dev.record(RUBRIC, findings=[_finding(responsible="张\x00三")])])
    raise AssertionError(case)


HOSTILE = {  # case -> (status, words in the English reason)
    "sequence_past_2_31": ("imported", []),
    "revision_past_2_31": ("imported", []),
    "long_responsible": ("imported", []),
    "long_finding_fields": ("imported", []),
    "long_visit_id": ("refused", ["visit_id", "too long"]),
    "nul_in_text": ("refused", ["NUL"]),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_both_engines_accept_and_refuse_the_same_records(bureau, tmp_path, case):
    dev = bureau.device()
    path = tmp_path / f"{case}.fqbundle"
    path.write_bytes(_hostile(dev, case))
    before = bureau.digest()
    [out] = bureau.merge(path)
    status, words = HOSTILE[case]
    assert out.status == status, out.line("en")
    for w in words:
        assert w in out.reason_en
    if status == "imported":
        assert bureau.digest() != before
        dump = bureau.dump()
        if case == "long_responsible":
            assert dump["findings"][0][8] == "责" * 240
        if case == "revision_past_2_31":
            assert dump["inspections"][0][6] == 2**31 + 7
    else:
        assert bureau.digest() == before


def test_concurrent_first_use_of_a_fresh_database(central_url):
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def first_use():
        try:
            start.wait()
            open_central(central_url).dispose()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=first_use) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    c = open_central(central_url)
    try:
        assert [f.form_id for f in svc.forms_list(url=c)]  # the shipped forms, registered once
    finally:
        c.dispose()
