"""Inspection life cycle: autosave, validation, completion, revisions, audit, same-visit vetoes."""

from __future__ import annotations

import sqlite3

import pytest
from svc_helpers import COUNTY, TOWN, VILLAGE, full_marks

from fengqiao_desktop.domain import InspectionStatus, Verdict
from fengqiao_desktop.errors import InspectionError
from fengqiao_desktop.services.store import LocalStore


def _rubric(store, level="town"):
    return store.forms.default_rubric_for(level)


def _fill(store, iid, form, photo=None, skip=()):
    for item_id, value in full_marks(form).items():
        if item_id in skip:
            continue
        store.inspections.set_answer(iid, item_id, value)
        need = form.items[item_id].min_photos
        for _ in range(need):
            store.photos.add_photo(iid, photo, item_id, "佐证")


def test_each_answer_is_committed_when_set_answer_returns(store):
    form = _rubric(store)
    iid = store.inspections.create(TOWN, form.id, "张三")
    item = next(i for i in form.items.values() if i.type.value == "graded")
    result = store.inspections.set_answer(iid, item.id, item.max - item.effective_step, note="略有欠缺")
    assert result.items[item.id].points == item.max - item.effective_step
    # another process reading the file sees it at once
    con = sqlite3.connect(store.db_path)
    value, note = con.execute(
        "SELECT value, note FROM answers WHERE inspection_id=? AND item_id=?", (iid, item.id)
    ).fetchone()
    con.close()
    assert float(value) == item.max - item.effective_step and note == "略有欠缺"
    # and a fresh store (a restarted app) reads the same
    again = LocalStore.open(store.data_dir)
    view = again.inspections.get(iid)
    again.close()
    assert view.answers[item.id].note == "略有欠缺" and view.inspector == "张三"


def test_note_alone_keeps_the_value(store):
    form = _rubric(store)
    iid = store.inspections.create(TOWN, form.id)
    item = next(iter(form.items.values()))
    value = full_marks(form)[item.id]
    store.inspections.set_answer(iid, item.id, value)
    store.inspections.set_answer(iid, item.id, note="看了台账")
    a = store.inspections.get(iid).answers[item.id]
    assert a.value == value and a.note == "看了台账"


@pytest.mark.parametrize("bad", ["很好", -1, 999, True])
def test_a_bad_value_is_refused_with_the_item_named_and_nothing_saved(store, bad):
    form = _rubric(store)
    iid = store.inspections.create(TOWN, form.id)
    item = next(i for i in form.items.values() if i.type.value == "graded")
    with pytest.raises(InspectionError) as info:
        store.inspections.set_answer(iid, item.id, bad)
    assert item.id in info.value.message and item.id in info.value.message_en
    assert item.id not in store.inspections.get(iid).answers


def test_unknown_item_and_unknown_station_are_refused(store):
    form = _rubric(store)
    iid = store.inspections.create(TOWN, form.id)
    with pytest.raises(InspectionError, match="Z99"):
        store.inspections.set_answer(iid, "Z99", True)
    with pytest.raises(InspectionError, match="999999999999"):
        store.inspections.create("999999999999", form.id)
    with pytest.raises(InspectionError):  # the village rubric is not for a town station
        store.inspections.create(TOWN, "demonstration-village")


def test_complete_refuses_with_missing_answers_and_evidence(store, photo_file):
    form = _rubric(store)
    iid = store.inspections.create(TOWN, form.id)
    evidence_items = [i.id for i in form.items.values() if i.min_photos]
    first = next(iter(form.items))
    for item_id, value in full_marks(form).items():
        if item_id != first:
            store.inspections.set_answer(iid, item_id, value)
    with pytest.raises(InspectionError) as info:
        store.inspections.complete(iid)
    err = info.value
    assert first in err.message and "未作答" in err.message and "缺少佐证照片" in err.message
    assert err.missing_answers == [first]
    assert {i for i, _h, _n in err.missing_evidence} == set(evidence_items)
    assert store.inspections.get(iid).status is InspectionStatus.DRAFT


