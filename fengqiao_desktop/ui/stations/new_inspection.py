"""The "New inspection" dialog: start a visit — the five-haves check and, when added, the rubric.

A visit (走访) is the unit an inspector works in: the five-haves check (五有)
and, for a demonstration candidate, the level's rubric, answered together so
the five haves are answered once. The roster carries no candidate flag, so the
inspector adds the rubric here; it is on by default for county, town and
village stations (the levels with a demonstration rubric).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.domain.enums import FormKind, Level
from fengqiao_desktop.ui.stations.source import FormChoice

# the levels whose stations are scored for the demonstration grade by default
RUBRIC_BY_DEFAULT = (Level.COUNTY, Level.TOWN, Level.VILLAGE)


def default_choice(choices: Sequence[FormChoice]) -> FormChoice | None:
    """The marked default, else the first rubric, else the first form."""
    for c in choices:
        if c.default:
            return c
    for c in choices:
        if c.kind is FormKind.RUBRIC:
            return c
    return choices[0] if choices else None


def _tr(text: str) -> str:
    return QCoreApplication.translate("NewInspectionDialog", text)


def _label(c: FormChoice) -> str:
    return f"{c.title}  (v{c.version})" if c.version else c.title


class NewInspectionDialog(QDialog):
    def __init__(
        self,
        station_name: str,
        choices: Sequence[FormChoice],
        parent: QWidget | None = None,
        *,
        level: Level | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(_tr("New inspection"))
        self.choices = list(choices)
        self.gate = next((c for c in self.choices if c.kind is FormKind.GATE), None)
        rubrics = [c for c in self.choices if c.kind is FormKind.RUBRIC]
        preferred = default_choice(rubrics)
        self.rubrics = ([preferred] if preferred else []) + [c for c in rubrics if c is not preferred]

        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(_tr("Station: {name}").format(name=station_name)))
        lay.addWidget(QLabel(_tr("This visit:")))
        self.five_haves = QCheckBox(_label(self.gate) if self.gate else "")
        self.five_haves.setObjectName("five_haves")
        self.five_haves.setChecked(self.gate is not None)
        self.five_haves.setVisible(self.gate is not None)
        lay.addWidget(self.five_haves)
        self.also_rubric = QCheckBox(_tr("Also score the demonstration rubric"))
        self.also_rubric.setObjectName("also_rubric")
        self.also_rubric.setChecked(bool(self.rubrics) and (level is None or level in RUBRIC_BY_DEFAULT))
        self.also_rubric.setVisible(bool(self.rubrics))
        lay.addWidget(self.also_rubric)
        self.rubric = QComboBox()
        self.rubric.setObjectName("rubric")
        for c in self.rubrics:
            self.rubric.addItem(_label(c), c.form_id)
        self.rubric.setVisible(bool(self.rubrics))
        lay.addWidget(self.rubric)
        self.hint = QLabel(
            _tr(
                "The rubric's five-haves items take their answers from the five-haves "
                "check of the same visit: they are answered once."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        lay.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Start"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.five_haves.toggled.connect(lambda _on: self._sync())
        self.also_rubric.toggled.connect(lambda _on: self._sync())
        self._sync()

    def _sync(self) -> None:
        with_rubric = self.also_rubric.isChecked() and bool(self.rubrics)
        self.rubric.setEnabled(with_rubric)
        self.hint.setVisible(with_rubric and self.five_haves.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.selected_form_ids()))

    def selected_form_ids(self) -> list[str]:
        """The forms of the visit, the five-haves check first (it is the tab shown first)."""
        ids = []
        if self.gate is not None and self.five_haves.isChecked():
            ids.append(self.gate.form_id)
        if self.rubrics and self.also_rubric.isChecked():
            ids.append(str(self.rubric.currentData()))
        return ids
