"""The Coverage page's station details name the form version of each result (a form revised twice)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "coverage"))

from versions_dataset import VILLAGE, populate_versions  # noqa: E402

from fengqiao_desktop.ui.bureau.context import BureauContext  # noqa: E402
from fengqiao_desktop.ui.bureau.coverage import CoveragePage  # noqa: E402


def test_station_history_names_each_version_in_order(qtbot, tmp_path, monkeypatch, sync_tasks):
    monkeypatch.setenv("FENGQIAO_DATA_DIR", str(tmp_path / "data"))
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    populate_versions(url, tmp_path)
    page = CoveragePage(BureauContext(url))
    qtbot.addWidget(page)
    page.show_station(VILLAGE, "大众巷社区")
    lines = [page.inspection_list.item(i).text() for i in range(page.inspection_list.count())]
    rubric = [t for t in lines if "某县服务站考评表" in t]
    assert len(rubric) == 3
    assert ["（第 3 版）" in rubric[0], "（第 2 版）" in rubric[1], "（第 1 版）" in rubric[2]] == [True] * 3
    assert "示范型达标" in rubric[0] and "示范型未达标" in rubric[1]
