"""Findings follow their item into a newer version of the form: listed as the item is now, closed by a re-check."""

from __future__ import annotations

import datetime as dt

import pytest
from svc_helpers import STATIONS, TOWN

from fengqiao_desktop.domain import FindingStatus
from fengqiao_desktop.formengine.scoring import Answer
from fengqiao_desktop.services.store import LocalStore
from fengqiao_desktop.storage.stations import StationRepo

V1 = """
id: town-sheet
version: "1"
title: {zh: 某区街道服务站考评表, en: District town sheet}
kind: rubric
levels: [town]
pass_mark: 5
sections:
  - id: A
    title: {zh: 阵地, en: Premises}
    items:
      - {id: A1, title: {zh: 服务场所, en: Premises}, type: yes_no, max: 2}
  - id: B
    title: {zh: 制度, en: Rules}
    items:
      - {id: B1, title: {zh: 首问负责制, en: First contact}, type: yes_no, max: 2}
      - {id: B2, title: {zh: 限时办结制, en: Time limit}, type: yes_no, max: 2}
      - {id: B3, title: {zh: 服务清单公示, en: Service list}, type: yes_no, max: 2}
"""

# version 2: B3 moved to B4 under a new title; a new item C1
V2 = """
id: town-sheet
version: "2"
title: {zh: 某区街道服务站考评表, en: District town sheet}
kind: rubric
levels: [town]
pass_mark: 5
supersedes:
  version: "1"
  map:
    - {change: moved, old: B3, new: B4}
sections:
  - id: A
    title: {zh: 阵地, en: Premises}
    items:
      - {id: A1, title: {zh: 服务场所, en: Premises}, type: yes_no, max: 2}
  - id: B
    title: {zh: 制度, en: Rules}
    items:
      - {id: B1, title: {zh: 首问负责制, en: First contact}, type: yes_no, max: 2}
      - {id: B2, title: {zh: 限时办结制, en: Time limit}, type: yes_no, max: 2}
      - {id: B4, title: {zh: 服务事项清单上墙公示, en: Service list on the wall}, type: yes_no, max: 2}
  - id: C
    title: {zh: 就业, en: Jobs}
    items:
      - {id: C1, title: {zh: 就业信息推送, en: Job information}, type: yes_no, max: 1}
"""


@pytest.fixture
def data_dir(tmp_path):
    root = tmp_path / "data"
    (root / "forms").mkdir(parents=True)
    (root / "forms" / "town-sheet.v1.yaml").write_text(V1, encoding="utf-8")
    with LocalStore.open(root) as st, st.session(write=True) as s:
        StationRepo.upsert_many(s, STATIONS)
    return root


def _first_visit_with_a_finding(root):
    """A visit scored on version 1: B3 not met, a finding raised on it, completed."""
    with LocalStore.open(root) as st:
        iid = st.inspections.create(TOWN, "town-sheet", visit_date=dt.date(2026, 3, 1))
        st.inspections.set_answers(
            iid, {i: Answer(value=True) for i in ("A1", "B1", "B2")} | {"B3": Answer(value=False)}
        )
        f = st.inspections.add_finding(
            iid,
            item_id="B3",
            category="service",
            severity="deduction",
            description="服务清单未公示",
            responsible="李站长",
            measures="公示服务清单",
            deadline="2026-12-31",
        )
        st.inspections.complete(iid)
        return iid, f.id


def test_an_earlier_finding_is_listed_under_the_item_as_it_is_now(data_dir):
    first, fid = _first_visit_with_a_finding(data_dir)
    with LocalStore.open(data_dir) as st:  # version 1 only: the item as raised
        [row] = st.inspections.open_findings_for_station(TOWN)
        assert (row.item_no, row.item_title) == ("B3", "服务清单公示")
    (data_dir / "forms" / "town-sheet.v2.yaml").write_text(V2, encoding="utf-8")
    with LocalStore.open(data_dir) as st:
        [row] = st.inspections.open_findings_for_station(TOWN)
        assert row.id == fid and row.item_id == "B3"  # stored as raised, shown as it is now
        assert (row.item_no, row.item_title) == ("B4", "服务事项清单上墙公示")


