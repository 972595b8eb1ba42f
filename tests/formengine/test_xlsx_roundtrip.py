"""YAML -> XLSX -> YAML gives the same form: the shipped rubrics and generated forms."""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fengqiao_desktop.formengine.loader import parse_form, shipped_registry
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.xlsx_export import export_form
from fengqiao_desktop.formengine.xlsx_import import form_yaml, import_sheet

SHIPPED = sorted(f.id for f in shipped_registry())


@pytest.mark.parametrize("form_id", SHIPPED)
def test_shipped_forms_export_and_import_back_unchanged(tmp_path, form_id):
    form = shipped_registry().get(form_id)
    path = export_form(form, tmp_path / f"{form_id}.xlsx")
    report = import_sheet(path)
    assert report.ok, report.lines()
    assert report.form.sha256 == form.sha256  # the same identity: same content, field for field
    assert parse_form(form_yaml(report.form)).sha256 == form.sha256


def test_the_export_is_the_official_layout(tmp_path):
    form = shipped_registry().get("demonstration-village")
    ws = openpyxl.load_workbook(export_form(form, tmp_path / "v.xlsx"))["评分表"]
    assert ws["A1"].value == form.title.zh
    assert [ws.cell(2, c).value for c in range(1, 7)] == ["考评项目", "序号", "考评内容", "分值", "评分标准", "得分"]
    first = form.sections[0]
    assert ws["A3"].value == first.title.zh and ws["B3"].value == first.items[0].id
    # the section is one merged cell beside its items, followed by a 小计 row
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert f"A3:A{2 + len(first.items)}" in merged
    sub = 3 + len(first.items)
    assert ws.cell(sub, 2).value == "小计" and ws.cell(sub, 4).value == first.max
    assert ws.cell(ws.max_row, 1).value == "合计" and ws.cell(ws.max_row, 4).value == 100


# -- generated forms ---------------------------------------------------------------------------

_text = (
    st.text(alphabet="考评内容服务站阵地台账就业走访ABCxyz0123（）、，=+-@'", min_size=1, max_size=12)
    .map(str.strip)
    .filter(lambda t: t and not t[0].isdigit())
)
_halves = st.integers(min_value=1, max_value=20).map(lambda n: n / 2)


@st.composite
def _item(draw, iid: str) -> dict:
    kind = draw(st.sampled_from(["yes_no", "graded", "deduction", "choice", "number", "text"]))
    d: dict = {"id": iid, "title": {"zh": draw(_text), "en": draw(_text)}, "type": kind}
    if kind in ("graded", "deduction"):
        step = draw(st.sampled_from([None, 0.5, 0.25, 1.0]))
        unit = step or 0.5
        d["max"] = unit * draw(st.integers(1, 12))
        if step is not None:
            d["step"] = step
        if kind == "deduction" and draw(st.booleans()):
            d["deduct_per"] = unit * draw(st.integers(1, 3))
    elif kind == "yes_no":
        d["max"] = draw(st.sampled_from([0, 1, 2, 4]))
    elif kind == "choice":
        d["max"] = draw(_halves)
        d["choices"] = [
            {"value": "a", "label": {"zh": "好", "en": "good"}, "points": d["max"]},
            {"value": "b", "label": {"zh": "差", "en": "poor"}},
        ]
    elif kind == "number" and draw(st.booleans()):
        d["min_value"] = 0
        d["max_value"] = draw(st.integers(1, 999))
    scored = kind in ("yes_no", "graded", "deduction", "choice")
    if scored and draw(st.booleans()):
        d["veto"] = True
        if draw(st.booleans()):
            d["veto_reason"] = draw(_text)
    elif d.get("max", 0) and draw(st.booleans()):
        d["na_allowed"] = True
    if kind == "yes_no" and d["max"] == 0:
        d["veto"] = True
    for key, strat in (
        ("guidance", _text),
        ("guidance_en", _text),
        ("evidence", _text),
        ("min_photos", st.integers(1, 3)),
        ("required", st.booleans()),
        ("category", st.sampled_from(["hardware", "funding", "service"])),
    ):
        if draw(st.booleans()):
            d[key] = draw(strat)
    return d


