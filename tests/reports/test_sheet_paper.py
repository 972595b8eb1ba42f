"""The sheet reads as the official paper: Chinese line breaks, signatures kept with the result,
a fully English sheet, and the visit's sheet reprinted from either of its forms."""

from __future__ import annotations

import re
from dataclasses import replace

import pdfplumber
import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph
from sheet_helpers import TOWN, Visit, pdf_texts

from fengqiao_desktop.reports.linebreak import NO_LINE_END, NO_LINE_START
from fengqiao_desktop.reports.sample import demo_sheet_data, large_sheet_data
from fengqiao_desktop.reports.sheet import render_sheet
from fengqiao_desktop.reports.sheet_data import SheetFinding, SheetPhoto, SheetStation
from fengqiao_desktop.reports.sheet_record import sheet_from_record
from fengqiao_desktop.reports.sheet_style import make_styles, para

CLOSING = "；，。、：！？”’）》】"
CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019]")


def _lines_breaking_the_rules(path) -> list[tuple[int, str, str]]:
    """Every closing mark that starts a line and every opening mark that ends one, on any page.

    A table row holds several cells side by side, so a line is found by geometry: a
    mark starts a line when no character sits right before it on the same baseline.
    """
    bad = []
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            chars = [c for c in page.chars if c["text"].strip() and c["size"] < 40]
            for c in chars:
                same_line = [d for d in chars if d is not c and abs(d["top"] - c["top"]) < 2]
                if c["text"] in NO_LINE_START and not any(-0.5 <= c["x0"] - d["x1"] <= 2.5 for d in same_line):
                    bad.append((n, "starts a line", c["text"]))
                if c["text"] in NO_LINE_END and not any(-0.5 <= d["x0"] - c["x1"] <= 2.5 for d in same_line):
                    bad.append((n, "ends a line", c["text"]))
    return bad


def _wrapped(p: Paragraph, width: float) -> list[str]:
    p.wrap(width, 1000)
    if p.blPara.kind == 0:  # one run of text: (extra space, [text]) per line
        return ["".join(line[1]) for line in p.blPara.lines]
    return ["".join(w.text for w in line.words) for line in p.blPara.lines]


def test_reportlab_alone_starts_lines_with_chinese_closing_marks_and_the_sheet_does_not():
    text = "服务中心（站）经编委批准设立，悬挂统一标识牌匾，得4分；未设立不得分，并按一票否决处理。"
    st = make_styles("zh")
    widths = [w * mm for w in (20, 24, 27, 31, 35, 43, 50)]
    plain = [_wrapped(Paragraph(text, st.cell), w) for w in widths]
    assert any(line[:1] in CLOSING for lines in plain for line in lines[1:]), (
        "this text no longer shows reportlab's gap: pick another"
    )
    for w in widths:
        lines = _wrapped(para(text, st.cell), w)
        assert "".join(lines) == text  # nothing lost or doubled
        assert not [line for line in lines[1:] if line[:1] in NO_LINE_START], lines
        assert not [line for line in lines[:-1] if line[-1:] in NO_LINE_END], lines


def test_latin_words_and_numbers_are_not_cut():
    st = make_styles("en")
    lines = _wrapped(para("Training records: deduct 0.5 points for each missing sign-in sheet", st.cell), 30 * mm)
    assert all(not line.startswith((" ", ".")) for line in lines)
    assert any("0.5" in line for line in lines)
    words = " ".join(lines).split()
    assert "sign-in" in words and "Training" in words


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_line_of_the_sheet_starts_with_a_closing_mark(lang, tmp_path):
    data = large_sheet_data(12, 3, lang=lang) if lang == "en" else demo_sheet_data(lang=lang)
    out = tmp_path / "sheet.pdf"
    render_sheet(data, out)
    assert _lines_breaking_the_rules(out) == []
    for text in pdf_texts(out):
        assert not [ln for ln in text.splitlines() if ln.strip() and ln.strip()[0] in CLOSING]
    if lang == "zh":
        # the big sheet too: long notes in narrow columns
        render_sheet(large_sheet_data(), out)
        assert _lines_breaking_the_rules(out) == []


def _page_of(texts: list[str], needle: str) -> int:
    pages = [n for n, t in enumerate(texts, 1) if needle in "".join(t.split())]
    assert pages, needle
    return pages[-1]


@pytest.mark.parametrize("n_findings", [3, 9, 14, 22])
def test_the_signatures_are_on_the_page_of_the_verdict(n_findings, tmp_path):
    data = large_sheet_data(30, 6)
    extra = [
        SheetFinding(
            data.form.sections[0].items[1].id,
            "service",
            "advice",
            f"问题{k}：台账记录不完整，需补充完善并按月归档。",
            "补齐台账。",
            "王建国",
            "2026-06-30",
        )
        for k in range(n_findings)
    ]
    out = tmp_path / "long.pdf"
    render_sheet(replace(data, findings=extra), out)
    texts = pdf_texts(out)
    verdict = _page_of(texts, "结论：")
    assert _page_of(texts, "检查人（签字）") == verdict == _page_of(texts, "站长（签字）")
    assert _page_of(texts, "总分：") == verdict