def test_the_station_page_names_the_item_of_the_current_version(data_dir, qtbot):
    from fengqiao_desktop.ui.stations.service_source import ServiceSource
    from fengqiao_desktop.ui.stations.station_page import StationPage

    _first_visit_with_a_finding(data_dir)
    (data_dir / "forms" / "town-sheet.v2.yaml").write_text(V2, encoding="utf-8")
    with LocalStore.open(data_dir) as st:
        page = StationPage()
        qtbot.addWidget(page)
        page.set_source(ServiceSource(st))
        page.show_station(TOWN)
        m = page.findings
        assert m.rowCount() == 1
        assert m.index(0, 0).data() == "2026-03-01"
        assert m.index(0, 1).data() == "B4 服务事项清单上墙公示"


def test_a_recheck_on_the_new_version_closes_the_finding(data_dir):
    first, fid = _first_visit_with_a_finding(data_dir)
    (data_dir / "forms" / "town-sheet.v2.yaml").write_text(V2, encoding="utf-8")
    with LocalStore.open(data_dir) as st:
        again = st.inspections.create(TOWN, "town-sheet")
        assert st.inspections.get(again).form.version == "2"
        st.inspections.set_answer(again, "B2", True)  # another item: the finding stays open
        st.inspections.set_answer(again, "B4", False)  # re-checked, still not met: stays open
        assert [r.id for r in st.inspections.open_findings_for_station(TOWN, again)] == [fid]
        st.inspections.set_answer(again, "B4", True)  # met now: 销号
        assert st.inspections.open_findings_for_station(TOWN, again) == []
        [f] = st.inspections.findings(first)
        assert f.status is FindingStatus.VERIFIED and f.closed_at is not None
        entry = st.inspections.audit(first)[-1]
        assert entry.action == "finding_resolved"
        assert entry.detail["rechecked_in"] == again and entry.detail["now"] == ["B4"]
        assert entry.detail["no"] == "B3"


def test_a_removed_item_keeps_its_old_name_and_a_newer_finding_is_not_closed_by_an_older_form(data_dir):
    first, fid = _first_visit_with_a_finding(data_dir)
    v2_removed = V2.replace("- {change: moved, old: B3, new: B4}", "- {change: removed, old: B3}")
    (data_dir / "forms" / "town-sheet.v2.yaml").write_text(v2_removed, encoding="utf-8")
    with LocalStore.open(data_dir) as st:
        [row] = st.inspections.open_findings_for_station(TOWN)
        assert (row.item_no, row.item_title) == ("B3", "服务清单公示")
        again = st.inspections.create(TOWN, "town-sheet")
        st.inspections.set_answer(again, "B4", True)  # a new item, not the old B3
        assert [r.id for r in st.inspections.open_findings_for_station(TOWN, again)] == [fid]


def test_a_split_item_closes_its_finding_when_every_part_is_met(data_dir):
    _first, fid = _first_visit_with_a_finding(data_dir)
    v2_split = V2.replace("- {change: moved, old: B3, new: B4}", "- {change: split, old: B3, new: [B4, B5]}").replace(
        "      - {id: B4,",
        "      - {id: B5, title: {zh: 服务指南公示, en: Guide}, type: yes_no, max: 1}\n      - {id: B4,",
    )
    (data_dir / "forms" / "town-sheet.v2.yaml").write_text(v2_split, encoding="utf-8")
    with LocalStore.open(data_dir) as st:
        [row] = st.inspections.open_findings_for_station(TOWN)
        assert (row.item_no, row.item_title) == ("B5、B4", "服务指南公示、服务事项清单上墙公示")
        again = st.inspections.create(TOWN, "town-sheet")
        st.inspections.set_answer(again, "B4", True)
        assert [r.id for r in st.inspections.open_findings_for_station(TOWN, again)] == [fid]
        st.inspections.set_answer(again, "B5", True)
        assert st.inspections.open_findings_for_station(TOWN, again) == []
