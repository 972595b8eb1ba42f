"""The station tree filters by what is left to do, with counts: over the real local store."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image

from fengqiao_desktop.domain import FindingCategory, Severity
from fengqiao_desktop.ui.main_window import MainWindow
from fengqiao_desktop.ui.stations import filters

DRAFT_AT = "620102017000"  # 东岗西路街道 (town): a draft
DONE_AT = "620102001001"  # 武都路社区 (village): completed, not exported, with an overdue finding from before


@pytest.fixture
def window(qtbot, sync_tasks, dialogs):
    from fengqiao_desktop.ui.app import open_data

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    open_data(w, demo=True)
    return w


def _complete_five_haves(store, code, tmp_path) -> str:
    iid = store.inspections.create(code, "five-haves")
    form = store.inspections.form_of(iid)
    for n, it in enumerate(form.items.values()):
        store.inspections.set_answer(iid, it.id, True)
        for k in range(it.min_photos):
            p = tmp_path / f"{n}-{k}.jpg"
            Image.new("RGB", (320, 240), (20 * n % 255, 40, 60 + k)).save(p, "JPEG")
            store.photos.add_photo(iid, p, it.id, "佐证")
    store.inspections.complete(iid)
    return iid


def _visible_codes(browser) -> set[str]:
    tree, model = browser.tree, browser.model
    out = set()

    def walk(parent):
        for r in range(model.rowCount(parent)):
            if tree.isRowHidden(r, parent):
                continue
            ix = model.index(r, 0, parent)
            out.add(model.row_for_index(ix).code)
            walk(ix)

    walk(model.index(-1, -1))
    return out


def test_filters_show_the_work_left_with_counts(window, tmp_path):
    store = window.store
    assert store.stations.get(DONE_AT) is not None, "the demo roster has the second town"
    store.inspections.create(DRAFT_AT, "five-haves")
    # an earlier visit left a finding whose deadline has passed
    earlier = store.inspections.create(DONE_AT, "five-haves")
    store.inspections.add_finding(
        earlier,
        category=FindingCategory.HARDWARE,
        severity=Severity.DEDUCTION,
        description="服务大厅无无障碍通道",
        responsible="站长",
        deadline=dt.date.today() - dt.timedelta(days=3),
        measures="加装坡道",
    )
    _complete_five_haves(store, DONE_AT, tmp_path)
    window.browser.reload()
    f = window.browser.filter
    total = window.browser.model.station_count()

    assert f.counts == {
        filters.ALL: total,
        filters.NOT_INSPECTED: total - 2,
        filters.DRAFT: 2,
        filters.NOT_EXPORTED: 1,
        filters.OPEN_FINDINGS: 1,
        filters.OVERDUE: 1,
    }
    assert f.combo.itemText(filters.FILTERS.index(filters.OVERDUE)) == "整改逾期（1）"

    f.set_current(filters.DRAFT)
    shown = _visible_codes(window.browser)
    assert {DRAFT_AT, DONE_AT} <= shown  # the earlier visit at DONE_AT is still a draft
    assert {"620102000000", "620102001000"} <= shown  # their county and town are kept: where they are
    assert "620102017002" not in shown

    f.set_current(filters.OVERDUE)
    assert DONE_AT in _visible_codes(window.browser) and DRAFT_AT not in _visible_codes(window.browser)

    f.set_current(filters.NOT_INSPECTED)
    shown = _visible_codes(window.browser)
    assert DONE_AT not in shown and "620102017002" in shown
    assert DRAFT_AT in shown  # not itself, but the parent of villages never inspected

    f.set_current(filters.ALL)
    assert len(_visible_codes(window.browser)) == total
