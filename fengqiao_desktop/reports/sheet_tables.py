"""The score sheet's tables: the five-haves check, the rubric's items, the conclusion, findings.

Every cell holding free text is a ``Paragraph`` so long guidance and notes wrap
inside their column; tables repeat their header row on every page they run onto.
Items are printed by their number on paper (``Item.no``: A1, B2, 1 … 5), never by
their id.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from fengqiao_desktop.domain import (
    FindingCategory,
    FindingStatus,
    FormKind,
    ItemType,
    Severity,
    Verdict,
)
from fengqiao_desktop.domain.signatures import bounds
from fengqiao_desktop.formengine.schema import FormDef, Item
from fengqiao_desktop.formengine.scoring import Answer, ScoreResult
from fengqiao_desktop.formengine.visit import FIVE_HAVES_VETO, FIVE_HAVES_VETO_EN, GateState
from fengqiao_desktop.reports.sheet_data import SheetData, SheetFinding
from fengqiao_desktop.reports.sheet_style import (
    FRAME_WIDTH,
    GRID,
    HEADER_BG,
    SECTION_BG,
    Styles,
    day,
    esc,
    para,
    pts,
    table_style,
)

# 序号 / 考评项目 / 考评内容 / 分值 / 得分 / 备注 (mm; 180 mm = the frame width)
SCORE_COLS = [12 * mm, 29 * mm, 70 * mm, 12 * mm, 14 * mm, 43 * mm]
VERDICT_COLOURS = {"pass": "#1B6E20", "fail": "#B22222", "veto": "#B22222", "pending": "#9A6700"}


def _grid_style(extra: list | None = None) -> TableStyle:
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    return table_style(cmds + (extra or []))


def _answer_text(item: Item, ans: Answer | None, L: dict, lang: str) -> str:
    """The answer in words for items whose score alone does not say it."""
    if ans is None or ans.na or not ans.answered:
        return ""
    if item.type is ItemType.CHOICE:
        choice = next((c for c in item.choices if c.value == ans.value), None)
        return f"{L['choice']}{L['colon']}{choice.label.get(lang) if choice else ans.value}"
    if item.type in (ItemType.NUMBER, ItemType.TEXT):
        return f"{L['value']}{L['colon']}{ans.value}"
    return ""


def _score_cell(item: Item, ans: Answer | None, result: ScoreResult, L: dict) -> str:
    s = result.items.get(item.id)
    if s is not None and s.na:
        return L["na"]
    if ans is not None and ans.na and item.na_allowed:
        return L["na"]
    if not item.scored:
        return pts(ans.value) if item.type is ItemType.NUMBER and ans and ans.answered else "—"
    if s is None or not s.answered:
        return L["unanswered"]
    text = pts(s.points)
    if s.veto_failed:
        text += f'<br/><font color="#B22222">{L["veto_failed"]}</font>'
    return text


def _photo_counts(data: SheetData, form: FormDef) -> dict[str, int]:
    counts: dict[str, int] = {}
    for p in data.photos:
        if p.item_id and data.form_of(p.form_id) is form:
            counts[p.item_id] = counts.get(p.item_id, 0) + 1
    return counts


def _guidance(item: Item, lang: str) -> str:
    # an English sheet prints English criteria or none: the form's Chinese text is not
    # the inspector's and has no place on it
    return item.guidance_en if lang == "en" else item.guidance


def score_table(data: SheetData, st: Styles, L: dict) -> Table:
    """The item table with a header row repeated on every page, section rows and a total row."""
    form, result, lang = data.form, data.result, data.lang
    photo_counts = _photo_counts(data, form)
    linked = data.companion.form if data.companion is not None else None
    # a form with no criteria in the sheet's language: the item's title takes both columns
    criteria = any(_guidance(i, lang) for i in form.items.values())
    head = [para(L[k], st.head) for k in ("col_no", "col_project", "col_content", "col_max", "col_score", "col_note")]
    extra: list = []
    if not criteria:
        head[2] = ""
        extra.append(("SPAN", (1, 0), (2, 0)))
    rows: list[list] = [head]
    sections = {s.id: s for s in result.sections}
    for sec in form.sections:
        r = len(rows)
        ss = sections.get(sec.id)
        note = L["subtotal"]
        if ss is not None and ss.applicable_max < ss.max - 1e-9:
            note += f"<br/>{L['applicable']} {pts(ss.applicable_max)}"
        rows.append(
            [
                para(sec.id, st.cell_center),
                para(f"<b>{esc(sec.title.get(lang))}</b>", st.cell, markup=True),
                "",
                para(pts(sec.max), st.cell_center),
                para(pts(ss.earned) if ss else "", st.cell_center),
                para(note, st.cell_center, markup=True),
            ]
        )
        # a section row never ends a page alone: it stays with its first item
        extra += [
            ("SPAN", (1, r), (2, r)),
            ("BACKGROUND", (0, r), (-1, r), SECTION_BG),
            ("NOSPLIT", (0, r), (-1, r + 1)),
        ]
        for item in sec.items:
            ans = data.answers.get(item.id)
            title = esc(item.title.get(lang))
            if item.veto:
                title += f'<br/><font color="#B22222" size="7">{L["veto_item"]}</font>'
            content = esc(_guidance(item, lang))
            answer = _answer_text(item, ans, L, lang)
            if answer:
                content += ("<br/>" if content else "") + f'<font color="#1F4E79">{esc(answer)}</font>'
            notes = esc(ans.note) if ans and ans.note else ""
            source = item.source
            if linked is not None and source is not None and source[0] == linked.id:
                src = linked.items.get(source[1])
                notes += (
                    "<br/>" if notes else ""
                ) + f'<font color="#555555">{L["linked"].format(no=esc(src.no if src else source[1]))}</font>'
            n = photo_counts.get(item.id, 0)
            if n:
                notes += ("<br/>" if notes else "") + f'<font color="#555555">{L["photos_n"].format(n=n)}</font>'
            if not criteria:
                title += f"<br/>{content}" if content else ""
                extra.append(("SPAN", (1, len(rows)), (2, len(rows))))
            rows.append(
                [
                    para(item.no, st.cell_center),
                    para(title, st.cell, markup=True),
                    para(content, st.cell, markup=True) if criteria else "",
                    para(pts(item.max) if item.scored else "—", st.cell_center),
                    para(_score_cell(item, ans, result, L), st.cell_center, markup=True),
                    para(notes, st.cell, markup=True),
                ]
            )
    r = len(rows)
    total_note = ""
    if result.applicable_max < result.max - 1e-9 and result.applicable_max > 0:
        total_note = L["rescaled"].format(
            earned=pts(result.earned), applicable=pts(result.applicable_max), max=pts(result.max)
        )
    rows.append(
        [
            para(f"<b>{L['total_row']}</b>", st.cell_center, markup=True),
            "",
            "",
            para(pts(result.max), st.cell_center),
            para(f"<b>{pts(result.total)}</b>", st.cell_center, markup=True),
            para(total_note, st.cell_small),
        ]
    )
    extra += [("SPAN", (0, r), (2, r)), ("BACKGROUND", (0, r), (-1, r), HEADER_BG)]
    return Table(rows, colWidths=SCORE_COLS, repeatRows=1, style=_grid_style(extra))


def gate_verdict(result: ScoreResult, state: GateState | None) -> Verdict:
    """The five-haves check's verdict in words, from its state by the visit rule."""
    if state is GateState.PENDING:
        return Verdict.PENDING
    if state is GateState.PASSED:
        return Verdict.PASS
    if state is GateState.FAILED:
        return Verdict.VETO if result.verdict is Verdict.VETO else Verdict.FAIL
    return result.verdict


