"""A form revised twice (renamed, moved, split, removed, new items): history and coverage follow the items."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from fengqiao_desktop.errors import FormError
from fengqiao_desktop.formengine.item_history import ScoredVisit, item_coverage, station_history
from fengqiao_desktop.formengine.lineage import Lineage, check_map, diff, infer_map
from fengqiao_desktop.formengine.loader import FormRegistry, parse_form
from fengqiao_desktop.formengine.scoring import Answer
from fengqiao_desktop.formengine.versioning import Change
from fengqiao_desktop.reports.item_results import item_results_csv_text, write_item_results

V1 = """
id: county-sheet
version: "1"
title: {zh: 某县服务站考评表, en: County station sheet}
kind: rubric
levels: [village]
pass_mark: 9
sections:
  - id: A
    title: {zh: 阵地, en: Premises}
    items:
      - {id: A1, title: {zh: 服务场所, en: Premises}, type: graded, max: 4}
      - {id: A2, title: {zh: 标识牌匾, en: Sign}, type: yes_no, max: 2}
  - id: B
    title: {zh: 台账, en: Records}
    items:
      - {id: B1, title: {zh: 信息采集, en: Records}, type: deduction, max: 3, deduct_per: 1}
      - {id: B2, title: {zh: 走访记录, en: Visits}, type: yes_no, max: 1}
"""

# v2: A2 renamed, B2 moved to section A as A3, B1 split in two, a new item C1
V2 = """
id: county-sheet
version: "2"
title: {zh: 某县服务站考评表, en: County station sheet}
kind: rubric
levels: [village]
pass_mark: 9
supersedes:
  version: "1"
  map:
    - {change: renamed, old: A2, new: A2}
    - {change: moved, old: B2, new: A3}
    - {change: split, old: B1, new: [B1, B3]}
sections:
  - id: A
    title: {zh: 阵地, en: Premises}
    items:
      - {id: A1, title: {zh: 服务场所, en: Premises}, type: graded, max: 4}
      - {id: A2, title: {zh: 统一标识牌匾, en: Standard sign}, type: yes_no, max: 2}
      - {id: A3, title: {zh: 走访记录, en: Visits}, type: yes_no, max: 1}
  - id: B
    title: {zh: 台账, en: Records}
    items:
      - {id: B1, title: {zh: 信息采集（纸质）, en: Paper records}, type: deduction, max: 1.5}
      - {id: B3, title: {zh: 信息采集（系统）, en: System records}, type: deduction, max: 1.5}
  - id: C
    title: {zh: 就业, en: Jobs}
    items:
      - {id: C1, title: {zh: 就业帮扶, en: Job help}, type: graded, max: 1}
"""

# v3: A2 removed, A1 points changed, A3 renamed again
V3 = """
id: county-sheet
version: "3"
title: {zh: 某县服务站考评表, en: County station sheet}
kind: rubric
levels: [village]
pass_mark: 9
supersedes:
  version: "2"
  map:
    - {change: removed, old: A2}
    - {change: renamed, old: A3, new: A3}
sections:
  - id: A
    title: {zh: 阵地, en: Premises}
    items:
      - {id: A1, title: {zh: 服务场所, en: Premises}, type: graded, max: 6}
      - {id: A3, title: {zh: 入户走访记录, en: Home visits}, type: yes_no, max: 1}
  - id: B
    title: {zh: 台账, en: Records}
    items:
      - {id: B1, title: {zh: 信息采集（纸质）, en: Paper records}, type: deduction, max: 1.5}
      - {id: B3, title: {zh: 信息采集（系统）, en: System records}, type: deduction, max: 1.5}
  - id: C
    title: {zh: 就业, en: Jobs}
    items:
      - {id: C1, title: {zh: 就业帮扶, en: Job help}, type: graded, max: 1}