def test_full_marks_with_photos_score_100_and_lock(store, photo_file):
    form = _rubric(store)
    iid = store.inspections.create(TOWN, form.id)
    _fill(store, iid, form, photo_file())
    result = store.inspections.complete(iid)
    assert (result.total, result.verdict) == (100.0, Verdict.PASS)
    view = store.inspections.get(iid)
    assert view.locked and view.status is InspectionStatus.COMPLETED and view.completed_at
    with pytest.raises(InspectionError, match="重新打开"):
        store.inspections.set_answer(iid, next(iter(form.items)), False)
    snaps = store.inspections.snapshots(iid)
    assert [r for r, _t, _s in snaps] == [1]
    assert snaps[0][2]["score"]["total"] == 100.0
    summary = store.inspections.list(TOWN)[0]
    assert (summary.total, summary.verdict, summary.revision) == (100.0, Verdict.PASS, 1)


def test_reopen_needs_a_reason_bumps_the_revision_and_keeps_every_snapshot(store, photo_file):
    form = _rubric(store)
    iid = store.inspections.create(TOWN, form.id)
    _fill(store, iid, form, photo_file())
    store.inspections.complete(iid)
    with pytest.raises(InspectionError):
        store.inspections.reopen(iid, "  ")
    assert store.inspections.reopen(iid, "台账补充后重新评分") == 2
    view = store.inspections.get(iid)
    assert view.status is InspectionStatus.DRAFT and view.revision == 2 and not view.locked
    item = next(i for i in form.items.values() if i.type.value == "graded")
    store.inspections.set_answer(iid, item.id, 0)
    result = store.inspections.complete(iid)
    assert result.total == 100 - item.max
    assert [r for r, _t, _s in store.inspections.snapshots(iid)] == [1, 2]
    audit = store.inspections.audit(iid)
    assert [a.action for a in audit] == ["created", "completed", "reopened", "answer_changed", "completed"]
    change = audit[3]
    # a correction says what changed, from what to what, why, and who made it
    assert change.detail["item"] == item.id and change.detail["no"] == item.no
    assert change.detail["before"]["value"] == item.max and change.detail["after"]["value"] == 0
    assert change.reason == "台账补充后重新评分" and change.by == view.inspector
    assert audit[2].reason == "台账补充后重新评分" and audit[2].revision == 2


def test_same_station_same_day_shares_the_visit_and_a_failed_gate_vetoes_the_rubric(store, photo_file):
    gate_form = store.forms.get("five-haves")
    form = _rubric(store, "county")
    gate = store.inspections.create(COUNTY, gate_form.id)
    rubric = store.inspections.create(COUNTY, form.id)
    other = store.inspections.create(VILLAGE, gate_form.id)
    views = {i: store.inspections.get(i) for i in (gate, rubric, other)}
    assert views[gate].visit_id == views[rubric].visit_id != views[other].visit_id
    linked = [i.id for i in form.items.values() if i.source is not None]
    # the five haves are answered once, in the check: the rubric refuses them
    with pytest.raises(InspectionError) as err:
        store.inspections.set_answer(rubric, linked[0], True)
    assert "五有检查中作答" in err.value.message
    _fill(store, rubric, form, photo_file(), skip=linked)
    # the check is not answered yet: the rubric is pending, never pass — in its list row too
    assert store.inspections.score(rubric).verdict is Verdict.PENDING
    assert {r.id: r for r in store.inspections.list(COUNTY)}[rubric].verdict is Verdict.PENDING
    photo = photo_file("g.jpg")
    _fill(store, gate, gate_form, photo)
    assert store.inspections.score(rubric).verdict is Verdict.PASS
    assert store.inspections.get(rubric).answers[linked[0]].value is True
    first_gate_item = next(iter(gate_form.items))
    store.inspections.set_answer(gate, first_gate_item, False)
    result = store.inspections.score(rubric)
    assert result.verdict is Verdict.VETO and "五有未达标" in result.veto_reasons
    # the cached verdict in the list follows the gate at once
    cached = {r.id: r for r in store.inspections.list(COUNTY)}
    assert cached[rubric].verdict is Verdict.VETO
    store.inspections.set_answer(gate, first_gate_item, True)
    assert store.inspections.score(rubric).verdict is Verdict.PASS


