"""The About dialog: what this copy is (versions) and under which licences it and its parts ship.

Two tabs. "About" names the app, its data folder and the versions of Python and
the libraries it runs on (what a support call asks first). "Licences" states the
app's licence, lists the third-party parts with theirs, and shows the full text
of the shipped Chinese font's licence, read from ``resources/fonts/`` so the
dialog always shows the file that is actually installed.
"""

from __future__ import annotations

import platform
import sys
from importlib import metadata

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop import __version__, config
from fengqiao_desktop.paths import resources_dir

FONT_LICENSE = "LICENSE-DroidSansFallback.txt"

# Third-party parts shipped with the app: (name, distribution for the version, licence).
THIRD_PARTY = [
    ("Qt", None, "LGPL-3.0"),
    ("PySide6", "PySide6-Essentials", "LGPL-3.0"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("Alembic", "alembic", "MIT"),
    ("ReportLab", "reportlab", "BSD-3-Clause"),
    ("Bitstream Vera (in ReportLab)", None, "Bitstream Vera Fonts licence"),
    ("Droid Sans Fallback", None, "Apache-2.0"),
    ("pydantic", "pydantic", "MIT"),
    ("PyYAML", "PyYAML", "MIT"),
    ("openpyxl", "openpyxl", "MIT"),
    ("Pillow", "Pillow", "MIT-CMU (HPND)"),
    ("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    ("pypinyin", "pypinyin", "MIT"),
    ("segno", "segno", "BSD-3-Clause"),
    ("rfc8785", "rfc8785", "Apache-2.0"),
    ("platformdirs", "platformdirs", "MIT"),
    ("click", "click", "BSD-3-Clause"),
    ("pyrage (age encryption)", "pyrage", "MIT"),
    ("sqlcipher3 (encrypted local database)", "sqlcipher3", "zlib"),
    ("SQLCipher (in sqlcipher3)", None, "BSD-3-Clause"),
    ("Python", None, "PSF-2.0"),
]


def _dist_version(dist: str | None) -> str:
    if dist is None:
        return ""
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return ""


def versions() -> list[tuple[str, str]]:
    """(component, version) for the About tab; a missing library shows as unknown, never raises."""
    import PySide6
    import reportlab
    import sqlalchemy

    return [
        ("Fengqiao Desktop", __version__),
        ("Python", f"{platform.python_version()} ({platform.system()} {platform.machine()})"),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("SQLAlchemy", sqlalchemy.__version__),
        ("reportlab", reportlab.Version),
    ]


def font_license_text() -> str:
    path = resources_dir() / "fonts" / FONT_LICENSE
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return QCoreApplication.translate("About", "The font licence file is missing: {path}").format(path=path)


def _about_tab() -> QWidget:
    rows = "".join(f"<tr><td>{name}</td><td>&nbsp;&nbsp;{ver}</td></tr>" for name, ver in versions())
    frozen = (
        QCoreApplication.translate("About", "installed package")
        if getattr(sys, "frozen", False)
        else QCoreApplication.translate("About", "Python environment")
    )
    title = QCoreApplication.translate("About", "Fengqiao Desktop")
    blurb = QCoreApplication.translate("About", "Offline inspections of veterans’ service centers and stations.")
    folder = QCoreApplication.translate("About", "Data folder:")
    running = QCoreApplication.translate("About", "Running from:")
    heading = QCoreApplication.translate("About", "Versions")
    html = (
        f"<h3>{title} {__version__}</h3><p>{blurb}</p>"
        f"<p>{folder} {config.data_dir()}<br>{running} {frozen}</p>"
        f"<h4>{heading}</h4><table>{rows}</table>"
    )
    label = QLabel(html)
    label.setObjectName("about_versions")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    page = QWidget()
    lay = QVBoxLayout(page)
    lay.addWidget(label)
    lay.addStretch(1)
    return page


def _licenses_tab() -> QWidget:
    parts = "".join(
        f"<tr><td>{name}</td><td>&nbsp;{_dist_version(dist)}</td><td>&nbsp;&nbsp;{lic}</td></tr>"
        for name, dist, lic in THIRD_PARTY
    )
    summary = QTextBrowser()
    summary.setObjectName("about_licenses")
    own = QCoreApplication.translate("About", "Fengqiao Desktop is licensed under the Apache License 2.0.")
    shipped = QCoreApplication.translate("About", "Third-party parts shipped with it:")
    lgpl = QCoreApplication.translate(
        "About", "Qt and PySide6 are used as shared libraries under the LGPL; you may replace them."
    )
    summary.setHtml(f"<p>{own}</p><p>{shipped}</p><table>{parts}</table><p>{lgpl}</p>")
    font = QPlainTextEdit(font_license_text())
    font.setObjectName("about_font_license")
    font.setReadOnly(True)
    page = QWidget()
    lay = QVBoxLayout(page)
    lay.addWidget(summary, 1)
    lay.addWidget(QLabel(QCoreApplication.translate("About", "Licence of the Chinese font (Droid Sans Fallback):")))
    lay.addWidget(font, 2)
    return page


class AboutDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("About", "About Fengqiao Desktop"))
        self.resize(640, 560)
        self.tabs = QTabWidget()
        self.tabs.addTab(_about_tab(), QCoreApplication.translate("About", "About"))
        self.tabs.addTab(_licenses_tab(), QCoreApplication.translate("About", "Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(buttons)


def show_about(parent=None) -> None:
    AboutDialog(parent).exec()
