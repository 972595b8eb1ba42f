"""Coverage as CSV: the summary table (areas, towns, total), UTF-8 with a BOM so Excel reads Chinese."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fengqiao_desktop.cells import safe_row
from fengqiao_desktop.coverage.report import CoverageReport
from fengqiao_desktop.reports.coverage_table import SUMMARY_COLUMNS, headers, summary_rows


def coverage_csv_text(report: CoverageReport, lang: str = "zh") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(safe_row(headers(SUMMARY_COLUMNS, lang)))
    for row in summary_rows(report, lang):
        w.writerow(safe_row("" if row.values[k] is None else row.values[k] for k, _zh, _en in SUMMARY_COLUMNS))
    return buf.getvalue()


def write_coverage_csv(report: CoverageReport, path: str | Path, lang: str = "zh") -> Path:
    from fengqiao_desktop.reports.coverage_files import atomic_write

    return atomic_write(Path(path), coverage_csv_text(report, lang).encode("utf-8-sig"))
