"""The score sheet PDF, read back: the numbers a station head signs for, fonts, layout, QR."""

from __future__ import annotations

import io
from dataclasses import replace

import pypdf
import pytest
from sheet_helpers import decode_qr, pdf_fonts, pdf_texts

from fengqiao_desktop.errors import ReportError
from fengqiao_desktop.reports.qr import format_proof, parse_proof
from fengqiao_desktop.reports.sample import demo_sheet_data
from fengqiao_desktop.reports.sheet import render_sheet
from fengqiao_desktop.reports.sheet_data import SheetPhoto
from fengqiao_desktop.reports.sheet_style import pts


def _squash(text: str) -> str:
    return "".join(text.split())


def test_demo_sheet_holds_station_every_score_and_the_total(demo_pdf):
    data, path, pages = demo_pdf
    texts = pdf_texts(path)
    assert len(texts) == pages >= 2
    allt = _squash("\n".join(texts))
    assert "示范型退役军人服务中心（站）检查评分表" in allt
    assert data.station.name in allt and data.station.code in allt
    assert data.inspector.name in allt
    for item_id, s in data.result.items.items():
        item = data.form.items[item_id]
        assert item_id in allt
        if item.scored and not s.na:
            assert pts(s.points) in allt
    assert "不适用" in allt  # B4 is N/A in the demo
    assert f"总分：{pts(data.result.total)}/100" in allt
    assert "达标线：90" in allt and "示范型达标" in allt
    for sec in data.result.sections:
        assert pts(sec.earned) in allt
    # five-haves of the same visit, findings, signature lines
    assert "五有达标" in allt and "无障碍坡道未安装扶手" in allt
    # a verified (closed) finding is no open problem
    assert "值班表未上墙" not in allt
    assert "检查人（签字）" in allt and "站长（签字）" in allt
    for n, text in enumerate(texts, 1):
        assert f"第{n}页共{pages}页" in _squash(text)


def test_every_font_is_embedded(demo_pdf):
    _data, path, _pages = demo_pdf
    fonts = pdf_fonts(path)
    assert fonts, "no fonts found"
    assert all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)


def test_sixty_items_twenty_photos_split_with_repeated_headers(large_pdf):
    data, path, pages = large_pdf
    texts = pdf_texts(path)
    assert pages == len(texts) >= 6
    # the item table runs over several pages and each one starts with its header row
    findings = next(n for n, t in enumerate(texts) if "整改问题清单" in t)
    table_pages = [t for t in texts[:findings] if "考评项目第" in t]
    assert len(table_pages) >= 4
    for text in table_pages:
        assert "考评内容" in text and "备注" in text
    allt = _squash("\n".join(texts))
    for item_id in data.form.items:
        assert item_id in allt
    assert f"{pts(data.result.total)}/100" in allt
    # photo appendix: every photo numbered; the 20 photos are in the file
    assert all(f"图{n}" in allt for n in range(1, 21))
    images = sum(len(p.images) for p in pypdf.PdfReader(str(path)).pages)
    assert images == 20
    # no page is empty of content (nothing pushed off the page)
    assert all(len(_squash(t)) > 40 for t in texts)


def test_qr_on_page_one_decodes_to_an_accepted_proof(demo_pdf, tmp_path):
    data, path, _pages = demo_pdf
    found = decode_qr(path, tmp_path)
    expected = format_proof(data.inspection.id, data.inspection.revision, data.content_hash)
    assert found == [expected]
    proof = parse_proof(found[0])
    assert proof.inspection_id == data.inspection.id
    assert proof.revision == data.inspection.revision
    assert proof.matches(data.content_hash)
    # the same line is printed in the footer for typing in when there is no scanner
    assert expected in pdf_texts(path)[0].replace(" ", "")


def test_english_sheet(tmp_path):
    data = demo_sheet_data(lang="en")
    out = tmp_path / "en.pdf"
    render_sheet(data, out)
    text = _squash("\n".join(pdf_texts(out)))
    assert "ScoreSheet" in text and "Notes" in text and "Page1of" in text
    assert "Demonstrationgrade:met" in text and "Five-haves:met" in text
    # the shipped forms have no English criteria: none printed rather than the Chinese ones
    assert "考评内容" not in text and "一票否决" not in text


def test_unreadable_photo_and_stream_output():
    data = demo_sheet_data()
    data = replace(data, photos=[SheetPhoto(data=b"not a jpeg", caption="坏照片", item_id="B1")])
    buf = io.BytesIO()
    pages = render_sheet(data, buf)
    assert pages >= 2
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages)
    assert "照片无法读取" in _squash(text)


def test_veto_sheet_says_why(tmp_path):
    from fengqiao_desktop.formengine.scoring import Answer, score

    data = demo_sheet_data()
    answers = dict(data.answers)
    answers["Z2"] = Answer(value=False, note="专项经费被挪用于办公楼装修")
    result = score(data.form, answers, {"B1": 2, "G1": 2, "G2": 2, "G3": 2, "A1": 1, "C4": 1})
    out = tmp_path / "veto.pdf"
    render_sheet(replace(data, answers=answers, result=result), out)
    allt = _squash("\n".join(pdf_texts(out)))
    assert "一票否决" in allt and "否决原因" in allt and "经费挪用" in allt


def test_unwritable_target_is_a_clear_error(tmp_path):
    with pytest.raises(ReportError) as err:
        render_sheet(demo_sheet_data(), tmp_path / "missing-dir" / "x.pdf")
    assert "无法写入评分表" in err.value.message


@pytest.mark.parametrize(
    "text",
    [
        "",
        "FQS1:abc",
        "FQS2:abc:1:0123456789abcdef",
        "FQS1:abc:x:0123456789abcdef",
        "FQS1:abc:1:0123",
        "FQS1:abc:1:zz23456789abcdef0000",
    ],
)
def test_parse_proof_refuses_what_is_not_a_proof(text):
    with pytest.raises(ReportError):
        parse_proof(text)


def test_proof_round_trip():
    h = "ab" * 32
    text = format_proof("3f1c2a9e-7b4d-4c1e-9a53-5d8e2f6b1c07", 7, h)
    p = parse_proof(f"  {text}\n")
    assert p.revision == 7 and p.matches(h) and not p.matches("cd" * 32)
    assert p.text() == text
