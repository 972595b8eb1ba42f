"""The Coverage page: the constructed dataset's numbers in the tree, charts, click-through, exports."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "coverage"))

from coverage_dataset import AS_OF, EXPECTED, V5, YEAR, A, make_sqlite  # noqa: E402

from fengqiao_desktop.ui.bureau.context import BureauContext  # noqa: E402
from fengqiao_desktop.ui.bureau.coverage import CoveragePage  # noqa: E402
from fengqiao_desktop.ui.bureau.coverage.model import COLUMNS, CoverageModel, ValueRole  # noqa: E402

KEYS = ["stations", "inspected", "five_haves", "demonstration", None, "target", "gap", None, "overdue", None]


@pytest.fixture
def page(qtbot, tmp_path, monkeypatch, sync_tasks):
    from fengqiao_desktop.services import coverage

    monkeypatch.setenv("FENGQIAO_DATA_DIR", str(tmp_path / "data"))
    url = make_sqlite(tmp_path)
    real = coverage.coverage_report
    # the page shows "this year"; pin the dataset's year and as-of date
    monkeypatch.setattr(coverage, "coverage_report", lambda **kw: real(**{**kw, "as_of": AS_OF}))
    p = CoveragePage(BureauContext(url))
    p.year.blockSignals(True)
    p.year.setValue(YEAR)
    p.year.blockSignals(False)
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    qtbot.waitUntil(lambda: p.report is not None and p.report.year == YEAR)
    return p


def _row(model: CoverageModel, code: str, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    for r in range(model.rowCount(parent)):
        ix = model.index(r, 0, parent)
        if model.node(ix).code == code:
            return ix
    raise AssertionError(code)


def _figures(model, ix):
    out = []
    for key in KEYS:
        if key is not None:
            out.append(model.index(ix.row(), COLUMNS.index(key), ix.parent()).data(ValueRole))
    return tuple(out)


def _expected(key):
    e = EXPECTED[key]
    return (e[0], e[1], e[2], e[3], e[5], e[6], e[8])


def test_tree_has_the_dataset_numbers_and_passes_the_model_tester(page, qtmodeltester):
    m = page.model
    qtmodeltester.check(m)
    a = _row(m, A)
    assert _figures(m, a) == _expected(A)
    total = m.index(m.rowCount() - 1, 0)
    assert total.data() == "合计" and _figures(m, total) == _expected("total")
    t2 = _row(m, "620102002000", a)
    assert _figures(m, t2) == _expected("620102002000")
    assert m.index(t2.row(), COLUMNS.index("demonstration_pct"), a).data() == "0.0%"
    assert m.headerData(COLUMNS.index("gap"), Qt.Orientation.Horizontal) == "差距"


def test_charts_per_level_against_the_target(page):
    town = page.charts["town"]
    assert town.target == 60
    assert [r[0] for r in town.rows] == ["兰州市（市本级及直辖）", "城关区", "西固区"]
    assert page.charts["county"].target == 100


def _opened(page, code: str):
    """The area's row, opened as a user opens it (its stations load then)."""
    ix = _row(page.model, code)
    page.tree.expand(ix)
    return ix


def test_an_areas_stations_load_when_it_is_opened(page, qtmodeltester):
    m = page.model
    a = _row(m, A)
    t1 = _row(m, "620102001000", a)
    assert m.rowCount(t1) == 0 and m.hasChildren(t1)  # not loaded yet, but it can be opened
    assert [m.node(m.index(r, 0, a)).code for r in range(m.rowCount(a))] == ["620102001000", "620102002000"]
    page.tree.expand(a)
    # the county's own station first, then its towns; each town holds its villages
    assert [m.node(m.index(r, 0, a)).code for r in range(m.rowCount(a))] == [A, "620102001000", "620102002000"]
    t1 = _row(m, "620102001000", a)
    assert [m.node(m.index(r, 0, t1)).code for r in range(m.rowCount(t1))] == [
        "620102001000",
        "620102001001",
        "620102001002",
        "620102001003",
        "620102001004",
    ]
    assert _figures(m, a) == _expected(A)
    assert _row(m, "620102001004", t1).data() == "拱星墩社区退役军人服务站"
    c = _row(m, "620103000000")
    assert m.rowCount(c) == 0
    page.tree.expand(c)
    assert m.rowCount(c) == 1
    qtmodeltester.check(m)


