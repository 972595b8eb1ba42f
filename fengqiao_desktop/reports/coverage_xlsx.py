"""Coverage as an XLSX workbook (openpyxl): a summary sheet and a per-station sheet.

Numbers are written as numbers (percentages as fractions with a % format), headers
are bold on a tinted row and frozen, columns sized to their text, filters on.
Both sheets print well (``_page_setup``): A4 landscape, fitted to one page wide,
the title and header rows repeated on every page, page numbers in the footer;
only features LibreOffice and WPS read the same way.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from fengqiao_desktop.cells import put
from fengqiao_desktop.coverage.report import CoverageReport
from fengqiao_desktop.reports.coverage_files import atomic_write
from fengqiao_desktop.reports.coverage_table import (
    STATION_COLUMNS,
    SUMMARY_COLUMNS,
    group_names,
    headers,
    station_values,
    summary_rows,
    targets_line,
    title,
)

HEAD_FILL = PatternFill("solid", fgColor="D5DEE9")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
AREA_FONT = Font(bold=True)
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
PCT_KEYS = {"five_haves_pct", "demonstration_pct"}


def _width(value) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _header(ws, row: int, labels: list[str]) -> None:
    for col, label in enumerate(labels, 1):
        cell = put(ws, row, col, label)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _fit(ws, ncols: int, min_width: int = 6, max_width: int = 44) -> None:
    widths = [min_width] * ncols
    for row in ws.iter_rows(min_row=3):
        for i, cell in enumerate(row[:ncols]):
            widths[i] = max(widths[i], _width(cell.value) + 2)
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = min(max_width, w)


def _page_setup(ws, header_rows: str) -> None:
    """A4 landscape, every column on one page width, header rows repeated, centred, numbered."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = header_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "&P / &N"  # the title is in the repeated rows


def build_workbook(report: CoverageReport, lang: str = "zh") -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总" if lang != "en" else "Summary"
    put(ws, 1, 1, f"{title(report, lang)}  —  {targets_line(report, lang)}").font = Font(bold=True, size=12)
    _header(ws, 2, headers(SUMMARY_COLUMNS, lang))
    keys = [k for k, _zh, _en in SUMMARY_COLUMNS]
    rows = summary_rows(report, lang)
    for r, row in enumerate(rows, 3):
        last = r == len(rows) + 2
        for c, key in enumerate(keys, 1):
            v = row.values[key]
            if key in PCT_KEYS and v is not None:
                # the exact fraction: Excel shows it rounded by the cell format
                v = row.values[key.removesuffix("_pct")] / row.values["stations"]
            cell = put(ws, r, c, v)
            cell.border = BORDER
            if key in PCT_KEYS:
                cell.number_format = "0.0%"
            elif key == "unit" and row.depth:
                cell.alignment = Alignment(indent=2)
            if last:
                cell.fill = TOTAL_FILL
                cell.font = AREA_FONT
            elif row.depth == 0:
                cell.font = AREA_FONT
    ws.freeze_panes = "B3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(keys))}{len(rows) + 1}"
    ws.row_dimensions[2].height = 32
    _fit(ws, len(keys))
    _page_setup(ws, "1:2")

    st = wb.create_sheet("站点明细" if lang != "en" else "Stations")
    put(st, 1, 1, title(report, lang)).font = Font(bold=True, size=12)
    _header(st, 2, headers(STATION_COLUMNS, lang))
    skeys = [k for k, _zh, _en in STATION_COLUMNS]
    names = group_names(report)
    stations = sorted(report.stations(), key=lambda s: s.code)
    for r, s in enumerate(stations, 3):
        values = station_values(s, names, lang)
        for c, key in enumerate(skeys, 1):
            cell = put(st, r, c, values[key])
            if key == "rubric_total":
                cell.number_format = "0.0#"
    st.freeze_panes = "C3"
    if stations:
        st.auto_filter.ref = f"A2:{get_column_letter(len(skeys))}{len(stations) + 2}"
    st.row_dimensions[2].height = 32
    _fit(st, len(skeys))
    _page_setup(st, "1:2")
    return wb


def coverage_xlsx_bytes(report: CoverageReport, lang: str = "zh") -> bytes:
    buf = io.BytesIO()
    build_workbook(report, lang).save(buf)
    return buf.getvalue()


def write_coverage_xlsx(report: CoverageReport, path: str | Path, lang: str = "zh") -> Path:
    return atomic_write(Path(path), coverage_xlsx_bytes(report, lang))
