"""Score sheet benchmark: a 60-item sheet with 20 photos, and a batch of sheets.

Baseline, in the same process: a plain reportlab canvas writing the same number
of pages with the same text lines (no tables, no wrapping, no photos, same font).
"""

from __future__ import annotations

import io
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from fengqiao_desktop.reports.fonts import FONT, register_fonts
from fengqiao_desktop.reports.sample import large_sheet_data
from fengqiao_desktop.reports.sheet import render_sheet


def _lines(data) -> list[str]:
    out = []
    for sec in data.form.sections:
        out.append(sec.title.zh)
        for item in sec.items:
            ans = data.answers.get(item.id)
            out += [f"{item.id} {item.title.zh}", item.guidance, ans.note if ans else ""]
    out += [f.description for f in data.findings]
    return out


def _baseline(lines: list[str], pages: int) -> float:
    register_fonts()
    t0 = time.perf_counter()
    c = Canvas(io.BytesIO(), pagesize=A4, initialFontName=FONT)
    per_page = max(1, len(lines) // pages + 1)
    for p in range(pages):
        y = A4[1] - 50
        for line in lines[p * per_page : (p + 1) * per_page]:
            c.setFont(FONT, 8.5)
            c.drawString(40, y, line[:60])
            y -= 11
        c.showPage()
    c.save()
    return time.perf_counter() - t0


def run(quick: bool = False) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        data = large_sheet_data(60, 20, Path(tmp) / "photos")
        render_sheet(data, io.BytesIO())  # warm up: font load, imports
        reps = 2 if quick else 5
        t0 = time.perf_counter()
        for _ in range(reps):
            pages = render_sheet(data, io.BytesIO())
        one = (time.perf_counter() - t0) / reps
        lines = _lines(data)
        base_one = min(_baseline(lines, pages) for _ in range(3))

        batch = 10 if quick else 100
        total_pages = 0
        t0 = time.perf_counter()
        for n in range(batch):
            total_pages += render_sheet(data, Path(tmp) / f"sheet-{n % 5}.pdf")
        batch_s = time.perf_counter() - t0
        base_batch = sum(_baseline(lines, pages) for _ in range(batch))
    return [
        {
            "name": "sheet_60_items_20_photos",
            "value": round(one, 3),
            "unit": "s/sheet",
            "baseline": round(base_one, 4),
            "ratio": round(one / base_one, 1),
            "note": f"{pages} pages; aim < 1.5 s; baseline: plain canvas, same pages and text lines",
        },
        {
            "name": f"sheet_batch_{batch}",
            "value": round(total_pages / batch_s, 1),
            "unit": "pages/s",
            "baseline": round(total_pages / base_batch, 1),
            "ratio": round(batch_s / base_batch, 1),
            "note": f"{batch} sheets, {total_pages} pages in {batch_s:.1f} s; ratio = our time / baseline time",
        },
    ]


if __name__ == "__main__":
    import sys

    rows = run(quick="--quick" in sys.argv)
    print(f"{'name':30} {'value':>10} {'unit':10} {'baseline':>10} {'ratio':>7}  note")
    for r in rows:
        print(f"{r['name']:30} {r['value']:>10} {r['unit']:10} {r['baseline']:>10} {r['ratio']:>7}  {r['note']}")
