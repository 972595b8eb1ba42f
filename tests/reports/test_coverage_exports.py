"""The coverage exports carry exactly the constructed dataset's numbers: XLSX, PDF and CSV read back."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "coverage"))

from coverage_dataset import AS_OF, EXPECTED, YEAR, A, B, make_sqlite  # noqa: E402

from fengqiao_desktop.reports.coverage_csv import write_coverage_csv  # noqa: E402
from fengqiao_desktop.reports.coverage_pdf import write_coverage_pdf  # noqa: E402
from fengqiao_desktop.reports.coverage_xlsx import write_coverage_xlsx  # noqa: E402
from fengqiao_desktop.services import coverage  # noqa: E402

# EXPECTED order: stations, inspected, five, demo, vetoed, target, gap, open, overdue, verified
COLS = [
    "站点数",
    "已检查",
    "五有达标",
    "示范型达标",
    "一票否决",
    "示范型目标数",
    "差距",
    "待整改",
    "逾期未整改",
    "已销号",
]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from fengqiao_desktop import config

    folder = tmp_path_factory.mktemp("cov")
    config.set_data_dir(folder / "data")
    try:
        yield coverage.coverage_report(year=YEAR, url=make_sqlite(folder), as_of=AS_OF)
    finally:
        config.set_data_dir(None)


def test_xlsx_summary_and_station_sheets_hold_numbers(report, tmp_path):
    path = write_coverage_xlsx(report, tmp_path / "cov.xlsx")
    wb = openpyxl.load_workbook(path)
    summary, stations = wb.worksheets
    assert summary.freeze_panes == "B3" and stations.freeze_panes == "C3"
    head = [c.value for c in summary[2]]
    rows = {r[1]: dict(zip(head, r, strict=True)) for r in summary.iter_rows(min_row=3, values_only=True)}
    total = rows[None] if None in rows else rows[""]
    assert total["单位"] == "合计"
    for code, key in ((A, A), (B, B), (None, "total")):
        row = total if code is None else rows[code]
        assert tuple(row[c] for c in COLS) == EXPECTED[key]
        assert all(isinstance(row[c], int) for c in COLS)
    # the areas' sums are the total (targets are local: the total's target is the areas' sum)
    areas = [r for r in summary.iter_rows(min_row=3, values_only=True) if r[2] == "区（县）"]
    for c in COLS:
        i = head.index(c)
        assert sum(r[i] for r in areas) == total[c]
    assert total["示范型达标率%"] == pytest.approx(5 / 14, abs=1e-4)
    assert summary.cell(row=3 + len(rows) - 1, column=head.index("示范型达标率%") + 1).number_format == "0.0%"
    assert stations.max_row == 2 + 14
    shead = [c.value for c in stations[2]]
    scores = [r[shead.index("示范型得分")] for r in stations.iter_rows(min_row=3, values_only=True)]
    assert all(s is None or isinstance(s, (int, float)) for s in scores) and 93.5 in scores


def test_pdf_has_the_table_and_a_chart_per_level(report, tmp_path):
    path = write_coverage_pdf(report, tmp_path / "cov.pdf")
    with pdfplumber.open(path) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
        tables = [t for p in pdf.pages for t in p.extract_tables()]
    assert "2026年退役军人服务中心（站）建设达标情况通报" in text.replace(" ", "")
    total = [r for t in tables for r in t if r and r[0] == "合计"]
    assert total and [int(x) for x in total[0][1:4]] == [14, 11, 9]
    assert total[0][4:9] == ["64.3", "5", "35.7", "12", "7"]
    for heading in ("区（县）站点达标率", "街道（乡镇）站点达标率", "社区（村）站点达标率"):
        assert heading in text.replace(" ", "")


def test_csv_rows_match(report, tmp_path):
    path = write_coverage_csv(report, tmp_path / "cov.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    by_code = {r["代码"]: r for r in rows}
    assert tuple(int(by_code[A][c]) for c in COLS) == EXPECTED[A]
    assert tuple(int(by_code[""][c]) for c in COLS) == EXPECTED["total"]
    assert by_code[""]["单位"] == "合计" and by_code[B]["单位"] == "七里河区"


def test_english_exports(report, tmp_path):
    write_coverage_xlsx(report, tmp_path / "en.xlsx", lang="en")
    wb = openpyxl.load_workbook(tmp_path / "en.xlsx")
    assert wb.sheetnames == ["Summary", "Stations"]
    assert wb["Summary"]["D2"].value == "Stations"
    write_coverage_pdf(report, tmp_path / "en.pdf", lang="en")
    with pdfplumber.open(tmp_path / "en.pdf") as pdf:
        assert "coverage against the 2026 targets" in pdf.pages[0].extract_text()
