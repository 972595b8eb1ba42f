"""One visit in the editor: the five haves answered once, the visit verdict, one numbering,
completing as a decision, and revisions that stay honest (current PDF, who and what in the trail).

Everything here runs over the real local store and the real editor widgets.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from fengqiao_desktop import config
from fengqiao_desktop.domain import InspectionStatus, Level
from fengqiao_desktop.errors import InspectionError
from fengqiao_desktop.formengine.scoring import Answer
from fengqiao_desktop.roster.model import StationRow
from fengqiao_desktop.services.store import LocalStore
from fengqiao_desktop.storage.stations import StationRepo
from fengqiao_desktop.ui.editor.lifecycle import CompleteSummaryDialog, RefusalDialog

TOWN = "620102017000"
FIVE = ["jigou", "bianzhi", "renyuan", "jingfei", "baozhang"]


@pytest.fixture
def store(tmp_path):
    st = LocalStore.open(tmp_path / "data")
    with st.session(write=True) as s:
        StationRepo.upsert_many(
            s,
            [
                StationRow("620100000000", "兰州市退役军人服务中心", Level.CITY, None),
                StationRow("620102000000", "城关区退役军人服务中心", Level.COUNTY, "620100000000"),
                StationRow(TOWN, "东岗西路街道退役军人服务站", Level.TOWN, "620102000000"),
            ],
        )
    yield st
    st.close()


def _editor(qtbot, store, iid):
    from fengqiao_desktop.ui.editor.editor_widget import InspectionEditor
    from fengqiao_desktop.ui.editor.runner import SyncRunner

    ed = InspectionEditor(store, iid, runner=SyncRunner(), lang="zh")
    qtbot.addWidget(ed)
    ed.resize(1366, 768)
    return ed


def _jpeg(path: Path, colour=(40, 90, 160)) -> str:
    Image.new("RGB", (400, 300), colour).save(path, "JPEG")
    return str(path)


def _rubric_full_marks(store, rid):
    """Every item of the rubric answered here with full marks (the linked ones are not its own)."""
    form = store.inspections.form_of(rid)
    answers = {}
    for it in form.items.values():
        if it.source is not None or not it.scored:
            continue
        answers[it.id] = Answer(value=True) if it.type.value == "yes_no" else Answer(value=it.max)
    store.inspections.set_answers(rid, answers)


def test_a_draft_five_haves_check_with_one_unmet_item_vetoes_the_rubric_on_screen(qtbot, store):
    """Regression: the panel said 一票否决 while the sheet said pass; now one rule, and it says veto."""
    gid = store.inspections.create(TOWN, "five-haves", "张三")
    rid = store.inspections.create(TOWN, "demonstration-town", "张三")
    store.inspections.set_answer(gid, "jigou", False, note="无统一牌匾")
    ed = _editor(qtbot, store, rid)
    assert ed.score_panel.verdict.text().startswith("一票否决")
    assert "五有未达标" in ed.score_panel.verdict.text()
    assert ed.score_panel.gate.text() == "本次走访五有检查：未达标"


def test_the_rubric_is_pending_never_pass_until_the_five_haves_are_answered(qtbot, store):
    gid = store.inspections.create(TOWN, "five-haves", "张三")
    rid = store.inspections.create(TOWN, "demonstration-town", "张三")
    _rubric_full_marks(store, rid)
    ed = _editor(qtbot, store, rid)
    assert ed.score_panel.verdict.text() == "待定（五有尚未查完）"
    assert "达标" not in ed.score_panel.verdict.text()
    for item in FIVE:
        store.inspections.set_answer(gid, item, True)
    ed.refresh_visit()
    assert ed.score_panel.verdict.text() == "示范型达标"
    assert ed.score_panel.gate.text() == "本次走访五有检查：达标"


def test_linked_items_show_the_checks_answer_read_only_and_a_rubric_alone_answers_them(qtbot, store, tmp_path):
    alone = store.inspections.create(
        TOWN, "demonstration-town", "张三", visit_date=dt.date.today() - dt.timedelta(days=30)
    )
    ed = _editor(qtbot, store, alone)
    assert not ed.rows["A1"].is_linked and not ed.rows["A1"].answer_widget.isHidden()

    gid = store.inspections.create(TOWN, "five-haves", "张三")
    rid = store.inspections.create(TOWN, "demonstration-town", "张三")
    store.inspections.set_answer(gid, "jigou", True, note="牌匾齐全")
    store.photos.attach(gid, store.photos.ingest(_jpeg(tmp_path / "sign.jpg")), "jigou")
    ed = _editor(qtbot, store, rid)
    for no in ["A1", "A2", "A3", "A4", "A5"]:
        row = ed.rows[no]
        assert row.is_linked and row.answer_widget.isHidden() and row.note.isHidden()
        assert not row.source_btn.isHidden() and row.source_btn.text() == "在五有检查中作答"
    assert ed.rows["A1"].linked.text() == "取自五有检查第 1 项：是 · 备注：牌匾齐全 · 照片 1 张"
    assert ed.rows["A2"].linked.text() == "取自五有检查第 2 项：未作答 · 照片 0 张"
    assert not ed.rows["B1"].is_linked
    ed.focus_first()  # the keyboard starts at the first item answered here
    assert ed.current_item() == "B1"
    ed.focus_item("A5")
    ed.focus_next("A5")
    assert ed.current_item() == "B1"
    # one numbering: the form's numbers on the rows and in the panel, never 1.1
    assert ed.rows["B1"].findChild(type(ed.title)).text().startswith("<b>B1</b>")
    missing = [ed.score_panel.missing.item(i).text() for i in range(ed.score_panel.missing.count())]
    assert "未评分：A2 有编制" in missing and not any("1.1" in m for m in missing)


def test_cannot_complete_yet_names_items_by_their_numbers_in_either_language(store):
    rid = store.inspections.create(TOWN, "demonstration-town", "张三")
    with pytest.raises(InspectionError) as err:
        store.inspections.complete(rid)
    zh, en = str(err.value.user_message()), err.value.message_en
    assert "A1（有机构）" in zh and "B1（" in zh
    assert "A1 (Organisation set up)" in en and "B1 (" in en
    assert "1.1" not in zh + en


def _five_haves_ready(store, gid, tmp_path, *, unmet: str | None = None):
    for k, item in enumerate(FIVE):
        store.inspections.set_answer(gid, item, item != unmet)
        store.photos.attach(gid, store.photos.ingest(_jpeg(tmp_path / f"{item}.jpg", (k * 40, 80, 90))), item)


def test_complete_shows_a_summary_and_cancel_locks_nothing(qtbot, store, tmp_path):
    gid = store.inspections.create(TOWN, "five-haves", "张三")
    store.inspections.create(TOWN, "demonstration-town", "张三")
    _five_haves_ready(store, gid, tmp_path)
    store.inspections.add_finding(
        gid,
        category="hardware",
        severity="advice",
        item_id="baozhang",
        description="制度上墙内容过时",
        measures="更新上墙制度",
        responsible="王站长",
        deadline="2026-12-31",
    )
    ed = _editor(qtbot, store, gid)
    ed.show()
    ed.complete_btn.click()
    dlg = ed.findChild(CompleteSummaryDialog, "complete_summary")
    assert dlg is not None and dlg.isVisible()
    text = dlg.summary_text()
    assert "得分 5 / 5 — 五有达标" in text
    assert "五有达标检查：五有达标" in text  # the visit's verdicts, this form first
    assert "示范型退役军人服务站评分表（街道乡镇级）" in text  # ... and the rubric of the same visit
    assert "整改事项：1 项" in text
    assert "照片：5 张" in text
    dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert store.inspections.get(gid).status is InspectionStatus.DRAFT  # nothing locked
    assert not ed.view.locked

    dlg = ed.ask_complete()
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert store.inspections.get(gid).status is InspectionStatus.COMPLETED
    assert ed.view.locked


def test_a_finding_lacking_printed_fields_blocks_completion_and_the_refusal_opens_it(qtbot, store, tmp_path):
    """A finding kept without 整改措施 (an earlier release allowed it): 完成 is refused, the
    refusal names the finding and what is missing, and opening it there puts the cursor in
    the empty field; the dialog's OK then stores it and completion goes through."""
    from fengqiao_desktop.storage.models import Finding
    from fengqiao_desktop.ui.editor.findings import FindingDialog

    gid = store.inspections.create(TOWN, "five-haves", "张三")
    _five_haves_ready(store, gid, tmp_path)
    f = store.inspections.add_finding(
        gid,
        category="hardware",
        severity="advice",
        item_id="baozhang",
        description="制度上墙内容过时",
        measures="更新上墙制度",
        responsible="王站长",
        deadline="2026-12-31",
    )
    with store.session(write=True) as s:
        s.get(Finding, f.id).measures = ""
    ed = _editor(qtbot, store, gid)
    ed.show()
    ed.complete_btn.click()
    assert ed.findChild(CompleteSummaryDialog, "complete_summary") is None  # refused before the summary
    refusal = ed.findChild(RefusalDialog, "refusal")
    assert refusal is not None and refusal.isVisible()
    head = refusal.findChild(QLabel).text()
    assert "5" in head and "制度上墙内容过时" in head and "整改措施" in head
    [line] = [refusal.list.item(i) for i in range(refusal.list.count())]
    assert line.text() == "5 有保障：制度上墙内容过时 — 缺少：整改措施"
    # the finding is selected in the table, and opening the line opens it
    assert ed.findings_ctl.panel.view.currentIndex().row() == 0
    refusal.list.itemActivated.emit(line)
    dlg = ed.findChild(FindingDialog, "findingDialog")
    assert dlg is not None and dlg.isVisible() and not refusal.isVisible()
    qtbot.waitUntil(dlg.measures.hasFocus)
    dlg.accept()  # still empty: the service refuses, the dialog stays with the reason
    assert dlg.isVisible() and "整改措施" in dlg.error.text()
    dlg.measures.setPlainText("按新规更新上墙制度")
    dlg.accept()
    assert not dlg.isVisible()
    assert store.inspections.findings(gid)[0].measures == "按新规更新上墙制度"
    dlg = ed.ask_complete()
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert store.inspections.get(gid).status is InspectionStatus.COMPLETED