"""


@pytest.fixture
def forms():
    return [parse_form(t, f"v{n}.yaml") for n, t in enumerate((V1, V2, V3), start=1)]


@pytest.fixture
def lineage(forms):
    return Lineage(list(reversed(forms)))  # any order


def visit(station, date, version, **answers):
    return ScoredVisit(station, date, version, {k: Answer(v) for k, v in answers.items()})


VISITS = [
    # station 1 visited under each version; its sign was missing in 2023, fixed in 2024
    visit("620102001001", "2023-04-01", "1", A1=3, A2=False, B1=3, B2=True),
    visit("620102001001", "2024-04-01", "2", A1=4, A2=True, A3=False, B1=1.5, B3=1, C1=1),
    visit("620102001001", "2025-04-01", "3", A1=6, A3=True, B1=1.5, B3=1.5, C1=0.5),
    # station 2 only under version 1
    visit("620102001002", "2023-05-01", "1", A1=4, A2=True, B1=2, B2=True),
]


def test_threads_keep_renamed_and_moved_items_and_end_removed_ones(lineage):
    sign = lineage.thread_of("1", "A2")
    assert sign.ids == {"1": "A2", "2": "A2"} and sign.ended == "3"
    visits_item = lineage.thread_of("1", "B2")
    assert visits_item.ids == {"1": "B2", "2": "A3", "3": "A3"}
    assert visits_item.label == "A3 入户走访记录"
    assert lineage.thread_of("3", "A3") is visits_item
    # the split: two new threads that name the old one; the old one ends at version 2
    paper, system = lineage.thread_of("2", "B1"), lineage.thread_of("2", "B3")
    assert paper.came_from == system.came_from == (("1", "B1"),)
    assert lineage.threads[("1", "B1")].ended == "2"


def test_a_finding_on_an_old_item_is_rechecked_on_its_current_items(lineage):
    assert lineage.current("1", "B2") == ["A3"]  # moved, then renamed
    assert lineage.current("1", "B1") == ["B1", "B3"]  # split
    assert lineage.current("1", "A2") == []  # removed: nothing to re-check
    assert lineage.current("2", "C1") == ["C1"]


def test_station_history_across_three_versions(lineage):
    hist = {
        t.label: [(r.date, r.item_id, r.points) for r in recs]
        for t, recs in station_history(lineage, VISITS, "620102001001")
    }
    assert hist["A3 入户走访记录"] == [("2023-04-01", "B2", 1.0), ("2024-04-01", "A3", 0.0), ("2025-04-01", "A3", 1.0)]
    assert hist["A2 统一标识牌匾"] == [("2023-04-01", "A2", 0.0), ("2024-04-01", "A2", 2.0)]
    assert hist["A1 服务场所"] == [("2023-04-01", "A1", 3.0), ("2024-04-01", "A1", 4.0), ("2025-04-01", "A1", 6.0)]
    assert hist["B3 信息采集（系统）"] == [("2024-04-01", "B3", 1.0), ("2025-04-01", "B3", 1.5)]


def test_item_coverage_counts_checks_under_any_version(lineage):
    cov = {c.thread.label: c for c in item_coverage(lineage, VISITS)}
    visits_item = cov["A3 入户走访记录"]
    assert visits_item.checked == {"620102001001", "620102001002"}
    assert visits_item.met == {"620102001001", "620102001002"}  # station 1's latest (v3) is yes
    sign = cov["A2 统一标识牌匾"]
    assert sign.met == {"620102001001", "620102001002"}
    assert cov["C1 就业帮扶"].checked == {"620102001001"} and not cov["C1 就业帮扶"].met


def test_results_export_keeps_every_item_in_its_own_column(lineage, tmp_path):
    text = item_results_csv_text(lineage, VISITS)
    rows = list(csv.reader(io.StringIO(text)))
    head = rows[0]
    assert head[:4] == ["站点", "日期", "表单版本", "总分"]
    col = {h: i for i, h in enumerate(head)}
    # the removed sign keeps its column: empty under version 3, the columns after it unshifted
    v3 = next(r for r in rows if r[2] == "3")
    v1 = next(r for r in rows if r[2] == "1")
    assert v3[col["A2 统一标识牌匾"]] == "" and v1[col["A2 统一标识牌匾"]] == "0"
    assert v1[col["A3 入户走访记录"]] == "1" and v3[col["A3 入户走访记录"]] == "1"
    assert v3[col["A1 服务场所"]] == "6"
    assert head.index("A2 统一标识牌匾") < head.index("A3 入户走访记录") < head.index("C1 就业帮扶")
    # the same columns in XLSX
    out = write_item_results(lineage, VISITS, tmp_path / "items.xlsx")
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]] == head


def test_diff_lists_added_removed_and_points_changed(forms):
    v1, v2, v3 = forms
    d = diff(v2, v1)
    assert [c.new for c in d.added] == [("C1",)]
    assert [(c.old, c.new) for c in d.of(Change.SPLIT)] == [(("B1",), ("B1", "B3"))]
    d3 = diff(v3, v2)
    assert [c.old for c in d3.removed] == [("A2",)]
    assert [(c.new, c.old_points, c.new_points) for c in d3.points_changed] == [(("A1",), 4, 6)]
    text = "\n".join(d3.lines("zh"))
    assert "删除  A2 → -  统一标识牌匾  -2 分" in text and "4 → 6 分" in text
    assert "分值变化  A1 → A1  服务场所  4 → 6 分" in text and "满分 11 → 11" in text


def test_a_map_that_does_not_fit_is_refused(forms):
    v1, v2, _ = forms
    bad = parse_form(V2.replace("{change: moved, old: B2, new: A3}", "{change: moved, old: B9, new: A3}"))
    with pytest.raises(FormError) as e:
        check_map(bad, v1)
    assert "旧版没有检查项 B9" in e.value.message and "B2" in e.value.message  # B2 now unaccounted for
    silent = parse_form(V3.replace("    - {change: removed, old: A2}\n", ""))
    with pytest.raises(FormError, match="A2"):
        check_map(silent, v2)


def test_infer_map_guesses_renamed_moved_and_removed(forms):
    v1, v2, v3 = forms
    guessed = infer_map(v3.model_copy(update={"supersedes": None}), v2)
    lines = {(ln.change, ln.old, ln.new) for ln in guessed.map}
    assert (Change.REMOVED, ("A2",), ()) in lines
    assert (Change.RENAMED, ("A3",), ("A3",)) in lines
    assert guessed.version == "2"


def test_versions_without_a_map_link_by_id_and_a_registry_serves_them(forms):
    v1, v2, v3 = forms
    reg = FormRegistry([v1, v2, v3])
    assert [f.version for f in reg.versions("county-sheet")] == ["1", "2", "3"]
    plain = parse_form(V1.replace('version: "1"', 'version: "0"'))
    lin = Lineage([plain, v1])
    assert lin.thread_of("1", "B2").ids == {"0": "B2", "1": "B2"}
