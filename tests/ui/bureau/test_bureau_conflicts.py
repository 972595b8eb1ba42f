"""Conflicts page: two laptops edited the same inspection; compare side by side, pick a winner with a reason."""

from __future__ import annotations

from datetime import timedelta

from merge_helpers import BASE_TIME, RUBRIC, rubric_answers
from PySide6.QtCore import Qt

from fengqiao_desktop.services import central as svc
from fengqiao_desktop.ui.bureau.conflicts.compare_model import DIFF_COLOUR
from fengqiao_desktop.ui.bureau.conflicts.page import ConflictsPage
from fengqiao_desktop.ui.bureau.imports.page import ImportPage

IID = "66666666-6666-4666-8666-666666666666"


def make_conflict(central, qtbot, context):
    """Both laptops turn revision 1 into a revision 2 of their own; imported through the Import page."""
    a, b = central.device("张三"), central.device("李四")
    base = a.record(RUBRIC, inspection_id=IID, revision=1)
    ra = a.record(
        RUBRIC,
        inspection_id=IID,
        revision=2,
        answers=rubric_answers(b1=12, c1="fair"),
        completed_at=BASE_TIME + timedelta(hours=1),
        audit=base["audit"] + [{"action": "edit", "by": a.key_id}],
    )
    rb = b.record(
        RUBRIC,
        inspection_id=IID,
        revision=2,
        answers=rubric_answers(b1=39.5),
        completed_at=BASE_TIME + timedelta(hours=2),
        audit=base["audit"] + [{"action": "edit", "by": b.key_id}],
    )
    page = ImportPage(context)
    qtbot.addWidget(page)
    page.import_paths(
        [a.export(central.tmp / "a", [base]), a.export(central.tmp / "a", [ra]), b.export(central.tmp / "b", [rb])]
    )
    assert [o.status for o in page.outcomes] == ["imported"] * 3
    return ra, rb


def _compare_row(page, label_part: str) -> list:
    m = page.compare_model
    for r in range(m.rowCount()):
        if label_part in m.index(r, 0).data():
            return [m.index(r, c) for c in range(m.columnCount())]
    raise AssertionError(label_part)


def test_compare_and_resolve_through_the_page(qtbot, qtmodeltester, sync_tasks, central, context):
    ra, rb = make_conflict(central, qtbot, context)
    page = ConflictsPage(context)
    qtbot.addWidget(page)
    page.reload()
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 1
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[0] == ra["station_code"] and row[3] == "待处理"
    assert "张三" in row[2] and "李四" in row[2]

    # the comparison of the selected conflict: one answer/points column pair per revision
    qtmodeltester.check(page.compare_model)
    assert page.compare_model.columnCount() == 2 + 2 * 2
    sides = page.comparison.revisions
    a_col = 2 + 2 * next(i for i, s in enumerate(sides) if s.inspector.startswith("张三"))
    b_col = 2 + 2 * next(i for i, s in enumerate(sides) if s.inspector.startswith("李四"))
    hall = _compare_row(page, "服务大厅")
    assert hall[a_col + 1].data() == "12" and hall[b_col + 1].data() == "39.5"
    assert "大厅整洁" in hall[a_col].data()  # the inspector's note is shown
    assert hall[0].data(Qt.ItemDataRole.BackgroundRole).color().name() == DIFF_COLOUR
    same = _compare_row(page, "无弄虚作假")
    assert same[a_col].data() == "是" and same[0].data(Qt.ItemDataRole.BackgroundRole) is None
    visits = _compare_row(page, "走访")
    assert visits[a_col].data() == "中" and visits[b_col].data() == "好"
    totals = _compare_row(page, "总分")
    assert totals[a_col].data().startswith(f"{ra['score']['total']:g} /")
    assert totals[b_col].data().startswith(f"{rb['score']['total']:g} /")
    # 张三 created the inspection: 李四's revision never wins by itself, however late
    assert _compare_row(page, "当前胜出")[a_col].data() == "胜出"
    assert page.comparison.station_name and page.comparison.station_name in page.heading.text()
    assert ra["station_code"] in page.heading.text()

    # hand it over to 李四's revision: a reason is required
    loser = next(s for s in sides if s.inspector.startswith("李四"))
    assert page.choose_winner(loser.sha256)
    page.by_edit.setText("王科长")
    page.reason_edit.clear()
    assert not page.resolve_button.isEnabled()
    page.reason_edit.setText("现场复核以李四的记录为准")
    assert page.resolve_button.isEnabled()
    with qtbot.waitSignal(context.data_changed):
        page.resolve_button.click()

    [c] = svc.conflicts_list(url=central.url)
    assert c.status == "resolved" and c.winner_sha256 == loser.sha256
    assert c.reason == "现场复核以李四的记录为准" and c.resolved_by == "王科长"
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[3] == "已裁定" and row[6] == "现场复核以李四的记录为准" and "王科长" in row[5]
    assert "李四" in row[4]
    assert _compare_row(page, "当前胜出")[b_col].data() == "胜出"


def test_no_conflicts_says_so(qtbot, sync_tasks, central, context):
    page = ConflictsPage(context)
    qtbot.addWidget(page)
    page.reload()
    assert page.model.rowCount() == 0 and not page.empty.isHidden()
    assert page.compare_model.columnCount() == 0 and not page.resolve_button.isEnabled()


def test_decided_by_defaults_to_the_profile_not_the_login_name(qtbot, sync_tasks, central, context):
    from fengqiao_desktop.bundle.keys import KeyStore

    page = ConflictsPage(context)
    qtbot.addWidget(page)
    assert page.by_edit.text() == ""  # no profile yet: the clerk types a name (not "root")
    KeyStore().init("王科长", "城关区退役军人事务局", passphrase="correct horse battery")
    page = ConflictsPage(context)
    qtbot.addWidget(page)
    assert page.by_edit.text() == "王科长"
