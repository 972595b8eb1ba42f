"""导出数据包: choose what to export, where, sign with the passphrase, watch it go, open the folder.

What: the completed inspections not exported yet (each can be unticked), or
everything changed since the last export (``plan_export(since_last=True)``).
The export runs through ``ui.tasks`` and the service's own cancel hook; the
service writes under a temporary name and only a verified bundle gets its
final name, so a cancel or an error leaves nothing behind and the sequence
number unused. The destination folder is remembered in the settings.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.bundle.canonical import BundleCancelled
from fengqiao_desktop.errors import BundleError, KeyError_, KnownError
from fengqiao_desktop.services import export as ex
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.ui import i18n, tasks
from fengqiao_desktop.ui.errors import show_error


def _no_key() -> KeyError_:
    return KeyError_(
        "本机还没有签名密钥，无法导出。请先在“文件 → 检查员与密钥…”中创建或导入密钥。",
        message_en="There is no signing key on this computer yet, so nothing can be exported. "
        "Create or import one first under File → Inspector and signing key….",
    )


def _nothing() -> BundleError:
    return BundleError(
        "没有需要导出的检查：没有已完成且未导出的检查记录。",
        message_en="Nothing to export: there are no completed inspections that were not exported yet.",
    )


class ExportDialog(QDialog):
    """The export dialog; ``start_export()`` runs it, ``bundle_path`` holds the result."""

    exported = Signal(str)  # the bundle's path

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("export_dialog")
        self.setWindowTitle(QCoreApplication.translate("Export", "Export signed bundle"))
        self.bundle_path: Path | None = None
        self.task: tasks.TaskHandle | None = None
        self._cancel = threading.Event()
        self.setMinimumWidth(620)
        lay = QVBoxLayout(self)

        self.new_radio = QRadioButton(QCoreApplication.translate("Export", "Completed inspections not exported yet:"))
        self.new_radio.setObjectName("mode_new")
        self.new_radio.setChecked(True)
        self.since_radio = QRadioButton(
            QCoreApplication.translate("Export", "Everything changed since the last export (every completed revision)")
        )
        self.since_radio.setObjectName("mode_since_last")
        lay.addWidget(self.new_radio)
        self.list = QListWidget()
        self.list.setObjectName("inspections")
        self.list.setMinimumHeight(160)
        lay.addWidget(self.list)
        lay.addWidget(self.since_radio)
        self.new_radio.toggled.connect(self._mode_changed)
        self.list.itemChanged.connect(lambda _i: self._update_summary())

        form = QFormLayout()
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(store.settings.last_export_dir if store is not None else "")
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText(QCoreApplication.translate("Export", "e.g. the USB drive"))
        browse = QPushButton(QCoreApplication.translate("Export", "Browse…"))
        browse.clicked.connect(self.choose_folder)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form.addRow(QCoreApplication.translate("Export", "Save to folder:"), folder_row)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(QCoreApplication.translate("Export", "Key passphrase:"), self.passphrase)
        lay.addLayout(form)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        lay.addWidget(self.progress)
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.result)

        buttons = QHBoxLayout()
        self.open_button = QPushButton(QCoreApplication.translate("Export", "Open folder"))
        self.open_button.setObjectName("open_folder")
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self.open_folder)
        self.export_button = QPushButton(QCoreApplication.translate("Export", "Export"))
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(lambda: self.start_export())
        self.cancel_button = QPushButton(QCoreApplication.translate("Export", "Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(QCoreApplication.translate("Export", "Close"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for b in (self.export_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        self.cancel_button.setEnabled(False)
        lay.addLayout(buttons)
        self.reload()

    # -- contents ------------------------------------------------------------------
    def reload(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        rows = idn.exportable_inspections(self.store) if self.store is not None else []
        lang = i18n.current_language()
        for r in rows:
            total = (
                ""
                if r.total is None
                else "  " + QCoreApplication.translate("Export", "{total} pts").format(total=f"{r.total:g}")
            )
            item = QListWidgetItem(
                f"{r.station_name}（{r.station_code}）  {self._form_title(r.form_id, lang)}  "
                f"r{r.revision}  {r.completed_at}{total}"
            )
            item.setData(Qt.ItemDataRole.UserRole, r.inspection_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._update_summary()

    def _form_title(self, form_id: str, lang: str) -> str:
        try:
            return self.store.forms.get(form_id).title.get(lang)
        except Exception:  # noqa: BLE001 - a form no longer installed: its id will do
            return form_id

    def checked_ids(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _mode_changed(self) -> None:
        self.list.setEnabled(self.new_radio.isChecked())
        self._update_summary()

    def plan(self) -> ex.ExportPlan:
        if self.since_radio.isChecked():
            return ex.plan_export(self.store, since_last=True)
        ids = self.checked_ids()
        if not ids:
            return ex.ExportPlan([], "selected", "", 0, None)
        return ex.plan_export(self.store, inspection_ids=ids)

    def _update_summary(self) -> None:
        if self.store is None:
            self.summary.setText("")
            return
        try:
            plan = self.plan()
        except Exception as exc:  # noqa: BLE001 - shown in words when the export is started
            text = exc.user_message(i18n.current_language()) if isinstance(exc, KnownError) else str(exc)
            self.summary.setText(text)
            return
        self.summary.setText(
            QCoreApplication.translate("Export", "Nothing selected.")
            if plan.empty
            else plan.summary("en" if i18n.current_language() == "en" else "zh")
        )

    def choose_folder(self) -> None:
        d = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("Export", "Save bundle to"), self.folder.text()
        )
        if d:
            self.folder.setText(d)

    # -- running ---------------------------------------------------------------------
    def _running(self, running: bool) -> None:
        self.export_button.setEnabled(not running)
        self.close_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        for w in (self.list, self.new_radio, self.since_radio, self.folder, self.passphrase):
            w.setEnabled(not running)
        if not running:
            self.list.setEnabled(self.new_radio.isChecked())

    def start_export(self) -> tasks.TaskHandle | None:
        """Check the inputs, then export in the background. Problems come as plain-words dialogs."""
        self.result.clear()
        self.open_button.setVisible(False)
        try:
            if self.store is None or not idn.keystore(self.store).exists():
                raise _no_key()
            plan = self.plan()
            if plan.empty:
                raise _nothing()
            folder = self.folder.text().strip()
            if not folder:
                raise BundleError(
                    "请选择保存数据包的文件夹（例如 U 盘）。",
                    message_en="Choose the folder to save the bundle in (for example the USB drive).",
                )
            if not self.passphrase.text():
                raise KeyError_("请输入签名密钥的口令。", message_en="Enter the passphrase of your signing key.")
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return None
        out = Path(folder)
        passphrase = self.passphrase.text()
        self._cancel.clear()
        self.progress.setValue(0)
        self._running(True)
        store = self.store

        def job(progress, cancelled):
            return ex.export(
                store,
                plan,
                out,
                passphrase,
                progress=lambda d, t: progress(d, t, ""),
                cancelled=lambda: self._cancel.is_set() or cancelled(),
            )

        self.task = tasks.start(
            "export bundle",
            job,
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
        )
        return self.task

    def cancel(self) -> None:
        self._cancel.set()
        if self.task is not None and not self.task.done:
            self.task.cancel()
        self.result.setText(QCoreApplication.translate("Export", "Stopping…"))

    def _progress(self, done: int, total: int, _text: str) -> None:
        if total > 0:
            self.progress.setValue(min(1000, int(done * 1000 / total)))

    def _done(self, path) -> None:
        self._running(False)
        self.bundle_path = Path(path)
        self.progress.setValue(1000)
        self.passphrase.clear()
        self.store.settings.last_export_dir = str(self.bundle_path.parent)
        _save_settings(self.store)
        self.result.setText(
            QCoreApplication.translate("Export", "Bundle written and verified:\n{path}").format(
                path=str(self.bundle_path)
            )
        )
        self.open_button.setVisible(True)
        self.reload()
        self.exported.emit(str(self.bundle_path))

    def _cancelled(self) -> None:
        self._running(False)
        self.progress.setValue(0)
        self.result.setText(
            QCoreApplication.translate("Export", "Export cancelled. Nothing was written and nothing was changed.")
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, BundleCancelled):
            self._cancelled()
            return
        self._running(False)
        self.progress.setValue(0)
        self.result.setText(QCoreApplication.translate("Export", "Export failed. Nothing was changed."))
        show_error(self, exc)

    def open_folder(self) -> None:
        if self.bundle_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.bundle_path.parent)))

    def reject(self) -> None:
        if self.task is not None and not self.task.done:
            self.cancel()
            return  # closes once the export has stopped
        super().reject()


def _save_settings(store) -> None:
    """Remember the destination in the settings file of the store's data folder."""
    path = Path(store.data_dir) / "settings.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        if not isinstance(raw, dict):
            raw = {}
        raw["last_export_dir"] = store.settings.last_export_dir
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(raw, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass  # only a convenience: the next export asks for the folder again


def export_handler(window) -> ExportDialog | None:
    """``window.set_export_handler(export_handler)``: the File → Export bundle action."""
    store = getattr(window, "store", None)
    if store is None:
        show_error(
            window,
            BundleError(
                "本地数据库尚未打开，请稍候再试。",
                message_en="The local database is not open yet; try again in a moment.",
            ),
        )
        return None
    dlg = ExportDialog(store, window)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg
