"""Importing real bundles: counts, idempotency, archive, winners, vetoes, findings, photos."""

from __future__ import annotations

import json
import os
import time
from datetime import date, timedelta

from merge_helpers import (
    BASE_TIME,
    GATE,
    RUBRIC,
    VILLAGE,
    VILLAGE2,
    Device,
    gate_answers,
    make_photo,
    photo_entry,
    rubric_answers,
)
from sqlalchemy import select

from fengqiao_desktop.merge import models
from fengqiao_desktop.services import central as svc
from fengqiao_desktop.services import coverage


def _inspection(bureau, iid: str) -> dict:
    t = models.Inspection.__table__
    with bureau.central.read() as conn:
        return dict(conn.execute(select(t).where(t.c.id == iid)).one()._mapping)


def _revisions(bureau, iid: str) -> list[dict]:
    t = models.InspectionRevision.__table__
    with bureau.central.read() as conn:
        return [
            dict(r._mapping) for r in conn.execute(select(t).where(t.c.inspection_id == iid).order_by(t.c.revision))
        ]


def test_import_then_again_is_already_imported_and_changes_nothing(bureau):
    dev = bureau.device()
    shas = {}
    sha, p = make_photo(bureau.tmp / "ph", "hall")
    shas[sha] = p
    r1 = dev.record(RUBRIC, photos=[photo_entry(sha, p)])
    r2 = dev.record(GATE, station=VILLAGE2)
    path = dev.export(bureau.tmp / "usb", [r1, r2], shas)

    [out] = bureau.merge(path)
    assert out.status == "imported", out.line()
    assert out.counts["inspections"] == 2
    assert out.counts["new_inspections"] == 2
    assert out.counts["new_photos"] == 1
    assert "已导入" in out.line() and "检查 2 份" in out.line()
    assert (bureau.central.archive_dir / f"{out.bundle_id}.fqbundle").read_bytes() == path.read_bytes()
    d1 = bureau.digest()

    [again] = bureau.merge(path)
    assert again.status == "already_imported"
    assert "已导入过" in again.line() and "already imported" in again.line("en")
    assert bureau.digest() == d1

    ins = _inspection(bureau, r1["id"])
    assert ins["total"] == r1["score"]["total"] and ins["verdict"] == "pass"
    assert coverage.photo_bytes(sha, url=bureau.central) == p.read_bytes()


def test_scores_are_recomputed_and_stored(bureau):
    dev = bureau.device()
    r = dev.record(RUBRIC, answers=rubric_answers(b1=30, b2=None, c1="fair"))
    [out] = bureau.merge(dev.export(bureau.tmp / "usb", [r]))
    assert out.ok
    [rev] = _revisions(bureau, r["id"])
    # a1 20 + b1 30 + c1 5 = 55 of 70 applicable, rescaled to 100
    assert rev["total"] == round(55 / 70 * 100, 2)
    assert rev["verdict"] == "fail"


def test_every_revision_kept_newest_wins_and_old_bundle_never_overrides(bureau):
    dev = bureau.device()
    iid = "11111111-1111-4111-8111-111111111111"
    v1 = dev.record(RUBRIC, inspection_id=iid, revision=1, answers=rubric_answers(b1=20))
    p1 = dev.export(bureau.tmp / "usb", [v1])
    v2 = dev.record(RUBRIC, inspection_id=iid, revision=2, answers=rubric_answers(b1=39))
    p2 = dev.export(bureau.tmp / "usb", [v2])

    assert [o.status for o in bureau.merge(p2, p1)] == ["imported", "imported"]
    ins = _inspection(bureau, iid)
    assert ins["winner_revision"] == 2
    assert [r["revision"] for r in _revisions(bureau, iid)] == [1, 2]
    assert svc.conflicts_list(url=bureau.central) == []


