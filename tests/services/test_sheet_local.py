"""Score sheets from the laptop's database: `fengqiao sheet ID -o FILE` and `sheet check` work offline."""

from __future__ import annotations

import pdfplumber
from click.testing import CliRunner
from svc_helpers import TOWN, full_marks

from fengqiao_desktop.cli.main import cli
from fengqiao_desktop.formengine.scoring import Answer
from fengqiao_desktop.reports.qr import format_proof
from fengqiao_desktop.services.sheet import build_sheet_data, check_sheet
from fengqiao_desktop.services.sheet_local import LocalSheetSource


def _completed(store, photo_file):
    iid = store.inspections.create(TOWN, "demonstration-town", "张三")
    form = store.inspections.form_of(iid)
    answers = {k: Answer(value=v) for k, v in full_marks(form).items()}
    first_graded = next(i for i in form.items.values() if i.type.value == "graded" and i.max >= 2)
    answers[first_graded.id] = Answer(value=first_graded.max - 1, note="功能分区缺一项")
    store.inspections.set_answers(iid, answers)
    n = 0
    for it in form.items.values():
        for _k in range(it.min_photos or 0):
            n += 1
            store.photos.add_photo(iid, photo_file(f"p{n}.jpg", color=(n * 20 % 255, 90, 90)), it.id)
    store.inspections.complete(iid)
    return iid, 100 - 1


def test_cli_writes_the_sheet_of_a_local_inspection(store, photo_file, tmp_path, monkeypatch):
    iid, total = _completed(store, photo_file)
    monkeypatch.setenv("FENGQIAO_DATA_DIR", str(store.data_dir))
    out = tmp_path / "sheet.pdf"
    result = CliRunner().invoke(cli, ["sheet", iid, "-o", str(out)])
    assert result.exit_code == 0, result.output
    with pdfplumber.open(out) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "东岗西路街道退役军人服务站" in text
    assert f"{total:g}" in text and "示范型达标" in text


def test_the_proof_of_a_local_sheet_checks_against_the_local_database(store, photo_file, monkeypatch):
    iid, _total = _completed(store, photo_file)
    monkeypatch.setenv("FENGQIAO_DATA_DIR", str(store.data_dir))
    data = build_sheet_data(iid, store=store)
    proof = format_proof(iid, 1, data.content_hash)
    hashes = LocalSheetSource(store).revision_hashes(iid)
    assert hashes is not None and hashes.current_revision == 1 and hashes.current_hash
    assert check_sheet(proof, store=store).status == "current"
    # after a correction the old sheet is an older revision
    store.inspections.reopen(iid, "补充照片说明")
    assert LocalSheetSource(store).revision_hashes(iid).current_revision == 2
    assert check_sheet(proof, store=store).status == "older"


def test_unknown_inspection_is_a_plain_error(store):
    import pytest

    from fengqiao_desktop.errors import KnownError

    with pytest.raises(KnownError, match="没有检查"):
        LocalSheetSource(store).sheet_data("no-such-id", "zh")


# -- one sheet per visit -------------------------------------------------------------------


def _sheet_text(store, inspection_id: str, tmp_path, lang: str = "zh") -> str:
    from fengqiao_desktop.reports.sheet import render_sheet

    out = tmp_path / f"{inspection_id}-{lang}.pdf"
    render_sheet(LocalSheetSource(store).sheet_data(inspection_id, lang), out)
    with pdfplumber.open(out) as pdf:
        # the 草稿 watermark's big letters would fall between the words of a draft
        pages = [p.filter(lambda o: o.get("size", 0) < 40).extract_text() or "" for p in pdf.pages]
    return "".join("\n".join(pages).split())


def _visit(store, gate_answers: dict[str, bool]):
    """A visit to the 东岗西路 station: its five-haves check and its rubric (full marks)."""
    gate = store.inspections.create(TOWN, "five-haves", "张三")
    rubric = store.inspections.create(TOWN, "demonstration-town", "张三")
    store.inspections.set_answers(gate, {k: Answer(value=v) for k, v in gate_answers.items()})
    form = store.inspections.form_of(rubric)
    # A1–A5 take their answers from the check: the rubric does not answer them
    store.inspections.set_answers(
        rubric, {k: Answer(value=v) for k, v in full_marks(form).items() if form.items[k].source is None}
    )
    return gate, rubric