def test_a_corrected_item_at_full_marks_closes_its_finding(store, photo_file):
    form = _rubric(store)
    iid = store.inspections.create(TOWN, form.id)
    _fill(store, iid, form, photo_file())
    item = next(i for i in form.items.values() if i.type.value == "graded")
    store.inspections.set_answer(iid, item.id, item.max - item.effective_step)
    proposed = next(p for p in store.inspections.propose_findings(iid) if p.item_id == item.id)
    finding = store.inspections.add_finding(
        iid,
        category=proposed.category,
        severity=proposed.severity,
        description=proposed.description,
        item_id=item.id,
        responsible=proposed.responsible,
        deadline=proposed.deadline,
        measures=proposed.measures,
    )
    # a lower score: the generated text follows it
    store.inspections.set_answer(iid, item.id, item.max - 2 * item.effective_step)
    text = next(f for f in store.inspections.findings(iid) if f.id == finding.id).description
    assert f"{item.max - 2 * item.effective_step:g}/{item.max:g}" in text
    store.inspections.complete(iid)
    store.inspections.reopen(iid, "复核：该项已整改到位")
    store.inspections.set_answer(iid, item.id, item.max)
    after = next(f for f in store.inspections.findings(iid) if f.id == finding.id)
    assert after.status.value == "verified" and after.closed_at is not None
    trail = store.inspections.audit(iid)
    assert any(a.action == "finding_resolved" and a.detail["finding"] == finding.id for a in trail)


def test_delete_only_a_draft_never_completed(store, photo_file):
    form = store.forms.get("five-haves")
    iid = store.inspections.create(VILLAGE, form.id)
    photo = store.photos.add_photo(iid, photo_file(), next(iter(form.items)))
    store.inspections.delete(iid)
    assert store.inspections.list() == []
    assert not store.photo_store.exists(photo.sha256)
    done = store.inspections.create(VILLAGE, form.id)
    _fill(store, done, form, photo_file("b.jpg"))
    store.inspections.complete(done)
    with pytest.raises(InspectionError):
        store.inspections.delete(done)


def test_mark_exported_then_reopen(store, photo_file):
    form = store.forms.get("five-haves")
    iid = store.inspections.create(VILLAGE, form.id)
    with pytest.raises(InspectionError):
        store.inspections.mark_exported([iid], "bundle-1")
    _fill(store, iid, form, photo_file())
    store.inspections.complete(iid)
    store.inspections.mark_exported([iid], "bundle-1")
    view = store.inspections.get(iid)
    assert view.status is InspectionStatus.EXPORTED and view.exported_revision == 1
    assert store.inspections.reopen(iid, "站长补交经费凭证") == 2
    assert store.inspections.get(iid).exported_revision == 1


def test_a_new_inspection_is_signed_off_by_the_key_owner_when_no_profile_was_saved(store):
    """``fengqiao keys init`` writes the profile next to the key only; inspections started
    afterwards still name the inspector (on the sheet and in the bundle)."""
    from fengqiao_desktop.bundle.keys import KeyStore
    from fengqiao_desktop.bundle.minisign import FAST_KDF

    KeyStore(store.data_dir / "keys").init("李四", "城关区退役军人事务局", "", "pass-1234", kdf=FAST_KDF)
    iid = store.inspections.create(TOWN, "five-haves")
    assert store.inspections.get(iid).inspector == "李四"