def test_competing_revisions_get_a_deterministic_winner_and_a_conflict(bureau):
    a = bureau.device("张三")
    # the inspection copied to the same inspector's second laptop (same key, another device)
    b = Device(name=a.name, unit=a.unit, sk=a.sk)
    iid = "22222222-2222-4222-8222-222222222222"
    base = a.record(RUBRIC, inspection_id=iid, revision=1)
    pa1 = a.export(bureau.tmp / "a", [base])
    # both edit revision 1 into a revision 2 of their own (different audit trails)
    ra = a.record(
        RUBRIC,
        inspection_id=iid,
        revision=2,
        answers=rubric_answers(b1=10),
        completed_at=BASE_TIME + timedelta(hours=1),
        audit=base["audit"] + [{"action": "edit", "by": a.key_id}],
    )
    rb = b.record(
        RUBRIC,
        inspection_id=iid,
        revision=2,
        answers=rubric_answers(b1=40),
        completed_at=BASE_TIME + timedelta(hours=2),
        audit=base["audit"] + [{"action": "edit", "by": b.key_id}],
    )
    pa2 = a.export(bureau.tmp / "a", [ra])
    pb1 = b.export(bureau.tmp / "b", [rb])
    outs = bureau.merge(pa1, pb1, pa2)
    assert all(o.status == "imported" for o in outs)
    [c] = svc.conflicts_list(url=bureau.central)
    assert c.status == "open"
    assert [r.revision for r in c.revisions] == [2, 2]
    # tie on revision -> the latest completed_at wins: B's
    assert _inspection(bureau, iid)["total"] == rb["score"]["total"]
    assert c.winner_sha256 == c.auto_winner_sha256

    loser = next(r for r in c.revisions if r.sha256 != c.winner_sha256)
    resolved = svc.conflict_resolve(
        iid, loser.sha256[:10], reason="现场复核以张三为准", resolved_by="王科长", url=bureau.central
    )
    assert resolved.status == "resolved" and resolved.winner_sha256 == loser.sha256
    assert _inspection(bureau, iid)["total"] == ra["score"]["total"]
    # coverage shows the score the clerk chose
    rep = coverage.coverage_report(year=2026, url=bureau.central, as_of=date(2026, 6, 30))
    [row] = [r for r in rep.stations() if r.code == VILLAGE]
    assert row.rubric_total == ra["score"]["total"]
    # importing the same bundles again changes nothing, the resolution holds
    d = bureau.digest()
    assert {o.status for o in bureau.merge(pa1, pb1, pa2)} == {"already_imported"}
    assert bureau.digest() == d


def test_failed_five_haves_vetoes_the_rubric_of_the_same_visit_in_any_order(bureau):
    dev = bureau.device()
    visit = "visit-0001"
    gate = dev.record(GATE, answers=gate_answers(all_yes=False), visit_id=visit)
    rubric = dev.record(RUBRIC, visit_id=visit)
    assert rubric["score"]["verdict"] == "pass" and gate["score"]["verdict"] == "fail"
    p_rubric = dev.export(bureau.tmp / "usb", [rubric])
    p_gate = dev.export(bureau.tmp / "usb", [gate])

    [o1] = bureau.merge(p_rubric)
    assert o1.ok and _inspection(bureau, rubric["id"])["verdict"] == "pass"
    [o2] = bureau.merge(p_gate)
    assert o2.ok
    assert _inspection(bureau, rubric["id"])["verdict"] == "veto"
    assert _revisions(bureau, rubric["id"])[0]["own_verdict"] == "pass"


def test_findings_follow_the_winning_revision(bureau):
    dev = bureau.device()
    iid = "33333333-3333-4333-8333-333333333333"
    f1 = {
        "id": "f1",
        "item_id": "b1",
        "category": "hardware",
        "severity": "deduction",
        "description": "大厅无标识",
        "measures": "补挂标识",
        "responsible": "站长",
        "deadline": "2026-06-30",
        "status": "open",
    }
    r1 = dev.record(RUBRIC, inspection_id=iid, revision=1, findings=[f1])
    r2 = dev.record(RUBRIC, inspection_id=iid, revision=2, findings=[{**f1, "status": "rectified"}])
    bureau.merge(dev.export(bureau.tmp / "u", [r1]), dev.export(bureau.tmp / "u", [r2]))
    t = models.Finding.__table__
    with bureau.central.read() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(t))]
    assert [(r["finding_id"], r["status"]) for r in rows] == [("f1", "rectified")]