def _five_haves_rows(text: str) -> str:
    """The five-haves table of a sheet's text: from its heading to the rubric's."""
    return text[text.index("一、“五有”检查") : text.index("二、示范型评分")]


def test_a_visit_prints_one_sheet_with_the_five_haves_answered_once(store, photo_file, tmp_path):
    # regression: the sheet said 示范型达标 while its five-haves table said 未评 and 五有未达标
    gate, rubric = _visit(store, {i: True for i in ("jigou", "bianzhi", "renyuan", "jingfei", "baozhang")})
    store.photos.add_photo(gate, photo_file("plate.jpg"), "jigou", "统一标识牌匾")
    store.inspections.add_finding(
        gate,
        item_id="renyuan",
        category="staffing",
        severity="advice",
        description="人员公示栏照片未更新",
        measures="更新公示栏",
        responsible="王站长",
        deadline="2026-12-31",
    )
    store.inspections.add_finding(
        rubric,
        item_id="B1",
        category="hardware",
        severity="deduction",
        description="无障碍坡道未安装扶手",
        measures="加装扶手",
        responsible="王站长",
        deadline="2026-12-31",
    )
    store.inspections.add_finding(
        rubric,
        item_id="B2",
        category="hardware",
        severity="deduction",
        description="制度牌已更换完毕",
        status="verified",
        measures="更换制度牌",
        responsible="王站长",
        deadline="2026-12-31",
    )
    text = _sheet_text(store, rubric, tmp_path)
    assert "示范型达标" in text and "五有达标" in text
    assert "五有未达标" not in text and "结论：一票否决" not in text
    rows = _five_haves_rows(text)
    for n, title in enumerate(["有机构", "有编制", "有人员", "有经费", "有保障"], 1):
        assert f"{n}{title}是" in rows
    assert "未评" not in rows and "jigou" not in text
    # the rubric's five-haves items read the check and say so
    assert "取自“五有”第1项" in text
    # findings of both forms, by item number; a verified finding is no open problem
    assert "人员公示栏照片未更新" in text and "“五有”第3项有人员" in text
    assert "无障碍坡道未安装扶手" in text and "B1服务大厅" in text
    assert "制度牌已更换完毕" not in text
    # printing the check gives the same sheet
    assert _sheet_text(store, gate, tmp_path) == text
    # the header names the forms by their titles, not their ids
    assert "示范型退役军人服务站评分表（街道乡镇级）" in text and "五有达标检查" in text
    assert "demonstration-town" not in text and "five-haves" not in text


def test_a_draft_five_haves_check_with_one_unmet_item_vetoes_the_rubric_on_paper(store, tmp_path):
    # regression: the editor said 一票否决, the sheet said pass
    gate, rubric = _visit(store, {"jigou": True, "bianzhi": False})
    text = _sheet_text(store, rubric, tmp_path)
    assert "结论：一票否决" in text and "示范型达标" not in text
    assert "五有未达标" in text
    assert "否决原因：五有未达标：2有编制" in text
    assert "2有编制否" in _five_haves_rows(text)


def test_a_rubric_whose_five_haves_are_not_answered_yet_is_pending(store, tmp_path):
    gate, rubric = _visit(store, {"jigou": True})
    text = _sheet_text(store, rubric, tmp_path)
    assert "待定" in text and "示范型达标" not in text and "结论：一票否决" not in text
    assert "2有编制未评" in _five_haves_rows(text)
    en = _sheet_text(store, rubric, tmp_path, "en")
    assert "Pending" in en and "grade:met" not in en


def test_a_five_haves_check_alone_prints_itself(store, tmp_path):
    gate = store.inspections.create("620102018000", "five-haves", "张三")
    store.inspections.set_answers(
        gate, {i: Answer(value=True) for i in ("jigou", "bianzhi", "renyuan", "jingfei", "baozhang")}
    )
    text = _sheet_text(store, gate, tmp_path)
    assert "退役军人服务站“五有”检查表" in text and "五有达标" in text
    assert "示范型" not in text and "jigou" not in text
    assert "1有机构是" in text and "5有保障是" in text
