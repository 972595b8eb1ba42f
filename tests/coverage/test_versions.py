"""Coverage and a station's history across three versions of one form, from real signed bundles."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from versions_dataset import VILLAGE, VILLAGE2, VISITS, populate_versions  # noqa: E402

from fengqiao_desktop.services import coverage  # noqa: E402


def test_results_of_every_version_count_as_one_form(coverage_url_empty):
    url, tmp = coverage_url_empty
    populate_versions(url, tmp)
    rep = coverage.coverage_report(year=2026, url=url, as_of=date(2026, 6, 30))
    leaves = {s.code: s for s in rep.stations()}
    # VILLAGE's latest result is version 3's pass, after version 2's fail; VILLAGE2 passed on version 2
    assert (leaves[VILLAGE].inspected, leaves[VILLAGE].demonstration) == (True, True)
    assert (leaves[VILLAGE2].inspected, leaves[VILLAGE2].demonstration) == (True, True)
    assert leaves[VILLAGE].rubric_total == 11
    counts = rep.total.counts
    assert (counts.inspected, counts.five_haves, counts.demonstration) == (2, 2, 2)


def test_a_station_history_lists_each_version_in_order(coverage_url_empty):
    url, tmp = coverage_url_empty
    populate_versions(url, tmp)
    rows = [r for r in coverage.station_inspections(VILLAGE, url=url) if r.form_kind == "rubric"]
    assert [r.form_id for r in rows] == ["county-sheet"] * 3
    assert [r.form_version for r in rows] == ["3", "2", "1"]  # newest first
    assert {r.form_title for r in rows} == {"某县服务站考评表"}
    assert [r.verdict for r in rows] == [v[4] for v in reversed(VISITS) if v[0] == VILLAGE]
    assert [r.form_version for r in coverage.station_inspections(VILLAGE2, url=url) if r.form_kind == "rubric"] == ["2"]