def _verdict_markup(verdict: Verdict, kind: FormKind, L: dict, lang: str) -> str:
    colour = VERDICT_COLOURS[verdict.value]
    return f'<font color="{colour}"><b>{esc(verdict.label_for(kind, lang))}</b></font>'


def five_haves_table(data: SheetData, st: Styles, L: dict) -> Table:
    """The five-haves check: one row per item (序号 1–5), 是 / 否, the note and photos."""
    lang = data.lang
    if data.form.kind is FormKind.GATE:
        form, answers, result = data.form, data.answers, data.result
    else:
        assert data.companion is not None
        form, answers, result = data.companion.form, data.companion.answers, data.companion.result
    photo_counts = _photo_counts(data, form)
    rows: list[list] = [[para(L[k], st.head) for k in ("col_no", "col_check", "companion_result", "col_note")]]
    for sec in form.sections:
        for item in sec.items:
            ans = answers.get(item.id)
            s = result.items.get(item.id)
            if s is not None and s.na:
                value = L["na"]
            elif ans is None or not ans.answered:
                value = L["unanswered"]
            elif item.type is ItemType.YES_NO:
                value = L["yes"] if ans.value is True else L["no"]
            else:
                value = _answer_text(item, ans, L, lang) or pts(s.points if s else None)
            notes = esc(ans.note) if ans and ans.note else ""
            n = photo_counts.get(item.id, 0)
            if n:
                notes += ("<br/>" if notes else "") + f'<font color="#555555">{L["photos_n"].format(n=n)}</font>'
            unmet = (
                ans is not None
                and ans.answered
                and not ans.na
                and item.type is ItemType.YES_NO
                and ans.value is not True
            )
            shown = f'<font color="#B22222"><b>{esc(value)}</b></font>' if unmet else f"<b>{esc(value)}</b>"
            rows.append(
                [
                    para(item.no, st.cell_center),
                    para(item.title.get(lang), st.cell),
                    para(shown, st.cell_center, markup=True),
                    para(notes, st.cell, markup=True),
                ]
            )
    widths = [14 * mm, 70 * mm, 22 * mm, FRAME_WIDTH - 106 * mm]
    return Table(rows, colWidths=widths, repeatRows=1, style=_grid_style())


