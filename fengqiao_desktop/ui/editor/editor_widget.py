"""The inspection editor: a form definition rendered as rows, saved as it is typed.

``InspectionEditor(store, inspection_id)`` builds the screen from the form the
inspection pins (no screen per form). Each edit goes straight to the service
(``set_answer`` commits) and the returned score updates the panel. Only the
answer widgets are in the Tab chain; Enter moves to the next item.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QEvent,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.domain import FormKind
from fengqiao_desktop.domain.findings import printed_gaps
from fengqiao_desktop.domain.signatures import SignatureInput
from fengqiao_desktop.errors import KnownError
from fengqiao_desktop.formengine.scoring import ScoreResult
from fengqiao_desktop.formengine.visit import GateState
from fengqiao_desktop.ui.editor import keys, last_opened
from fengqiao_desktop.ui.editor.answer_widgets import TextAnswer
from fengqiao_desktop.ui.editor.backend import EditorBackend, EditorContent, VisitInfo
from fengqiao_desktop.ui.editor.earlier_findings import earlier_findings_label
from fengqiao_desktop.ui.editor.findings_controller import FindingsController
from fengqiao_desktop.ui.editor.item_row import ItemRow, answer_focus_widgets
from fengqiao_desktop.ui.editor.lifecycle import (
    AuditDialog,
    CompleteSummaryDialog,
    RefusalDialog,
    ReopenDialog,
)
from fengqiao_desktop.ui.editor.mime import has_photo_data
from fengqiao_desktop.ui.editor.photo_controller import PhotoController
from fengqiao_desktop.ui.editor.recheck_panel import RecheckPanel, returned_label
from fengqiao_desktop.ui.editor.runner import TaskRunner, default_runner
from fengqiao_desktop.ui.editor.score_panel import ScorePanel
from fengqiao_desktop.ui.editor.sheet_pdf import SheetPdf
from fengqiao_desktop.ui.editor.sheet_print import SheetPrint
from fengqiao_desktop.ui.editor.undo import AnswerHistory
from fengqiao_desktop.ui.editor.words import answer_text, gate_state_text
from fengqiao_desktop.ui.screen_fit import scrollable


def _default_lang() -> str:
    from fengqiao_desktop.config import Settings

    return "en" if Settings.load().language == "en" else "zh"


class InspectionEditor(QWidget):
    """The editor of one inspection."""

    answer_saved = Signal(str)  # item id, after the service committed it
    inspection_completed = Signal(str)
    inspection_reopened = Signal(str, int)  # id, new revision
    score_changed = Signal(object)  # ScoreResult
    message = Signal(str)  # short status text for the window's status bar
    pdf_saved = Signal(str)  # path of a score sheet just written
    open_inspection_requested = Signal(str, str)  # inspection id, item id: "answer it there"

    def __init__(
        self,
        store,
        inspection_id: str,
        parent: QWidget | None = None,
        *,
        backend: EditorBackend | None = None,
        runner: TaskRunner | None = None,
        lang: str | None = None,
    ):
        super().__init__(parent)
        if backend is None:
            from fengqiao_desktop.ui.editor.service_backend import ServiceBackend

            backend = ServiceBackend(store, inspection_id)
        self.backend = backend
        self.runner = runner or default_runner()
        self.lang = lang or _default_lang()
        self.view: EditorContent = backend.load()
        self.form = self.view.form
        self.rows: dict[str, ItemRow] = {}
        self._order: list[str] = []
        self._current: str | None = None
        self._score: ScoreResult = self.view.score
        self.visit = VisitInfo()  # the rest of the visit: read by every _fill()

        # the form's own item numbers (A1, B2 ...; 1-5 in the five-haves check), as on paper
        self.numbers = {iid: it.no for iid, it in self.form.items.items()}
        labels = {iid: f"{self.numbers[iid]} {it.title.get(self.lang)}" for iid, it in self.form.items.items()}

        self.photo_ctl = PhotoController(backend, self.runner, self, labels)
        self.photo_ctl.photos_changed.connect(self._photos_changed)
        self.photo_ctl.message.connect(self._say)
        self.findings_ctl = FindingsController(backend, self, labels, self.lang)

        self._build()
        self._fill(self.view)
        self._shortcuts()
        last_opened.remember(inspection_id)

    # -- layout ------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(f"<b>{_esc(self.view.title)}</b> — {_esc(self.form.title.get(self.lang))}")
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.saved = QLabel()
        self.saved.setStyleSheet("color: #2e7d32;")
        self.complete_btn = QPushButton(QCoreApplication.translate("Editor", "Complete"))
        self.complete_btn.setObjectName("complete")
        self.complete_btn.setToolTip(QCoreApplication.translate("Editor", "Check and lock the inspection"))
        self.reopen_btn = QPushButton(QCoreApplication.translate("Editor", "Change…"))
        self.reopen_btn.setToolTip(
            QCoreApplication.translate("Editor", "Edit a completed inspection (asks for a reason)")
        )
        self.audit_btn = QPushButton(QCoreApplication.translate("Editor", "Audit trail"))
        self.gallery_btn = QPushButton(QCoreApplication.translate("Editor", "Photos"))
        self.pdf_btn = QPushButton(QCoreApplication.translate("Editor", "Print score sheet…"))
        self.pdf_btn.setToolTip(
            QCoreApplication.translate(
                "Editor", "Print preview, print, or save the on-site score sheet as a PDF (Ctrl+P)"
            )
        )
        self.open_pdf_btn = QPushButton(QCoreApplication.translate("Editor", "Open PDF"))
        self.open_pdf_btn.setEnabled(False)
        self.complete_btn.clicked.connect(self.ask_complete)
        self.reopen_btn.clicked.connect(self.ask_reopen)
        self.audit_btn.clicked.connect(self.show_audit)
        self.gallery_btn.clicked.connect(lambda: self.photo_ctl.open_gallery())
        self.sheet_print = SheetPrint(self)
        self.sheet_pdf = SheetPdf(self)
        pdf_menu = QMenu(self.pdf_btn)
        pdf_menu.addAction(QCoreApplication.translate("Editor", "Print preview…"), self.sheet_print.preview)
        pdf_menu.addAction(QCoreApplication.translate("Editor", "Print…"), self.sheet_print.print_sheet)
        pdf_menu.addAction(QCoreApplication.translate("Editor", "Save as PDF…"), lambda: self.save_pdf())
        self.pdf_btn.setMenu(pdf_menu)
        self.open_pdf_btn.clicked.connect(self.open_pdf)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.status)
        top.addWidget(self.saved)
        for b in (
            self.gallery_btn,
            self.audit_btn,
            self.pdf_btn,
            self.open_pdf_btn,
            self.reopen_btn,
            self.complete_btn,
        ):
            b.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            top.addWidget(b)
        self.complete_btn.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.rows_host = QWidget()
        self.rows_host.setObjectName("rows")
        col = QVBoxLayout(self.rows_host)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        extra = self.view.extra or {}
        self.returned = returned_label(extra.get("returned"))
        if self.returned is not None:
            col.addWidget(self.returned)
        self.earlier = earlier_findings_label(extra.get("earlier_findings"))
        if self.earlier is not None:
            col.addWidget(self.earlier)
        self.recheck_panel = RecheckPanel(self, extra["rechecks"]) if extra.get("rechecks") else None
        if self.recheck_panel is not None:
            self.recheck_panel.changed.connect(self._rechecked)
            col.addWidget(self.recheck_panel)
        for sec in self.form.sections:
            head = QLabel(
                QCoreApplication.translate("Editor", "{title} ({max} pts)").format(
                    title=sec.title.get(self.lang), max=f"{sec.max:g}"
                )
            )
            head.setObjectName(f"section_{sec.id}")
            head.setStyleSheet("background: #37474f; color: white; font-weight: bold; padding: 4px 10px;")
            col.addWidget(head)
            for it in sec.items:
                row = ItemRow(it, self.numbers[it.id], self.lang)
                self.rows[it.id] = row
                self._order.append(it.id)
                row.answer_changed.connect(self._save)
                row.focus_entered.connect(self._row_focused)
                row.advance_requested.connect(self.focus_next)
                row.files_dropped.connect(self.photo_ctl.add_files)
                row.add_photo_requested.connect(self.photo_ctl.choose_files)
                row.photo_clicked.connect(lambda _iid, pid: self.photo_ctl.open_gallery(pid))
                row.source_requested.connect(self._open_source)
                _PasteFilter(self, it.id).install(row)
                col.addWidget(row)
        col.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.rows_host)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.score_panel = ScorePanel(self.form, self.numbers, self.lang)
        self.score_panel.jump_requested.connect(self.jump_to)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.scroll)
        left.addWidget(self.findings_ctl.panel)
        left.setStretchFactor(0, 4)
        left.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(scrollable(self.score_panel))  # its height must not bound the window's
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        # The Tab chain: answer -> next answer -> ... -> Complete (all widgets now share a window).
        chain = [self.rows[i].answer_widget for i in self._order] + [self.complete_btn]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _shortcuts(self) -> None:
        self.history = AnswerHistory(self)  # undo/redo through the same save path
        self.shortcuts = keys.install(self)
        self.print_shortcut = self.shortcuts["Ctrl+P"]

    def _fill(self, view: EditorContent) -> None:
        self.view = view
        self.visit = self.backend.visit()
        for item_id, row in self.rows.items():
            row.set_answer(view.answers.get(item_id))
        self._show_links()
        self._show_photos(view.photos)
        self.photo_ctl._photos = list(view.photos)
        self._show_score(view.score)
        self.findings_ctl.refresh()
        if self.returned is not None:
            self.returned.setVisible((view.extra or {}).get("returned") is not None)
        self._apply_lock()

    def _rechecked(self) -> None:
        self.photo_ctl.refresh()
        self._say(QCoreApplication.translate("Editor", "Re-check saved"))

    def _apply_lock(self) -> None:
        locked = self.view.locked
        self.rows_host.setEnabled(not locked)
        self.photo_ctl.read_only = locked
        self.complete_btn.setVisible(not locked)
        self.reopen_btn.setVisible(locked)
        self.findings_ctl.set_read_only(locked)
        self.status.setText(
            QCoreApplication.translate("Editor", "{status}, revision {rev}").format(
                status=self.view.status.label(self.lang), rev=self.view.revision
            )
        )
        self.status.setStyleSheet("color: #c62828; font-weight: bold;" if locked else "color: #555;")

    # -- answers -------------------------------------------------------------
    def _save(self, item_id: str) -> None:
        if self.view.locked:
            return
        answer = self.rows[item_id].answer()
        try:
            result = self.backend.set_answer(item_id, answer)
        except KnownError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("Editor", "Not saved"), exc.user_message(self.lang))
            self.rows[item_id].set_answer(self.backend.load().answers.get(item_id))
            return
        self._show_score(result)
        self.saved.setText(
            QCoreApplication.translate("Editor", "Saved {time}").format(
                time=QDateTime.currentDateTime().toString("HH:mm:ss")
            )
        )
        self.answer_saved.emit(item_id)

    def _show_score(self, result: ScoreResult) -> None:
        self._score = result
        self.score_panel.show_result(result, self.visit)
        self.score_changed.emit(result)

    # -- the visit -------------------------------------------------------------
    def _show_links(self) -> None:
        """Items answered in the visit's five-haves check: its answer, read-only, with a way there."""
        for item_id, row in self.rows.items():
            link = self.visit.linked.get(item_id)
            if link is None:
                row.set_linked(None)
                continue
            a = link.answer
            parts = [
                QCoreApplication.translate("Editor", "Five-haves check, item {no}: {value}").format(
                    no=link.source_no, value=answer_text(row.item, a)
                )
            ]
            if a is not None and a.note:
                parts.append(QCoreApplication.translate("Editor", "note: {note}").format(note=a.note))
            parts.append(QCoreApplication.translate("Editor", "photos: {n}").format(n=link.photos))
            row.set_linked(" · ".join(parts))

    def refresh_visit(self) -> None:
        """Another inspection of the visit changed: re-read the linked answers and the score."""
        self.visit = self.backend.visit()
        self._show_links()
        self._show_score(self.backend.score())

    def tab_title(self) -> str:
        """The tab's text: which form of the visit, and where."""
        kind = (
            QCoreApplication.translate("Editor", "Five haves")
            if self.form.kind is FormKind.GATE
            else QCoreApplication.translate("Editor", "Rubric")
        )
        station = (self.view.extra or {}).get("station_name") or self.view.title
        return QCoreApplication.translate("Editor", "{kind} · {station}").format(kind=kind, station=station)

    def visit_id(self) -> str:
        return str((self.view.extra or {}).get("visit_id") or "")

    def _open_source(self, item_id: str) -> None:
        link = self.visit.linked.get(item_id)
        if link is not None:
            self.open_inspection_requested.emit(link.source_id, link.source_item)

    def score(self) -> ScoreResult:
        return self._score

    # -- navigation ------------------------------------------------------------
    def _row_focused(self, item_id: str) -> None:
        if self._current == item_id:
            return
        if self._current in self.rows:
            self.rows[self._current].set_current(False)
        self._current = item_id
        row = self.rows[item_id]
        row.set_current(True)
        self.scroll.ensureWidgetVisible(row, 0, 40)

    def current_item(self) -> str | None:
        return self._current

    def focus_item(self, item_id: str) -> None:
        self.rows[item_id].focus_answer()
        self._row_focused(item_id)

    def focus_first(self) -> None:
        first = next((i for i in self._order if not self.rows[i].is_linked), None)
        if first is not None:
            self.focus_item(first)

    def focus_next(self, item_id: str) -> None:
        """Enter: the next item answered here (items answered in the five-haves check are passed)."""
        i = self._order.index(item_id)
        for nxt in self._order[i + 1 :]:
            if not self.rows[nxt].is_linked:
                self.focus_item(nxt)
                return
        self.complete_btn.setFocus(Qt.FocusReason.TabFocusReason)

    def jump_to(self, item_id: str) -> None:
        if item_id in self.rows:
            self.focus_item(item_id)

    # -- photos ------------------------------------------------------------------
    def _show_photos(self, photos) -> None:
        by_item: dict[str, list] = {}
        for p in photos:
            by_item.setdefault(p.item_id or "", []).append(p)
        for item_id, row in self.rows.items():
            row.set_photos(by_item.get(item_id, []), self.photo_ctl.pixmaps)
        self.gallery_btn.setText(QCoreApplication.translate("Editor", "Photos ({n})").format(n=len(photos)))

    def _photos_changed(self, photos) -> None:
        self._show_photos(photos)
        self._show_score(self.backend.score())  # evidence counts changed (other tabs: the store's photos_changed)

    def add_photo_files(self, item_id: str | None, paths: list[str]) -> None:
        """Add photos to an item: the same path the file dialog, drops and paste take."""
        self.photo_ctl.add_files(item_id, paths)

    # -- lifecycle ---------------------------------------------------------------
    def ask_complete(self) -> CompleteSummaryDialog | None:
        """完成检查: the summary first; nothing is locked unless the inspector confirms."""
        result = self.backend.score()
        if not result.complete or self._incomplete_findings():
            self.complete()  # the service refuses and the editor lists what is missing
            return None
        self.visit = self.backend.visit()
        head, inspector = self.backend.signer_names()
        dlg = CompleteSummaryDialog(
            self._score_line(result),
            self._visit_verdicts(result),
            len(self.backend.findings()),
            len(self.backend.photos()),
            self,
            station_head=head,
            inspector=inspector,
        )
        dlg.accepted.connect(lambda: self.complete(dlg.signatures()))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg

    def _score_line(self, result: ScoreResult) -> str:
        return QCoreApplication.translate("Editor", "Score {total} / {max} — {verdict}").format(
            total=f"{result.total:g}", max=f"{result.max:g}", verdict=result.verdict_label(self.lang)
        )

    def _visit_verdicts(self, result: ScoreResult) -> list[str]:
        """Every form of the visit with its verdict by the visit rule, this one first."""
        line = QCoreApplication.translate("Editor", "{form}: {verdict}")
        out = [line.format(form=self.form.title.get(self.lang), verdict=result.verdict_label(self.lang))]
        for m in self.visit.members:
            verdict = m.score.verdict_label(self.lang)
            if m.kind is FormKind.GATE:
                verdict = gate_state_text(self.visit.gate) if self.visit.gate is GateState.PENDING else verdict
            out.append(
                line.format(form=m.title, verdict=verdict)
                + QCoreApplication.translate("Editor", " ({status})").format(status=m.status.label(self.lang))
            )
        return out

    def _incomplete_findings(self) -> list[tuple[str, str]]:
        """(id, line) of each finding lacking what the sheet prints (the service's rule)."""
        out = []
        names = {
            "responsible": QCoreApplication.translate("Editor", "responsible person"),
            "deadline": QCoreApplication.translate("Editor", "deadline"),
            "measures": QCoreApplication.translate("Editor", "measures"),
        }
        for f in self.backend.findings():
            missing = [names[k] for k in printed_gaps(f)]
            if missing:
                text = f.description or QCoreApplication.translate("Editor", "(no text)")
                item = self.form.items.get(f.item_id or "")
                if item is not None:
                    text = QCoreApplication.translate("Editor", "{item}: {finding}").format(
                        item=f"{item.no} {item.title.get(self.lang)}", finding=text
                    )
                out.append(
                    (
                        f.id or "",
                        QCoreApplication.translate("Editor", "{finding} — missing: {what}").format(
                            finding=text, what=QCoreApplication.translate("Editor", ", ").join(missing)
                        ),
                    )
                )
        return out

    def complete(self, signatures: Sequence[SignatureInput] = ()) -> bool:
        try:
            result = self.backend.complete(signatures)
        except KnownError as exc:
            findings = self._incomplete_findings() if getattr(exc, "unprintable", None) else []
            problems = [] if findings else list(getattr(exc, "problems", None) or self._problems())
            dlg = RefusalDialog(exc.user_message(self.lang), problems, self, findings=findings)
            dlg.setObjectName("refusal")
            dlg.finding_chosen.connect(self.findings_ctl.open_finding)
            dlg.open()
            if findings:
                self.findings_ctl.select_finding(findings[0][0])
            return False
        self._fill(self.backend.load())
        self._show_score(result)
        self._say(QCoreApplication.translate("Editor", "Inspection completed and locked"))
        self.inspection_completed.emit(self.view.inspection_id)
        return True

    def _problems(self) -> list[str]:
        out = []
        for iid in self._score.missing_answers:
            out.append(
                QCoreApplication.translate("Editor", "Not answered: {n} {title}").format(
                    n=self.numbers[iid], title=self.form.items[iid].title.get(self.lang)
                )
            )
        for iid, have, need in self._score.missing_evidence:
            out.append(
                QCoreApplication.translate("Editor", "Photos {have}/{need}: {n} {title}").format(
                    have=have, need=need, n=self.numbers[iid], title=self.form.items[iid].title.get(self.lang)
                )
            )
        return out

    def ask_reopen(self) -> ReopenDialog:
        dlg = ReopenDialog(self.view.revision, self)
        dlg.setObjectName("reopen")
        dlg.accepted.connect(lambda: self.reopen(dlg.reason_text()))
        dlg.open()
        return dlg

    def reopen(self, reason: str) -> None:
        try:
            self.backend.reopen(reason)
        except KnownError as exc:
            QMessageBox.warning(
                self, QCoreApplication.translate("Editor", "Cannot change"), exc.user_message(self.lang)
            )
            return
        self._fill(self.backend.load())
        self.inspection_reopened.emit(self.view.inspection_id, self.view.revision)
        self.focus_item(self._current or self._order[0])

    def show_audit(self) -> AuditDialog:
        dlg = AuditDialog(self.backend.audit(), self)
        dlg.open()
        return dlg

    # -- score sheet (ui/editor/sheet_pdf.py) -----------------------------------------
    def default_pdf_name(self) -> str:
        return self.sheet_pdf.default_name()

    def save_pdf(self, target: str | None = None) -> None:
        self.sheet_pdf.save(target)

    def open_pdf(self) -> None:
        self.sheet_pdf.open()

    @property
    def last_pdf(self) -> str | None:
        """The score sheet last written from this editor."""
        return self.sheet_pdf.last_path

    def _say(self, text: str) -> None:
        self.message.emit(text)


class _PasteFilter(QObject):
    """Ctrl+V on an item's answer widget pastes photos (an image or image files) into that item."""

    def __init__(self, editor: InspectionEditor, item_id: str):
        super().__init__(editor)
        self.editor = editor
        self.item_id = item_id

    def install(self, row: ItemRow) -> None:
        if isinstance(row.answer_widget, TextAnswer):
            return  # text fields keep their own paste
        for w in answer_focus_widgets(row.answer_widget):
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        et = event.type()
        if (
            et in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and event.matches(QKeySequence.StandardKey.Paste)
            and has_photo_data(QApplication.clipboard().mimeData())
        ):
            if et == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            self.editor.photo_ctl.paste(self.item_id)
            return True
        return False


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
