"""The live score panel: total, verdict in words, a bar per section, what is still missing.

It shows a ``ScoreResult`` scored by the visit rule (via the service) and the
state of the visit's five-haves check: a rubric is *pending* (待定) while the
check is unanswered and vetoed (一票否决) as soon as the check fails, never
"pass" before the check is answered. Nothing is decided here; clicking a missing answer or missing evidence asks the editor to
jump to that item.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.domain import FormKind, Verdict
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.scoring import ScoreResult
from fengqiao_desktop.formengine.visit import FIVE_HAVES_VETO, FIVE_HAVES_VETO_EN, GateState
from fengqiao_desktop.ui.editor.backend import VisitInfo
from fengqiao_desktop.ui.editor.words import gate_state_text

_VERDICT_COLOURS = {
    Verdict.PASS: "#2e7d32",
    Verdict.FAIL: "#e65100",
    Verdict.VETO: "#c62828",
    Verdict.PENDING: "#6d4c41",
}


class ScorePanel(QWidget):
    jump_requested = Signal(str)  # item id

    def __init__(self, form: FormDef, numbers: dict[str, str], lang: str = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.form = form
        self.lang = lang
        self.numbers = numbers
        self.setMinimumWidth(250)
        self.total = QLabel()
        self.total.setObjectName("total")
        f = self.total.font()
        f.setPointSizeF(f.pointSizeF() * 2.0)
        f.setBold(True)
        self.total.setFont(f)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        vf = self.verdict.font()
        vf.setPointSizeF(vf.pointSizeF() * 1.3)
        vf.setBold(True)
        self.verdict.setFont(vf)
        self.verdict.setWordWrap(True)
        self.pass_mark = QLabel()
        self.pass_mark.setStyleSheet("color: #555;")
        self.gate = QLabel()
        self.gate.setObjectName("gate")
        self.gate.setWordWrap(True)
        self.gate.hide()

        self.bars: dict[str, QProgressBar] = {}
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        for row, sec in enumerate(form.sections):
            name = QLabel(sec.title.get(lang))
            name.setWordWrap(True)
            bar = QProgressBar()
            bar.setRange(0, max(int(round(sec.max * 10)), 1))
            bar.setTextVisible(True)
            bar.setMaximumHeight(16)
            self.bars[sec.id] = bar
            grid.addWidget(name, row * 2, 0)
            grid.addWidget(bar, row * 2 + 1, 0)

        self.missing_title = QLabel()
        self.missing = QListWidget()
        self.missing.setObjectName("missing")
        self.missing.itemActivated.connect(self._activated)
        self.missing.itemClicked.connect(self._activated)
        self.missing.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        lay = QVBoxLayout(self)
        lay.addWidget(self.total)
        lay.addWidget(self.verdict)
        lay.addWidget(self.pass_mark)
        lay.addWidget(self.gate)
        lay.addLayout(grid)
        lay.addWidget(self.missing_title)
        lay.addWidget(self.missing, 1)

    def show_result(self, result: ScoreResult, visit: VisitInfo | None = None) -> None:
        self.total.setText(f"{result.total:g} / {result.max:g}")
        label = result.verdict_label(self.lang)
        if result.veto_reasons:
            label += "\n" + QCoreApplication.translate("Editor", "Veto: {reasons}").format(
                reasons=QCoreApplication.translate("Editor", "; ").join(self._veto_reasons(result))
            )
        elif result.missing_answers and result.verdict is not Verdict.PENDING:
            label += QCoreApplication.translate("Editor", " (so far)")
        self.verdict.setText(label)
        self.verdict.setStyleSheet(f"color: {_VERDICT_COLOURS.get(result.verdict, '#333')};")
        state = visit.gate if visit is not None else GateState.ABSENT
        show_gate = self.form.kind is FormKind.RUBRIC and state is not GateState.ABSENT
        self.gate.setVisible(show_gate)
        if show_gate:
            self.gate.setText(
                QCoreApplication.translate("Editor", "Five-haves check of this visit: {state}").format(
                    state=gate_state_text(state)
                )
            )
            self.gate.setStyleSheet(
                "color: {};".format({GateState.PASSED: "#2e7d32", GateState.FAILED: "#c62828"}.get(state, "#6d4c41"))
            )
        if result.pass_mark:
            self.pass_mark.setText(
                QCoreApplication.translate("Editor", "Pass mark {mark}").format(mark=f"{result.pass_mark:g}")
            )
        for s in result.sections:
            bar = self.bars.get(s.id)
            if bar is not None:
                bar.setValue(int(round(s.earned * 10)))
                bar.setFormat(f"{s.earned:g} / {s.max:g}")
        self.missing.clear()
        for item_id in result.missing_answers:
            it = self.form.items[item_id]
            text = QCoreApplication.translate("Editor", "Not answered: {n} {title}").format(
                n=self.numbers.get(item_id, item_id), title=it.title.get(self.lang)
            )
            self._add_missing(text, item_id, "#e65100")
        for item_id, have, need in result.missing_evidence:
            it = self.form.items[item_id]
            text = QCoreApplication.translate("Editor", "Photos {have}/{need}: {n} {title}").format(
                have=have, need=need, n=self.numbers.get(item_id, item_id), title=it.title.get(self.lang)
            )
            self._add_missing(text, item_id, "#6a1b9a")
        n_missing = len(result.missing_answers) + len(result.missing_evidence)
        self.missing_title.setText(
            QCoreApplication.translate("Editor", "Still missing: {n}").format(n=n_missing)
            if n_missing
            else QCoreApplication.translate("Editor", "Nothing missing")
        )

    def _veto_reasons(self, result: ScoreResult) -> list[str]:
        """The reasons in the interface language (the form states them in Chinese)."""
        if self.lang != "en":
            return list(result.veto_reasons)
        out = [FIVE_HAVES_VETO_EN for r in result.veto_reasons if r == FIVE_HAVES_VETO]
        for item_id, s in result.items.items():
            if s.veto_failed:
                it = self.form.items[item_id]
                out.append(f"{it.no} {it.title.en}")
        return out or list(result.veto_reasons)

    def _add_missing(self, text: str, item_id: str, colour: str) -> None:
        li = QListWidgetItem(text)
        li.setData(Qt.ItemDataRole.UserRole, item_id)
        li.setForeground(QColor(colour))
        li.setToolTip(QCoreApplication.translate("Editor", "Click to go to the item"))
        self.missing.addItem(li)

    def _activated(self, li: QListWidgetItem) -> None:
        self.jump_requested.emit(li.data(Qt.ItemDataRole.UserRole))