def _veto_reasons(data: SheetData, lang: str) -> list[str]:
    """Why the sheet's form is vetoed, each reason naming its item by number, in the sheet's language."""
    res, form = data.result, data.form
    failed = [form.items[i] for i, s in res.items.items() if s.veto_failed and i in form.items]
    external = res.veto_reasons[: max(len(res.veto_reasons) - len(failed), 0)]
    out: list[str] = []
    for reason in external:
        if reason == FIVE_HAVES_VETO:
            text = FIVE_HAVES_VETO_EN if lang == "en" else FIVE_HAVES_VETO
            comp = data.companion
            if comp is not None:
                unmet = [
                    f"{i.no} {i.title.get(lang)}"
                    for i in comp.form.items.values()
                    if (a := comp.answers.get(i.id)) is not None
                    and a.answered
                    and not a.na
                    and i.type is ItemType.YES_NO
                    and a.value is not True
                ]
                if unmet:
                    text += ("：" if lang != "en" else ": ") + ("、" if lang != "en" else ", ").join(unmet)
            out.append(text)
        else:
            out.append(reason)
    for item in failed:
        why = item.title.en if lang == "en" else (item.veto_reason or item.title.zh)
        out.append(f"{item.no} {why}")
    return out


def _gaps(data: SheetData, form: FormDef, result: ScoreResult, st: Styles, L: dict) -> list[Flowable]:
    out: list[Flowable] = []
    if result.missing_answers:
        nos = [form.items[i].no if i in form.items else i for i in result.missing_answers]
        out.append(para(f"{L['missing_answers']}{L['colon']}{L['sep'].join(nos)}", st.body))
    if result.missing_evidence:
        parts = [
            L["missing_evidence_one"].format(item=form.items[i].no if i in form.items else i, have=h, need=n)
            for i, h, n in result.missing_evidence
        ]
        out.append(para(f"{L['missing_evidence']}{L['colon']}{L['sep'].join(parts)}", st.body))
    return out


# the line of figures starts where the paragraphs around it do (the frame's 6 pt padding)
_RESULT_LINE = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("LEFTPADDING", (0, 0), (0, 0), 6),
    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
]


