"""The on-site score sheet: an A4 portrait PDF in the familiar table layout.

``render_sheet(data, out)`` lays out one sheet per visit: the title, the header block
with the QR proof (page 1, top right), the five-haves check of the visit (序号 1–5,
是 / 否), the rubric's item table (序号 / 考评项目 / 考评内容 / 分值 / 得分 / 备注) with
section subtotals, the findings of both forms, the conclusion (the five-haves verdict,
the rubric's total and verdict by the visit rule) kept on one page with the signature
lines, and the photo appendix. Every page carries
"第 N 页 共 M 页": pages are held back until the document ends so the total is known.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from fengqiao_desktop import __version__
from fengqiao_desktop.domain import FormKind, InspectionStatus, Level
from fengqiao_desktop.errors import ReportError
from fengqiao_desktop.reports.fonts import FONT, draw_mixed
from fengqiao_desktop.reports.labels import labels
from fengqiao_desktop.reports.qr import format_proof, qr_flowable
from fengqiao_desktop.reports.sheet_data import SheetData
from fengqiao_desktop.reports.sheet_photos import photo_grid
from fengqiao_desktop.reports.sheet_style import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE,
    Styles,
    day,
    esc,
    make_styles,
    para,
    table_style,
)
from fengqiao_desktop.reports.sheet_tables import (
    conclusion_block,
    findings_block,
    five_haves_table,
    form_label,
    rechecks_block,
    score_table,
    signature_block,
)

QR_SIZE = 27 * mm


def _label_of(enum, value: str, lang: str) -> str:
    try:
        return enum.parse(value).label(lang)
    except ValueError:
        return str(value)


def sheet_title(data: SheetData) -> str:
    L = labels(data.lang)
    return L["title_gate"] if data.form.kind is FormKind.GATE else L["title_rubric"]


def _header(data: SheetData, st: Styles, L: dict, proof: str) -> Table:
    """Station, visit and form facts on the left; the QR proof on the right."""
    lang = data.lang
    s, i = data.station, data.inspection
    gap = "　" if lang != "en" else "  "

    def label(key: str, value: str) -> str:
        return f'<font color="#555555">{L[key]}{L["colon"]}</font>{esc(value)}'

    def pair(key: str, value: str) -> object:
        return para(label(key, value), st.cell, markup=True)

    def inspection(ins) -> object:
        # id, revision and status on one line: a UUID needs the width
        ident = f"{ins.id}{gap}{L['revision']} {ins.revision}"
        state = _label_of(InspectionStatus, ins.status, lang)
        return para(f"{label('inspection', ident)}{gap}{label('status', state)}", st.cell, markup=True)

    inspector = data.inspector.name + (
        f"（{data.inspector.unit}）"
        if data.inspector.unit and lang != "en"
        else f" ({data.inspector.unit})"
        if data.inspector.unit
        else ""
    )
    info = [
        [pair("station", s.name), ""],
        [pair("level", _label_of(Level, s.level, lang)), pair("code", s.code)],
        [pair("address", s.address or "—"), ""],
        [pair("date", day(i.visit_date) or "—"), pair("inspector", inspector)],
        [pair("form", form_label(data.form, lang)), ""],
        [inspection(i), ""],
    ]
    spans = [("SPAN", (0, r), (1, r)) for r in (0, 2, 4, 5)]
    comp = data.companion
    if comp is not None:
        # the five-haves check of the visit is an inspection of its own: its id and state
        ci = comp.inspection
        spans.append(("SPAN", (0, len(info)), (1, len(info))))
        info.append([pair("visit_gate", form_label(comp.form, lang)), ""])
        if ci is not None:
            spans.append(("SPAN", (0, len(info)), (1, len(info))))
            info.append([inspection(ci), ""])
    left_w = FRAME_WIDTH - QR_SIZE - 6 * mm
    info_table = Table(
        info,
        colWidths=[left_w * 0.56, left_w * 0.44],
        style=table_style(
            [
                *spans,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
            ]
        ),
    )
    qr_cell = [qr_flowable(proof, QR_SIZE), para(L["scan"], st.caption)]
    return Table(
        [[info_table, qr_cell]],
        colWidths=[left_w, QR_SIZE + 6 * mm],
        style=table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
            ]
        ),
    )


def _story(data: SheetData, proof: str) -> list:
    """One sheet per visit: the five-haves check, the rubric, findings, then the conclusion and
    the signatures, which are kept on one page so no signature line stands alone."""
    L = labels(data.lang)
    st = make_styles(data.lang)
    story: list = [
        para(sheet_title(data), st.title),
        para(data.form.title.get(data.lang), st.subtitle),
        _header(data, st, L, proof),
        Spacer(1, 5),
    ]
    if data.form.kind is FormKind.GATE:
        story.append(five_haves_table(data, st, L))
    elif data.companion is not None:
        # the rubric's heading never ends a page: room for it and a few rows, or a new page
        story += [
            KeepTogether([para(L["part_gate"], st.h2), five_haves_table(data, st, L)]),
            CondPageBreak(35 * mm),
            para(L["part_rubric"], st.h2),
            score_table(data, st, L),
        ]
    else:
        story.append(score_table(data, st, L))
    story += findings_block(data, st, L)
    story += rechecks_block(data, st, L)
    story.append(KeepTogether([*conclusion_block(data, st, L), *signature_block(data, st, L)]))
    grid = photo_grid(data, st, L)
    if grid is not None:
        story += [PageBreak(), para(L["photos"], st.h2), grid]
    return story


def _canvas_class(data: SheetData, proof: str, pages_out: list[int]):
    """A canvas that holds pages back until the end, then stamps 第 N 页 共 M 页 on each."""
    L = labels(data.lang)
    running = f"{data.station.name}{'  ' if data.lang == 'en' else '　'}{sheet_title(data)}"
    # a visit sheet is a draft while either of its forms is
    comp = data.companion.inspection if data.companion is not None else None
    draft = InspectionStatus.DRAFT.value in (data.inspection.status, comp.status if comp else None)

    class _NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            # the default initial font (Helvetica) would be listed, unembedded, on every page
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            pages_out.append(total)
            super().save()

        def _decorate(self, total: int) -> None:
            n = self._pageNumber
            w, _h = PAGE
            self.saveState()
            self.setFillColor(MUTED)
            draw_mixed(self, w - MARGIN_X, 9 * mm, L["page"].format(n=n, m=total), 9, "right")
            draw_mixed(self, MARGIN_X, 9 * mm, proof, 6.5)
            if n > 1:
                draw_mixed(self, MARGIN_X, PAGE[1] - 10 * mm, running, 7.5)
                draw_mixed(
                    self, w - MARGIN_X, PAGE[1] - 10 * mm, f"{L['revision']} {data.inspection.revision}", 7.5, "right"
                )
            if draft:
                self.setFillColorRGB(0.85, 0.85, 0.85)
                self.translate(w / 2, PAGE[1] / 2)
                self.rotate(35)
                draw_mixed(self, 0, 0, L["draft"], 90, "center")
            self.restoreState()

    return _NumberedCanvas


def render_sheet(data: SheetData, out: Path | str | BinaryIO) -> int:
    """Write the score sheet PDF to a path (atomically) or a binary stream; return the page count."""
    proof = format_proof(data.inspection.id, data.inspection.revision, data.content_hash)
    pages: list[int] = []
    meta = {
        "title": f"{sheet_title(data)} — {data.station.name}",
        "author": data.inspector.name,
        "subject": proof,
        "creator": f"Fengqiao {__version__}",
    }

    def build(target) -> None:
        doc = SimpleDocTemplate(
            target,
            pagesize=PAGE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            **meta,
        )
        doc.build(_story(data, proof), canvasmaker=_canvas_class(data, proof, pages))

    if isinstance(out, (str, os.PathLike)):
        path = Path(out)
        tmp = path.with_name(f".{path.name}.part")
        try:
            with open(tmp, "wb") as fh:
                build(fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise ReportError(
                f"无法写入评分表 {path}：{exc.strerror or exc}。请换一个位置或检查磁盘空间。",
                message_en=f"Cannot write the score sheet {path}: {exc.strerror or exc}. "
                "Choose another place or check the free disk space.",
            ) from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    else:
        build(out)
    return pages[-1] if pages else 0