def test_station_result_is_the_latest_completed_inspection(bureau):
    dev = bureau.device()
    early = dev.record(RUBRIC, answers=rubric_answers(b1=10), completed_at=BASE_TIME)
    late = dev.record(RUBRIC, answers=rubric_answers(b1=40), completed_at=BASE_TIME + timedelta(days=3))
    bureau.merge(dev.export(bureau.tmp / "u", [late, early]))
    res = [r for r in svc.station_results(year=2026, url=bureau.central) if r.station_code == VILLAGE]
    assert len(res) == 1
    assert res[0].inspection_id == late["id"] and res[0].inspections_in_period == 2


def test_dry_run_changes_nothing(bureau):
    dev = bureau.device()
    p = dev.export(bureau.tmp / "u", [dev.record(RUBRIC)])
    d = bureau.digest()
    [o] = bureau.merge(p, dry_run=True)
    assert o.status == "planned" and o.counts["new_revisions"] == 1
    assert bureau.digest() == d
    assert svc.bundles_list(url=bureau.central) == []


def test_an_import_clears_what_a_killed_import_left_in_incoming_a_day_ago(bureau):
    dev = bureau.device()
    p = dev.export(bureau.tmp / "u", [dev.record(RUBRIC)])
    incoming = bureau.central.files_dir / "incoming"
    incoming.mkdir(parents=True, exist_ok=True)
    stale, fresh = incoming / "old.fqbundle.partial", incoming / "busy.fqbundle.partial"
    stale.write_bytes(b"left by a killed import")
    fresh.write_bytes(b"another import's copy")
    day_and_more = time.time() - 25 * 3600
    os.utime(stale, (day_and_more, day_and_more))
    [o] = bureau.merge(p)
    assert o.status == "imported"
    assert not stale.exists() and fresh.exists()


def test_sequence_gap_is_warned_and_imported(bureau):
    dev = bureau.device()
    p1 = dev.export(bureau.tmp / "u", [dev.record(RUBRIC)])
    dev.export(bureau.tmp / "lost", [dev.record(RUBRIC)])
    p3 = dev.export(bureau.tmp / "u", [dev.record(RUBRIC)])
    outs = bureau.merge(p1, p3)
    assert [o.status for o in outs] == ["imported", "imported"]
    warnings = [w for o in outs for w in o.warnings]
    assert any("缺少序号 2" in w for w in warnings)
    assert svc.device_gaps(url=bureau.central) == {dev.device_id: [(2, 2)]}


def test_folder_is_scanned_for_bundles(bureau):
    dev = bureau.device()
    folder = bureau.tmp / "usb"
    for _ in range(3):
        dev.export(folder / "sub", [dev.record(RUBRIC)])
    (folder / "notes.txt").write_text("not a bundle")
    outs = bureau.merge(folder)
    assert [o.status for o in outs] == ["imported"] * 3


def test_bundle_rows_and_log_are_kept_but_not_in_the_digest(bureau):
    dev = bureau.device()
    p = dev.export(bureau.tmp / "u", [dev.record(RUBRIC)])
    bureau.merge(p)
    rows = svc.bundles_list(url=bureau.central)
    assert [r["status"] for r in rows] == ["imported"]
    assert "imported_at" not in json.dumps(bureau.dump())


def test_progress_and_cancel(bureau):
    dev = bureau.device()
    paths = [dev.export(bureau.tmp / "u", [dev.record(RUBRIC)]) for _ in range(4)]
    seen = []
    stop = {"now": False}

    def progress(done, total, name):
        seen.append((done, total))
        stop["now"] = done == 2  # the clerk presses cancel while the third bundle is read

    d0 = bureau.digest()
    outs = svc.import_bundles(paths, url=bureau.central, progress=progress, cancelled=lambda: stop["now"])
    assert [o.status for o in outs] == ["imported", "imported", "cancelled"]
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4)]
    assert bureau.digest() != d0
    # nothing of the third was kept; it and the fourth import on the next run
    assert [o.status for o in bureau.merge(*paths)] == ["already_imported"] * 2 + ["imported"] * 2


