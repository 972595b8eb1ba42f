"""Paragraph styles, widths and small text helpers shared by the score sheet's parts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, TableStyle

from fengqiao_desktop.reports.fonts import mix_markup, register_fonts
from fengqiao_desktop.reports.linebreak import SheetParagraph

PAGE = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X

GRID = colors.HexColor("#555555")
SECTION_BG = colors.HexColor("#E8EDF3")
HEADER_BG = colors.HexColor("#D5DEE9")
VETO = colors.HexColor("#B22222")
MUTED = colors.HexColor("#555555")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_small: ParagraphStyle
    cell_center: ParagraphStyle
    head: ParagraphStyle
    verdict: ParagraphStyle
    caption: ParagraphStyle


def make_styles(lang: str = "zh") -> Styles:
    font = register_fonts()
    # every paragraph is a SheetParagraph: Chinese line-breaking rules, whole Latin words,
    # in both languages (an English sheet still carries Chinese notes typed on site)
    base = ParagraphStyle("fq-body", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    cell = ParagraphStyle("fq-cell", parent=base, fontSize=8.5, leading=11.5)
    return Styles(
        title=ParagraphStyle("fq-title", parent=base, fontSize=16, leading=22, alignment=TA_CENTER, spaceAfter=2),
        subtitle=ParagraphStyle(
            "fq-subtitle", parent=base, fontSize=9.5, leading=13, alignment=TA_CENTER, textColor=MUTED, spaceAfter=6
        ),
        h2=ParagraphStyle("fq-h2", parent=base, fontSize=12.5, leading=17, spaceBefore=10, spaceAfter=5),
        body=base,
        cell=cell,
        cell_small=ParagraphStyle("fq-cell-small", parent=cell, fontSize=7.5, leading=10, textColor=MUTED),
        cell_center=ParagraphStyle("fq-cell-center", parent=cell, alignment=TA_CENTER),
        head=ParagraphStyle("fq-head", parent=cell, fontSize=9.5, leading=12, alignment=TA_CENTER),
        verdict=ParagraphStyle("fq-verdict", parent=base, fontSize=13, leading=18, spaceBefore=4),
        caption=ParagraphStyle("fq-caption", parent=cell, fontSize=7.5, leading=10, alignment=TA_CENTER),
    )


def esc(text: object) -> str:
    """Text made safe for Paragraph markup; line breaks kept."""
    return escape(str(text)).replace("\n", "<br/>")


def para(text: object, style: ParagraphStyle, *, markup: bool = False) -> Paragraph:
    # every paragraph passes here, so every one gets Latin runs in the Latin font and the
    # sheet's line-breaking rules
    return SheetParagraph(mix_markup(str(text) if markup else esc(text)), style)


def pts(x: float | None) -> str:
    """Points as people write them: 4, 3.5, 92.25."""
    if x is None:
        return ""
    return f"{round(float(x), 2):g}"


def day(value: date | datetime | str | None) -> str:
    """A date (or an ISO timestamp) as YYYY-MM-DD; other text as is."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return text[:10] if len(text) >= 10 and text[4:5] == "-" and text[7:8] == "-" else text


def table_style(cmds: list) -> TableStyle:
    """A table style whose plain-text cells (spans, blanks) use the CJK font, not Helvetica.

    reportlab draws string cells in the table's font, Helvetica by default, which would
    put an unembedded font into the PDF.
    """
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts()), *cmds])
