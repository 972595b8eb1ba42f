"""The roll-up gives exactly the hand-worked numbers of the constructed dataset, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from coverage_dataset import AS_OF, CITY, DV, EXPECTED, T3, V3, V4, YEAR, A, B, C

from fengqiao_desktop.services import coverage


def _figures(node):
    c = node.counts
    return (
        c.stations,
        c.inspected,
        c.five_haves,
        c.demonstration,
        c.vetoed,
        node.target,
        node.gap,
        c.open,
        c.overdue,
        c.verified,
    )


@pytest.fixture
def report(coverage_url):
    return coverage.coverage_report(year=YEAR, url=coverage_url, as_of=AS_OF)


def test_numbers_match_the_constructed_dataset(report):
    nodes = {n.code or "total": n for n in report.total.walk() if n.kind != "station"}
    for key, expected in EXPECTED.items():
        assert _figures(nodes[key]) == expected, key


def test_areas_include_a_county_with_no_stations_below_and_the_city_directly(report):
    by_code = {a.code: a for a in report.areas}
    assert set(by_code) == {CITY, A, B, C}
    assert by_code[B].children[0].code == B and len(by_code[B].children) == 1
    assert "直辖" in by_code[CITY].name
    assert by_code[CITY].five_haves_pct == pytest.approx(66.7)
    assert by_code[B].demonstration_pct == 0.0


def test_station_leaves_carry_never_inspected_vetoed_and_outside_period(report):
    leaves = {s.code: s for s in report.stations()}
    assert len(leaves) == 14
    assert leaves[V4].inspected is False
    assert leaves[V3].vetoed and not leaves[V3].demonstration
    assert leaves[T3].five_haves and not leaves[T3].demonstration  # its 2027 (CST) rubric does not count
    assert leaves[DV].inspected and not leaves[DV].five_haves


def test_next_year_counts_only_what_falls_in_it(coverage_url):
    r = coverage.coverage_report(year=YEAR + 1, url=coverage_url, as_of=AS_OF.replace(year=YEAR + 1))
    c = r.total.counts
    assert (c.stations, c.inspected, c.demonstration) == (14, 1, 1)  # T3's rubric on 2027-01-01 CST
    assert c.open == 3  # findings stay open across years until verified


def test_aggregates_only_without_station_leaves(coverage_url):
    r = coverage.coverage_report(year=YEAR, url=coverage_url, as_of=AS_OF, include_stations=False)
    assert _figures(r.total) == EXPECTED["total"]
    assert not r.stations()


def test_station_inspections_newest_first_with_photos_and_findings(coverage_url):
    rows = coverage.station_inspections("620102002001", url=coverage_url)
    assert [r.id for r in rows] == ["i17", "i16", "i15"]
    assert rows[0].findings[0]["status"] == "verified"
    assert rows[0].photos[0]["caption"] == "门牌"


def test_follow_up_shows_each_finding_in_its_latest_state(coverage_url):
    v5 = coverage.station_findings("620102002001", url=coverage_url)
    assert [(f["finding_id"], f["status"], f["inspection_id"]) for f in v5] == [("fx", "verified", "i17")]
    assert v5[0]["first_seen"].startswith("2026-03-05")
    assert coverage.station_findings("620102002001", url=coverage_url, open_only=True) == []
    b = coverage.station_findings("620103000000", url=coverage_url, open_only=True)
    assert [f["finding_id"] for f in b] == ["f9"]  # last year's, still open


def test_an_empty_central_database(tmp_path, monkeypatch):
    from fengqiao_desktop.merge.db import open_central
    from fengqiao_desktop.reports.coverage_pdf import coverage_pdf_bytes
    from fengqiao_desktop.reports.coverage_xlsx import coverage_xlsx_bytes

    monkeypatch.setenv("FENGQIAO_DATA_DIR", str(tmp_path / "data"))
    c = open_central(f"sqlite:///{tmp_path / 'c.sqlite3'}", register_shipped_forms=False)
    try:
        r = coverage.coverage_report(year=2026, url=c)
    finally:
        c.dispose()
    assert r.areas == [] and r.total.counts.stations == 0 and r.total.gap == 0
    assert r.total.demonstration_pct is None
    assert coverage_pdf_bytes(r).startswith(b"%PDF") and coverage_xlsx_bytes(r)[:2] == b"PK"
