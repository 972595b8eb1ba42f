"""The "New inspection" dialog: pick the form, and optionally the five-haves for the same visit.

The preselected form is the rubric for the station's level (the source marks
it ``default``); a gate form (五有) can be started alongside, as inspectors
usually check both in one visit.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.domain.enums import FormKind
from fengqiao_desktop.ui.stations.source import FormChoice


def default_choice(choices: Sequence[FormChoice]) -> FormChoice | None:
    """The marked default, else the first rubric, else the first form."""
    for c in choices:
        if c.default:
            return c
    for c in choices:
        if c.kind is FormKind.RUBRIC:
            return c
    return choices[0] if choices else None


class NewInspectionDialog(QDialog):
    def __init__(self, station_name: str, choices: Sequence[FormChoice], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("NewInspectionDialog", "New inspection"))
        self.choices = list(choices)
        self.group = QButtonGroup(self)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(QCoreApplication.translate("NewInspectionDialog", "Station: {name}").format(name=station_name)))
        lay.addWidget(QLabel(QCoreApplication.translate("NewInspectionDialog", "Form to fill in:")))
        self.radios: list[QRadioButton] = []
        chosen = default_choice(self.choices)
        for i, c in enumerate(self.choices):
            text = f"{c.title}  (v{c.version})" if c.version else c.title
            rb = QRadioButton(text)
            rb.setObjectName(f"form_{c.form_id}")
            rb.setChecked(c is chosen)
            self.group.addButton(rb, i)
            self.radios.append(rb)
            lay.addWidget(rb)
        self.gates = [c for c in self.choices if c.kind is FormKind.GATE]
        self.also_gate = QCheckBox(QCoreApplication.translate("NewInspectionDialog", "Also the five-haves checklist for the same visit"))
        self.also_gate.setObjectName("also_five_haves")
        self.also_gate.setChecked(bool(self.gates))
        self.also_gate.setVisible(bool(self.gates))
        lay.addWidget(self.also_gate)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("NewInspectionDialog", "Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.group.idToggled.connect(lambda *_: self._sync())
        self._sync()

    def _sync(self) -> None:
        picked = self.picked()
        self.also_gate.setEnabled(picked is not None and picked.kind is FormKind.RUBRIC)

    def picked(self) -> FormChoice | None:
        i = self.group.checkedId()
        return self.choices[i] if 0 <= i < len(self.choices) else None

    def selected_form_ids(self) -> list[str]:
        """The forms to start, the picked one first (it is the one opened)."""
        picked = self.picked()
        if picked is None:
            return []
        ids = [picked.form_id]
        if self.also_gate.isEnabled() and self.also_gate.isChecked():
            ids += [g.form_id for g in self.gates if g.form_id != picked.form_id][:1]
        return ids