def conclusion_block(data: SheetData, st: Styles, L: dict) -> list[Flowable]:
    """The visit's result: the five-haves verdict, the rubric's total and verdict, vetoes and gaps."""
    lang, res = data.lang, data.result
    out: list[Flowable] = [para(L["conclusion"], st.h2)]
    if data.form.kind is FormKind.GATE:
        verdict = gate_verdict(res, data.gate_state)
        out.append(
            para(
                f"{L['verdict']}{L['colon']}{_verdict_markup(verdict, FormKind.GATE, L, lang)}", st.verdict, markup=True
            )
        )
        return out + _gaps(data, data.form, res, st, L)
    if data.companion is not None:
        # the words say which form they judge: 五有达标 / Five-haves: met
        comp = data.companion
        verdict = gate_verdict(comp.result, comp.state)
        out.append(para(_verdict_markup(verdict, FormKind.GATE, L, lang), st.verdict, markup=True))
    cells = [para(f"{L['total']}{L['colon']}<b>{pts(res.total)}</b> / {pts(res.max)}", st.verdict, markup=True)]
    if res.pass_mark:
        cells.append(para(f"{L['pass_mark']}{L['colon']}{pts(res.pass_mark)}", st.verdict))
    verdict = para(
        f"{L['verdict']}{L['colon']}{_verdict_markup(res.verdict, res.kind, L, lang)}", st.verdict, markup=True
    )
    if res.verdict is Verdict.PENDING:  # its words are long: a line of their own
        out += [
            Table(
                [cells],
                colWidths=[FRAME_WIDTH * 0.4, FRAME_WIDTH * 0.6][: len(cells)],
                hAlign="LEFT",
                style=table_style(_RESULT_LINE),
            ),
            verdict,
        ]
    else:
        cells.append(verdict)
        widths = [FRAME_WIDTH * 0.3, FRAME_WIDTH * 0.22, FRAME_WIDTH * 0.48][-len(cells) :]
        if len(cells) == 2:
            widths = [FRAME_WIDTH * 0.4, FRAME_WIDTH * 0.6]
        out.append(Table([cells], colWidths=widths, style=table_style(_RESULT_LINE)))
    reasons = _veto_reasons(data, lang)
    if reasons:
        out.append(
            para(
                f'<font color="#B22222">{L["veto_reasons"]}{L["colon"]}{esc(L["sep"].join(reasons))}</font>',
                st.body,
                markup=True,
            )
        )
    if res.verdict is Verdict.PENDING:
        out.append(para(f'<font color="#9A6700">{L["pending_note"]}</font>', st.body, markup=True))
    return out + _gaps(data, data.form, res, st, L)


def _finding_problem(data: SheetData, f: SheetFinding, st: Styles, L: dict) -> Paragraph:
    lang = data.lang
    tags = []
    for enum, value in ((FindingCategory, f.category), (Severity, f.severity), (FindingStatus, f.status)):
        if value and not (enum is FindingStatus and value == FindingStatus.OPEN.value):
            try:
                tags.append(enum.parse(value).label(lang))
            except ValueError:
                tags.append(str(value))
    if f.item_id:
        item = data.item(f.item_id, f.form_id)
        no = data.item_no(f.item_id, f.form_id)
        if item is not None and data.form_of(f.form_id) is not data.form:
            no = L["five_haves_item"].format(no=no)  # an item of the five-haves check
        tags.insert(0, f"{no} {item.title.get(lang)}" if item is not None else no)
    text = esc(f.description)
    if tags:
        text += f'<br/><font color="#555555" size="7">{esc(" · ".join(tags))}</font>'
    return para(text, st.cell, markup=True)


def open_findings(data: SheetData) -> list[SheetFinding]:
    """The findings still to rectify: a verified (closed) finding is no open problem."""
    out = []
    for f in data.findings:
        try:
            closed = f.status is not None and FindingStatus.parse(f.status) is FindingStatus.VERIFIED
        except ValueError:
            closed = False
        if not closed:
            out.append(f)
    return out


def findings_block(data: SheetData, st: Styles, L: dict) -> list[Flowable]:
    heading = para(L["findings"], st.h2)
    findings = open_findings(data)
    if not findings:
        return [KeepTogether([heading, para(L["no_findings"], st.body)])]
    rows: list[list] = [
        [para(L[k], st.head) for k in ("col_no", "f_problem", "f_measures", "f_responsible", "f_deadline")]
    ]
    for n, f in enumerate(findings, 1):
        rows.append(
            [
                para(n, st.cell_center),
                _finding_problem(data, f, st, L),
                para(f.measures, st.cell),
                para(f.responsible, st.cell),
                para(day(f.deadline), st.cell_center),
            ]
        )
    widths = [12 * mm, 66 * mm, 58 * mm, 22 * mm, FRAME_WIDTH - 158 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1, style=_grid_style())
    # a short list stays with its heading; a long one splits, its header row repeated
    if len(rows) <= 6:
        return [KeepTogether([heading, table])]
    return [heading, table]


