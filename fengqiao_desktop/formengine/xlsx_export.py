"""Write a form as an XLSX scoring sheet in the official layout (``fengqiao forms export``).

The first worksheet is the sheet as printed and reviewed: a title row, the heading
考评项目 / 序号 / 考评内容 / 分值 / 评分标准 / 得分, one merged 考评项目 cell per section,
a 小计 row after each section and a 合计 row. To its right, the columns that the official
table has no place for (方式, 步长, 一票否决, 照片, English titles, ...), and a second
worksheet 表单信息 holds the form's own fields, so importing the file again
(``forms import``) gives back exactly the same form.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from fengqiao_desktop.formengine import sheet_layout as lay
from fengqiao_desktop.formengine.schema import FormDef, Item

_OFFICIAL = list(lay.OFFICIAL)
_EXTRA = list(lay.EXTRA)


def _pts(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


# item fields with a column of their own; any other field goes, as JSON, into 其他字段
_ITEM_COLUMNS = {
    "id",
    "title",
    "type",
    "max",
    "step",
    "guidance",
    "guidance_en",
    "veto",
    "veto_reason",
    "na_allowed",
    "min_photos",
    "required",
    "choices",
    "min_value",
    "max_value",
    "category",
    "evidence",
    "deduct_per",
}
# form fields written on their own line of 表单信息; any other goes into its "extra" line
FORM_FIELDS = {
    "id",
    "version",
    "title",
    "kind",
    "levels",
    "pass_mark",
    "max_points",
    "na_rescale",
    "description",
    "sections",
    "supersedes",
}


def _json_rest(data: dict, known: set[str]) -> str:
    rest = {k: v for k, v in data.items() if k not in known}
    return json.dumps(rest, ensure_ascii=False, sort_keys=True) if rest else ""


def _extra_values(it: Item) -> dict[str, object]:
    rng = ""
    if it.min_value is not None or it.max_value is not None:
        lo = "" if it.min_value is None else f"{it.min_value:g}"
        hi = "" if it.max_value is None else f"{it.max_value:g}"
        rng = f"{lo}..{hi}"
    return {
        "type": it.type.value,
        "step": "" if it.step is None else _pts(it.step),
        "deduct_per": "" if it.deduct_per is None else _pts(it.deduct_per),
        "veto": "是" if it.veto else "",
        "veto_reason": it.veto_reason,
        "na_allowed": "是" if it.na_allowed else "",
        "min_photos": it.min_photos or "",
        "required": "" if it.required is None else ("是" if it.required else "否"),
        "category": it.category.value if it.category else "",
        "evidence": it.evidence,
        "title_en": it.title.en,
        "guidance_en": it.guidance_en,
        "choices": json.dumps(
            [c.model_dump(mode="json", exclude_defaults=True, by_alias=True) for c in it.choices], ensure_ascii=False
        )
        if it.choices
        else "",
        "range": rng,
        # the id travels with the item when 序号 shows another number
        "extra": _json_rest(
            it.model_dump(mode="json", exclude_defaults=True, by_alias=True),
            _ITEM_COLUMNS - ({"id"} if it.no != it.id else set()),
        ),
    }


def export_form(form: FormDef, path: str | Path) -> Path:
    """Write ``form`` to ``path`` (written to a temporary name, then renamed)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from fengqiao_desktop.cells import append, put
    from fengqiao_desktop.fsutil import write_atomic

    wb = Workbook()
    ws = wb.active
    ws.title = lay.SHEET
    heads = [lay.heading(k) for k in _OFFICIAL + _EXTRA]
    n_official = len(_OFFICIAL)
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)

    put(ws, 1, 1, form.title.zh).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n_official)
    ws.cell(1, 1).alignment = center
    ws.row_dimensions[1].height = 28
    for c, h in enumerate(heads, start=1):
        cell = put(ws, 2, c, h)
        cell.font = Font(bold=True, color="FFFFFF" if c <= n_official else "000000")
        cell.fill = PatternFill("solid", fgColor="305496" if c <= n_official else "D9D9D9")
        cell.alignment = center
        cell.border = box
    r = 3
    for sec in form.sections:
        first = r
        for it in sec.items:
            # 序号 is the number printed on paper (A1, or 1 for the five haves)
            values = {
                "section": sec.title.zh,
                "number": it.no,
                "content": it.title.zh,
                "points": _pts(it.max),
                "rule": it.guidance,
                "score": None,
                **_extra_values(it),
            }
            for c, key in enumerate(_OFFICIAL + _EXTRA, start=1):
                v = values[key]
                cell = put(ws, r, c, None if v == "" else v)
                cell.alignment = center if key in ("section", "number", "points", "score") else wrap
                cell.border = box
            r += 1
        if r - 1 > first:
            ws.merge_cells(start_row=first, start_column=1, end_row=r - 1, end_column=1)
        ws.cell(r, 2, "小计")
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
        ws.cell(r, 4, _pts(sec.max))
        for c in range(1, n_official + 1):
            ws.cell(r, c).border = box
            ws.cell(r, c).font = Font(bold=True)
        r += 1
    ws.cell(r, 1, "合计")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
    ws.cell(r, 4, _pts(form.max))
    for c in range(1, n_official + 1):
        ws.cell(r, c).border = box
        ws.cell(r, c).font = Font(bold=True)
    widths = {"section": 14, "number": 7, "content": 32, "points": 7, "rule": 48, "score": 8}
    for c, key in enumerate(_OFFICIAL + _EXTRA, start=1):
        ws.column_dimensions[get_column_letter(c)].width = widths.get(key, 12)
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.print_area = f"A1:{get_column_letter(n_official)}{r}"

    info = wb.create_sheet(lay.INFO_SHEET)
    rows: list[list[object]] = [
        ["key", "value", "说明"],
        ["id", form.id, "表单编号"],
        ["version", form.version, "版本"],
        ["title_zh", form.title.zh, "名称"],
        ["title_en", form.title.en, "英文名称"],
        ["kind", form.kind.value, "gate 门槛检查 / rubric 评分表"],
        ["levels", ",".join(lv.value for lv in form.levels), "适用层级"],
        ["pass_mark", _pts(form.pass_mark), "达标线"],
        ["max_points", "" if form.max_points is None else _pts(form.max_points), "满分（声明）"],
        ["na_rescale", "是" if form.na_rescale else "否", "不适用时按比例折算"],
        ["description", form.description, "说明"],
        [
            "supersedes",
            ""
            if form.supersedes is None
            else yaml.safe_dump(
                form.supersedes.model_dump(mode="json", exclude_defaults=True, by_alias=True),
                allow_unicode=True,
                sort_keys=False,
            ),
            "替代的版本及检查项映射",
        ],
        [
            "extra",
            _json_rest(form.model_dump(mode="json", exclude_defaults=True, by_alias=True), FORM_FIELDS),
            "其他字段（JSON）",
        ],
    ]
    rows += [["section", s.id, s.title.zh, s.title.en] for s in form.sections]
    for row in rows:
        append(info, [None if v == "" else v for v in row])
    info.column_dimensions["A"].width = 14
    info.column_dimensions["B"].width = 40
    info.column_dimensions["C"].width = 30
    import io

    buf = io.BytesIO()
    wb.save(buf)
    out = Path(path)
    write_atomic(out, buf.getvalue())
    return out
