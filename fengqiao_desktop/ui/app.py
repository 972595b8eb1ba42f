"""``fengqiao-desktop``: start the desktop app.

Order of start-up: arguments → data directory → rotating log file → Qt
application with the shipped CJK font as fallback (Chinese renders on a PC
without Chinese fonts) → translators → crash hook → window shown → the
passphrase asked when the data folder is encrypted (Cancel quits) → the
station tree's first level read from the database file → local store opened
(migrations applied by the storage layer) and stations loaded in the
background → with ``--demo``, the demonstration roster when the database has
no stations.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
import time
from pathlib import Path

log = logging.getLogger("fengqiao_desktop")

LOG_NAME = "fengqiao-desktop.log"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="fengqiao-desktop", description="Fengqiao Desktop: inspections of veterans' service stations."
    )
    p.add_argument("--data-dir", help="folder for the local database, photos, keys and logs")
    p.add_argument("--lang", choices=("zh", "en"), help="interface language (default: the saved setting, else zh)")
    p.add_argument(
        "--central",
        help="central database URL for the Bureau workspace "
        "(default: FENGQIAO_CENTRAL, else a SQLite file in the data folder)",
    )
    p.add_argument(
        "--demo", action="store_true", help="load the demonstration roster when the database has no stations"
    )
    p.add_argument(
        "--self-check",
        action="store_true",
        help="check this installation without a window (database, forms, sheet, bundle) and exit",
    )
    # For benchmarks and screenshots: exit once the window is shown / the tree's first level is
    # shown / the tree is filled.
    p.add_argument("--quit-when-shown", choices=("window", "first-level", "tree"), help=argparse.SUPPRESS)
    p.add_argument("--screenshot", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def setup_logging(logs_dir: Path) -> Path:
    """Log to a rotating file in the data directory (5 files of 1 MB) and to stderr for warnings."""
    path = logs_dir / LOG_NAME
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_fengqiao", False):
            root.removeHandler(h)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._fengqiao = True  # type: ignore[attr-defined]
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console._fengqiao = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.addHandler(console)
    root.setLevel(logging.INFO)
    return path


def register_cjk_font(app) -> str | None:
    """Register the shipped CJK font and put it behind the system font as fallback.

    Returns the font family, or None if the font could not be loaded (then Qt's
    own fallback is used; the app still runs).
    """
    from PySide6.QtGui import QFont, QFontDatabase

    from fengqiao_desktop.paths import font_path

    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("the CJK font could not be loaded from %s", font_path())
        return None
    family = families[0]
    font = QFont(app.font())
    system = font.families() or [font.family()]
    font.setFamilies([f for f in system if f != family] + [family])
    app.setFont(font)
    return family


def make_application(argv: list[str]):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Fengqiao Desktop")
    app.setOrganizationName("fengqiao")
    app.setApplicationDisplayName("")
    register_cjk_font(app)
    return app


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_check:  # headless: before any QApplication, so it runs without a display
        from fengqiao_desktop.selfcheck import run

        return run()
    from fengqiao_desktop import config

    if args.data_dir:
        config.set_data_dir(args.data_dir)
    log_path = setup_logging(config.logs_dir())
    log.info("starting; data dir %s", config.data_dir())

    app = make_application([sys.argv[0]])

    from fengqiao_desktop.ui import errors, i18n
    from fengqiao_desktop.ui.main_window import MainWindow, app_icon

    errors.set_log_path(log_path)
    errors.install_excepthook()
    # --lang is for this run only; the saved choice changes in View → Language or the first-run wizard.
    lang = args.lang or i18n.saved_language()
    i18n.install(lang)
    app.setWindowIcon(app_icon())

    window = MainWindow()
    wire(window, args)
    _exit_hooks(app, window, args)
    window.show()

    from PySide6.QtCore import QTimer

    def first_run() -> None:  # asked once the data is open; the wizard's code loads only when it shows
        from fengqiao_desktop.ui.firstrun.start import maybe_show

        maybe_show(window, args)

    from fengqiao_desktop.storage.vault_file import has_vault
    from fengqiao_desktop.ui import tasks

    vault = None
    if has_vault(config.data_dir()):  # encrypted: nothing opens the database before the passphrase
        from fengqiao_desktop.ui.identity.datalock import unlock_at_start

        vault = unlock_at_start(window, config.data_dir())
        if vault is None:
            log.info("the passphrase was not given; exiting")
            tasks.runner().shutdown()
            return 0
    QTimer.singleShot(0, lambda: open_data(window, demo=args.demo, on_open=first_run, vault=vault))
    code = app.exec()

    tasks.runner().shutdown()  # background jobs finish before Qt is torn down (no abort at exit)
    log.info("exiting with %s", code)
    return code


def wire(window, args) -> None:
    """Plug the workspaces' pages and handlers into the main window."""
    from fengqiao_desktop.ui.bureau import install as install_bureau
    from fengqiao_desktop.ui.bureau.context import BureauContext

    def user_name() -> str:
        from fengqiao_desktop.services import identity

        return identity.identity(getattr(window, "store", None)).name

    window.bureau_context = BureauContext(args.central, window, user_name=user_name)
    install_bureau(window, window.bureau_context)

    from fengqiao_desktop.ui.identity.menu import install_encrypt_action, install_profile_action

    def export(w) -> None:  # the dialog and the export code load when first used
        from fengqiao_desktop.ui.export import export_handler

        export_handler(w)

    window.set_export_handler(export)
    install_profile_action(window)
    install_encrypt_action(window)

    from fengqiao_desktop.ui.packs import install as install_packs

    install_packs(window)