def test_open_pdf_opens_the_current_revisions_sheet_and_the_trail_says_who_and_what(
    qtbot, store, tmp_path, monkeypatch
):
    import pdfplumber

    gid = store.inspections.create(TOWN, "five-haves", "张三")
    _five_haves_ready(store, gid, tmp_path)
    ed = _editor(qtbot, store, gid)
    assert ed.complete()
    first = tmp_path / "sheet.pdf"
    ed.save_pdf(str(first))
    for box in QApplication.topLevelWidgets():
        if box.objectName() == "pdf_saved":
            box.close()
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(QUrl(url).toLocalFile()) or True)
    )
    ed.open_pdf()
    assert opened == [str(first)]  # nothing changed: the file just written

    ed.reopen("有机构复核：牌匾为临时牌匾")
    ed.rows["jigou"].answer_widget.no.click()  # 是 -> 否, as the inspector would
    assert ed.complete()
    assert ed.view.revision == 2
    ed.open_pdf()
    assert len(opened) == 2 and opened[1] != str(first)
    assert "第2版" in Path(opened[1]).name
    with pdfplumber.open(opened[1]) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "修订 2" in text and "五有未达标" in text
    with pdfplumber.open(first) as pdf:
        assert "修订 1" in "\n".join(p.extract_text() or "" for p in pdf.pages)

    audit = ed.show_audit()
    m = audit.model
    rows = [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert headers == ["版本", "时间", "操作", "原因", "操作人", "变更内容"]
    assert [r[2] for r in rows] == ["创建", "完成", "重新打开修改", "修改答案", "完成"]
    changed = rows[3]
    assert changed[5] == "1：是 → 否"
    assert changed[3] == "有机构复核：牌匾为临时牌匾"
    assert all(r[4] == "张三" for r in rows)  # 操作人 filled on every row
    assert rows[4][5] == "4 分，五有未达标"
    audit.close()


def test_a_new_visit_opens_both_tabs_and_the_rubric_follows_the_check_live(qtbot, tmp_path, sync_tasks, dialogs):
    from fengqiao_desktop.ui.app import open_data
    from fengqiao_desktop.ui.main_window import MainWindow

    config.set_data_dir(tmp_path / "data")
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    open_data(w, demo=True)
    qtbot.waitUntil(lambda: w.store is not None and w.browser.model.rowCount() > 0, timeout=10000)
    w.browser.select_station(TOWN)
    w.browser.page.request_new_inspection(["five-haves", "demonstration-town"])
    gate = w.inspector.currentWidget()
    assert gate.form.id == "five-haves"
    rubric = next(e for e in w._editors.values() if e is not gate)
    assert rubric.form.id == "demonstration-town" and rubric.visit_id() == gate.visit_id()
    assert rubric.score_panel.verdict.text() == "待定（五有尚未查完）"

    # answered once, in the check: the rubric's A1 follows at once
    gate.rows["jigou"].answer_widget.yes.click()
    assert rubric.rows["A1"].linked.text().startswith("取自五有检查第 1 项：是")
    gate.add_photo_files("jigou", [_jpeg(tmp_path / "plate.jpg")])
    # the store's photos_changed reaches the window on the GUI thread's next turn
    qtbot.waitUntil(lambda: rubric.rows["A1"].linked.text().endswith("照片 1 张"), timeout=3000)
    gate.rows["bianzhi"].answer_widget.no.click()
    assert rubric.score_panel.verdict.text().startswith("一票否决")
    # the way back from the rubric to the check, on the item
    rubric.rows["A3"].source_btn.click()
    assert w.inspector.currentWidget() is gate
    assert gate.current_item() == "renyuan"
    for ed in list(w._editors.values()):
        ed.close()


def test_the_visit_in_english_is_all_english(qtbot, store, tmp_path):
    from fengqiao_desktop.ui import i18n
    from fengqiao_desktop.ui.editor.editor_widget import InspectionEditor
    from fengqiao_desktop.ui.editor.runner import SyncRunner

    i18n.install("en")
    gid = store.inspections.create(TOWN, "five-haves", "Zhang")
    rid = store.inspections.create(TOWN, "demonstration-town", "Zhang")
    store.inspections.set_answer(gid, "bianzhi", False)
    ed = InspectionEditor(store, rid, runner=SyncRunner(), lang="en")
    qtbot.addWidget(ed)
    assert ed.score_panel.verdict.text() == "Veto\nVeto: Five haves not met; A2 Staffing posts approved"
    assert ed.score_panel.gate.text() == "Five-haves check of this visit: not met"
    assert ed.rows["A2"].linked.text() == "Five-haves check, item 2: No · photos: 0"
    assert ed.rows["A2"].source_btn.text() == "Answer in the five-haves check"
    assert ed.tab_title() == "Rubric · 东岗西路街道退役军人服务站"
    for text in (ed.score_panel.verdict.text(), ed.score_panel.gate.text(), ed.rows["A1"].linked.text()):
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), text
    # "cannot complete yet" in English only, numbered as on paper
    assert ed.ask_complete() is None
    refusal = ed.findChild(RefusalDialog, "refusal")
    assert refusal.windowTitle() == "Cannot complete yet"
    head = refusal.findChild(QLabel).text()
    assert head.startswith("The inspection cannot be completed yet: missing answers: A1 (Organisation set up)")
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in head.replace("东岗西路街道退役军人服务站", ""))
    refusal.close()