def test_cancel_while_verifying_leaves_nothing(bureau):
    dev = bureau.device()
    sha, p = make_photo(bureau.tmp / "ph", "big", size=3_000_000)
    path = dev.export(bureau.tmp / "u", [dev.record(RUBRIC, photos=[photo_entry(sha, p)])], {sha: p})
    d = bureau.digest()
    calls = {"n": 0}

    def cancelled() -> bool:  # not before the bundle starts, then at once (inside verification)
        calls["n"] += 1
        return calls["n"] > 1

    [o] = svc.import_bundles([path], url=bureau.central, cancelled=cancelled)
    assert o.status == "cancelled" and "已取消" in o.line()
    assert bureau.digest() == d
    assert not bureau.central.quarantine_dir.exists() or not list(bureau.central.quarantine_dir.iterdir())
    assert [x.status for x in bureau.merge(path)] == ["imported"]


def test_already_imported_restores_a_missing_archive_copy(bureau):
    dev = bureau.device()
    path = dev.export(bureau.tmp / "u", [dev.record(RUBRIC)])
    [o] = bureau.merge(path)
    archived = bureau.central.archive_dir / f"{o.bundle_id}.fqbundle"
    archived.unlink()
    [again] = bureau.merge(path)
    assert again.status == "already_imported"
    assert archived.read_bytes() == path.read_bytes()


def test_shipped_forms_are_registered_and_accepted(bureau):
    from merge_helpers import full_marks_answers, required_photos

    from fengqiao_desktop.formengine.loader import shipped_registry

    reg = shipped_registry()
    gate, rubric = reg.five_haves(), reg.default_rubric_for("village")
    registered = {e.sha256 for e in svc.forms_list(url=bureau.central)}
    assert {f.sha256 for f in reg} <= registered
    dev = bureau.device()
    visit = "visit-shipped"
    g_photos, g_files = required_photos(gate, bureau.tmp / "ph")
    r_photos, r_files = required_photos(rubric, bureau.tmp / "ph")
    g = dev.record(gate, answers=full_marks_answers(gate), visit_id=visit, photos=g_photos)
    r = dev.record(rubric, answers=full_marks_answers(rubric), visit_id=visit, photos=r_photos)
    [o] = bureau.merge(dev.export(bureau.tmp / "u", [g, r], {**g_files, **r_files}))
    assert o.status == "imported", o.line("en")
    assert _inspection(bureau, r["id"])["total"] == 100
    assert _inspection(bureau, g["id"])["verdict"] == "pass"


def test_a_new_competitor_reopens_a_resolved_conflict(bureau):
    a, b = bureau.device("张三"), bureau.device("李四")
    iid = "44444444-4444-4444-8444-444444444444"
    base = a.record(RUBRIC, inspection_id=iid, revision=1)
    mine = a.record(
        RUBRIC,
        inspection_id=iid,
        revision=2,
        answers=rubric_answers(b1=20),
        audit=base["audit"] + [{"action": "edit", "by": "a"}],
    )
    theirs = b.record(
        RUBRIC,
        inspection_id=iid,
        revision=2,
        answers=rubric_answers(b1=30),
        audit=base["audit"] + [{"action": "edit", "by": "b"}],
    )
    bureau.merge(a.export(bureau.tmp / "a", [base, mine]), b.export(bureau.tmp / "b", [theirs]))
    [c] = svc.conflicts_list(url=bureau.central)
    pick = next(r for r in c.revisions if r.sha256 != c.auto_winner_sha256)
    svc.conflict_resolve(iid, pick.sha256, reason="复核", resolved_by="王科长", url=bureau.central)
    # B edits its branch again: a third competitor, the conflict needs a person again
    later = b.record(
        RUBRIC,
        inspection_id=iid,
        revision=3,
        answers=rubric_answers(b1=35),
        audit=theirs["audit"] + [{"action": "edit", "by": "b2"}],
    )
    bureau.merge(b.export(bureau.tmp / "b", [later]))
    [c2] = svc.conflicts_list(url=bureau.central)
    assert c2.status == "open" and c2.resolved_by is None
    assert [r.revision for r in c2.revisions] == [2, 3]  # A's r2 against B's r3 (B's r2 is its ancestor)
    assert c2.winner_sha256 == c2.auto_winner_sha256
    # A created the inspection: B's higher revision never wins by itself
    assert _inspection(bureau, iid)["winner_revision"] == 2
    assert svc.conflicts_list(url=bureau.central, open_only=True)
