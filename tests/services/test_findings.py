"""Findings: proposals for items below full marks, edits, status on locked inspections, open lists."""

from __future__ import annotations

import datetime as dt

import pytest
from svc_helpers import TOWN, full_marks

from fengqiao_desktop.domain import FindingCategory, FindingStatus, Severity
from fengqiao_desktop.errors import InspectionError

PRINTED = {"responsible": "李站长", "deadline": "2026-04-30", "measures": "限期整改"}


def _answered_rubric(store, photo):
    form = store.forms.default_rubric_for("town")
    iid = store.inspections.create(TOWN, form.id, visit_date=dt.date(2026, 3, 1))
    for item_id, value in full_marks(form).items():
        store.inspections.set_answer(iid, item_id, value)
        for _ in range(form.items[item_id].min_photos):
            store.photos.add_photo(iid, photo, item_id)
    return form, iid


def test_items_below_full_marks_are_proposed_with_category_severity_and_note(store, photo_file):
    form, iid = _answered_rubric(store, photo_file())
    graded = next(i for i in form.items.values() if i.type.value == "graded" and i.category)
    veto = next(i for i in form.items.values() if i.veto and i.type.value == "yes_no")
    store.inspections.set_answer(iid, graded.id, graded.max - graded.effective_step, note="制度未上墙")
    store.inspections.set_answer(iid, veto.id, False)
    proposals = {p.item_id: p for p in store.inspections.propose_findings(iid)}
    assert set(proposals) == {graded.id, veto.id}
    p = proposals[graded.id]
    assert p.category is graded.category and p.severity is Severity.DEDUCTION
    assert p.description == f"{graded.title.zh}：制度未上墙"
    assert proposals[veto.id].severity is Severity.VETO
    # the printed fields are offered: the station head, the visit date + 30 days, a measure
    station = store.stations.get(TOWN)
    assert p.responsible == (station.contact or "站点负责人")
    assert p.deadline == dt.date(2026, 3, 31) and graded.title.zh in p.measures
    # once added, the item is no longer proposed
    store.inspections.add_finding(
        iid,
        item_id=p.item_id,
        category=p.category,
        severity=p.severity,
        description=p.description,
        responsible="李站长",
        deadline="2026-04-30",
        measures=p.measures,
    )
    assert {x.item_id for x in store.inspections.propose_findings(iid)} == {veto.id}


def test_edit_delete_and_status_rules(store, photo_file):
    form, iid = _answered_rubric(store, photo_file())
    f = store.inspections.add_finding(
        iid,
        category="经费保障",
        severity="deduction",
        description="经费未拨付",
        measures="年内拨付",
        responsible="张站长",
        deadline="2026-05-31",
    )
    assert f.category is FindingCategory.FUNDING and f.status is FindingStatus.OPEN
    f = store.inspections.update_finding(f.id, responsible="王主任", deadline=dt.date(2026, 6, 30))
    assert f.responsible == "王主任" and f.deadline == dt.date(2026, 6, 30)
    with pytest.raises(InspectionError, match="YYYY-MM-DD"):
        store.inspections.update_finding(f.id, deadline="明天")
    with pytest.raises(InspectionError):
        store.inspections.add_finding(iid, category="nonsense", severity="deduction", description="x")
    store.inspections.complete(iid)
    with pytest.raises(InspectionError):  # content is locked with the inspection
        store.inspections.update_finding(f.id, description="改")
    with pytest.raises(InspectionError):
        store.inspections.delete_finding(f.id)
    # the status is checked at a later visit, so it may change on a locked inspection
    f = store.inspections.update_finding(f.id, status="rectified")
    assert f.status is FindingStatus.RECTIFIED
    assert store.inspections.audit(iid)[-1].action == "finding_status"


def test_open_findings_from_earlier_visits(store, photo_file):
    form, first = _answered_rubric(store, photo_file())
    a = store.inspections.add_finding(
        first, category="hardware", severity="deduction", description="无障碍坡道缺失", **PRINTED
    )
    b = store.inspections.add_finding(
        first, category="staffing", severity="advice", description="志愿者队伍偏小", **PRINTED
    )
    store.inspections.complete(first)
    later = store.inspections.create(TOWN, "five-haves")
    rows = store.inspections.open_findings_for_station(TOWN, exclude_inspection=later)
    assert [r.id for r in rows] == [a.id, b.id] and rows[0].visit_date == dt.date(2026, 3, 1)
    store.inspections.update_finding(a.id, status="verified")
    rows = store.inspections.open_findings_for_station(TOWN)
    assert [r.id for r in rows] == [b.id]
    assert store.inspections.open_findings_for_station(TOWN, exclude_inspection=first) == []


def test_delete_finding_in_a_draft(store, photo_file):
    _form, iid = _answered_rubric(store, photo_file())
    f = store.inspections.add_finding(iid, category="service", severity="advice", description="x", **PRINTED)
    store.inspections.delete_finding(f.id)
    assert store.inspections.findings(iid) == []


def test_a_finding_without_responsible_deadline_or_measures_is_not_saved(store, photo_file):
    _form, iid = _answered_rubric(store, photo_file())
    with pytest.raises(InspectionError) as refused:
        store.inspections.add_finding(
            iid,
            category="hardware",
            severity="deduction",
            item_id="B1",
            description="无障碍坡道未安装扶手",
            responsible="李站长",
        )
    msg = refused.value.user_message("zh")
    assert "B1" in msg and "无障碍坡道未安装扶手" in msg and "整改时限" in msg and "整改措施" in msg
    assert "责任人" not in msg.split("：", 1)[1]  # only what is missing is named
    en = refused.value.user_message("en")
    assert "deadline" in en and "measures" in en and "responsible" not in en.split(":", 1)[1]
    assert store.inspections.findings(iid) == []
    f = store.inspections.add_finding(
        iid, category="hardware", severity="deduction", item_id="B1", description="无障碍坡道未安装扶手", **PRINTED
    )
    with pytest.raises(InspectionError, match="责任人"):  # emptied later: refused, the stored one kept
        store.inspections.update_finding(f.id, responsible="  ")
    assert store.inspections.findings(iid)[0].responsible == "李站长"


def test_completion_names_the_findings_lacking_printed_fields(store, photo_file):
    """Findings stored before the rule (an older release) block completion until filled in."""
    from fengqiao_desktop.storage.models import Finding

    _form, iid = _answered_rubric(store, photo_file())
    f = store.inspections.add_finding(
        iid, category="hardware", severity="deduction", item_id="B1", description="无障碍坡道未安装扶手", **PRINTED
    )
    with store.session(write=True) as s:  # as an earlier release could leave it
        s.get(Finding, f.id).measures = ""
    with pytest.raises(InspectionError) as refused:
        store.inspections.complete(iid)
    assert "B1" in refused.value.user_message("zh") and "整改措施" in refused.value.user_message("zh")
    assert refused.value.unprintable == [(f.id, ["measures"])]
    assert store.inspections.get(iid).status.value == "draft"
    store.inspections.update_finding(f.id, measures="加装扶手")
    store.inspections.complete(iid)
    assert store.inspections.get(iid).status.value == "completed"