def _draw(pad, points):
    """A stroke with the mouse: press, moves with the button held, release."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton

    def send(kind, pos, button, buttons):
        p = QPointF(*pos)
        QApplication.sendEvent(
            pad, QMouseEvent(kind, p, pad.mapToGlobal(p), button, buttons, Qt.KeyboardModifier.NoModifier)
        )

    send(QEvent.Type.MouseButtonPress, points[0], left, left)
    for pos in points[1:]:
        send(QEvent.Type.MouseMove, pos, none, left)
    send(QEvent.Type.MouseButtonRelease, points[-1], left, none)


def test_the_station_head_and_the_inspector_sign_on_screen_when_completing(qtbot, store, tmp_path):
    """The summary offers a pad per signer, the station head's name from the roster; what is
    drawn is kept with the revision and goes into its record; Clear starts a pad again."""
    with store.session(write=True) as s:
        from fengqiao_desktop.storage.models import Station

        s.get(Station, TOWN).contact = "王建国"
    gid = store.inspections.create(TOWN, "five-haves", "张三")
    _five_haves_ready(store, gid, tmp_path)
    ed = _editor(qtbot, store, gid)
    ed.show()
    dlg = ed.ask_complete()
    qtbot.waitUntil(dlg.isVisible)
    assert dlg.head.name.text() == "王建国" and dlg.inspector.name.text() == "张三"
    assert dlg.head.pad.is_empty() and not dlg.head.clear_btn.isEnabled()
    head, mine = dlg.head.pad, dlg.inspector.pad
    _draw(head, [(20, 60), (60, 20), (100, 70), (140, 25)])
    assert not head.is_empty() and dlg.head.clear_btn.isEnabled()
    dlg.head.clear_btn.click()
    assert head.is_empty()
    _draw(head, [(20, 60), (60, 20), (100, 70), (140, 25)])
    _draw(head, [(30, 80), (150, 78)])
    _draw(mine, [(40, 40), (80, 80), (120, 30)])
    dlg.inspector.name.clear()  # a drawn signature needs its name: the dialog says so and stays
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dlg.isVisible() and "检查人" in dlg.error.text()
    assert store.inspections.get(gid).status is InspectionStatus.DRAFT
    dlg.inspector.name.setText("张三")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert store.inspections.get(gid).status is InspectionStatus.COMPLETED
    [(_rev, _at, record)] = store.inspections.snapshots(gid)
    sigs = {g["role"]: g for g in record["signatures"]}
    assert sigs["station_head"]["name"] == "王建国" and len(sigs["station_head"]["strokes"]) == 2
    assert sigs["inspector"]["name"] == "张三" and len(sigs["inspector"]["strokes"]) == 1
    scale = 1000 / max(head.width(), head.height())
    assert sigs["station_head"]["strokes"][0][0] == [round(20 * scale), round(60 * scale)]


def test_a_finger_signs_the_pad_too(qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from fengqiao_desktop.ui.editor.signature_pad import SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(300, 120)
    pad.show()
    qtbot.waitExposed(pad)
    device = QTest.createTouchDevice()
    QTest.touchEvent(pad, device).press(0, QPoint(30, 90))
    QTest.touchEvent(pad, device).move(0, QPoint(150, 30))
    QTest.touchEvent(pad, device).move(0, QPoint(270, 90))
    QTest.touchEvent(pad, device).release(0, QPoint(270, 90))
    [stroke] = pad.strokes()  # one stroke, in the 0..1000 box (a pixel or two of frame aside)
    assert all(
        abs(a - b) <= 10
        for p, q in zip(stroke, [[100, 300], [500, 100], [900, 300]], strict=True)
        for a, b in zip(p, q, strict=True)
    )
    pad.clear()
    assert pad.is_empty() and pad.strokes() == []
