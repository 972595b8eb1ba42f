"""The forms shipped in forms/ are valid, add up, and say what REFERENCE.md says."""

from __future__ import annotations

import pytest
from formhelpers import RUBRIC_IDS

from fengqiao_desktop.domain import FindingCategory, FormKind, ItemType, Level
from fengqiao_desktop.formengine.loader import form_files, load_form_file

SECTIONS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "Z"]
# section points per level variant (REFERENCE.md: county/town base; village B 10, E 12, G 15)
SECTION_POINTS = {
    "demonstration-county": dict(A=20, B=15, C=10, D=10, E=10, F=8, G=12, H=8, I=7, Z=0),
    "demonstration-town": dict(A=20, B=15, C=10, D=10, E=10, F=8, G=12, H=8, I=7, Z=0),
    "demonstration-village": dict(A=20, B=10, C=10, D=10, E=12, F=8, G=15, H=8, I=7, Z=0),
}
LEVELS = {
    "five-haves": {Level.CITY, Level.COUNTY, Level.TOWN, Level.VILLAGE},
    "demonstration-county": {Level.COUNTY, Level.CITY},
    "demonstration-town": {Level.TOWN},
    "demonstration-village": {Level.VILLAGE},
}


def test_every_shipped_file_validates_and_the_four_forms_are_there():
    forms = {load_form_file(p).id for p in form_files()}
    assert forms == {"five-haves", *RUBRIC_IDS}


@pytest.mark.parametrize("form_id", sorted(LEVELS))
def test_levels(registry, form_id):
    assert set(registry.get(form_id).levels) == LEVELS[form_id]


def test_every_level_has_exactly_one_default_rubric_and_the_gate(registry):
    expected = {
        Level.CITY: "demonstration-county",
        Level.COUNTY: "demonstration-county",
        Level.TOWN: "demonstration-town",
        Level.VILLAGE: "demonstration-village",
    }
    for level, form_id in expected.items():
        assert registry.default_rubric_for(level).id == form_id
        rubrics = [f for f in registry.for_level(level) if f.kind is FormKind.RUBRIC]
        assert len(rubrics) == 1
    assert registry.five_haves().id == "five-haves"


def test_rubrics_total_100_with_pass_mark_90(rubric):
    assert rubric.kind is FormKind.RUBRIC
    assert rubric.max == 100 and rubric.max_points == 100 and rubric.pass_mark == 90
    assert [s.id for s in rubric.sections] == SECTIONS
    assert {s.id: s.max for s in rubric.sections} == SECTION_POINTS[rubric.id]


def test_rubric_items_carry_what_the_sheet_needs(rubric):
    for it in rubric.items.values():
        assert it.title.zh and it.title.en
        assert it.guidance, f"{it.id} has no 评分标准"
        assert it.category in set(FindingCategory), it.id
        if it.type in (ItemType.GRADED, ItemType.DEDUCTION):
            assert it.effective_step == 0.5
    types = [it.type for it in rubric.items.values()]
    assert types.count(ItemType.GRADED) > len(types) / 2  # mostly graded
    assert ItemType.DEDUCTION in types


def test_section_a_is_five_veto_items_of_four_points(rubric):
    a = rubric.sections[0]
    assert [it.title.zh for it in a.items] == ["有机构", "有编制", "有人员", "有经费", "有保障"]
    for it in a.items:
        assert it.veto and it.max == 4 and it.type is ItemType.YES_NO
        assert it.veto_reason == f"五有缺项：{it.title.zh}"


def test_section_z_veto_items_are_zero_points_and_true_means_ok(rubric):
    z = rubric.sections[-1]
    assert z.title.zh == "一票否决项"
    assert [it.title.zh for it in z.items] == ["无弄虚作假", "无经费挪用", "无因工作失职引发重大事件或群体性上访"]
    for it in z.items:
        assert it.veto and it.max == 0 and it.type is ItemType.YES_NO and it.veto_reason


def test_g_items_need_dated_photos_and_some_b_items_need_photos(rubric):
    g = rubric.sections[SECTIONS.index("G")]
    assert all(it.min_photos >= 1 and "日期" in it.guidance for it in g.items)
    b = rubric.sections[SECTIONS.index("B")]
    assert any(it.min_photos >= 1 for it in b.items)


def test_item_ids_are_unique_and_section_prefixed(rubric):
    for s in rubric.sections:
        for it in s.items:
            assert it.id.startswith(s.id)


def test_level_variants(registry):
    county = registry.get("demonstration-county")
    town = registry.get("demonstration-town")
    village = registry.get("demonstration-village")
    # county: the E ledger item becomes guidance and supervision of lower-level stations
    assert county.items["E2"].title.zh == "指导督导下级服务站" and county.items["E2"].max == 3
    assert "台账" in town.items["E2"].title.zh
    # town: 实体化运行 under C, C still 10
    assert town.items["C4"].title.zh == "实体化运行"
    assert "C4" not in county.items and "C4" not in village.items
    # village: accessibility may be not applicable
    assert village.items["B4"].na_allowed
    assert not county.items["B4"].na_allowed


def test_five_haves_gate(gate):
    assert gate.kind is FormKind.GATE
    items = list(gate.items.values())
    assert [it.id for it in items] == ["jigou", "bianzhi", "renyuan", "jingfei", "baozhang"]
    assert [it.title.zh for it in items] == ["有机构", "有编制", "有人员", "有经费", "有保障"]
    for it in items:
        assert it.type is ItemType.YES_NO
        assert it.min_photos == 1
        assert not it.veto  # a failed gate vetoes the rubric from outside
        assert it.guidance and it.evidence and it.title.en
    # the local wording's evidence: sign plate under 有机构, premises and rules under 有保障
    assert "牌匾" in gate.items["jigou"].evidence
    assert "场所" in gate.items["baozhang"].evidence and "制度" in gate.items["baozhang"].evidence


def test_summary_has_the_cli_contract_shape(registry):
    for form in registry:
        s = form.summary()
        assert {"id", "version", "sha256", "kind", "pass_mark", "max", "sections"} <= set(s)
        for sec in s["sections"]:
            assert {"id", "title", "items"} <= set(sec)
            for it in sec["items"]:
                assert {"id", "type", "max", "veto", "na_allowed", "min_photos"} <= set(it)
