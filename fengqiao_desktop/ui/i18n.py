"""The interface language: Qt translators from ``resources/i18n/*.qm``, Chinese by default.

Source strings are English; Chinese comes from the compiled ``.qm`` files.
Every ``*_zh_CN.qm`` in the folder is loaded (the shell, the editor, ...), plus
Qt's own translations for standard buttons when the Qt installation has them.
The choice is kept in ``config.Settings.language``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fengqiao_desktop.config import Settings
from fengqiao_desktop.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("zh", "en")
_QT_LOCALE = {"zh": "zh_CN", "en": "en"}

_installed: list[QTranslator] = []
_current = "zh"


def normalise(lang: str | None) -> str:
    """``zh``, ``zh_CN``, ``zh-CN`` -> ``zh``; ``en*`` -> ``en``; anything else -> ``zh``."""
    text = (lang or "").strip().lower()
    return "en" if text.startswith("en") else "zh"


def current_language() -> str:
    return _current


def saved_language() -> str:
    return normalise(Settings.load().language)


def save_language(lang: str) -> None:
    settings = Settings.load()
    settings.language = normalise(lang)
    try:
        settings.save()
    except OSError:
        log.warning("could not save the language setting")


def qm_files(lang: str) -> list:
    """The app's compiled translation files for a language (none for English)."""
    if normalise(lang) == "en":
        return []
    folder = resources_dir() / "i18n"
    return sorted(folder.glob(f"*_{_QT_LOCALE['zh']}.qm"))


def install(lang: str) -> list[QTranslator]:
    """Replace the installed translators with those of ``lang``; returns them.

    Installing a translator sends a LanguageChange event to every widget, so
    windows that handle it re-label themselves.
    """
    global _current
    app = QCoreApplication.instance()
    lang = normalise(lang)
    for t in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(t)
    _installed.clear()
    _current = lang
    QLocale.setDefault(QLocale(_QT_LOCALE[lang]))
    if app is None or lang == "en":
        return []
    for path in qm_files(lang):
        t = QTranslator(app)
        if t.load(str(path)):
            QCoreApplication.installTranslator(t)
            _installed.append(t)
        else:
            log.warning("translation file could not be loaded: %s", path)
    # Qt's own strings (file dialogs' "Look in:", standard buttons): qtbase_zh_CN.qm
    for qt_dir in qt_translation_dirs():
        t = QTranslator(app)
        if t.load(QLocale(_QT_LOCALE[lang]), "qtbase", "_", str(qt_dir)):
            QCoreApplication.installTranslator(t)
            _installed.append(t)
            break
    else:
        log.warning("Qt's own translations (qtbase) were not found; standard dialogs stay in English")
    return list(_installed)


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own .qm files may be: Qt's configured folder, then PySide6's (a frozen build moves it)."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    found = [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        package / "Qt" / "translations",
        package / "translations",
        resources_dir() / "i18n" / "qt",
    ]
    return [d for d in dict.fromkeys(found) if d.is_dir()]
