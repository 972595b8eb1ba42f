"""The Coverage page: the year's coverage by county, drilling down to towns and stations.

The roll-up runs off the UI thread (``ui.tasks``) and is reloaded when the year
changes or ``context.data_changed`` fires (after an import, for example).
Selecting a station shows its inspections and photos from the central database.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.coverage.report import KIND_STATION, CoverageReport
from fengqiao_desktop.domain.enums import FormKind, Verdict
from fengqiao_desktop.domain.time import today as cst_today
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.bureau.context import BureauContext
from fengqiao_desktop.ui.bureau.coverage.chart import LevelChart
from fengqiao_desktop.ui.bureau.coverage.model import CoverageModel
from fengqiao_desktop.ui.bureau.formatting import is_english, when
from fengqiao_desktop.ui.bureau.page_base import BureauPage

CHART_LEVELS = ("county", "town", "village")
MAX_PHOTOS = 24


def _lang() -> str:
    return "en" if is_english() else "zh"


class CoveragePage(BureauPage):
    def __init__(self, context: BureauContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("bureau_coverage")
        self.report: CoverageReport | None = None
        self.station_code: str | None = None
        self.inspections: list = []
        self.open_findings: list = []
        self._generation = 0

        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(cst_today().year)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)
        self.xlsx_button = QPushButton()
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        self.status = QLabel()  # what is happening (computing, saved to …)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555;")
        self.targets = QLabel()  # the targets in force, always shown
        self.targets.setWordWrap(True)
        self.targets.setStyleSheet("color: #2c3e50;")
        bar = QHBoxLayout()
        for w in (self.year_label, self.year, self.refresh_button, self.xlsx_button, self.pdf_button):
            bar.addWidget(w)
        bar.addWidget(self.status, 1)

        self.model = CoverageModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.model.stations_wanted.connect(self._load_area)
        # the view asks for more itself once laid out; an area opened before that (or from code) asks here
        self.tree.expanded.connect(lambda ix: self.model.canFetchMore(ix) and self.model.fetchMore(ix))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.selectionModel().currentChanged.connect(lambda cur, _prev: self._on_current(cur))

        self.charts = {lv: LevelChart() for lv in CHART_LEVELS}
        charts = QWidget()
        cl = QHBoxLayout(charts)
        cl.setContentsMargins(0, 0, 0, 0)
        for c in self.charts.values():
            cl.addWidget(c)

        self.detail = QGroupBox()
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.inspection_list = QListWidget()
        self.photo_list = QListWidget()
        self.photo_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(96, 72))
        self.photo_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        dl = QVBoxLayout(self.detail)
        dl.addWidget(self.detail_label)
        dl.addWidget(self.inspection_list, 1)
        dl.addWidget(self.photo_list, 1)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(charts)
        lower.addWidget(self.detail)
        lower.setStretchFactor(0, 2)
        lower.setStretchFactor(1, 1)
        lower.setSizes([880, 440])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([520, 320])

        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.targets)
        lay.addWidget(split, 1)
        self.retranslate()

    # -- texts -----------------------------------------------------------------
    def title(self) -> str:
        return QCoreApplication.translate("Coverage", "Coverage")

    def retranslate(self) -> None:
        self.year_label.setText(QCoreApplication.translate("Coverage", "Year:"))
        self.refresh_button.setText(QCoreApplication.translate("Coverage", "Refresh"))
        self.xlsx_button.setText(QCoreApplication.translate("Coverage", "Export XLSX…"))
        self.pdf_button.setText(QCoreApplication.translate("Coverage", "Export PDF…"))
        self.detail.setTitle(QCoreApplication.translate("Coverage", "Station"))
        if self.station_code is None:
            self.detail_label.setText(
                QCoreApplication.translate("Coverage", "Select a station to see its inspections and photos.")
            )
        self.model.retranslate()
        self._show_charts()

    # -- loading ---------------------------------------------------------------
    def reload(self) -> None:
        super().reload()
        self._generation += 1
        gen, year, url, lang = self._generation, self.year.value(), self.context.central, _lang()
        self.status.setText(QCoreApplication.translate("Coverage", "Computing coverage…"))

        def work(_progress, _cancelled):
            from fengqiao_desktop.services import coverage

            # the stations come per area when one is opened (_load_area): the figures need none of them
            return coverage.coverage_report(year=year, url=url, lang=lang, include_stations=False)

        tasks.start(
            QCoreApplication.translate("Coverage", "Coverage"),
            work,
            on_done=lambda rep: self._loaded(gen, rep),
            on_error=lambda exc: self._failed(gen, exc),
        )

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._generation:
            self.status.setText(
                QCoreApplication.translate("Coverage", "Could not compute coverage: %1").replace("%1", str(exc))
            )

    def _loaded(self, gen: int, report: CoverageReport) -> None:
        if gen != self._generation:  # a newer reload was started meanwhile
            return
        self.report = report
        self.model.set_report(report, lazy=True)
        for row in range(self.model.rowCount()):
            self.tree.setExpanded(self.model.index(row, 0), False)
        from fengqiao_desktop.reports.coverage_table import targets_line

        self.targets.setText(targets_line(report, _lang()))
        self.status.setText("")
        self._show_charts()

    def _load_area(self, area: str) -> None:
        """An area was opened: load its stations (with its towns') off the UI thread."""
        if self.report is None:
            return
        gen, year, as_of, url = self._generation, self.report.year, self.report.as_of, self.context.central

        def work(_progress, _cancelled):
            from fengqiao_desktop.services import coverage

            return coverage.area_stations(area, year=year, as_of=as_of, url=url)

        tasks.start(
            QCoreApplication.translate("Coverage", "Coverage"),
            work,
            on_done=lambda rows: self._area_loaded(gen, area, rows),
            on_error=lambda exc: self._failed(gen, exc),
        )

    def _area_loaded(self, gen: int, area: str, rows: list) -> None:
        if gen == self._generation:
            self.model.add_stations(area, rows)

    def _show_charts(self) -> None:
        rep = self.report
        for level, chart in self.charts.items():
            from fengqiao_desktop.domain.enums import Level

            name = Level(level).label(_lang())
            rows = []
            if rep is not None:
                for a in rep.areas:
                    c = a.by_level.get(level)
                    if c and c.stations:
                        rows.append((a.name, 100.0 * c.five_haves / c.stations, 100.0 * c.demonstration / c.stations))
            target = rep.targets.pct("demonstration", level) if rep else 0.0
            chart.set_data(QCoreApplication.translate("Coverage", "%1 stations").replace("%1", name), rows, target)

    # -- click-through to a station ----------------------------------------------
    def _on_current(self, index) -> None:
        node = self.model.node(index)
        if node is None or node.kind != KIND_STATION:
            return
        self.show_station(node.code, node.name)

    def show_station(self, code: str, name: str = "") -> None:
        self.station_code = code
        self.detail_label.setText(f"{name} {code}".strip())
        self.inspection_list.clear()
        self.photo_list.clear()
        url = self.context.central

        def work(_progress, cancelled):
            from fengqiao_desktop.services import coverage

            rows = coverage.station_inspections(code, url=url)
            open_findings = coverage.station_findings(code, url=url, open_only=True)
            shown: dict[str, dict] = {}  # the first MAX_PHOTOS photos, newest inspection first
            for r in rows:
                for ph in r.photos:
                    if len(shown) < MAX_PHOTOS:
                        shown.setdefault(ph["sha256"], ph)
            if cancelled():
                return rows, [], open_findings
            data = coverage.photos_bytes(shown, url=url)
            return rows, [(ph, data.get(sha)) for sha, ph in shown.items()], open_findings

        tasks.start(
            QCoreApplication.translate("Coverage", "Station"),
            work,
            on_done=lambda res: self._station_loaded(code, *res),
            on_error=lambda exc: self.detail_label.setText(str(exc)),
        )

    def _station_loaded(self, code: str, rows: list, photos: list, open_findings: list) -> None:
        if code != self.station_code:
            return
        self.inspections = rows
        self.open_findings = open_findings
        lang = _lang()
        for f in open_findings:  # follow-up: what the next visit must check (回头看)
            text = QCoreApplication.translate("Coverage", "Open finding: %1 (deadline %2)")
            item = QListWidgetItem(
                text.replace("%1", f["description"] or f["finding_id"]).replace("%2", f["deadline"] or "—")
            )
            item.setForeground(QColor("#B03A2E"))
            self.inspection_list.addItem(item)
        for r in rows:
            try:
                verdict = Verdict(r.verdict).label_for(FormKind(r.form_kind), lang) if r.verdict else ""
            except ValueError:
                verdict = r.verdict or ""
            score = "" if r.total is None else f" {r.total:g}"
            extra = (
                QCoreApplication.translate("Coverage", "%1 photos, %2 findings")
                .replace("%1", str(len(r.photos)))
                .replace("%2", str(len(r.findings)))
            )
            title = _form_title(r.form_id, lang, r.form_title)
            if r.form_version:  # one form across its versions: each result names the one it was scored on
                title += " " + QCoreApplication.translate("Coverage", "(version %1)").replace("%1", r.form_version)
            self.inspection_list.addItem(f"{when(r.completed_at)}  {title}{score}  {verdict}  ({extra})")
        if not rows:
            self.inspection_list.addItem(QCoreApplication.translate("Coverage", "No inspections of this station yet."))
        for ph, data in photos:
            pix = QPixmap()
            if data:
                pix.loadFromData(data)
            item = QListWidgetItem(QIcon(pix) if not pix.isNull() else QIcon(), ph.get("caption") or "")
            item.setToolTip(ph["sha256"])
            if data is None:  # its bundle's archived copy is gone or damaged (merge/photos.py)
                item.setText(
                    QCoreApplication.translate("Coverage", "%1 (photo unavailable)").replace("%1", item.text())
                )
                item.setToolTip(
                    QCoreApplication.translate(
                        "Coverage",
                        "This photo cannot be read: the copy of its bundle kept in the archive folder is missing "
                        "or damaged. Import the same bundle file again to restore it.",
                    )
                )
            self.photo_list.addItem(item)

    # -- exports -----------------------------------------------------------------
    def _ask_export(self, kind: str) -> None:
        filt = (
            QCoreApplication.translate("Coverage", "Excel workbook (*.xlsx)")
            if kind == "xlsx"
            else QCoreApplication.translate("Coverage", "PDF (*.pdf)")
        )
        name = f"coverage-{self.year.value()}.{kind}"
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("Coverage", "Export coverage"), name, filt
        )
        if path:
            self.export_to(path, kind)

    def export_to(self, path: str, kind: str) -> None:
        """Write the XLSX or PDF of the shown year, off the UI thread."""
        year, url, lang = self.year.value(), self.context.central, _lang()

        def work(_progress, _cancelled):
            from fengqiao_desktop.services import coverage

            rep = coverage.coverage_report(year=year, url=url, lang=lang)
            if kind == "xlsx":
                from fengqiao_desktop.reports.coverage_xlsx import write_coverage_xlsx

                return write_coverage_xlsx(rep, path, lang)
            from fengqiao_desktop.reports.coverage_pdf import write_coverage_pdf

            return write_coverage_pdf(rep, path, lang)

        tasks.start(
            QCoreApplication.translate("Coverage", "Export coverage"),
            work,
            on_done=lambda p: self.status.setText(
                QCoreApplication.translate("Coverage", "Saved %1").replace("%1", str(p))
            ),
            on_error=lambda exc: self.status.setText(str(exc)),
        )


def _form_title(form_id: str, lang: str, registered_title: str = "") -> str:
    """The form's title as people know it (示范型退役军人服务站评分表…).

    A bureau's own form is not shipped: its registered (Chinese) title in Chinese, else its id.
    """
    from fengqiao_desktop.errors import KnownError
    from fengqiao_desktop.formengine.loader import shipped_registry

    try:
        return shipped_registry().get(form_id).title.get(lang)
    except (KnownError, KeyError):
        return registered_title if registered_title and not lang.startswith("en") else form_id
