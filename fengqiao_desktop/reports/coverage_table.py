"""The coverage table as plain rows, shared by the CSV, XLSX and PDF exports (and the CLI table).

Numbers stay numbers; percentages are numbers 0..100 with one decimal, or None
when a unit has no stations of the kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from fengqiao_desktop.coverage.report import KIND_STATION, KIND_TOTAL, CoverageNode, CoverageReport
from fengqiao_desktop.coverage.rollup import StationRow
from fengqiao_desktop.domain.enums import Level

SUMMARY_COLUMNS = [
    # key, zh, en
    ("unit", "单位", "Unit"),
    ("code", "代码", "Code"),
    ("kind", "类别", "Kind"),
    ("stations", "站点数", "Stations"),
    ("inspected", "已检查", "Inspected"),
    ("five_haves", "五有达标", "Five-haves met"),
    ("five_haves_pct", "五有达标率%", "Five-haves %"),
    ("demonstration", "示范型达标", "Demonstration met"),
    ("demonstration_pct", "示范型达标率%", "Demonstration %"),
    ("target", "示范型目标数", "Demonstration target"),
    ("gap", "差距", "Gap"),
    ("vetoed", "一票否决", "Vetoed"),
    ("open", "待整改", "Open findings"),
    ("overdue", "逾期未整改", "Overdue findings"),
    ("verified", "已销号", "Verified findings"),
]

# the table a person reads (the PDF, the Coverage page): the indentation shows the kind, no codes
TABLE_KEYS = [k for k, _zh, _en in SUMMARY_COLUMNS if k not in ("code", "kind")]

STATION_COLUMNS = [
    ("code", "站点代码", "Station code"),
    ("name", "站点名称", "Station"),
    ("level", "层级", "Level"),
    ("area", "区（县）", "County"),
    ("town", "街道（乡镇）", "Town"),
    ("inspected", "已检查", "Inspected"),
    ("five_haves", "五有达标", "Five-haves met"),
    ("demonstration", "示范型达标", "Demonstration met"),
    ("vetoed", "一票否决", "Vetoed"),
    ("rubric_total", "示范型得分", "Rubric score"),
    ("last_at", "最近检查", "Last inspection"),
    ("open", "待整改", "Open findings"),
    ("overdue", "逾期未整改", "Overdue findings"),
    ("verified", "已销号", "Verified findings"),
]

KIND_LABELS = {
    "total": ("合计", "Total"),
    "area": ("区（县）", "County"),
    "town": ("街道（乡镇）", "Town"),
    "station": ("站点", "Station"),
}


def headers(columns, lang: str) -> list[str]:
    return [en if lang == "en" else zh for _k, zh, en in columns]


@dataclass(frozen=True)
class SummaryRow:
    depth: int
    values: dict


def node_values(n: CoverageNode, lang: str = "zh") -> dict:
    c = n.counts
    kind = KIND_LABELS[n.kind][1 if lang == "en" else 0]
    return {
        "unit": n.name,
        "code": n.code,
        "kind": kind,
        "stations": c.stations,
        "inspected": c.inspected,
        "five_haves": c.five_haves,
        "five_haves_pct": n.five_haves_pct,
        "demonstration": c.demonstration,
        "demonstration_pct": n.demonstration_pct,
        "target": n.target,
        "gap": n.gap,
        "vetoed": c.vetoed,
        "open": c.open,
        "overdue": c.overdue,
        "verified": c.verified,
    }


def summary_rows(report: CoverageReport, lang: str = "zh", *, towns: bool = True) -> list[SummaryRow]:
    """Areas (and their towns), then the total last."""
    out = []
    for a in report.areas:
        out.append(SummaryRow(0, node_values(a, lang)))
        if towns:
            out.extend(SummaryRow(1, node_values(t, lang)) for t in a.children if t.kind not in (KIND_STATION,))
    out.append(SummaryRow(0, node_values(report.total, lang)))
    return out


def _yes(flag: bool, lang: str) -> str:
    return ("是" if flag else "否") if lang != "en" else ("yes" if flag else "no")


def station_values(s: StationRow, names: dict[str, str], lang: str = "zh") -> dict:
    try:
        level = Level(s.level).label(lang)
    except ValueError:
        level = s.level
    return {
        "code": s.code,
        "name": s.name,
        "level": level,
        "area": names.get(s.area, ""),
        "town": names.get(s.town, ""),
        "inspected": _yes(s.inspected, lang),
        "five_haves": _yes(s.five_haves, lang),
        "demonstration": _yes(s.demonstration, lang),
        "vetoed": _yes(s.vetoed, lang),
        "rubric_total": s.rubric_total,
        "last_at": (s.last_at or "")[:10],
        "open": s.open,
        "overdue": s.overdue,
        "verified": s.verified,
    }


def group_names(report: CoverageReport) -> dict[str, str]:
    return {n.code: n.name for n in report.total.walk() if n.kind not in (KIND_STATION, KIND_TOTAL)}


def title(report: CoverageReport, lang: str = "zh") -> str:
    if lang == "en":
        return f"Veterans' service stations: coverage against the {report.year} targets"
    return f"{report.year}年退役军人服务中心（站）建设达标情况通报"


def targets_line(report: CoverageReport, lang: str = "zh") -> str:
    t = report.targets
    levels = ("city", "county", "town", "village")
    if lang == "en":
        demo = ", ".join(f"{Level(lv).en} {t.pct('demonstration', lv):g}%" for lv in levels)
        five = ", ".join(f"{Level(lv).en} {t.pct('five_haves', lv):g}%" for lv in levels)
        return f"Targets — demonstration grade: {demo}; five-haves: {five}. Overdue as of {report.as_of}."
    demo = "，".join(f"{Level(lv).zh}{t.pct('demonstration', lv):g}%" for lv in levels)
    five = "，".join(f"{Level(lv).zh}{t.pct('five_haves', lv):g}%" for lv in levels)
    return f"目标：示范型达标 {demo}；五有达标 {five}。逾期按 {report.as_of} 计。"
