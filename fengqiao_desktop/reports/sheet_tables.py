"""The score sheet's tables: items with section subtotals, the result, five-haves, findings.

Every cell holding free text is a ``Paragraph`` so long guidance and notes wrap
inside their column; tables repeat their header row on every page they run onto.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from fengqiao_desktop.domain import FindingCategory, ItemType, Severity
from fengqiao_desktop.formengine.schema import FormDef, Item
from fengqiao_desktop.formengine.scoring import Answer, ScoreResult
from fengqiao_desktop.reports.sheet_data import SheetCompanion, SheetData, SheetFinding
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


def score_table(data: SheetData, st: Styles, L: dict) -> Table:
    """The item table with a header row repeated on every page, section rows and a total row."""
    form, result, lang = data.form, data.result, data.lang
    photo_counts: dict[str, int] = {}
    for p in data.photos:
        if p.item_id:
            photo_counts[p.item_id] = photo_counts.get(p.item_id, 0) + 1
    head = [para(L[k], st.head) for k in
            ("col_no", "col_project", "col_content", "col_max", "col_score", "col_note")]
    rows: list[list] = [head]
    extra: list = []
    sections = {s.id: s for s in result.sections}
    for sec in form.sections:
        r = len(rows)
        ss = sections.get(sec.id)
        note = L["subtotal"]
        if ss is not None and ss.applicable_max < ss.max - 1e-9:
            note += f"<br/>{L['applicable']} {pts(ss.applicable_max)}"
        rows.append([
            para(sec.id, st.cell_center),
            para(f"<b>{esc(sec.title.get(lang))}</b>", st.cell, markup=True), "",
            para(pts(sec.max), st.cell_center),
            para(pts(ss.earned) if ss else "", st.cell_center),
            para(note, st.cell_center, markup=True),
        ])
        # a section row never ends a page alone: it stays with its first item
        extra += [("SPAN", (1, r), (2, r)), ("BACKGROUND", (0, r), (-1, r), SECTION_BG),
                  ("NOSPLIT", (0, r), (-1, r + 1))]
        for item in sec.items:
            ans = data.answers.get(item.id)
            title = esc(item.title.get(lang))
            if item.veto:
                title += f'<br/><font color="#B22222" size="7">{L["veto_item"]}</font>'
            guidance = (item.guidance_en or item.guidance) if lang == "en" else item.guidance
            content = esc(guidance)
            answer = _answer_text(item, ans, L, lang)
            if answer:
                content += ("<br/>" if content else "") + f'<font color="#1F4E79">{esc(answer)}</font>'
            notes = esc(ans.note) if ans and ans.note else ""
            n = photo_counts.get(item.id, 0)
            if n:
                notes += ("<br/>" if notes else "") + f'<font color="#555555">{L["photos_n"].format(n=n)}</font>'
            rows.append([
                para(item.id, st.cell_center),
                para(title, st.cell, markup=True),
                para(content, st.cell, markup=True),
                para(pts(item.max) if item.scored else "—", st.cell_center),
                para(_score_cell(item, ans, result, L), st.cell_center, markup=True),
                para(notes, st.cell, markup=True),
            ])
    r = len(rows)
    total_note = ""
    if result.applicable_max < result.max - 1e-9 and result.applicable_max > 0:
        total_note = L["rescaled"].format(earned=pts(result.earned),
                                          applicable=pts(result.applicable_max), max=pts(result.max))
    rows.append([
        para(f"<b>{L['total_row']}</b>", st.cell_center, markup=True), "", "",
        para(pts(result.max), st.cell_center),
        para(f"<b>{pts(result.total)}</b>", st.cell_center, markup=True),
        para(total_note, st.cell_small),
    ])
    extra += [("SPAN", (0, r), (2, r)), ("BACKGROUND", (0, r), (-1, r), HEADER_BG)]
    return Table(rows, colWidths=SCORE_COLS, repeatRows=1, style=_grid_style(extra))


def result_block(data: SheetData, st: Styles, L: dict) -> list[Flowable]:
    """Total, pass mark and the verdict in words, with veto reasons and gaps."""
    res = data.result
    lang = data.lang
    colour = {"pass": "#1B6E20", "fail": "#B22222", "veto": "#B22222"}.get(res.verdict.value, "#8A6D00")
    cells = [para(f"{L['total']}{L['colon']}<b>{pts(res.total)}</b> / {pts(res.max)}", st.verdict, markup=True)]
    if res.pass_mark:
        cells.append(para(f"{L['pass_mark']}{L['colon']}{pts(res.pass_mark)}", st.verdict))
    cells.append(para(f"{L['verdict']}{L['colon']}<font color=\"{colour}\"><b>{esc(res.verdict_label(lang))}</b></font>",
                      st.verdict, markup=True))
    widths = [FRAME_WIDTH * 0.3, FRAME_WIDTH * 0.22, FRAME_WIDTH * 0.48][-len(cells):]
    if len(cells) == 2:
        widths = [FRAME_WIDTH * 0.4, FRAME_WIDTH * 0.6]
    line = Table([cells], colWidths=widths, style=table_style([
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    out: list[Flowable] = [line]
    if res.veto_reasons:
        out.append(para(f'<font color="#B22222">{L["veto_reasons"]}{L["colon"]}'
                        f'{esc(L["sep"].join(res.veto_reasons))}</font>', st.body, markup=True))
    if res.missing_answers:
        out.append(para(f"{L['missing_answers']}{L['colon']}{L['sep'].join(res.missing_answers)}", st.body))
    if res.missing_evidence:
        parts = [L["missing_evidence_one"].format(item=i, have=h, need=n) for i, h, n in res.missing_evidence]
        out.append(para(f"{L['missing_evidence']}{L['colon']}{L['sep'].join(parts)}", st.body))
    return out


def companion_block(comp: SheetCompanion, st: Styles, L: dict, lang: str) -> list[Flowable]:
    """The five-haves result of the same visit: one row per item and its verdict."""
    rows: list[list] = [[para(L[k], st.head) for k in ("col_no", "col_project", "companion_result", "col_note")]]
    for sec in comp.form.sections:
        for item in sec.items:
            ans = comp.answers.get(item.id)
            s = comp.result.items.get(item.id)
            if s is not None and s.na:
                value = L["na"]
            elif ans is None or not ans.answered:
                value = L["unanswered"]
            elif item.type is ItemType.YES_NO:
                value = L["have"] if ans.value is True else L["have_not"]
            else:
                value = _answer_text(item, ans, L, lang) or pts(s.points if s else None)
            rows.append([para(item.id, st.cell_center), para(item.title.get(lang), st.cell),
                         para(value, st.cell_center), para(ans.note if ans else "", st.cell)])
    widths = [18 * mm, 52 * mm, 22 * mm, FRAME_WIDTH - 92 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1, style=_grid_style())
    res = comp.result
    colour = "#1B6E20" if res.verdict.value == "pass" else "#B22222"
    verdict = para(f"{L['verdict']}{L['colon']}<font color=\"{colour}\"><b>{esc(res.verdict_label(lang))}</b></font>",
                   st.body, markup=True)
    return [KeepTogether([para(L["companion"], st.h2), table, Spacer(1, 3), verdict])]


def _finding_problem(f: SheetFinding, st: Styles, lang: str) -> Paragraph:
    tags = []
    for enum, value in ((FindingCategory, f.category), (Severity, f.severity)):
        if value:
            try:
                tags.append(enum.parse(value).label(lang))
            except ValueError:
                tags.append(str(value))
    if f.item_id:
        tags.insert(0, f.item_id)
    text = esc(f.description)
    if tags:
        text += f'<br/><font color="#555555" size="7">{esc(" · ".join(tags))}</font>'
    return para(text, st.cell, markup=True)


def findings_block(data: SheetData, st: Styles, L: dict) -> list[Flowable]:
    heading = para(L["findings"], st.h2)
    if not data.findings:
        return [heading, para(L["no_findings"], st.body)]
    rows: list[list] = [[para(L[k], st.head) for k in
                         ("col_no", "f_problem", "f_measures", "f_responsible", "f_deadline")]]
    for n, f in enumerate(data.findings, 1):
        rows.append([para(n, st.cell_center), _finding_problem(f, st, data.lang),
                     para(f.measures, st.cell), para(f.responsible, st.cell),
                     para(day(f.deadline), st.cell_center)])
    widths = [12 * mm, 66 * mm, 58 * mm, 22 * mm, FRAME_WIDTH - 158 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1, style=_grid_style())
    # a short list stays with its heading; a long one splits, its header row repeated
    if len(rows) <= 6:
        return [KeepTogether([heading, table])]
    return [heading, table]


def signature_block(data: SheetData, st: Styles, L: dict) -> Flowable:
    """Lines for the inspector and the station head to sign and date on site."""
    line = "_" * 18
    who = esc(data.inspector.name)
    rows = [
        [para(f"{L['sign_inspector']}{line}", st.body), para(L["sign_date"], st.body)],
        [para(f'<font color="#555555" size="8">（{who}）</font>', st.body, markup=True), ""],
        [para(f"{L['sign_head']}{line}", st.body), para(L["sign_date"], st.body)],
    ]
    table = Table(rows, colWidths=[FRAME_WIDTH * 0.58, FRAME_WIDTH * 0.42],
                  style=table_style([("TOPPADDING", (0, 0), (-1, -1), 2),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                                    ("TOPPADDING", (0, 2), (-1, 2), 16),
                                    ("TEXTCOLOR", (0, 0), (-1, -1), colors.black)]))
    return KeepTogether([para(L["signatures"], st.h2), Spacer(1, 10), table])


def form_label(form: FormDef, lang: str) -> str:
    return f"{form.title.get(lang)}（{form.id} v{form.version}）" if lang != "en" else \
        f"{form.title.get(lang)} ({form.id} v{form.version})"