def test_the_demo_sheet_keeps_its_signatures_with_the_result(demo_pdf):
    _data, path, _pages = demo_pdf
    texts = pdf_texts(path)
    # the conclusion: the five-haves verdict, the rubric's, the signatures, on one page
    assert _page_of(texts, "结论：") == _page_of(texts, "站长（签字）") == _page_of(texts, "五有达标")


def test_the_header_names_the_form_by_its_title(demo_pdf):
    data, path, _pages = demo_pdf
    first = "".join(pdf_texts(path)[0].split())
    assert "评分表：示范型退役军人服务站评分表（街道乡镇级）" in first
    assert "五有检查：五有达标检查" in first
    assert data.form.id not in first and "five-haves" not in first


# typed on site or kept in the roster: the only Chinese an English sheet may hold. Made of
# characters no form text uses, so any Chinese from a form or a label shows up.
TYPED = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"


def _english_visit_sheet(tmp_path, *, gate_no: str | None):
    visit = Visit(tmp_path / "photos")
    gate = visit.gate_record()
    if gate_no:
        gate["answers"][gate_no] = {"value": False, "note": "甲乙", "na": False}
    gate["completed_at"] = None  # a draft: an unmet item vetoes all the same
    rubric = visit.rubric_record(0, b1=5.0)
    for record in (gate, rubric):
        record["inspector"] = {"name": "丙丁", "unit": "戊己", "key_id": ""}
        for p in record["photos"]:
            p["caption"] = "庚辛"
        for a in record["answers"].values():
            if a["note"]:
                a["note"] = "壬癸"
    rubric["findings"][0].update(description="子丑", measures="寅卯", responsible="辰巳")
    gate["findings"] = [
        {
            "id": "g1",
            "item_id": "renyuan",
            "category": "staffing",
            "severity": "advice",
            "description": "午未",
            "measures": "申酉",
            "responsible": "戌亥",
            "deadline": "2026-06-30",
            "status": "open",
        }
    ]

    def load(p: dict) -> SheetPhoto:
        path = visit.photos.get(p["sha256"])
        return SheetPhoto(data=path.read_bytes() if path else None, caption=p["caption"], item_id=p["item_id"])

    data = sheet_from_record(
        rubric,
        visit.rubric,
        SheetStation(TOWN, "子丑寅", "town", "卯辰巳"),
        "ab" * 32,
        load_photo=load,
        companion=(gate, visit.gate),
        lang="en",
    )
    out = tmp_path / "en.pdf"
    render_sheet(data, out)
    return data, pdf_texts(out)


def test_the_english_sheet_is_english_but_for_what_people_typed(tmp_path):
    data, texts = _english_visit_sheet(tmp_path, gate_no="bianzhi")
    text = "\n".join(texts)
    found = set(CJK.findall(text))
    assert found, "the typed Chinese should be printed"
    assert found <= set(TYPED), sorted(found - set(TYPED))
    flat = " ".join(text.split())
    # the veto, its reason by item number, the five-haves words, categories and severities
    assert data.result.verdict.value == "veto"
    assert "Verdict: Veto" in flat and "Five haves not met: 2 Staffing posts approved" in flat
    assert "Five-haves: not met" in flat
    assert "Hardware and premises" in flat and "Deduction" in flat and "Five-haves item 3" in flat
    assert "Demonstration service station rubric (town level)" in flat
    assert "Page 1 of" in flat


def test_a_bureau_reprints_one_sheet_for_the_visit_from_either_form(tmp_path):
    from sheet_helpers import central_with_visit

    from fengqiao_desktop.services.sheet import build_sheet_data

    url, visit = central_with_visit(tmp_path)
    by_rubric = build_sheet_data(visit.rubric_id, central=url)
    by_gate = build_sheet_data(visit.gate_id, central=url)
    assert by_gate == by_rubric
    assert by_gate.inspection.id == visit.rubric_id and by_gate.companion is not None
    assert by_gate.companion.inspection.id == visit.gate_id
    # the check's photos are in the appendix, by the check's item numbers
    gate_photos = [p for p in by_gate.photos if p.form_id == "five-haves"]
    assert len(gate_photos) == 5 and all(p.data for p in gate_photos)
    out = tmp_path / "visit.pdf"
    render_sheet(by_gate, out)
    text = "".join("".join(pdf_texts(out)).split())
    assert "五有达标" in text and "示范型达标" in text and "1有机构是" in text
    assert "“五有”第1项有机构" in text
