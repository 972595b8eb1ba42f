"""Screenshot of the station browser for the docs (run under Xvfb; not a test).

    Xvfb :99 -screen 0 1400x900x24 &
    DISPLAY=:99 python tests/ui/make_screenshots.py docs/img

Starts the app the way ``fengqiao-desktop --demo`` does, on a throw-away data
directory, types ``dgxl`` in the search box, opens the station and saves
``station-browser.png``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def main(out_dir: str) -> None:
    from PySide6.QtCore import QTimer

    from fengqiao_desktop import config
    from fengqiao_desktop.ui import app as ui_app
    from fengqiao_desktop.ui import i18n, tasks
    from fengqiao_desktop.ui.main_window import MainWindow

    config.set_data_dir(tempfile.mkdtemp(prefix="fq-shot-"))
    qapp = ui_app.make_application(sys.argv[:1])
    i18n.install("zh")
    tasks.set_runner(tasks.SyncRunner())
    w = MainWindow()
    w.resize(1360, 860)
    w.show()
    ui_app.open_data(w, demo=True)
    w.browser.search.set_debounce_ms(0)
    w.browser.search.edit.setText("dgxl")
    w.browser.search.search_now("dgxl")
    w.browser.search._choose_first()
    w.browser.search.clear()  # back to the tree, with the station revealed and selected
    w.browser.select_station("620102017000")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    def grab():
        w.grab().save(str(out / "station-browser.png"))
        qapp.quit()

    QTimer.singleShot(800, grab)
    qapp.exec()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/img")
