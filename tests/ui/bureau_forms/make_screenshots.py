"""Screenshots of the sheet import dialog for the docs (run offscreen or under Xvfb; not a test).

    python tests/ui/bureau_forms/make_screenshots.py docs/img

Saves ``forms-import-report.png`` (a sheet with unreadable cells) and
``forms-import-diff.png`` (a revised sheet against the installed version) and
``forms-register-diff.png`` (registering the revision at the bureau), 1366×768.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "formengine"))


def main(out_dir: str) -> None:
    from sheets import write_village_xlsx

    from fengqiao_desktop import config
    from fengqiao_desktop.ui import app as ui_app
    from fengqiao_desktop.ui import i18n, tasks
    from fengqiao_desktop.ui.bureau.forms.import_dialog import SheetImportDialog

    app = ui_app.make_application(sys.argv[:1])
    i18n.install("zh")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="h17-shots-") as tmp, tasks.use_runner(tasks.SyncRunner()):
        tmp_path = Path(tmp)
        config.set_data_dir(str(tmp_path / "data"))

        def broken(ws):
            ws["D4"] = "两分"
            ws["C6"] = None
            ws["E12"] = "一票否决，不适用的除外"

        d = SheetImportDialog()
        d.resize(1366, 768)
        d.path_edit.setText(str(write_village_xlsx(tmp_path / "城关区村级考评表.xlsx", edit=broken)))
        d.id_edit.setText("chengguan-village")
        d.read()
        d.show()
        app.processEvents()
        d.grab().save(str(out / "forms-import-report.png"))
        d.close()

        d = SheetImportDialog()
        d.path_edit.setText(str(write_village_xlsx(tmp_path / "chengguan-village.xlsx")))
        d.read()
        d.write()

        def revise(ws):
            ws["C3"] = "组织领导责任落实"
            ws["D4"], ws["D9"], ws["D8"], ws["D15"] = 2.5, 0.5, 8.5, 8

        d = SheetImportDialog()
        d.resize(1366, 768)
        d.path_edit.setText(str(write_village_xlsx(tmp_path / "chengguan-village.xlsx", edit=revise)))
        d.read()
        d.show()
        app.processEvents()
        d.grab().save(str(out / "forms-import-diff.png"))
        d.close()
        d.write()

        from fengqiao_desktop.formengine.loader import installed_registry
        from fengqiao_desktop.services import central
        from fengqiao_desktop.ui.bureau.forms.register_dialog import RegisterFormDialog

        url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
        v1, v2 = installed_registry().versions("chengguan-village")
        central.register_form_defs([v1], url=url)
        r = RegisterFormDialog(central.plan_form_registration([v2], url=url)[0])
        r.resize(1366, 768)
        r.show()
        app.processEvents()
        r.grab().save(str(out / "forms-register-diff.png"))
        r.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/img")
