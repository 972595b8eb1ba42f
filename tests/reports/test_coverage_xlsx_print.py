"""The coverage XLSX prints well: page setup read back with openpyxl, then printed by LibreOffice.

LibreOffice (Debian ``libreoffice-calc-nogui``, in ``.ci/install-system.sh``)
converts the workbook to PDF as a bureau would print it; the PDF is read back.
"""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pdfplumber
import pytest

from fengqiao_desktop.reports.coverage_table import STATION_COLUMNS, SUMMARY_COLUMNS, headers
from fengqiao_desktop.reports.coverage_xlsx import write_coverage_xlsx
from fengqiao_desktop.services import central as svc
from fengqiao_desktop.services import coverage

SOFFICE = shutil.which("soffice")


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("xlsx")
    url = f"sqlite:///{tmp / 'central.sqlite3'}"
    svc.load_demo(url=url)  # 125 stations: a real county-sized roster
    report = coverage.coverage_report(year=2026, url=url)
    return write_coverage_xlsx(report, tmp / "coverage.xlsx"), len(report.stations())


def test_every_sheet_has_print_setup(workbook):
    path, _n = workbook
    wb = openpyxl.load_workbook(path)
    assert [ws.title for ws in wb.worksheets] == ["汇总", "站点明细"]
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$2"
        assert ws.freeze_panes in ("B3", "C3")
        assert "&P" in ws.oddFooter.center.text
    summary = wb.worksheets[0]
    # numbers stay numbers
    assert isinstance(summary.cell(row=3, column=4).value, int)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (.ci/install-system.sh installs it)")
def test_libreoffice_prints_whole_columns_with_headers_on_every_page(workbook, tmp_path):
    path, n_stations = workbook
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "coverage.pdf"
    with pdfplumber.open(pdf) as doc:
        landscape = [p.width > p.height for p in doc.pages]
    # poppler's text, which maps the glyphs back to characters whatever font LibreOffice used
    texts = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout.split("\f")[
        : len(landscape)
    ]
    pages = [(land, t.replace(" ", "")) for land, t in zip(landscape, texts, strict=True)]
    # designed: the summary on one page, the 125 stations on three (about 45 rows a page), nothing split
    assert len(pages) == 1 + -(-n_stations // 45) == 4, len(pages)
    assert all(landscape for landscape, _t in pages)
    first = pages[0][1]
    for h in headers(SUMMARY_COLUMNS, "zh"):
        assert h.rstrip("%") in first.replace("\n", ""), h  # every column on the page (a % may wrap)
    assert "合计" in first
    for _l, text in pages[1:]:
        flat = text.replace("\n", "")
        for h in headers(STATION_COLUMNS, "zh"):  # the header row repeated on every page
            assert h.rstrip("%") in flat, h
    assert f"1/{len(pages)}" in pages[0][1]
