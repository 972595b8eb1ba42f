"""Item results across three registered versions of a form, from real bundles merged centrally."""

from __future__ import annotations

import csv
import io
import sys
from datetime import timedelta
from pathlib import Path

import openpyxl
from click.testing import CliRunner
from merge_helpers import BASE_TIME, VILLAGE, VILLAGE2

from fengqiao_desktop.cli.main import cli
from fengqiao_desktop.formengine.loader import parse_form
from fengqiao_desktop.merge import forms_registry
from fengqiao_desktop.services import central as svc

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formengine"))
from test_lineage import V1, V2, V3  # noqa: E402


def _a(**values) -> dict:
    return {k: {"value": v, "note": "", "na": False} for k, v in values.items()}


def test_results_across_versions_keep_their_columns(bureau, tmp_path):
    v1, v2, v3 = (parse_form(t) for t in (V1, V2, V3))
    with bureau.central.write() as conn:
        forms_registry.register_forms(conn, [v1, v2, v3])
    dev = bureau.device()
    records = [
        dev.record(
            v1, station=VILLAGE, answers=_a(A1=3, A2=False, B1=3, B2=True), completed_at=BASE_TIME - timedelta(days=700)
        ),
        dev.record(
            v2,
            station=VILLAGE,
            answers=_a(A1=4, A2=True, A3=False, B1=1.5, B3=1, C1=1),
            completed_at=BASE_TIME - timedelta(days=350),
        ),
        dev.record(v3, station=VILLAGE, answers=_a(A1=6, A3=True, B1=1.5, B3=1.5, C1=0.5), completed_at=BASE_TIME),
        dev.record(
            v1, station=VILLAGE2, answers=_a(A1=4, A2=True, B1=2, B2=True), completed_at=BASE_TIME - timedelta(days=690)
        ),
    ]
    [outcome] = bureau.merge(dev.export(tmp_path / "usb", records))
    assert outcome.ok, outcome

    out, n = svc.item_results_export("county-sheet", tmp_path / "items.csv", url=bureau.central)
    assert n == 4
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    head = rows[0]
    col = {h: i for i, h in enumerate(head)}
    assert head[4:] == [
        "A1 服务场所",
        "A2 统一标识牌匾",
        "B1 信息采集",
        "A3 入户走访记录",
        "B1 信息采集（纸质）",
        "B3 信息采集（系统）",
        "C1 就业帮扶",
    ]
    by = {(r[0], r[2]): r for r in rows[1:]}
    assert by[(VILLAGE, "1")][col["A3 入户走访记录"]] == "1"  # answered as B2 under version 1
    assert by[(VILLAGE, "3")][col["A3 入户走访记录"]] == "1"
    assert by[(VILLAGE, "3")][col["A2 统一标识牌匾"]] == ""  # removed in version 3: empty, not shifted
    assert by[(VILLAGE, "3")][col["A1 服务场所"]] == "6"
    assert by[(VILLAGE, "1")][col["B1 信息采集"]] == "3" and by[(VILLAGE, "2")][col["B1 信息采集"]] == ""

    r = CliRunner().invoke(
        cli,
        ["central", "forms", "results", "county-sheet", "-o", str(tmp_path / "items.xlsx"), "--central", bureau.url],
    )
    assert r.exit_code == 0, r.output
    assert "已导出 4 次检查的检查项得分" in r.output
    ws = openpyxl.load_workbook(tmp_path / "items.xlsx").active
    assert [c.value for c in ws[1]] == head
