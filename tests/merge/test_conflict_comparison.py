"""The side-by-side data of a conflict: per-item answers and recomputed points, differences marked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from merge_helpers import BASE_TIME, RUBRIC, rubric_answers

from fengqiao_desktop.errors import MergeError
from fengqiao_desktop.services import central as svc


def test_comparison_lists_each_item_for_both_revisions_and_marks_differences(bureau):
    a, b = bureau.device("张三"), bureau.device("李四")
    iid = "55555555-5555-4555-8555-555555555555"
    base = a.record(RUBRIC, inspection_id=iid, revision=1)
    ra = a.record(
        RUBRIC,
        inspection_id=iid,
        revision=2,
        answers=rubric_answers(b1=10, c1="fair"),
        completed_at=BASE_TIME + timedelta(hours=1),
        audit=base["audit"] + [{"action": "edit", "by": "a"}],
    )
    rb = b.record(
        RUBRIC,
        inspection_id=iid,
        revision=2,
        answers=rubric_answers(b1=40),
        completed_at=BASE_TIME + timedelta(hours=2),
        audit=base["audit"] + [{"action": "edit", "by": "b"}],
    )
    bureau.merge(a.export(bureau.tmp / "a", [base, ra]), b.export(bureau.tmp / "b", [rb]))
    cmp = svc.conflict_comparison(iid, url=bureau.central)
    assert cmp.station_code == rb["station_code"] and cmp.station_name
    assert sorted(s.total for s in cmp.revisions) == sorted([ra["score"]["total"], rb["score"]["total"]])
    assert sum(s.is_winner for s in cmp.revisions) == 1
    assert {s.inspector.split("（")[0] for s in cmp.revisions} == {"张三", "李四"}
    rows = {r.item_id: r for r in cmp.rows}
    assert list(rows) == ["a1", "b1", "b2", "c1"]
    assert rows["b1"].differs and rows["c1"].differs and not rows["a1"].differs
    by_inspector = {s.inspector.split("（")[0]: i for i, s in enumerate(cmp.revisions)}
    assert rows["b1"].cells[by_inspector["张三"]].points == 10
    assert rows["b1"].cells[by_inspector["李四"]].points == 40
    assert rows["c1"].choices["fair"][0] == "中"


def test_comparison_of_an_inspection_without_conflict_is_a_clear_error(bureau):
    with pytest.raises(MergeError):
        svc.conflict_comparison("no-such-inspection", url=bureau.central)