def test_clicking_a_station_shows_its_inspections_and_photos(page):
    m = page.model
    a = _opened(page, A)
    t2 = _row(m, "620102002000", a)
    v5 = _row(m, V5, t2)
    page.tree.setCurrentIndex(v5)
    assert page.station_code == V5
    assert page.inspection_list.count() == 3
    assert "示范型未达标" in page.inspection_list.item(0).text()
    assert page.photo_list.count() == 1 and not page.photo_list.item(0).icon().isNull()
    # a station with last year's finding still open shows it first, for the next visit
    b = _opened(page, "620103000000")
    page.tree.setCurrentIndex(_row(m, "620103000000", b))
    assert "问题 f9" in page.inspection_list.item(0).text()
    assert "2025-12-01" in page.inspection_list.item(0).text()


def test_a_photo_whose_archived_bundle_is_gone_says_so(page):
    """A SQLite bureau keeps a plain bundle's photos in its archived copy (merge/photos.py): with
    that copy gone the photo is named unavailable, with what to do, not shown blank."""
    from sqlalchemy import update

    from fengqiao_desktop.merge import models

    with page.context.central.central().write() as conn:
        conn.execute(update(models.table_of(models.PhotoBlob)).values(data=b"", in_bundle="0" * 64))
    m = page.model
    page.tree.setCurrentIndex(_row(m, V5, _row(m, "620102002000", _opened(page, A))))
    [item] = [page.photo_list.item(i) for i in range(page.photo_list.count())]
    assert item.text() == "门牌（照片无法读取）" and item.icon().isNull()
    assert "重新导入同一个数据包文件" in item.toolTip()


def test_reloads_on_data_changed_and_exports(page, tmp_path, qtbot):
    page.report = None
    page.context.notify_changed()
    qtbot.waitUntil(lambda: page.report is not None)
    out = tmp_path / "cov.xlsx"
    page.export_to(str(out), "xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.worksheets[0].max_row > 3
    assert "已写入" not in page.status.text()


def test_english(page, qtbot):
    from fengqiao_desktop.ui import i18n

    i18n.install("en")
    page.reload()
    qtbot.waitUntil(lambda: page.report is not None and page.report.total.name == "Total")
    qtbot.waitUntil(lambda: page.refresh_button.text() == "Refresh")
    assert page.model.headerData(COLUMNS.index("gap"), Qt.Orientation.Horizontal) == "Gap"


def test_the_page_has_the_pdfs_columns_and_the_targets_line_stays(page, tmp_path):
    from fengqiao_desktop.reports.coverage_pdf import PDF_KEYS
    from fengqiao_desktop.reports.coverage_table import node_values

    m = page.model
    titles = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert COLUMNS == PDF_KEYS  # the same table as the PDF
    for word in ("一票否决", "待整改", "逾期未整改", "已销号"):
        assert word in titles
    total = m.index(m.rowCount() - 1, 0)
    for key in ("vetoed", "open", "verified"):
        assert m.index(total.row(), COLUMNS.index(key)).data(ValueRole) == node_values(page.report.total)[key]
    line = page.targets.text()
    assert line.startswith("目标")
    page.export_to(str(tmp_path / "cov.pdf"), "pdf")
    assert page.targets.text() == line and "cov.pdf" in page.status.text()


def test_chart_labels_are_whole_at_a_laptops_width(qtbot):
    """Lanzhou's eight counties in a chart as wide as at 1366×768: names slanted, none cut to "…"."""
    from fengqiao_desktop.ui.bureau.coverage.chart import LevelChart

    names = ["兰州市（市本级及直辖）", "城关区", "七里河区", "西固区", "安宁区", "红古区", "永登县", "皋兰县", "榆中县"]
    chart = LevelChart()
    qtbot.addWidget(chart)
    chart.resize(290, 300)
    chart.set_data("区（县）", [(n, 50.0, 30.0) for n in names], 100.0)
    assert chart.labels() == names
    assert not chart.grab().isNull()
    chart.resize(600, 300)  # wide enough: written straight
    assert chart.labels() == names


def test_the_page_opens_the_central_database_once(page, monkeypatch):
    """Showing stations reads through the page's session: no database opened per call."""
    from fengqiao_desktop.merge import db
    from fengqiao_desktop.services import central

    opened = []
    real = db.open_central

    def counting(*a, **kw):
        opened.append(a)
        return real(*a, **kw)

    monkeypatch.setattr(db, "open_central", counting)
    monkeypatch.setattr(central, "open_central", counting)
    m = page.model
    a = _opened(page, A)
    v5 = _row(m, V5, _row(m, "620102002000", a))
    for _ in range(3):
        page.tree.setCurrentIndex(v5)
        page.tree.setCurrentIndex(_row(m, "620102002000", a))
    page.reload()
    assert page.station_code == V5 and page.inspection_list.count() == 3 and opened == []
    assert page.context.central.opened == 1  # the first load opened (and migrated) it, once
