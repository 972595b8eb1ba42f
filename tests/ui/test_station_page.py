"""The station page: details, inspections with scores and verdicts, open findings, New inspection."""

from __future__ import annotations

from dataclasses import dataclass, field

from fengqiao_desktop.domain.enums import FormKind, Level, Verdict
from fengqiao_desktop.ui.stations.new_inspection import NewInspectionDialog
from fengqiao_desktop.ui.stations.page_models import InspectionsModel, OpenFindingsModel
from fengqiao_desktop.ui.stations.source import (
    FormChoice,
    InspectionRow,
    MemorySource,
    OpenFindingRow,
)
from fengqiao_desktop.ui.stations.station_page import StationPage

CODE = "620102017000"

INSPECTIONS = [
    InspectionRow("i-1", "示范型服务站评分表（街道）", FormKind.RUBRIC, "2026-03-02", "completed",
                  total=92.5, max_points=100, verdict=Verdict.PASS, revision=1),
    InspectionRow("i-2", "五有检查表", FormKind.GATE, "2026-03-02", "completed",
                  total=4, max_points=5, verdict=Verdict.VETO, revision=2),
    InspectionRow("i-3", "示范型服务站评分表（街道）", FormKind.RUBRIC, "2026-05-11", "draft"),
]
FINDINGS = [
    OpenFindingRow("f-1", "i-2", "2026-03-02", "有服务场所", "hardware", "veto", "王主任", "2026-04-30",
                   "open", "挂牌并配置办公桌椅"),
]
CHOICES = [
    FormChoice("five-haves", "五有检查表", FormKind.GATE, "1"),
    FormChoice("rubric-county", "示范型评分表（区县）", FormKind.RUBRIC, "1"),
    FormChoice("rubric-town", "示范型评分表（街道）", FormKind.RUBRIC, "1", default=True),
]


@dataclass
class VisitedSource(MemorySource):
    """The demo roster plus inspections of one station, as the services would return them."""

    created: list = field(default_factory=list)

    def inspections(self, code):
        return INSPECTIONS if code == CODE else []

    def open_findings(self, code):
        return FINDINGS if code == CODE else []

    def form_choices(self, level):
        return CHOICES

    def create_inspection(self, code, form_id):
        self.created.append((code, form_id))
        return f"new-{form_id}"


def _source():
    from fengqiao_desktop.roster.demo import demo_rows

    base = MemorySource.from_roster(demo_rows())
    return VisitedSource(rows=base.rows, details_by_code=base.details_by_code)


def test_page_shows_scores_verdicts_and_open_findings(qtbot):
    page = StationPage(_source())
    qtbot.addWidget(page)
    page.show_station(CODE)
    m = page.inspections
    assert m.rowCount() == 3
    assert m.index(0, 3).data() == "92.5 / 100"
    assert m.index(0, 4).data() == "示范型达标"
    assert m.index(1, 4).data() == "一票否决"
    assert m.index(1, 2).data() == "已完成 (r2)"
    assert m.index(2, 2).data() == "草稿" and m.index(2, 4).data() == ""
    f = page.findings
    assert f.rowCount() == 1
    assert [f.index(0, c).data() for c in range(7)] == [
        "2026-03-02", "有服务场所", "硬件设施", "否决项", "王主任", "2026-04-30", "待整改"]
    assert not page.findings_box.isHidden()


def test_page_without_findings_hides_that_box(qtbot):
    page = StationPage(_source())
    qtbot.addWidget(page)
    page.show_station("620100000000")
    assert page.findings_box.isHidden()
    assert page.inspections.rowCount() == 0
    assert page.demo_note.text() and not page.demo_note.isHidden()


def test_page_models_pass_the_model_tester(qtmodeltester):
    m = InspectionsModel()
    m.set_rows(INSPECTIONS)
    qtmodeltester.check(m)
    f = OpenFindingsModel()
    f.set_rows(FINDINGS)
    qtmodeltester.check(f)


def test_new_inspection_dialog_defaults_to_the_level_rubric_plus_five_haves(qtbot):
    dialog = NewInspectionDialog("东岗西路街道退役军人服务站", CHOICES)
    qtbot.addWidget(dialog)
    assert dialog.picked().form_id == "rubric-town"
    assert dialog.also_gate.isChecked()
    assert dialog.selected_form_ids() == ["rubric-town", "five-haves"]
    dialog.also_gate.setChecked(False)
    assert dialog.selected_form_ids() == ["rubric-town"]
    dialog.radios[0].setChecked(True)  # the five-haves alone
    assert dialog.selected_form_ids() == ["five-haves"]


def test_new_inspection_creates_and_opens_it(qtbot, sync_tasks, dialogs):
    from fengqiao_desktop.ui.main_window import MainWindow

    source = _source()
    w = MainWindow(source=source)
    qtbot.addWidget(w)
    w.set_source(source, background=False)
    w.browser.select_station(CODE)
    w.browser.page.request_new_inspection(["rubric-town", "five-haves"])
    assert source.created == [(CODE, "rubric-town"), (CODE, "five-haves")]
    assert w.open_inspection_ids() == ["new-rubric-town"]
    assert w.inspector.currentIndex() == w.inspector.count() - 1


def test_double_click_on_an_inspection_opens_it(qtbot, sync_tasks, dialogs):
    from fengqiao_desktop.ui.main_window import MainWindow

    source = _source()
    w = MainWindow(source=source)
    qtbot.addWidget(w)
    w.set_source(source, background=False)
    w.browser.select_station(CODE)
    view = w.browser.page.inspections_view
    with qtbot.waitSignal(w.inspection_opened) as opened:
        view.doubleClicked.emit(view.model().index(0, 1))
    assert opened.args == ["i-1"]


def test_level_labels_follow_the_language(qtbot):
    from fengqiao_desktop.ui import i18n

    page = StationPage(_source())
    qtbot.addWidget(page)
    page.show_station(CODE)
    assert page.values["level"].text() == Level.TOWN.zh
    i18n.install("en")
    page.retranslate()
    assert page.values["level"].text() == Level.TOWN.en
    assert page.inspections.index(0, 4).data() == "Demonstration grade: met"
