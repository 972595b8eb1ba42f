"""The coverage summary (通报) as a PDF: the table by county and one chart per level.

Each chart shows, for every county-level unit that has stations of that level,
the five-haves and demonstration-grade rates as bars, and the year's
demonstration target as a dashed line across them. Landscape A4, the shipped
CJK font embedded (reports/fonts.py).
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table

from fengqiao_desktop.coverage.report import CoverageReport
from fengqiao_desktop.domain.enums import Level
from fengqiao_desktop.reports.coverage_files import atomic_write
from fengqiao_desktop.reports.coverage_table import (
    SUMMARY_COLUMNS,
    TABLE_KEYS,
    headers,
    summary_rows,
    targets_line,
    title,
)
from fengqiao_desktop.reports.fonts import LATIN, register_fonts, runs
from fengqiao_desktop.reports.sheet_style import (
    GRID,
    HEADER_BG,
    SECTION_BG,
    make_styles,
    para,
    table_style,
)

PAGE = landscape(A4)
MARGIN = 12 * mm
FIVE_COLOR = colors.HexColor("#7FA7D6")
DEMO_COLOR = colors.HexColor("#2E6B3A")
TARGET_COLOR = colors.HexColor("#C0392B")
# the PDF table leaves out the code and kind columns (the indentation shows the kind)
PDF_KEYS = TABLE_KEYS


def _fmt(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.1f}"
    return str(v)


def _mixed_strings(x: float, y: float, text: str, size: float, color=colors.black, anchor: str = "start"):
    """Strings for one line of mixed CJK/Latin text (a graphics String has a single font)."""
    parts = runs(text)
    width = sum(pdfmetrics.stringWidth(t, f, size) for f, t in parts)
    if anchor == "middle":
        x -= width / 2
    elif anchor == "end":
        x -= width
    out = []
    for font, t in parts:
        out.append(String(x, y, t, fontName=font, fontSize=size, fillColor=color))
        x += pdfmetrics.stringWidth(t, font, size)
    return out


def level_chart(
    level: str,
    rows: list[tuple[str, float | None, int, int]],
    five: list[float | None],
    target: float,
    lang: str,
    width: float,
) -> Drawing:
    """Bars per county (five-haves %, demonstration %) with the demonstration target line."""
    font = register_fonts()
    height = 62 * mm
    d = Drawing(width, height)
    lv = Level(level)
    heading = (
        f"{lv.en} stations: rates by county, target {target:g}%"
        if lang == "en"
        else f"{lv.zh}站点达标率（目标 {target:g}%）"
    )
    for s in _mixed_strings(0, height - 11, heading, 10):
        d.add(s)
    chart = VerticalBarChart()
    chart.x, chart.y = 32, 26
    chart.width, chart.height = width - 150, height - 48
    chart.data = [[v or 0 for v in five], [r[1] or 0 for r in rows]]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = LATIN
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.categoryAxis.categoryNames = [r[0] if len(r[0]) <= 8 else r[0][:8] + "…" for r in rows]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 0 if len(rows) <= 8 else 30
    chart.categoryAxis.labels.boxAnchor = "n" if len(rows) <= 8 else "ne"
    chart.bars[0].fillColor = FIVE_COLOR
    chart.bars[1].fillColor = DEMO_COLOR
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    chart.barWidth = 10
    chart.groupSpacing = 10 + max(0, 8 - len(rows)) * 4  # few counties: narrower bars, more air
    d.add(chart)
    y = chart.y + chart.height * target / 100.0
    d.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=TARGET_COLOR, strokeWidth=1.2, strokeDashArray=[4, 2]))
    legend = [
        (FIVE_COLOR, "五有达标率" if lang != "en" else "Five-haves %"),
        (DEMO_COLOR, "示范型达标率" if lang != "en" else "Demonstration %"),
    ]
    lx, ly = chart.x + chart.width + 12, chart.y + chart.height - 10
    for color, label in legend:
        d.add(Rect(lx, ly, 8, 8, fillColor=color, strokeColor=None))
        for s in _mixed_strings(lx + 12, ly + 1, label, 8):
            d.add(s)
        ly -= 14
    d.add(Line(lx, ly + 4, lx + 8, ly + 4, strokeColor=TARGET_COLOR, strokeWidth=1.2, strokeDashArray=[4, 2]))
    for s in _mixed_strings(lx + 12, ly + 1, (f"目标 {target:g}%" if lang != "en" else f"Target {target:g}%"), 8):
        d.add(s)
    return d


def _table(report: CoverageReport, lang: str, width: float) -> Table:
    st = make_styles(lang)
    head = [
        para(h, st.head)
        for k, h in zip([k for k, _z, _e in SUMMARY_COLUMNS], headers(SUMMARY_COLUMNS, lang), strict=True)
        if k in PDF_KEYS
    ]
    data = [head]
    styles = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
    ]
    rows = summary_rows(report, lang)
    for i, row in enumerate(rows, 1):
        cells = []
        for k in PDF_KEYS:
            v = row.values[k]
            if k == "unit":
                cells.append(para(v, st.cell))
            else:
                cells.append(para(_fmt(v), st.cell_center))
        data.append(cells)
        if row.depth == 0:
            styles.append(("BACKGROUND", (0, i), (-1, i), SECTION_BG))
        else:  # towns indented under their county
            styles.append(("LEFTPADDING", (0, i), (0, i), 16))
    first = 52 * mm
    rest = (width - first) / (len(PDF_KEYS) - 1)
    return Table(data, colWidths=[first] + [rest] * (len(PDF_KEYS) - 1), repeatRows=1, style=table_style(styles))


def coverage_pdf_bytes(report: CoverageReport, lang: str = "zh") -> bytes:
    st = make_styles(lang)
    buf = io.BytesIO()
    width = PAGE[0] - 2 * MARGIN
    doc = SimpleDocTemplate(
        buf,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title(report, lang),
        author="Fengqiao Desktop",
    )
    story = [
        para(title(report, lang), st.title),
        para(targets_line(report, lang), st.subtitle),
        Spacer(1, 2 * mm),
        _table(report, lang, width),
    ]
    story.append(para("各层级达标率与目标" if lang != "en" else "Rates by level against the target", st.h2))
    for level, rows in report.level_rows().items():
        if level == "city":  # a single city center: its row in the table says it all
            continue
        five: list[float | None] = []
        for a in report.areas:
            c = a.by_level.get(level)
            if c and c.stations:
                five.append(round(100.0 * c.five_haves / c.stations, 1))
        chart = level_chart(level, rows, five, report.targets.pct("demonstration", level), lang, width)
        story.append(KeepTogether([chart, Spacer(1, 3 * mm)]))
    doc.build(story)
    return buf.getvalue()


def write_coverage_pdf(report: CoverageReport, path: str | Path, lang: str = "zh") -> Path:
    return atomic_write(Path(path), coverage_pdf_bytes(report, lang))
