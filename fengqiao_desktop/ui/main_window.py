"""The main window: two workspaces (Inspector, Bureau), menus, toolbar, status bar.

Inspector workspace: a tab widget whose first tab is the station browser;
each opened inspection gets its own closable tab (``open_inspection``).
Bureau workspace: a tab widget the bureau pages are added to
(``add_bureau_page``); until then it holds a placeholder.

Long jobs (roster import, demo data) go through ``ui.tasks`` with progress
and cancel; the window keeps repainting while they run.

The window listens to the local store's change events (``ui.events``): when an
inspection is saved -- in an editor tab, by an export, anywhere -- the station it
belongs to, and only that one, gets its badge and page read again.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from fengqiao_desktop import __version__, config
from fengqiao_desktop.ui import i18n, screen_fit, tasks
from fengqiao_desktop.ui.bureau.placeholder import BureauPlaceholder
from fengqiao_desktop.ui.errors import show_error
from fengqiao_desktop.ui.events import QtEvents
from fengqiao_desktop.ui.stations.browser import StationBrowser
from fengqiao_desktop.ui.stations.source import StationSource

log = logging.getLogger(__name__)

INSPECTOR, BUREAU = 0, 1


def app_icon() -> QIcon:
    from fengqiao_desktop.paths import resources_dir

    return QIcon(str(resources_dir() / "icons" / "fengqiao.png"))


class MainWindow(QMainWindow):
    """The application window.

    ``store`` is the local store (passed to the inspection editor), ``source``
    the station data the browser shows. Both may be set later with
    ``set_store``/``set_source`` (the app shows the window first, then loads).
    """

    workspace_changed = Signal(int)  # INSPECTOR or BUREAU
    language_changed = Signal(str)  # "zh" or "en"
    inspection_opened = Signal(str)
    roster_imported = Signal(object)  # the import result

    def __init__(self, store=None, source: StationSource | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.source = source
        self.events = QtEvents(self)
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())

        self.browser = StationBrowser(source)
        self.inspector = QTabWidget()
        self.inspector.setObjectName("inspector_workspace")
        self.inspector.setDocumentMode(True)
        self.inspector.setTabsClosable(True)
        self.inspector.addTab(self.browser, "")
        self.inspector.tabBar().setTabButton(0, self.inspector.tabBar().ButtonPosition.RightSide, None)
        self.inspector.tabCloseRequested.connect(self.close_tab)
        self.bureau = QTabWidget()
        self.bureau.setObjectName("bureau_workspace")
        self.bureau.setDocumentMode(True)
        self.bureau_placeholder = BureauPlaceholder()
        self.bureau.addTab(self.bureau_placeholder, "")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.inspector)
        self.stack.addWidget(self.bureau)
        self.setCentralWidget(self.stack)
        self._editors: dict[str, QWidget] = {}

        self._make_actions()
        self._make_menus_and_toolbars()
        self.data_label = QLabel()
        self.count_label = QLabel()
        self.statusBar().addWidget(self.data_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)

        self.browser.stations_loaded.connect(self._stations_loaded)
        self.browser.page.inspection_requested.connect(self.start_inspections)
        self.browser.page.inspection_activated.connect(self.open_inspection)
        self.browser.station_selected.connect(lambda _c: self.new_action.setEnabled(True))
        self.events.inspection_saved.connect(self._inspection_saved)
        self.events.roster_changed.connect(lambda *_a: self.browser.reload())
        self.events.photos_changed.connect(self._photos_changed)
        self.events.attach(store.events if store is not None else None)
        self.retranslate()
        if source is not None:
            self.browser.set_source(source)
        screen_fit.guard_dialogs()
        screen_fit.restore_window(self)  # after the content exists, so its minimum size is known

    # -- actions, menus ----------------------------------------------------------
    def _make_actions(self) -> None:
        def action(name: str, slot=None, shortcut=None, checkable=False) -> QAction:
            a = QAction(self)
            a.setObjectName(name)
            a.setCheckable(checkable)
            if shortcut is not None:
                a.setShortcut(shortcut)
            if slot is not None:
                a.triggered.connect(lambda _checked=False: slot())
            return a

        self.inspector_action = action("workspace_inspector", lambda: self.set_workspace(INSPECTOR), "Ctrl+1", True)
        self.bureau_action = action("workspace_bureau", lambda: self.set_workspace(BUREAU), "Ctrl+2", True)
        self.workspace_group = QActionGroup(self)
        for a in (self.inspector_action, self.bureau_action):
            self.workspace_group.addAction(a)
        self.inspector_action.setChecked(True)
        style = self.style()
        self.inspector_action.setIcon(style.standardIcon(style.StandardPixmap.SP_FileDialogContentsView))
        self.bureau_action.setIcon(style.standardIcon(style.StandardPixmap.SP_DirHomeIcon))

        self.import_action = action("import_roster", self.import_roster, "Ctrl+I")
        self.import_action.setIcon(style.standardIcon(style.StandardPixmap.SP_DialogOpenButton))
        self.demo_action = action("load_demo", self.load_demo)
        self.export_action = action("export_bundle", None, "Ctrl+E")
        self.export_action.setEnabled(False)  # until the bundle export is plugged in
        self.export_action.setIcon(style.standardIcon(style.StandardPixmap.SP_DialogSaveButton))
        # Ctrl+N belongs to the editor (the current item's note), so a new inspection is Ctrl+Shift+N.
        self.new_action = action("new_inspection", self.browser.page.request_new_inspection, "Ctrl+Shift+N")
        self.new_action.setIcon(style.standardIcon(style.StandardPixmap.SP_FileIcon))
        self.new_action.setEnabled(False)
        self.find_action = action("find_station", self.focus_search, QKeySequence.StandardKey.Find)
        self.quit_action = action("quit", self.close, QKeySequence.StandardKey.Quit)
        self.about_action = action("about", self.show_about)
        self.shortcuts_action = action("shortcuts", self.show_shortcuts, QKeySequence.StandardKey.HelpContents)
        self.lang_group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for code, label in (("zh", "中文"), ("en", "English")):
            # Each language is named in itself, so anyone can find their way back.
            a = action(f"language_{code}", lambda c=code: self.set_language(c), checkable=True)
            a.setText(label)
            self.lang_group.addAction(a)
            self.lang_actions[code] = a
        self.lang_actions[i18n.current_language()].setChecked(True)

    def _make_menus_and_toolbars(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.demo_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.new_action)
        self.edit_menu.addAction(self.find_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.inspector_action)
        self.view_menu.addAction(self.bureau_action)
        self.view_menu.addSeparator()
        self.lang_menu = self.view_menu.addMenu("")
        for a in self.lang_actions.values():
            self.lang_menu.addAction(a)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.about_action)

        self.workspace_bar = QToolBar()
        self.workspace_bar.setObjectName("workspaces")
        self.workspace_bar.setMovable(False)
        self.workspace_bar.setIconSize(QSize(28, 28))
        self.workspace_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.workspace_bar.addAction(self.inspector_action)
        self.workspace_bar.addAction(self.bureau_action)
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, self.workspace_bar)
        self.tools = QToolBar()
        self.tools.setObjectName("tools")
        self.tools.setMovable(False)
        self.tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.tools.addAction(self.new_action)
        self.tools.addAction(self.import_action)
        self.tools.addAction(self.export_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.tools)

    def retranslate(self) -> None:
        """Set every label in the current language (called again on a language change)."""
        self.setWindowTitle(
            QCoreApplication.translate("MainWindow", "Fengqiao Desktop — veterans' service station inspections")
        )
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.edit_menu.setTitle(QCoreApplication.translate("MainWindow", "&Inspection"))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self.lang_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self.inspector_action.setText(QCoreApplication.translate("MainWindow", "Inspector"))
        self.inspector_action.setToolTip(QCoreApplication.translate("MainWindow", "Stations and inspections (Ctrl+1)"))
        self.bureau_action.setText(QCoreApplication.translate("MainWindow", "Bureau"))
        self.bureau_action.setToolTip(
            QCoreApplication.translate("MainWindow", "Bundle import, coverage and conflicts (Ctrl+2)")
        )
        self.import_action.setText(QCoreApplication.translate("MainWindow", "Import roster…"))
        self.demo_action.setText(QCoreApplication.translate("MainWindow", "Load demonstration roster"))
        self.export_action.setText(QCoreApplication.translate("MainWindow", "Export bundle…"))
        self.export_action.setToolTip(
            QCoreApplication.translate("MainWindow", "Export signed bundle (not available yet)")
        )
        self.new_action.setText(QCoreApplication.translate("MainWindow", "New inspection…"))
        self.find_action.setText(QCoreApplication.translate("MainWindow", "Find station"))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", "Quit"))
        self.about_action.setText(QCoreApplication.translate("MainWindow", "About Fengqiao Desktop"))
        self.shortcuts_action.setText(QCoreApplication.translate("MainWindow", "Keyboard shortcuts"))
        self.workspace_bar.setWindowTitle(QCoreApplication.translate("MainWindow", "Workspaces"))
        self.tools.setWindowTitle(QCoreApplication.translate("MainWindow", "Toolbar"))
        self.inspector.setTabText(0, QCoreApplication.translate("MainWindow", "Stations"))
        if self.bureau.indexOf(self.bureau_placeholder) >= 0:
            self.bureau.setTabText(
                self.bureau.indexOf(self.bureau_placeholder), QCoreApplication.translate("MainWindow", "Bureau")
            )
        self.bureau_placeholder.retranslate()
        self.browser.retranslate()
        self._update_status()

    # -- status bar ----------------------------------------------------------------
    def _update_status(self, count: int | None = None) -> None:
        self.data_label.setText(
            QCoreApplication.translate("MainWindow", "Data folder: {path}").format(path=str(config.data_dir()))
        )
        if count is None:
            count = self.browser.model.station_count()
        self.count_label.setText(
            QCoreApplication.translate("MainWindow", "{count} stations").format(count=f"{count:,}")
        )

    def _stations_loaded(self, count: int) -> None:
        self._update_status(count)

    # -- workspaces ----------------------------------------------------------------
    def set_workspace(self, which: int) -> None:
        self.stack.setCurrentIndex(which)
        # the toolbar's actions (new inspection, roster, bundle export) are the inspector's
        self.tools.setVisible(which == INSPECTOR)
        self.count_label.setVisible(which == INSPECTOR)  # the laptop's stations, not the central roster
        (self.inspector_action if which == INSPECTOR else self.bureau_action).setChecked(True)
        self.workspace_changed.emit(which)

    def workspace(self) -> int:
        return self.stack.currentIndex()

    def add_bureau_page(self, widget: QWidget, title: str) -> int:
        """Add a page to the Bureau workspace (the first one replaces the placeholder)."""
        i = self.bureau.indexOf(self.bureau_placeholder)
        if i >= 0:
            self.bureau.removeTab(i)
            self.bureau_placeholder.hide()
        return self.bureau.addTab(widget, title)

    def set_export_handler(self, handler) -> None:
        """Enable File > Export bundle with ``handler(main_window)`` (for the bundle export)."""
        self.export_action.triggered.connect(lambda _c=False: handler(self))
        self.export_action.setEnabled(True)
        self.export_action.setToolTip("")

    def focus_search(self) -> None:
        self.set_workspace(INSPECTOR)
        self.inspector.setCurrentIndex(0)
        self.browser.search.edit.setFocus()
        self.browser.search.edit.selectAll()

    # -- data ------------------------------------------------------------------------
    def set_store(self, store) -> None:
        self.store = store
        self.events.attach(store.events if store is not None else None)

    def set_source(self, source: StationSource, *, background: bool = True) -> None:
        self.source = source
        self.browser.set_source(source, background=background)

    def import_roster(self, path: str | None = None) -> tasks.TaskHandle | None:
        """Import a CSV/XLSX roster in the background; the tree reloads when it is done."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                QCoreApplication.translate("MainWindow", "Import roster"),
                "",
                QCoreApplication.translate("MainWindow", "Rosters (*.csv *.xlsx);;All files (*)"),
            )
            if not path:
                return None
        job = self._roster_job("import_roster", path)
        if job is None:
            return None
        return tasks.start_with_dialog(
            self,
            QCoreApplication.translate("MainWindow", "Importing roster…"),
            job,
            on_done=self._roster_done,
            on_error=self._task_failed,
        )

    def load_demo(self) -> tasks.TaskHandle | None:
        """Load the 兰州市 demonstration roster in the background."""
        job = self._roster_job("load_demo")
        if job is None:
            return None
        return tasks.start_with_dialog(
            self,
            QCoreApplication.translate("MainWindow", "Loading demonstration roster…"),
            job,
            on_done=self._roster_done,
            on_error=self._task_failed,
        )

    def _roster_job(self, what: str, *args):
        make = getattr(self.source, f"{what}_job", None)
        if not callable(make):
            show_error(self, _not_available())
            return None
        return make(*args)

    def _roster_done(self, result) -> None:
        self.roster_imported.emit(result)
        if result is not None and hasattr(result, "added"):
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Roster: {added} added, {updated} updated, {unchanged} unchanged"
                ).format(added=result.added, updated=result.updated, unchanged=result.unchanged),
                10000,
            )
        # the tree reloads on the store's roster_changed (nothing to reload when nothing changed)

    def _task_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # -- inspections -----------------------------------------------------------------
    def start_inspections(self, code: str, form_ids: list) -> list[str]:
        """Start a visit: one inspection per form, each opened in its own tab, the first one shown.

        Forms of one station started on one day join one visit, so the rubric's
        five-haves items read the five-haves check opened beside it.
        """
        ids: list[str] = []
        try:
            for form_id in form_ids:
                ids.append(self.source.create_inspection(code, form_id))
        except Exception as exc:  # noqa: BLE001 - known errors get words, bugs a crash dialog
            show_error(self, exc)
        if ids:  # the station's badge and page follow the store's inspection_saved
            for iid in reversed(ids):  # the first one ends up current
                self.open_inspection(iid)
        return ids

    def open_inspection(self, inspection_id: str) -> QWidget:
        """Show an inspection in its own tab of the Inspector workspace (reused if already open)."""
        self.set_workspace(INSPECTOR)
        existing = self._editors.get(inspection_id)
        if existing is not None and self.inspector.indexOf(existing) >= 0:
            self.inspector.setCurrentWidget(existing)
            return existing
        widget, title = self._make_editor(inspection_id)
        self._editors[inspection_id] = widget
        i = self.inspector.addTab(widget, title)
        self.inspector.setCurrentIndex(i)
        self.inspection_opened.emit(inspection_id)
        return widget

    def _make_editor(self, inspection_id: str) -> tuple[QWidget, str]:
        # Imported here: the editor pulls in the inspection services, kept off the start-up path.
        from fengqiao_desktop.ui.editor.editor_widget import InspectionEditor

        try:
            editor = InspectionEditor(self.store, inspection_id, self, lang=i18n.current_language())
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return _EditorPlaceholder(inspection_id), QCoreApplication.translate("MainWindow", "Inspection")
        editor.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        for sig in (editor.answer_saved, editor.inspection_completed, editor.inspection_reopened):
            sig.connect(lambda *_a, e=editor: self._visit_changed(e))
        editor.open_inspection_requested.connect(self._open_linked_item)
        title = editor.tab_title() or QCoreApplication.translate("MainWindow", "Inspection")
        return editor, title if len(title) <= 24 else title[:23] + "…"

    def _inspection_saved(self, _inspection_id: str, station_code: str) -> None:
        self.browser.station_changed(station_code)

    def _photos_changed(self, inspection_id: str, _station_code: str) -> None:
        """Photos of an inspection changed (its own tab, a worker, the gallery): the other open
        inspections of its visit re-read the photo counts they show (linked items' evidence)."""
        editor = self._editors.get(inspection_id)
        if editor is not None and hasattr(editor, "visit_id"):
            self._visit_changed(editor)

    def _open_linked_item(self, inspection_id: str, item_id: str) -> None:
        """ "Answer in the five-haves check": that check's tab, on the item."""
        from fengqiao_desktop.ui.editor.editor_widget import InspectionEditor

        widget = self.open_inspection(inspection_id)
        if isinstance(widget, InspectionEditor):
            widget.jump_to(item_id)

    def _visit_changed(self, source) -> None:
        """An inspection changed: the other open inspections of its visit re-read what they show."""
        from fengqiao_desktop.ui.editor.editor_widget import InspectionEditor

        visit = source.visit_id()
        if not visit:
            return
        for w in list(self._editors.values()):
            if (
                w is not source
                and isinstance(w, InspectionEditor)
                and w.visit_id() == visit
                and self.inspector.indexOf(w) >= 0
            ):
                w.refresh_visit()

    def close_tab(self, index: int) -> None:
        if index == 0:
            return  # the station browser stays
        widget = self.inspector.widget(index)
        self.inspector.removeTab(index)
        for key, w in list(self._editors.items()):
            if w is widget:
                del self._editors[key]
        if widget is not None:
            widget.deleteLater()

    def open_inspection_ids(self) -> list[str]:
        return [k for k, w in self._editors.items() if self.inspector.indexOf(w) >= 0]

    # -- language, about, close ------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch the interface language now and remember it for the next start."""
        lang = i18n.normalise(lang)
        i18n.install(lang)
        i18n.save_language(lang)
        self.lang_actions[lang].setChecked(True)
        self.retranslate()
        self._rebuild_editors()
        self.language_changed.emit(lang)

    def _rebuild_editors(self) -> None:
        """Open editor tabs in the new language: each is built again (every edit is already saved),
        in the same place, on the same item."""
        current = self.inspector.currentWidget()
        for inspection_id, old in list(self._editors.items()):
            index = self.inspector.indexOf(old)
            if index < 0:
                continue
            item = old.current_item() if hasattr(old, "current_item") else None
            widget, title = self._make_editor(inspection_id)
            self._editors[inspection_id] = widget
            self.inspector.insertTab(index, widget, title)
            self.inspector.removeTab(index + 1)
            if old is current:
                self.inspector.setCurrentWidget(widget)
            if item and hasattr(widget, "focus_item"):
                widget.focus_item(item)
            old.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_about(self) -> None:
        from fengqiao_desktop.ui.about import show_about  # versions and licences, incl. the font's

        show_about(self)

    def show_shortcuts(self):
        from fengqiao_desktop.ui.shortcuts import ShortcutsDialog

        dlg = ShortcutsDialog(self)
        dlg.open()
        return dlg

    def closeEvent(self, event: QCloseEvent) -> None:
        running = tasks.runner().running() if hasattr(tasks.runner(), "running") else []
        if running:
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("MainWindow", "Quit"),
                QCoreApplication.translate("MainWindow", "A task is still running. Stop it and quit?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        tasks.runner().shutdown()
        screen_fit.save_window(self)
        event.accept()


def about_text() -> str:
    return QCoreApplication.translate(
        "MainWindow",
        "<h3>Fengqiao Desktop {version}</h3>"
        "<p>Offline inspections of veterans' service centers and stations: the five-haves "
        "checklist, the demonstration-station rubric, photo evidence, findings and signed "
        "bundles for the county bureau.</p><p>Data folder: {path}</p>",
    ).format(version=__version__, path=str(config.data_dir()))


def _not_available():
    from fengqiao_desktop.errors import StorageError

    return StorageError(
        "本地数据库尚未打开，无法导入名册。请重新启动程序。",
        message_en="The local database is not open, so a roster cannot be imported. Please restart the program.",
    )


class _EditorPlaceholder(QLabel):
    """Shown in place of the inspection editor when it cannot be built."""

    def __init__(self, inspection_id: str):
        super().__init__()
        self.inspection_id = inspection_id
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setText(
            QCoreApplication.translate(
                "MainWindow", "The inspection editor is not available in this build.\nInspection {id}"
            ).format(id=inspection_id)
        )
