"""A spreadsheet as a grid of cell texts, with merged cells filled in: XLSX (Excel, WPS) or CSV.

Merged cells carry their value into every cell they cover, marked as merged, so a
section written once in a tall merged cell names every row beside it. XLSX files are
opened in openpyxl's normal mode (a scoring sheet is small): it reads every cell whatever
the dimension record says, which WPS writes wrong or leaves out. CSV files are decoded by
the roster reader (UTF-8 with or without BOM, UTF-16, GB18030), one rule for both.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from fengqiao_desktop.errors import FormError, RosterError
from fengqiao_desktop.roster.reading import cell_text, read_rows


@dataclass(frozen=True)
class Cell:
    text: str
    ref: str  # "C12", as Excel shows it
    merged: bool = False  # part of a merged range
    merged_across: bool = False  # the merged range spans several columns


@dataclass
class Grid:
    sheet: str
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)


def _unreadable(path: Path, why: str, why_en: str) -> FormError:
    return FormError(
        f"无法读取评分表“{path.name}”：{why}",
        message_en=f"Cannot read the scoring sheet {path.name}: {why_en}",
        hint="请另存为 .xlsx 或 CSV（UTF-8）后重试 / save it as .xlsx or CSV (UTF-8) and try again",
    )


def read_grids(path: str | Path) -> list[Grid]:
    """Every worksheet of an XLSX file (one grid for a CSV), merged cells filled in."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise FormError(f"找不到文件：{p}", message_en=f"File not found: {p}") from None
    except IsADirectoryError:
        raise FormError(f"不是文件：{p}", message_en=f"Not a file: {p}") from None
    if head.startswith(b"PK"):
        return _xlsx(p)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _unreadable(p, "这是旧版 Excel（.xls）文件", "it is an old Excel (.xls) workbook")
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        raise _unreadable(
            p, "不是有效的 XLSX 文件（可能已损坏）", "it is not a valid XLSX workbook (it may be damaged)"
        )
    try:
        rows = list(read_rows(p))
    except RosterError:
        raise _unreadable(
            p, "文字编码无法识别（既不是 UTF-8 也不是 GB18030）", "its text encoding is neither UTF-8 nor GB18030"
        ) from None
    grid = Grid(p.stem)
    for n, values in rows:
        grid.rows.append((n, [Cell(v.strip(), f"{get_column_letter(c)}{n}") for c, v in enumerate(values, start=1)]))
    return [grid]


def _xlsx(path: Path) -> list[Grid]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise _unreadable(
            path, "不是有效的 XLSX 文件（可能已损坏）", "it is not a valid XLSX workbook (it may be damaged)"
        ) from None
    try:
        return [_sheet_grid(ws) for ws in wb.worksheets]
    finally:
        wb.close()


def _sheet_grid(ws) -> Grid:
    merged: dict[tuple[int, int], tuple[object, bool]] = {}
    for rng in ws.merged_cells.ranges:
        top_left = ws.cell(rng.min_row, rng.min_col).value
        across = rng.max_col > rng.min_col
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                merged[(r, c)] = (top_left, across)
    grid = Grid(ws.title)
    for row in ws.iter_rows():
        cells = []
        n = row[0].row if row else 0
        for cell in row:
            key = (cell.row, cell.column)
            if key in merged:
                value, across = merged[key]
                cells.append(Cell(cell_text(value), cell.coordinate, True, across))
            else:
                cells.append(Cell(cell_text(cell.value), cell.coordinate))
        if cells:
            grid.rows.append((n, cells))
    return grid
