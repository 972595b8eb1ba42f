"""Run in a child process (a screen size is fixed when Qt starts): open the app's windows on the
screen given by the environment and print, as JSON, how each fits the available area.

    QT_QPA_PLATFORM=offscreen:configfile=screen.json QT_SCALE_FACTOR=1.5 python fit_probe.py [shots-dir]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

STATION = "620102017000"


def rect(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def main() -> None:
    from PySide6.QtWidgets import QDialog

    from fengqiao_desktop.ui import i18n, tasks
    from fengqiao_desktop.ui.app import make_application, open_data, wire
    from fengqiao_desktop.ui.main_window import MainWindow

    shots = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    app = make_application(["fit_probe"])
    i18n.install("zh")
    out: dict = {}
    with tasks.use_runner(tasks.SyncRunner()):
        w = MainWindow()
        wire(w, argparse.Namespace(central=None))
        w.show()
        open_data(w, demo=True)
        src = w.source
        w.browser.search.set_debounce_ms(0)
        w.browser.search.search_now(STATION)
        w.browser.search._choose_first()
        forms = [c.form_id for c in src.form_choices(src.details(STATION).level)]
        ids = w.start_inspections(STATION, forms)
        for i in ids:
            w.open_inspection(i)
        app.processEvents()
        screen = w.screen()
        out["available"] = rect(screen.availableGeometry())
        out["window"] = {
            "frame": rect(w.frameGeometry()),
            "min": [w.minimumSizeHint().width(), w.minimumSizeHint().height()],
        }
        pages = {}
        for index in range(w.inspector.count()):
            w.inspector.setCurrentIndex(index)
            app.processEvents()
            page = w.inspector.widget(index)
            sb = w.statusBar()
            info = {
                "status_bar_bottom": sb.mapTo(w, sb.rect().bottomLeft()).y(),
                "window_height": w.height(),
                "status_bar_visible": sb.isVisible(),
            }
            findings = getattr(getattr(page, "findings_ctl", None), "panel", None)
            if findings is not None:
                bottom = findings.mapTo(w, findings.rect().bottomLeft()).y()
                info["findings_visible"] = findings.isVisible() and findings.height() > 40
                info["findings_bottom"] = bottom
            pages[f"inspector:{index}"] = info
            if shots:
                w.grab().save(str(shots / f"inspector-{index}.png"))
        w.set_workspace(1)
        app.processEvents()
        pages["bureau"] = {
            "status_bar_bottom": w.statusBar().mapTo(w, w.statusBar().rect().bottomLeft()).y(),
            "window_height": w.height(),
            "status_bar_visible": w.statusBar().isVisible(),
        }
        if shots:
            w.grab().save(str(shots / "bureau.png"))
        w.set_workspace(0)
        w.inspector.setCurrentWidget(next(iter(w._editors.values())))  # the first editor tab
        out["pages"] = pages

        editor = w.inspector.currentWidget()
        dialogs = {
            "shortcuts": w.show_shortcuts(),
            "finding": editor.findings_ctl.add(),
            "gallery": editor.photo_ctl.open_gallery(),
        }
        from fengqiao_desktop.ui.about import AboutDialog
        from fengqiao_desktop.ui.firstrun.wizard import FirstRunWizard
        from fengqiao_desktop.ui.stations.new_inspection import NewInspectionDialog

        dialogs["about"] = AboutDialog(w)
        dialogs["first_run"] = FirstRunWizard(w.store, w)
        dialogs["new_inspection"] = NewInspectionDialog(
            "东岗西路街道退役军人服务站", src.form_choices(src.details(STATION).level), w
        )
        fits = {}
        for name, dlg in dialogs.items():
            assert isinstance(dlg, QDialog), name
            dlg.show()
            app.processEvents()
            fits[name] = {
                "frame": rect(dlg.frameGeometry()),
                "min": [dlg.minimumSizeHint().width(), dlg.minimumSizeHint().height()],
            }
            if shots:
                dlg.grab().save(str(shots / f"dialog-{name}.png"))
            dlg.hide()
        out["dialogs"] = fits
    print("FIT " + json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