@st.composite
def _forms(draw) -> FormDef:
    n_sections = draw(st.integers(1, 4))
    sections = []
    titles = draw(st.lists(_text, min_size=n_sections, max_size=n_sections, unique=True))
    for s, title in enumerate(titles):
        sid = "ABCD"[s]
        items = [draw(_item(f"{sid}{k}")) for k in range(1, draw(st.integers(1, 4)) + 1)]
        sections.append({"id": sid, "title": {"zh": title, "en": draw(_text)}, "items": items})
    data = {
        "id": "gen-form",
        "version": draw(st.sampled_from(["1", "2.1", "3-lz"])),
        "title": {"zh": draw(_text), "en": draw(_text)},
        "kind": draw(st.sampled_from(["rubric", "gate"])),
        "levels": draw(
            st.lists(st.sampled_from(["city", "county", "town", "village"]), min_size=1, max_size=2, unique=True)
        ),
        "na_rescale": draw(st.booleans()),
        "sections": sections,
    }
    if draw(st.booleans()):
        data["description"] = draw(_text)
    form = FormDef.model_validate(data)
    if draw(st.booleans()) and form.max:
        form = form.model_copy(update={"pass_mark": form.max / 2})
    if draw(st.booleans()):
        form = form.model_copy(update={"max_points": form.max})
    return FormDef.model_validate(form.model_dump(mode="json", exclude_defaults=True))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_forms())
def test_any_form_survives_the_round_trip(form):
    with tempfile.TemporaryDirectory(prefix="h17-") as d:
        report = import_sheet(export_form(form, Path(d) / "f.xlsx"))
    assert report.ok, report.lines()
    assert report.form.model_dump() == form.model_dump()
    assert report.form.sha256 == form.sha256


def test_a_version_map_survives_the_round_trip(tmp_path):
    from test_lineage import V1, V2

    v2 = parse_form(V2)
    report = import_sheet(export_form(v2, tmp_path / "v2.xlsx"), previous=parse_form(V1))
    assert report.ok, report.lines()
    assert report.form.sha256 == v2.sha256  # the declared map is kept, not replaced by a guess
    assert [ln.change.value for ln in report.form.supersedes.map] == ["renamed", "moved", "split"]


def test_a_row_added_by_hand_to_an_exported_sheet_is_read_from_its_words(tmp_path):
    form = shipped_registry().get("demonstration-village")
    path = export_form(form, tmp_path / "v.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["评分表"]
    # put a new item on the first section's last row: the clerk overwrote it with their own words
    last = 2 + len(form.sections[0].items)
    for c in range(6, ws.max_column + 1):
        ws.cell(last, c).value = None
    ws.cell(last, 2).value = "A9"
    ws.cell(last, 3).value = "有台账"
    ws.cell(last, 5).value = "每缺一本扣1分，扣完为止"
    wb.save(path)
    report = import_sheet(path)
    assert report.ok, report.lines()
    item = report.form.items["A9"]
    assert item.type.value == "deduction" and item.deduct_per == 1 and item.title.en == "有台账"
    assert form.sections[0].items[-1].id not in report.form.items


def test_a_bad_extra_field_is_refused_at_its_cell(tmp_path):
    form = shipped_registry().get("demonstration-village")
    path = export_form(form, tmp_path / "v.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["评分表"]
    col = [c.value for c in ws[2]].index("其他字段") + 1
    ws.cell(3, col).value = '{"vetoo": true}'
    wb.save(path)
    report = import_sheet(path)
    assert not report.ok
    [p] = report.problems
    assert p.cell == "D3" and "vetoo" in p.en