def open_data(window, *, demo: bool = False, on_open=None, vault=None, passphrase: str | None = None) -> None:
    """Open the local store in the background, then show its stations (and the demo roster if asked);
    ``on_open()`` runs after that (the first-run wizard). An encrypted store opens with its unlocked
    ``vault`` or the ``passphrase``.

    Into an empty tree the first level is read first, straight from the database file (a few
    milliseconds, where opening the store loads the whole storage stack): it shows while the
    store opens. A database that is new or due for a migration waits for the store instead."""
    from fengqiao_desktop.ui import tasks
    from fengqiao_desktop.ui.errors import show_error
    from fengqiao_desktop.ui.stations.service_source import early_first_level, open_source

    def opened(result) -> None:
        store, source = result
        window.set_store(store)
        window.set_source(source)
        if demo and source.station_count() == 0:
            window.load_demo()
        _reopen_last(window, store)
        if on_open is not None:
            on_open()

    def failed(exc: BaseException) -> None:
        window.browser.drop_first_level()
        show_error(window, exc)

    def open_store() -> None:
        tasks.start(
            "open local store",
            lambda _p, _c: open_source(vault, passphrase),
            on_done=opened,
            on_error=failed,
        )

    def first_level(rows) -> None:
        if rows is not None:
            window.browser.show_first_level(rows)
        open_store()

    def no_first_level(exc: BaseException) -> None:
        # the store's opening reports what is wrong with the file, if anything still is
        log.warning("the first level was not read before the store opened", exc_info=exc)
        open_store()

    if window.browser.model.station_count():  # reopened (encrypted): the tree stays until the new one is in
        open_store()
        return
    tasks.start(
        "read the station tree's first level",
        lambda _p, _c: early_first_level(vault),
        on_done=first_level,
        on_error=no_first_level,
    )


def _reopen_last(window, store) -> None:
    """Return to the inspection that was open when the app last closed (or was killed)."""
    if store is None:
        return
    try:
        from fengqiao_desktop.ui.editor.last_opened import recall

        iid = recall()
        if iid:
            store.inspections.get(iid)  # raises when it was deleted meanwhile
            window.open_inspection(iid)
    except Exception:  # noqa: BLE001 - a missing or deleted inspection only skips the convenience
        log.info("last inspection not reopened", exc_info=True)


def _exit_hooks(app, window, args) -> None:
    """``--quit-when-shown`` and ``--screenshot``: leave once there is something to measure or grab."""
    from PySide6.QtCore import QTimer

    def leave() -> None:
        # the moment that was waited for, as a wall-clock time for the cold-start benchmark
        # (which must not count the orderly shutdown that follows)
        print(f"reached {time.time():.6f}", flush=True)
        app.quit()

    if args.quit_when_shown == "window":
        QTimer.singleShot(0, leave)  # runs once the window's show events are processed
    elif args.quit_when_shown == "first-level":
        # the window shown too, measured as for "window": the benchmark takes the time between them
        QTimer.singleShot(0, lambda: print(f"shown {time.time():.6f}", flush=True))
        # the first level on its own, or with the whole tree (a small roster, a full tree reloaded)
        window.browser.first_level_loaded.connect(lambda _count: QTimer.singleShot(0, leave))
        window.browser.stations_loaded.connect(lambda _count: QTimer.singleShot(0, leave))
    elif args.quit_when_shown == "tree" or args.screenshot:

        def loaded(_count: int) -> None:
            if args.screenshot:
                QTimer.singleShot(300, lambda: (window.grab().save(args.screenshot), app.quit()))
            else:
                QTimer.singleShot(0, leave)

        window.browser.stations_loaded.connect(loaded)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
