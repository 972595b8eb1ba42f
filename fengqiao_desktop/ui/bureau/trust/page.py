"""Trust page (信任的检查员密钥): the inspectors' keys the bureau accepts bundles from.

The table shows each key's id and public key (the fingerprint an inspector can
read out over the phone), name, unit, validity and revocation. Keys are added
from the inspector's ``.pub`` file and revoked with a reason (after a confirmation);
a revocation applies to bundles made from that moment on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.services import central as svc
from fengqiao_desktop.services.central import TrustEntry
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.bureau.context import BureauContext
from fengqiao_desktop.ui.bureau.formatting import day, when
from fengqiao_desktop.ui.bureau.page_base import BureauPage
from fengqiao_desktop.ui.bureau.rows_model import Column, RowsModel, select_where, selected_row
from fengqiao_desktop.ui.bureau.trust.dialogs import (
    AddKeyDialog,
    EditKeyDialog,
    KeyEdit,
    NewKey,
    RetrustDialog,
    RevokeDialog,
)
from fengqiao_desktop.ui.errors import show_error


def _ask(parent: QWidget, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


# Replaced in tests (a modal question would block them).
confirm: Callable[[QWidget, str, str], bool] = _ask


def grouped(key_id: str) -> str:
    return " ".join(key_id[i : i + 4] for i in range(0, len(key_id), 4))


def state_text(e: TrustEntry) -> str:
    return {
        "valid": QCoreApplication.translate("BureauTrust", "Valid"),
        "revoked": QCoreApplication.translate("BureauTrust", "Revoked"),
        "expired": QCoreApplication.translate("BureauTrust", "Expired"),
        "not_yet_valid": QCoreApplication.translate("BureauTrust", "Not yet valid"),
    }.get(e.state(), e.state())


def state_colour(e: TrustEntry) -> str | None:
    return {"valid": "#e3f4e1", "revoked": "#fde2e1", "expired": "#eef1f5", "not_yet_valid": "#fff4d6"}.get(e.state())


def trust_model(parent=None) -> RowsModel:
    return RowsModel(
        [
            Column(lambda: QCoreApplication.translate("BureauTrust", "Key id"), lambda e: grouped(e.key_id)),
            Column(lambda: QCoreApplication.translate("BureauTrust", "Name"), lambda e: e.name),
            Column(lambda: QCoreApplication.translate("BureauTrust", "Unit"), lambda e: e.unit),
            Column(lambda: QCoreApplication.translate("BureauTrust", "Valid from"), lambda e: day(e.valid_from)),
            Column(lambda: QCoreApplication.translate("BureauTrust", "Valid until"), lambda e: day(e.valid_to)),
            Column(lambda: QCoreApplication.translate("BureauTrust", "State"), state_text, background=state_colour),
            Column(lambda: QCoreApplication.translate("BureauTrust", "Revoked at"), lambda e: when(e.revoked_at)),
            Column(lambda: QCoreApplication.translate("BureauTrust", "Reason"), lambda e: e.revoke_reason or ""),
            Column(
                lambda: QCoreApplication.translate("BureauTrust", "Public key (fingerprint)"), lambda e: e.public_key
            ),
        ],
        parent,
    )


class TrustPage(BureauPage):
    def __init__(self, context: BureauContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("bureau_trust_page")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.add_button = QPushButton()
        self.revoke_button = QPushButton()
        self.edit_button = QPushButton()
        self.retrust_button = QPushButton()
        self.edit_button.clicked.connect(self.ask_edit)
        self.retrust_button.clicked.connect(self.ask_retrust)
        self.add_button.clicked.connect(self.ask_add)
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.model = trust_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.retrust_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(buttons)
        lay.addWidget(self.table, 1)
        self.retranslate()
        self._update_buttons()

    def title(self) -> str:
        return QCoreApplication.translate("BureauTrust", "Trusted inspector keys")

    def retranslate(self) -> None:
        self.intro.setText(
            QCoreApplication.translate(
                "BureauTrust",
                "Bundles are imported only when signed by a key listed here, valid on the "
                "bundle's date, not revoked, and naming the same inspector and unit.",
            )
        )
        self.add_button.setText(QCoreApplication.translate("BureauTrust", "Add a key…"))
        self.revoke_button.setText(QCoreApplication.translate("BureauTrust", "Revoke…"))
        self.edit_button.setText(QCoreApplication.translate("BureauTrust", "Edit…"))
        self.retrust_button.setText(QCoreApplication.translate("BureauTrust", "Trust again…"))
        self.model.headers_changed()

    # -- loading -----------------------------------------------------------
    def reload(self) -> None:
        self._stale = False
        url = self.context.central
        tasks.run_task(
            QCoreApplication.translate("BureauTrust", "Loading keys"),
            lambda: svc.trust_list(url=url),
            self._show,
            lambda e: show_error(self, e),
        )

    def _show(self, entries: list[TrustEntry]) -> None:
        selected = self.selected_entry()
        self.model.set_rows(sorted(entries, key=lambda e: (e.revoked, e.name, e.key_id)))
        self.table.resizeColumnsToContents()
        if selected is not None:
            self.select_key(selected.key_id)
        self._update_buttons()

    def select_key(self, key_id: str) -> bool:
        return select_where(self.table, self.model, lambda e: e.key_id == key_id)

    def selected_entry(self) -> TrustEntry | None:
        return selected_row(self.table, self.model)

    def _update_buttons(self, *_a) -> None:
        e = self.selected_entry()
        self.revoke_button.setEnabled(e is not None and not e.revoked)
        self.edit_button.setEnabled(e is not None and not e.revoked)
        self.retrust_button.setEnabled(e is not None and e.revoked)

    # -- adding ------------------------------------------------------------
    def ask_add(self) -> None:
        dialog = AddKeyDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_key(dialog.value())

    def add_key(self, new: NewKey) -> None:
        url = self.context.central

        def done(entry: TrustEntry) -> None:
            self.context.notify_changed()
            self.reload()
            self.select_key(entry.key_id)

        tasks.run_task(
            QCoreApplication.translate("BureauTrust", "Adding a key"),
            lambda: svc.trust_add(
                new.path, name=new.name, unit=new.unit, valid_from=new.valid_from, valid_to=new.valid_to, url=url
            ),
            done,
            lambda e: show_error(self, e),
        )

    # -- revoking ----------------------------------------------------------
    def ask_revoke(self) -> None:
        e = self.selected_entry()
        if e is None or e.revoked:
            return
        key_text = f"{grouped(e.key_id)}（{e.name}，{e.unit}）"
        dialog = RevokeDialog(key_text, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if confirm(
            self,
            QCoreApplication.translate("BureauTrust", "Revoke a key"),
            QCoreApplication.translate("BureauTrust", "Really revoke {key}? This cannot be undone.").format(
                key=key_text
            ),
        ):
            self.revoke(e.key_id, dialog.reason())

    def revoke(self, key_id: str, reason: str) -> None:
        url = self.context.central

        def done(_entry: TrustEntry) -> None:
            self.context.notify_changed()
            self.reload()

        tasks.run_task(
            QCoreApplication.translate("BureauTrust", "Revoking a key"),
            lambda: svc.trust_revoke(key_id, reason=reason, url=url),
            done,
            lambda e: show_error(self, e),
        )

    # -- editing -------------------------------------------------------------
    def ask_edit(self) -> None:
        e = self.selected_entry()
        if e is None:
            return
        dialog = EditKeyDialog(e, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        v = dialog.value()
        if confirm(
            self,
            QCoreApplication.translate("BureauTrust", "Edit a trusted key"),
            QCoreApplication.translate(
                "BureauTrust", "Change {key} to {name} ({unit})? The old values are kept in the key's history."
            ).format(key=grouped(e.key_id), name=v.name, unit=v.unit),
        ):
            self.edit(e.key_id, v)

    def edit(self, key_id: str, v: KeyEdit) -> None:
        url = self.context.central

        def done(entry: TrustEntry) -> None:
            self.context.notify_changed()
            self.reload()
            self.select_key(entry.key_id)

        tasks.run_task(
            QCoreApplication.translate("BureauTrust", "Changing a key"),
            lambda: svc.trust_edit(
                key_id, name=v.name, unit=v.unit, valid_from=v.valid_from, valid_to=v.valid_to, reason=v.reason, url=url
            ),
            done,
            lambda e: show_error(self, e),
        )

    # -- trusting again ------------------------------------------------------
    def ask_retrust(self) -> None:
        e = self.selected_entry()
        if e is None or not e.revoked:
            return
        key_text = f"{grouped(e.key_id)}（{e.name}，{e.unit}）"
        dialog = RetrustDialog(key_text, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if confirm(
            self,
            QCoreApplication.translate("BureauTrust", "Trust a key again"),
            QCoreApplication.translate("BureauTrust", "Really trust {key} again from today?").format(key=key_text),
        ):
            self.retrust(e.key_id, dialog.reason())

    def retrust(self, key_id: str, reason: str) -> None:
        url = self.context.central

        def done(entry: TrustEntry) -> None:
            self.context.notify_changed()
            self.reload()
            self.select_key(entry.key_id)

        tasks.run_task(
            QCoreApplication.translate("BureauTrust", "Trusting a key again"),
            lambda: svc.trust_retrust(key_id, reason=reason, url=url),
            done,
            lambda e: show_error(self, e),
        )
