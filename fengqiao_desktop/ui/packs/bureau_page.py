"""Task packs page (任务包) of the Bureau workspace: the bureau's key, building a pack, packs made.

Pick the inspector (a trusted key), the counties whose roster goes along, the
stations to assign — chosen from the central roster, e.g. "all towns of 城关区
not yet 示范型达标" — a due date, a note and the folder (the USB stick); the
pack is built off the UI thread and its path shown. Without a bureau key the
page offers to create one first. Every pack made is listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.bundle.agecrypt import recipient_fingerprint
from fengqiao_desktop.errors import KeyError_
from fengqiao_desktop.packs.build import PackRecord, PackRequest
from fengqiao_desktop.services import central as central_svc
from fengqiao_desktop.services import packs as svc
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.bureau.context import BureauContext
from fengqiao_desktop.ui.bureau.page_base import BureauPage
from fengqiao_desktop.ui.bureau.rows_model import Column, RowsModel
from fengqiao_desktop.ui.errors import show_error
from fengqiao_desktop.ui.identity.dialog import qr_pixmap

LEVELS = ("town", "village", "county")


@dataclass(frozen=True)
class PageData:
    identity: svc.BureauIdentity | None
    inspectors: list  # TrustEntry, valid ones
    counties: list[svc.StationChoice]
    packs: list[PackRecord]


def load_page_data(url: str) -> PageData:
    try:
        idn = svc.bureau_identity()
    except KeyError_:
        idn = None
    inspectors = [e for e in central_svc.trust_list(url=url) if e.state() == "valid"]
    return PageData(idn, inspectors, svc.station_choices(level="county", url=url), svc.packs_list(url=url))


def packs_model(parent=None) -> RowsModel:
    return RowsModel(
        [
            Column(lambda: QCoreApplication.translate("BureauPacks", "No."), lambda p: str(p.sequence)),
            Column(
                lambda: QCoreApplication.translate("BureauPacks", "Made at (UTC)"),
                lambda p: p.created_at.replace("T", " ").rstrip("Z"),
            ),
            Column(lambda: QCoreApplication.translate("BureauPacks", "Inspector key"), lambda p: p.inspector_key_id),
            Column(lambda: QCoreApplication.translate("BureauPacks", "Assignments"), lambda p: str(p.n_assignments)),
            Column(
                lambda: QCoreApplication.translate("BureauPacks", "Findings to re-check"), lambda p: str(p.n_findings)
            ),
            Column(lambda: QCoreApplication.translate("BureauPacks", "Stations"), lambda p: str(p.n_stations)),
            Column(lambda: QCoreApplication.translate("BureauPacks", "File"), lambda p: p.path),
        ],
        parent,
    )


def _checked(lst: QListWidget) -> list[str]:
    return [
        lst.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(lst.count())
        if lst.item(i).checkState() == Qt.CheckState.Checked
    ]


def _fill(lst: QListWidget, choices: list[svc.StationChoice], checked: bool) -> None:
    lst.clear()
    for c in choices:
        item = QListWidgetItem(f"{c.name}  {c.code}")
        item.setData(Qt.ItemDataRole.UserRole, c.code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        lst.addItem(item)


class PackPage(BureauPage):
    def __init__(self, context: BureauContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("bureau_packs")
        self.data: PageData | None = None
        self.last_path = ""

        # the bureau's key
        self.key_box = QGroupBox()
        self.key_text = QLabel()  # short lines; no word wrap, so the box keeps its height
        self.key_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_qr = QLabel()
        self.new_name, self.new_unit = QLineEdit(), QLineEdit()
        self.new_pass, self.new_pass2 = QLineEdit(), QLineEdit()
        for w in (self.new_pass, self.new_pass2):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_button = QPushButton()
        self.create_button.clicked.connect(self.create_key)
        self.create_form = QWidget()
        cf = QFormLayout(self.create_form)
        cf.setContentsMargins(0, 0, 0, 0)
        self.create_labels = [QLabel() for _ in range(4)]
        for lab, w in zip(
            self.create_labels, (self.new_name, self.new_unit, self.new_pass, self.new_pass2), strict=True
        ):
            cf.addRow(lab, w)
        cf.addRow("", self.create_button)
        kl = QHBoxLayout(self.key_box)
        left = QVBoxLayout()
        left.addWidget(self.key_text)
        left.addWidget(self.create_form)
        left.addStretch(1)
        kl.addLayout(left, 1)
        kl.addWidget(self.key_qr)

        # a new pack
        self.pack_box = QGroupBox()
        self.inspector = QComboBox()
        self.inspector.setObjectName("pack_inspector")
        self.counties = QListWidget()
        self.counties.setObjectName("pack_counties")
        self.level = QComboBox()
        self.unfinished = QCheckBox()
        self.unfinished.setChecked(True)
        self.select_button = QPushButton()
        self.select_button.clicked.connect(self.select_stations)
        self.stations = QListWidget()
        self.stations.setObjectName("pack_stations")
        self.due = QDateEdit(QDate.currentDate().addDays(30))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit()
        self.out_dir = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.build_button = QPushButton()
        self.build_button.setObjectName("build_pack")
        self.build_button.clicked.connect(self.build)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setMinimumHeight(self.result.fontMetrics().lineSpacing() * 3)
        self.form_labels = [QLabel() for _ in range(8)]
        pick = QHBoxLayout()
        pick.addWidget(self.level)
        pick.addWidget(self.unfinished)
        pick.addWidget(self.select_button)
        pick.addStretch(1)
        out = QHBoxLayout()
        out.addWidget(self.out_dir, 1)
        out.addWidget(self.browse)
        lists = QHBoxLayout()
        lists.addWidget(self.counties, 2)
        lists.addWidget(self.stations, 3)
        pf = QFormLayout()
        rows = [self.inspector, None, pick, None, self.due, self.note, out, self.passphrase]
        for lab, w in zip(self.form_labels, rows, strict=True):
            if w is None:
                continue
            pf.addRow(lab, w)
        pl = QVBoxLayout(self.pack_box)
        pl.addLayout(pf)
        pl.insertWidget(1, self.form_labels[1])
        pl.insertLayout(2, lists)
        bl = QHBoxLayout()
        bl.addWidget(self.build_button)
        bl.addStretch(1)
        pl.addLayout(bl)
        pl.addWidget(self.result)

        # packs made
        self.made_label = QLabel()
        self.model = packs_model(self)
        self.table = QTableView()
        self.table.setObjectName("packs_made")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        lay = QVBoxLayout(self)
        lay.addWidget(self.key_box, 0)
        bottom = QHBoxLayout()
        bottom.addWidget(self.pack_box, 3)
        side = QVBoxLayout()
        side.addWidget(self.made_label)
        side.addWidget(self.table, 1)
        bottom.addLayout(side, 2)
        lay.addLayout(bottom, 1)
        self.retranslate()

    def title(self) -> str:
        return QCoreApplication.translate("BureauPacks", "Task packs")

    def retranslate(self) -> None:
        self.key_box.setTitle(QCoreApplication.translate("BureauPacks", "Bureau signing key"))
        for lab, text in zip(
            self.create_labels,
            (
                QCoreApplication.translate("BureauPacks", "Bureau name:"),
                QCoreApplication.translate("BureauPacks", "Parent body:"),
                QCoreApplication.translate("BureauPacks", "Passphrase:"),
                QCoreApplication.translate("BureauPacks", "Repeat passphrase:"),
            ),
            strict=True,
        ):
            lab.setText(text)
        self.new_name.setPlaceholderText(
            QCoreApplication.translate("BureauPacks", "e.g. Chengguan District Veterans Affairs Bureau")
        )
        self.create_button.setText(QCoreApplication.translate("BureauPacks", "Create the bureau key"))
        self.pack_box.setTitle(QCoreApplication.translate("BureauPacks", "New task pack"))
        texts = (
            QCoreApplication.translate("BureauPacks", "Inspector:"),
            QCoreApplication.translate(
                "BureauPacks", "Counties whose roster goes along (none: the whole roster), and the stations to assign:"
            ),
            QCoreApplication.translate("BureauPacks", "Select stations:"),
            "",
            QCoreApplication.translate("BureauPacks", "Due date:"),
            QCoreApplication.translate("BureauPacks", "Note:"),
            QCoreApplication.translate("BureauPacks", "Save to folder:"),
            QCoreApplication.translate("BureauPacks", "Bureau key passphrase:"),
        )
        for lab, text in zip(self.form_labels, texts, strict=True):
            lab.setText(text)
        self.form_labels[1].setWordWrap(True)
        current = self.level.currentIndex()
        self.level.clear()
        names = {
            "town": QCoreApplication.translate("BureauPacks", "Towns/streets"),
            "village": QCoreApplication.translate("BureauPacks", "Villages/communities"),
            "county": QCoreApplication.translate("BureauPacks", "Counties"),
        }
        for lv in LEVELS:
            self.level.addItem(names[lv], lv)
        self.level.setCurrentIndex(max(current, 0))
        self.unfinished.setText(QCoreApplication.translate("BureauPacks", "only those not yet demonstration-grade"))
        self.select_button.setText(QCoreApplication.translate("BureauPacks", "List stations"))
        self.out_dir.setPlaceholderText(QCoreApplication.translate("BureauPacks", "e.g. the USB drive"))
        self.browse.setText(QCoreApplication.translate("BureauPacks", "Browse…"))
        self.build_button.setText(QCoreApplication.translate("BureauPacks", "Build and sign the pack"))
        self.made_label.setText(QCoreApplication.translate("BureauPacks", "Packs made:"))
        self.model.headers_changed()
        self._show_identity()

    # -- loading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        super().reload()
        url = self.context.central
        tasks.run_task(
            QCoreApplication.translate("BureauPacks", "Loading task packs…"),
            lambda: load_page_data(url),
            self.set_data,
            lambda exc: show_error(self, exc),
        )

    def set_data(self, data: PageData) -> None:
        self.data = data
        keep = self.inspector.currentData()
        self.inspector.clear()
        for e in data.inspectors:
            self.inspector.addItem(f"{e.name}（{e.unit}） {e.key_id}", e.key_id)
        if keep is not None and (i := self.inspector.findData(keep)) >= 0:
            self.inspector.setCurrentIndex(i)
        if self.counties.count() != len(data.counties):
            _fill(self.counties, data.counties, False)
        self.model.set_rows(data.packs)
        self._show_identity()

    def _show_identity(self) -> None:
        idn = self.data.identity if self.data else None
        self.create_form.setVisible(self.data is not None and idn is None)
        self.key_qr.setVisible(idn is not None)
        self.build_button.setEnabled(idn is not None)
        if idn is None:
            self.key_text.setText(
                QCoreApplication.translate(
                    "BureauPacks",
                    "The bureau has no signing key yet. Task packs are signed with it,\n"
                    "and inspectors' laptops accept packs from this key alone.",
                )
                if self.data is not None
                else ""
            )
            return
        self.key_text.setText(
            QCoreApplication.translate(
                "BureauPacks",
                "{name} ({unit})\nKey id: {key_id}\nFingerprint: {fingerprint}\n"
                "Inspectors compare this fingerprint when they import the first pack.",
            ).format(name=idn.name, unit=idn.unit, key_id=idn.key_id, fingerprint=idn.fingerprint)
            + "\n"
            + (
                QCoreApplication.translate(
                    "BureauPacks", "Bundles are encrypted to: {recipient} (fingerprint {fingerprint})"
                ).format(recipient=idn.age_recipient, fingerprint=recipient_fingerprint(idn.age_recipient))
                if idn.age_recipient
                else QCoreApplication.translate(
                    "BureauPacks", "The encryption key for bundles is made with the next task pack."
                )
            )
        )
        pm = qr_pixmap(idn.public_key, 2)
        self.key_qr.setPixmap(pm)
        self.key_qr.setFixedSize(pm.size())
        self.key_box.setMinimumHeight(self.key_box.sizeHint().height())

    # -- actions ---------------------------------------------------------------------------------------
    def create_key(self) -> None:
        name, unit, p1, p2 = (w.text() for w in (self.new_name, self.new_unit, self.new_pass, self.new_pass2))
        if p1 != p2 or len(p1) < 8:
            show_error(
                self,
                KeyError_(
                    "两次输入的口令不一致，或口令少于 8 个字符。",
                    message_en="The passphrases differ, or are shorter than 8 characters.",
                ),
            )
            return
        tasks.start_with_dialog(
            self,
            QCoreApplication.translate("BureauPacks", "Creating the bureau key…"),
            lambda _p, _c: svc.init_bureau_identity(name, unit, p1),
            on_done=lambda _i: self.reload(),
            on_error=lambda exc: show_error(self, exc),
        )

    def select_stations(self) -> None:
        counties = _checked(self.counties)
        level = self.level.currentData()
        only = self.unfinished.isChecked()
        url = self.context.central
        tasks.run_task(
            QCoreApplication.translate("BureauPacks", "Listing stations…"),
            lambda: svc.station_choices(counties, level, unfinished_only=only, url=url),
            lambda rows: _fill(self.stations, rows, True),
            lambda exc: show_error(self, exc),
        )

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("BureauPacks", "Save to folder:"), self.out_dir.text()
        )
        if folder:
            self.out_dir.setText(folder)

    def request(self) -> PackRequest:
        due = self.due.date()
        from datetime import date

        return PackRequest(
            inspector_key_id=self.inspector.currentData() or "",
            counties=_checked(self.counties),
            stations=_checked(self.stations),
            due_date=date(due.year(), due.month(), due.day()),
            note=self.note.text().strip(),
        )

    def build(self) -> None:
        req, out, secret, url = (
            self.request(),
            self.out_dir.text().strip(),
            self.passphrase.text(),
            self.context.central,
        )
        if not req.inspector_key_id or not req.stations or not out:
            self.result.setText(
                QCoreApplication.translate(
                    "BureauPacks", "Choose the inspector, at least one station and the folder first."
                )
            )
            return

        def done(vp) -> None:
            self.last_path = str(vp.path)
            self.passphrase.clear()
            self.result.setText(
                QCoreApplication.translate("BureauPacks", "Pack number {seq} written and verified:\n{path}").format(
                    seq=vp.sequence, path=vp.path
                )
            )
            self.context.notify_changed()

        tasks.start_with_dialog(
            self,
            QCoreApplication.translate("BureauPacks", "Building the task pack…"),
            lambda _p, _c: svc.build_pack(req, out, secret, url=url),
            on_done=done,
            on_error=lambda exc: show_error(self, exc),
        )
