"""Scoring sheets shaped like real bureau sheets, built with openpyxl for the import tests."""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

HEAD = ["考评项目", "序号", "考评内容", "分值", "评分标准", "得分"]
CN = "一二三四五六七八九十"

# 12 major items (sections) with 61 minor items, 100 points: 40 items at 1.5, 20 at 2, and one
# 0-point veto item in the last section.
SECTION_SIZES = [5, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]
SECTION_TITLES = [
    "组织领导",
    "阵地建设",
    "人员配备",
    "经费保障",
    "制度建设",
    "信息采集",
    "思想政治",
    "关爱帮扶",
    "权益维护",
    "就业创业",
    "档案管理",
    "工作纪律",
]


def cn_number(n: int) -> str:
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11]


def village_rows() -> list[tuple[str, list[tuple[str, float | str, str]]]]:
    """[(section title, [(content, points, rule), ...]), ...] of the 12/61 village sheet."""
    out = []
    k = 0
    for s, (title, size) in enumerate(zip(SECTION_TITLES, SECTION_SIZES, strict=True), start=1):
        items = []
        for j in range(size):
            k += 1
            if s == 12 and j == size - 1:
                items.append(("弄虚作假、虚报瞒报", 0, "发现弄虚作假的，一票否决"))
                continue
            pts: float = 1.5 if k <= 40 else 2
            if k == 3:
                items.append(("服务站挂牌", pts, "是/否"))
            elif k == 7:
                items.append(("无障碍设施", pts, "设施齐全得满分；场所共用的可不适用"))
            elif k % 3 == 0:
                items.append((f"{title}工作台账{k}", pts, "每缺一项扣0.5分，扣完为止"))
            elif k == 11:
                items.append(("有专职工作人员", pts, "未配备的一票否决；配备不足每少1人扣0.5分"))
            else:
                items.append((f"{title}要求{k}", pts, "按完成情况酌情评分"))
        out.append((f"{cn_number(s)}、{title}", items))
    return out


def write_village_xlsx(path: Path, *, subtotals: bool = True, title: str | None = None, edit=None) -> Path:
    """The village sheet as Excel writes it: merged title, merged section cells, 小计 and 合计 rows.

    ``edit(ws)`` may change the worksheet before it is saved (the malformed variants).
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "考评表"
    ws.append([title or "社区（村）退役军人服务站规范化建设考评表（90分以上为达标）"])
    ws.merge_cells("A1:F1")
    ws.append(HEAD)
    k = 0
    for sec, items in village_rows():
        first = ws.max_row + 1
        for content, pts, rule in items:
            k += 1
            ws.append([sec, k, content, pts, rule, None])
        for r in range(first + 1, ws.max_row + 1):
            ws.cell(r, 1).value = None  # a merged range keeps only its top-left value
        ws.merge_cells(start_row=first, start_column=1, end_row=ws.max_row, end_column=1)
        if subtotals:
            ws.append([None, "小计", None, sum(p for _c, p, _r in items), None, None])
            ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row, end_column=3)
    ws.append(["合计", None, None, 100, None, None])
    if edit:
        edit(ws)
    wb.save(path)
    return path


def as_wps(path: Path, dimension: str | None = None) -> Path:
    """Rewrite an XLSX the way WPS saves it: no <dimension> record (or a wrong one)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                repl = f'<dimension ref="{dimension}"/>' if dimension else ""
                text, n = re.subn(r"<dimension [^>]*/>", repl, text)
                assert n == 1
                data = text.encode("utf-8")
            dst.writestr(info, data)
    tmp.replace(path)
    return path


def write_village_csv(path: Path, encoding: str = "gb18030") -> Path:
    """The village sheet saved as CSV by Excel on a Chinese PC: a merged cell's value on its first row."""
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["社区（村）退役军人服务站规范化建设考评表"])
        w.writerow(HEAD)
        k = 0
        for sec, items in village_rows():
            for j, (content, pts, rule) in enumerate(items):
                k += 1
                w.writerow([sec if j == 0 else "", k, content, f"{pts:g}", rule, ""])
    return path


def write_simple_xlsx(path: Path, rows: list[list], *, head=None, title="某区退役军人服务站考评表") -> Path:
    """A small sheet: a title row, a header (default: the official one), then ``rows`` as given."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append([title])
    ws.append(head or HEAD)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path
