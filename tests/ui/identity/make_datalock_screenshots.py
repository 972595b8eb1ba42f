"""Screenshots of the data encryption UI in Chinese and English (not a test).

    xvfb-run -a -s "-screen 0 1366x768x24" python tests/ui/identity/make_datalock_screenshots.py /tmp/shots

The unlock dialog at start (after a wrong passphrase), the wizard's key page with
"encrypt this computer's data", the File menu's dialog, and the conversion's progress
dialog over the main window; each as the whole 1366×768 screen. Works on throw-away
data folders.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

PASS = "红旗渠 2026"


def main(out_dir: str) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from fengqiao_desktop import config
    from fengqiao_desktop.bundle.minisign import FAST_KDF
    from fengqiao_desktop.roster.demo import load_demo
    from fengqiao_desktop.services import encryption
    from fengqiao_desktop.services.store import LocalStore
    from fengqiao_desktop.ui import app as ui_app
    from fengqiao_desktop.ui import i18n, tasks
    from fengqiao_desktop.ui.firstrun.wizard import FirstRunWizard
    from fengqiao_desktop.ui.identity import datalock
    from fengqiao_desktop.ui.identity import passphrase as pp
    from fengqiao_desktop.ui.main_window import MainWindow
    from fengqiao_desktop.ui.stations.service_source import ServiceSource

    tmp = Path(tempfile.mkdtemp(prefix="fq-shot-"))
    config.set_data_dir(tmp / "data")
    qapp = ui_app.make_application(sys.argv[:1])
    pp.KDF = FAST_KDF
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    locked = tmp / "locked"
    locked.mkdir()
    encryption.encrypt_data_dir(locked, PASS)
    store = LocalStore.open()
    load_demo(store.engine)
    window = MainWindow(store=store)
    window.set_source(ServiceSource(store), background=False)
    window.resize(1366, 740)
    window.move(0, 0)
    window.show()

    def settle(n: int = 10) -> None:
        for _ in range(n):
            qapp.processEvents()

    def screen(name: str) -> None:
        settle()
        QApplication.primaryScreen().grabWindow(0).save(str(out / name))
        print(out / name)

    for lang in ("zh", "en"):
        i18n.install(lang)
        window.retranslate()
        tasks.set_runner(tasks.SyncRunner())

        dlg = datalock.UnlockDialog(locked, window)
        dlg.show()
        dlg.entry.setText("wrong passphrase")
        dlg.unlock()
        screen(f"unlock-{lang}.png")
        dlg.reject()

        wiz = FirstRunWizard(store, window)
        wiz.show()
        wiz.next()
        wiz.profile_page.name.setText("张三" if lang == "zh" else "Zhang San")
        wiz.profile_page.unit.setText("城关区退役军人事务局" if lang == "zh" else "Chengguan District Veterans Affairs")
        wiz.next()
        wiz.key_page.entry.set_passphrase(PASS)
        screen(f"wizard-encrypt-option-{lang}.png")
        wiz.hide()
        wiz.deleteLater()

        ask = datalock.EncryptDataDialog(store.data_dir, has_key=True, parent=window)
        ask.show()
        ask.entry.setText(PASS)
        screen(f"encrypt-dialog-{lang}.png")
        ask.hide()

        tasks.set_runner(tasks.PoolRunner())
        release = threading.Event()

        def work(progress, cancelled, release=release):
            progress(0, 0, datalock.step_text(encryption.EXPORT))
            release.wait(10)

        handle = tasks.start_with_dialog(
            window, QCoreApplication.translate("DataLock", "Encrypt this computer's data"), work
        )
        for _ in range(60):  # the dialog shows after its minimum duration
            settle(2)
            threading.Event().wait(0.02)
        screen(f"encrypt-progress-{lang}.png")
        release.set()
        tasks.runner().shutdown()
        settle()
        del handle
    store.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/h1shots")
