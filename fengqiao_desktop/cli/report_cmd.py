"""``fengqiao report coverage``: coverage against the year's targets, as files or a table on screen.

    fengqiao report coverage [--year Y] [--xlsx FILE] [--pdf FILE] [--csv FILE]
                             [--targets FILE] [--as-of YYYY-MM-DD] [--central URL]

Without a file option the summary table is printed. The central database is
chosen like every bureau command (``--central``, ``FENGQIAO_CENTRAL``, default).
"""

from __future__ import annotations

import unicodedata

import click

from fengqiao_desktop.cli.central_cmd import _url, central_option
from fengqiao_desktop.cli.common import lang


@click.group("report")
def report() -> None:
    """Reports for the bureau."""


def _w(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * max(0, width - _w(text))
    return fill + text if right else text + fill


def render_table(rep, lng: str) -> str:
    """The summary as aligned text (wide characters count double)."""
    from fengqiao_desktop.reports.coverage_table import (
        SUMMARY_COLUMNS,
        headers,
        summary_rows,
        targets_line,
        title,
    )

    keys = [k for k, _z, _e in SUMMARY_COLUMNS if k not in ("code", "kind")]
    heads = [h for (k, _z, _e), h in zip(SUMMARY_COLUMNS, headers(SUMMARY_COLUMNS, lng), strict=True) if k in keys]
    body = []
    for row in summary_rows(rep, lng):
        cells = []
        for k in keys:
            v = row.values[k]
            if k == "unit":
                cells.append("  " * row.depth + str(v))
            else:
                cells.append("—" if v is None else (f"{v:.1f}" if isinstance(v, float) else str(v)))
        body.append(cells)
    widths = [max(_w(r[i]) for r in [heads, *body]) for i in range(len(keys))]
    lines = [title(rep, lng), targets_line(rep, lng), ""]
    for r in [heads, *body]:
        lines.append("  ".join(_pad(c, widths[i], i > 0) for i, c in enumerate(r)).rstrip())
        if r is heads:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


@report.command("coverage")
@click.option("--year", type=int, help="Calendar year (China Standard Time); default this year.")
@click.option("--xlsx", "xlsx", type=click.Path(dir_okay=False), help="Write an XLSX workbook.")
@click.option("--pdf", "pdf", type=click.Path(dir_okay=False), help="Write the PDF summary (通报).")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Write the summary as CSV.")
@click.option(
    "--targets",
    "targets_file",
    type=click.Path(dir_okay=False),
    help="Targets file (YAML); default <data dir>/coverage_targets.yaml, else built-in.",
)
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date that decides which findings are overdue (default today, or the year's end).",
)
@central_option
def coverage_cmd(year, xlsx, pdf, csv_path, targets_file, as_of) -> None:
    """Coverage against the year's targets by county and town; files or a table."""
    from fengqiao_desktop.services import coverage

    lng = lang()
    rep = coverage.coverage_report(
        year=year,
        url=_url(),
        targets_file=targets_file,
        as_of=as_of.date() if as_of else None,
        include_stations=bool(xlsx),
        lang=lng,
    )
    written = []
    if xlsx:
        from fengqiao_desktop.reports.coverage_xlsx import write_coverage_xlsx

        written.append(write_coverage_xlsx(rep, xlsx, lng))
    if pdf:
        from fengqiao_desktop.reports.coverage_pdf import write_coverage_pdf

        written.append(write_coverage_pdf(rep, pdf, lng))
    if csv_path:
        from fengqiao_desktop.reports.coverage_csv import write_coverage_csv

        written.append(write_coverage_csv(rep, csv_path, lng))
    if not written:
        click.echo(render_table(rep, lng))
        return
    for p in written:
        click.echo(f"wrote {p}" if lng == "en" else f"已写入 {p}")


def register(cli: click.Group) -> None:
    cli.add_command(report)
