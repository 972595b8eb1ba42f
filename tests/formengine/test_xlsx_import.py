"""Importing bureau scoring sheets shaped like real ones: Excel, WPS, GB18030 CSV, malformed variants."""

from __future__ import annotations

from pathlib import Path

import pytest
from sheets import (
    as_wps,
    village_rows,
    write_simple_xlsx,
    write_village_csv,
    write_village_xlsx,
)

from fengqiao_desktop.domain import ItemType, Level
from fengqiao_desktop.errors import FormError
from fengqiao_desktop.formengine.loader import parse_form
from fengqiao_desktop.formengine.xlsx_import import Options, form_yaml, import_sheet


def _content(form):
    """What a form says, without its id and title (those come from the file name / options)."""
    return form.model_dump(mode="json", exclude={"id", "title"})


@pytest.fixture
def village(tmp_path):
    report = import_sheet(write_village_xlsx(tmp_path / "village-2024.xlsx"))
    assert report.ok, report.lines()
    return report.form


def test_the_12_major_61_minor_village_sheet(village):
    assert village.id == "village-2024"
    assert village.title.zh == "社区（村）退役军人服务站规范化建设考评表（90分以上为达标）"
    assert village.levels == (Level.VILLAGE,)  # from 社区（村） in the title
    assert village.pass_mark == 90  # from "90分以上为达标"
    assert village.max == 100
    assert len(village.sections) == 12 and len(village.items) == 61
    assert [s.title.zh for s in village.sections][:3] == ["组织领导", "阵地建设", "人员配备"]
    assert [s.id for s in village.sections] == list("ABCDEFGHIJKL")
    assert [len(s.items) for s in village.sections] == [len(i) for _t, i in village_rows()]
    assert [s.max for s in village.sections][:2] == [7.5, 9]
    items = village.items
    assert items["1"].type is ItemType.GRADED and items["1"].max == 1.5  # half points
    assert items["3"].type is ItemType.YES_NO  # "是/否"
    six = items["6"]  # "每缺一项扣0.5分，扣完为止"
    assert six.type is ItemType.DEDUCTION and six.points_after_deductions(1) == 1.0
    assert six.points_after_deductions(9) == 0
    assert items["7"].na_allowed and not items["7"].veto  # "可不适用"
    # "未配备的一票否决；配备不足每少1人扣0.5分": a deduction item that vetoes at 0 points
    assert items["11"].veto and items["11"].type is ItemType.DEDUCTION
    fake = items["61"]
    assert fake.veto and fake.type is ItemType.YES_NO and fake.max == 0
    assert [i.id for i in village.items.values() if i.veto] == ["11", "61"]
    assert parse_form(form_yaml(village)) == village  # what `forms check` reads back


@pytest.mark.parametrize("dimension", [None, "A1"])
def test_a_wps_saved_sheet_reads_the_same(tmp_path, village, dimension):
    path = as_wps(write_village_xlsx(tmp_path / "village-2024.xlsx"), dimension)
    report = import_sheet(path)
    assert report.ok, report.lines()
    assert report.form == village


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8"])
def test_a_csv_saved_by_excel_reads_the_same(tmp_path, village, encoding):
    report = import_sheet(
        write_village_csv(tmp_path / "village-2024.csv", encoding), Options(levels=("village",), pass_mark=90)
    )
    assert report.ok, report.lines()
    assert _content(report.form) == _content(village)


def test_english_headings_in_another_order_and_section_rows(tmp_path):
    head = ["No.", "Points", "Content", "Scoring rule", "Score"]
    rows = [
        ["一、Premises（5分）"],
        ["1", 3, "Service hall", "每缺一项扣1分，扣完为止", None],
        ["2", 2, "Sign board", "是/否", None],
        ["二、Discipline"],
        ["1", 0, "No fraud", "一票否决", None],
        ["2", 2.5, "Records", "酌情评分", None],
    ]
    path = write_simple_xlsx(tmp_path / "english.xlsx", rows, head=head, title="Town station sheet")
    report = import_sheet(path, Options(form_id="town-en", levels=("town",), pass_mark=6))
    assert report.ok, report.lines()
    f = report.form
    assert [(s.id, s.title.zh) for s in f.sections] == [("A", "Premises"), ("B", "Discipline")]
    # 序号 restarts in each section: the section id is put in front
    assert list(f.items) == ["A1", "A2", "B1", "B2"]
    assert f.items["A1"].type is ItemType.DEDUCTION and f.items["A1"].deduct_per == 1
    assert f.items["B1"].veto and f.items["B2"].max == 2.5 and f.max == 7.5


