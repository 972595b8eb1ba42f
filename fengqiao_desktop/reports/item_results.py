"""Item results across form versions as CSV or XLSX: one column per item thread, never shifted.

The table comes from ``formengine.item_history.results_table``: an item renamed or
moved keeps its column, a removed item keeps its column (empty for later inspections),
a new item gets a column at the end of the ones known before it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from fengqiao_desktop.cells import append, safe_row
from fengqiao_desktop.formengine.item_history import ScoredVisit, results_table
from fengqiao_desktop.formengine.lineage import Lineage
from fengqiao_desktop.fsutil import write_atomic


def item_results_csv_text(lineage: Lineage, visits: Iterable[ScoredVisit], lang: str = "zh") -> str:
    head, rows = results_table(lineage, visits, lang)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(safe_row(head))
    for r in rows:
        w.writerow(safe_row("" if v is None else (f"{v:g}" if isinstance(v, float) else v) for v in r))
    return buf.getvalue()


def write_item_results(lineage: Lineage, visits: Iterable[ScoredVisit], path: str | Path, lang: str = "zh") -> Path:
    """Write ``.csv`` (UTF-8 with a BOM, for Excel) or ``.xlsx`` by the file's suffix."""
    p = Path(path)
    if p.suffix.lower() == ".csv":
        return write_atomic(p, item_results_csv_text(lineage, visits, lang).encode("utf-8-sig"))
    from openpyxl import Workbook
    from openpyxl.styles import Font

    head, rows = results_table(lineage, visits, lang)
    wb = Workbook()
    ws = wb.active
    ws.title = "检查项得分" if lang != "en" else "Item scores"
    append(ws, head)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in rows:
        append(ws, r)
    ws.freeze_panes = "E2"
    buf = io.BytesIO()
    wb.save(buf)
    return write_atomic(p, buf.getvalue())