def rechecks_block(data: SheetData, st: Styles, L: dict) -> list[Flowable]:
    """回头看: the findings of earlier visits (sent by the bureau) re-checked in this one."""
    if not data.rechecks:
        return []
    rows: list[list] = [[para(L[k], st.head) for k in ("col_no", "f_problem", "r_verdict", "r_note")]]
    for n, r in enumerate(data.rechecks, 1):
        verdict = L["r_rectified"] if r.verdict == "rectified" else L["r_open"]
        rows.append(
            [
                para(n, st.cell_center),
                para(r.description, st.cell),
                para(verdict, st.cell_center),
                para(r.note, st.cell),
            ]
        )
    widths = [12 * mm, 80 * mm, 26 * mm, FRAME_WIDTH - 118 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1, style=_grid_style())
    heading = para(L["rechecks"], st.h2)
    return [KeepTogether([heading, table])] if len(rows) <= 6 else [heading, table]


class SignatureDrawing(Flowable):
    """Strokes drawn on screen (0..1000 box, y downwards), fitted into ``width`` x ``height``
    as vector lines, centred and resting on the bottom (where the paper line is)."""

    def __init__(self, strokes: list, width: float, height: float):
        super().__init__()
        self.strokes, self.width, self.height = strokes, width, height

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self) -> None:
        x0, y0, x1, y1 = bounds(self.strokes)
        w, h = max(x1 - x0, 1), max(y1 - y0, 1)
        scale = min(self.width / w, self.height / h)
        dx = (self.width - w * scale) / 2
        c = self.canv
        c.saveState()
        c.setStrokeColor(colors.HexColor("#0d2a6b"))  # ink blue, as a pen on paper
        c.setLineWidth(0.9)
        c.setLineCap(1)
        c.setLineJoin(1)
        for stroke in self.strokes:
            pts = [(dx + (x - x0) * scale, (y1 - y) * scale) for x, y in stroke]
            if len(pts) == 1:
                pts.append((pts[0][0] + 0.3, pts[0][1]))  # a dot
            path = c.beginPath()
            path.moveTo(*pts[0])
            for p in pts[1:]:
                path.lineTo(*p)
            c.drawPath(path, stroke=1, fill=0)
        c.restoreState()


def _signed_day(value: str | None, lang: str) -> str:
    day = str(value or "")[:10]
    if len(day) != 10:
        return ""
    y, m, d = day.split("-")
    return f"Date: {day}" if lang == "en" else f"日期：{y}年{m}月{d}日"


SIGN_W, SIGN_H = 60 * mm, 15 * mm


def signature_block(data: SheetData, st: Styles, L: dict) -> list[Flowable]:
    """The inspector and the station head sign and date on site: on paper, over the lines, or
    on screen when the visit was completed (the strokes drawn above the line, with the name)."""
    open_, close = ("(", ")") if data.lang == "en" else ("（", "）")
    rows: list[list] = []
    style: list[tuple] = [
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TEXTCOLOR", (0, 0), (-1, -1), colors.black),
    ]
    for role, label in (("inspector", L["sign_inspector"]), ("station_head", L["sign_head"])):
        sig = data.signature(role)
        name = sig.name if sig is not None and sig.name else (data.inspector.name if role == "inspector" else "")
        r = len(rows)
        drawing = SignatureDrawing(sig.strokes, SIGN_W - 4, SIGN_H) if sig is not None and sig.strokes else ""
        date = _signed_day(sig.signed_at, data.lang) if sig is not None else ""
        rows.append([para(label, st.body), drawing, para(date or L["sign_date"], st.body)])
        rows.append(
            [
                "",
                para(
                    f'<font color="#555555" size="8">{open_}{esc(name)}{close}</font>' if name else "",
                    st.cell_center,
                    markup=True,
                ),
                "",
            ]
        )
        style.append(("LINEBELOW", (1, r), (1, r), 0.6, colors.black))
        if r:
            style.append(("TOPPADDING", (0, r), (-1, r), 10))
    label_w = 36 * mm
    table = Table(
        rows,
        colWidths=[label_w, SIGN_W, FRAME_WIDTH - label_w - SIGN_W],
        rowHeights=[SIGN_H + 4 * mm if i % 2 == 0 else None for i in range(len(rows))],
        style=table_style(style),
    )
    return [para(L["signatures"], st.h2), Spacer(1, 6), table]


def form_label(form: FormDef, lang: str) -> str:
    """The form as people name it: its title and version (its id is for machines)."""
    return (
        f"{form.title.get(lang)}　{lang_version(form, lang)}"
        if lang != "en"
        else f"{form.title.get(lang)}, {lang_version(form, lang)}"
    )


def lang_version(form: FormDef, lang: str) -> str:
    return f"version {form.version}" if lang == "en" else f"第{form.version}版"
