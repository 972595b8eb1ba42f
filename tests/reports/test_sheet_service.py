"""Sheets from a real central database, and proofs checked against every revision it holds."""

from __future__ import annotations

import json

import pytest
from sheet_helpers import central_with_visit, decode_qr, pdf_texts

from fengqiao_desktop.errors import ReportError
from fengqiao_desktop.reports.qr import format_proof
from fengqiao_desktop.services.sheet import build_sheet_data, check_sheet, content_hash, write_sheet


@pytest.fixture(scope="module")
def central(tmp_path_factory):
    return central_with_visit(tmp_path_factory.mktemp("bureau"))


def test_reprint_from_central_shows_the_current_revision_and_the_five_haves(central, tmp_path):
    url, visit = central
    data = build_sheet_data(visit.rubric_id, central=url)
    assert data.inspection.revision == 1
    assert data.station.name == "东岗西路街道退役军人服务站"
    assert data.answers["B1"].value == 6.0
    assert data.result.total == 100 and data.result.verdict.value == "pass"
    assert data.companion is not None and data.companion.result.verdict.value == "pass"
    # the rubric's ten photos and the five of the visit's five-haves check
    assert len(data.photos) == 15 and all(p.data for p in data.photos)
    out = tmp_path / "sheet.pdf"
    assert write_sheet(visit.rubric_id, out, central=url) >= 2
    text = "".join("".join(pdf_texts(out)).split())
    assert "东岗西路街道退役军人服务站" in text and "总分：100/100" in text and "五有达标" in text
    # what the QR on the reprint says is what check_sheet accepts as current
    (proof,) = decode_qr(out, tmp_path)
    result = check_sheet(proof, central=url)
    assert result.status == "current" and result.ok
    assert "相符" in result.message()


def test_a_sheet_of_an_older_revision_is_recognised_as_such(central):
    url, visit = central
    old = visit.rubric_record(0, b1=5.0)
    result = check_sheet(format_proof(visit.rubric_id, 0, content_hash(old)), central=url)
    assert result.status == "older" and result.ok
    assert result.current_revision == 1
    assert "第 0 次修订" in result.message() and "revision 0" in result.message("en")


def test_altered_or_unknown_sheets_do_not_match(central):
    url, visit = central
    altered = visit.rubric_record(1, b1=3.0)  # someone "improved" the numbers
    result = check_sheet(format_proof(visit.rubric_id, 1, content_hash(altered)), central=url)
    assert result.status == "mismatch" and not result.ok
    assert "不相符" in result.message()
    other = check_sheet(format_proof("0f0f0f0f-0000-4000-8000-000000000000", 1, "ab" * 32), central=url)
    assert other.status == "unknown" and not other.ok


def test_unknown_inspection_is_a_clear_error(central):
    url, _visit = central
    with pytest.raises(ReportError) as err:
        build_sheet_data("0f0f0f0f-0000-4000-8000-000000000000", central=url)
    assert "没有检查" in err.value.message


def test_content_hash_ignores_order_times_and_scores_but_not_answers():
    base = {
        "id": "x",
        "revision": 2,
        "station_code": "620102017000",
        "form": {"sha256": "f" * 64},
        "answers": {"A1": {"value": True, "note": "", "na": False}, "B1": 4},
        "photos": [
            {"sha256": "a" * 64, "item_id": "A1", "caption": "牌匾"},
            {"sha256": "b" * 64, "item_id": "B1", "caption": ""},
        ],
        "findings": [{"id": "1", "description": "甲"}, {"id": "2", "description": "乙"}],
        "score": {"total": 1},
        "updated_at": "2026-05-12T08:00:00Z",
    }
    shuffled = json.loads(json.dumps(base))
    shuffled["photos"].reverse()
    shuffled["findings"].reverse()
    shuffled["score"] = {"total": 99}
    shuffled["updated_at"] = "2027-01-01T00:00:00Z"
    shuffled["answers"]["B1"] = {"value": 4.0, "note": "", "na": False}
    assert content_hash(base) == content_hash(shuffled)
    changed = json.loads(json.dumps(base))
    changed["answers"]["B1"] = 3.5
    assert content_hash(changed) != content_hash(base)
    assert content_hash({**base, "revision": 3}) != content_hash(base)
