"""The station page: details, inspections with scores and verdicts, open findings, New inspection."""

from __future__ import annotations

from dataclasses import dataclass, field

from memory_source import MemorySource

from fengqiao_desktop.domain.enums import FormKind, Level, Verdict
from fengqiao_desktop.ui.stations.new_inspection import NewInspectionDialog
from fengqiao_desktop.ui.stations.page_models import InspectionsModel, OpenFindingsModel
from fengqiao_desktop.ui.stations.source import (
    FormChoice,
    InspectionRow,
    OpenFindingRow,
)
from fengqiao_desktop.ui.stations.station_page import StationPage

CODE = "620102017000"

INSPECTIONS = [
    InspectionRow(
        "i-1",
        "示范型服务站评分表（街道）",
        FormKind.RUBRIC,
        "2026-03-02",
        "completed",
        total=92.5,
        max_points=100,
        verdict=Verdict.PASS,
        revision=1,
    ),
    InspectionRow(
        "i-2",
        "五有检查表",
        FormKind.GATE,
        "2026-03-02",
        "completed",
        total=4,
        max_points=5,
        verdict=Verdict.VETO,
        revision=2,
    ),
    InspectionRow("i-3", "示范型服务站评分表（街道）", FormKind.RUBRIC, "2026-05-11", "draft"),
]
FINDINGS = [
    OpenFindingRow(
        "f-1",
        "i-2",
        "2026-03-02",
        "有服务场所",
        "hardware",
        "veto",
        "王主任",
        "2026-04-30",
        "open",
        "挂牌并配置办公桌椅",
    ),
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
        "2026-03-02",
        "有服务场所",
        "硬件设施",
        "否决项",
        "王主任",
        "2026-04-30",
        "待整改",
    ]
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


def test_new_inspection_starts_a_visit_five_haves_first_rubric_added_by_default(qtbot):
    dialog = NewInspectionDialog("东岗西路街道退役军人服务站", CHOICES, level=Level.TOWN)
    qtbot.addWidget(dialog)
    assert dialog.five_haves.isChecked()
    assert dialog.also_rubric.isChecked() and dialog.also_rubric.text() == "同时进行示范型评分"
    assert dialog.rubric.currentData() == "rubric-town"  # the level's rubric is offered first
    assert dialog.selected_form_ids() == ["five-haves", "rubric-town"]
    dialog.also_rubric.setChecked(False)
    assert dialog.selected_form_ids() == ["five-haves"]
    dialog.five_haves.setChecked(False)
    assert dialog.selected_form_ids() == []
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_a_city_centre_is_not_scored_for_the_demonstration_grade_by_default(qtbot):
    dialog = NewInspectionDialog("兰州市退役军人服务中心", CHOICES, level=Level.CITY)
    qtbot.addWidget(dialog)
    assert not dialog.also_rubric.isChecked()
    assert dialog.selected_form_ids() == ["five-haves"]
    dialog.also_rubric.setChecked(True)  # the inspector adds it
    assert dialog.selected_form_ids() == ["five-haves", "rubric-town"]


def test_new_inspection_opens_every_form_of_the_visit_as_a_tab(qtbot, sync_tasks, dialogs):
    from fengqiao_desktop.ui.main_window import MainWindow

    source = _source()
    w = MainWindow(source=source)
    qtbot.addWidget(w)
    w.set_source(source, background=False)
    w.browser.select_station(CODE)
    w.browser.page.request_new_inspection(["five-haves", "rubric-town"])
    assert source.created == [(CODE, "five-haves"), (CODE, "rubric-town")]
    assert sorted(w.open_inspection_ids()) == ["new-five-haves", "new-rubric-town"]
    # the five-haves check is shown first: it is answered first
    assert w.inspector.currentWidget() is w._editors["new-five-haves"]


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


def test_a_finding_of_no_item_is_listed_by_what_it_says(tmp_path):
    from fengqiao_desktop.roster.demo import load_demo
    from fengqiao_desktop.services.store import LocalStore
    from fengqiao_desktop.ui.stations.service_source import ServiceSource

    with LocalStore.open(tmp_path / "data") as store:
        load_demo(store.engine)
        iid = store.inspections.create(CODE, "five-haves")
        store.inspections.add_finding(
            iid,
            category="hardware",
            severity="deduction",
            description="门口台阶破损",
            measures="修补台阶",
            responsible="站长",
            deadline="2026-12-31",
        )
        [row] = ServiceSource(store).open_findings(CODE)
        assert row.item == "门口台阶破损" and row.responsible == "站长"