def _set(ref, value):
    def edit(ws):
        ws[ref] = value

    return edit


# each malformed variant: how it is broken, and the cell the report must name
MALFORMED = [
    ("points not a number", _set("D4", "两分"), "D4", "不是数字"),
    ("empty content", _set("C5", None), "C5", "考评内容"),
    ("subtotal disagrees", _set("D8", 8), "D8", "小计"),
    ("number repeats", _set("B4", 1), "B4", "重复"),
    ("veto that may be N/A", _set("E4", "一票否决，不适用的除外"), "E4", "不适用"),
    ("deduction above the points", _set("E4", "每缺一项扣3分"), "E4", "超出分值"),
    ("total disagrees", lambda ws: ws.cell(ws.max_row, 4, 99), "D", "合计"),
    ("negative points", _set("D6", -1), "D6", "负数"),
    ("empty points", _set("D6", None), "D6", "分值"),
]


@pytest.mark.parametrize(("why", "edit", "cell", "word"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_every_malformed_variant_is_refused_with_the_cell_named(tmp_path, why, edit, cell, word):
    report = import_sheet(write_village_xlsx(tmp_path / "bad.xlsx", edit=edit))
    assert not report.ok and report.form is None
    hits = [p for p in report.problems if p.cell.startswith(cell) and word in p.zh]
    assert hits, report.lines()
    assert hits[0].sheet == "考评表"
    assert hits[0].text("zh").startswith(f"考评表!{cell}")
    assert all(p.en and p.en != p.zh for p in report.problems)


def test_a_sheet_without_the_needed_columns_is_refused(tmp_path):
    path = write_simple_xlsx(tmp_path / "x.xlsx", [["1", "2"]], head=["甲", "乙"])
    report = import_sheet(path)
    assert not report.ok and "考评内容" in report.problems[0].zh and "Content" in report.problems[0].en


def test_unknown_level_and_a_chinese_file_name_need_options(tmp_path):
    path = write_simple_xlsx(tmp_path / "考评表.xlsx", [["一、阵地", "1", "场所", 2, "酌情"]], title="考评表")
    report = import_sheet(path)
    assert not report.ok
    assert any("--id" in p.zh for p in report.problems)
    report = import_sheet(path, Options(form_id="x1"))
    assert any("--level" in p.zh for p in report.problems)
    assert import_sheet(path, Options(form_id="x1", levels=("town",))).ok


@pytest.mark.parametrize(
    ("name", "data", "word"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, ".xls"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "XLSX"),
        ("latin.csv", "Caf\u00e9,na\u00efve\n".encode("latin-1") * 5, "编码"),
    ],
)
def test_unreadable_files_get_a_clear_message(tmp_path, name, data, word):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(FormError) as e:
        import_sheet(p)
    assert word in e.value.message and name in e.value.message
    assert "Traceback" not in e.value.message


def test_missing_file(tmp_path):
    with pytest.raises(FormError, match="找不到"):
        import_sheet(Path(tmp_path / "nope.xlsx"))


def test_a_section_cell_merged_over_its_subtotal_row(tmp_path):
    def edit(ws):
        # the first section's merged cell also covers its 小计 row (A3:A8), as some sheets have it
        ws.unmerge_cells("A3:A7")
        ws.merge_cells("A3:A8")

    report = import_sheet(write_village_xlsx(tmp_path / "v.xlsx", edit=edit))
    assert report.ok, report.lines()
    assert len(report.form.sections[0].items) == 5 and report.form.max == 100
