"""Screenshot of the Coverage page for docs/img/coverage.png (run under Xvfb; not a test).

xvfb-run -a -s "-screen 0 1400x900x24" python tests/ui/bureau_coverage/make_coverage_screenshot.py docs/img
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "coverage"))


def main(out_dir: str) -> None:
    from coverage_dataset import AS_OF, T1, V5, YEAR, A, make_sqlite
    from PySide6.QtCore import QTimer

    from fengqiao_desktop import config
    from fengqiao_desktop.services import coverage
    from fengqiao_desktop.ui import app as ui_app
    from fengqiao_desktop.ui import i18n, tasks
    from fengqiao_desktop.ui.bureau.context import BureauContext
    from fengqiao_desktop.ui.bureau.coverage import CoveragePage

    tmp = Path(tempfile.mkdtemp(prefix="fq-cov-shot-"))
    config.set_data_dir(tmp / "data")
    url = make_sqlite(tmp)
    real = coverage.coverage_report
    coverage.coverage_report = lambda **kw: real(**{**kw, "as_of": AS_OF})
    qapp = ui_app.make_application(sys.argv[:1])
    i18n.install("zh")
    tasks.set_runner(tasks.SyncRunner())
    page = CoveragePage(BureauContext(url))
    page.year.setValue(YEAR)
    page.setWindowTitle("覆盖与达标")
    page.resize(1366, 768)
    page.show()
    page.reload()
    m = page.model
    for r in range(m.rowCount()):
        page.tree.expand(m.index(r, 0))
    a = next(m.index(r, 0) for r in range(m.rowCount()) if m.node(m.index(r, 0)).code == A)
    for r in range(m.rowCount(a)):
        ix = m.index(r, 0, a)
        if m.node(ix).code == T1:
            page.tree.expand(ix)
        if m.node(ix).code == "620102002000":
            page.tree.expand(ix)
            page.tree.setCurrentIndex(
                next(m.index(k, 0, ix) for k in range(m.rowCount(ix)) if m.node(m.index(k, 0, ix)).code == V5)
            )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    def grab():
        page.grab().save(str(out / "coverage.png"))
        qapp.quit()

    QTimer.singleShot(600, grab)
    qapp.exec()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/img")
