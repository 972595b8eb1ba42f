"""Screenshots of the first-run wizard, the export dialog and the key dialog for docs/img (not a test).

    xvfb-run -a -s "-screen 0 1400x900x24" python tests/ui/firstrun/make_screenshots.py docs/img

Works on a throw-away data directory: the demo roster, a key (fast scrypt,
only for the picture) and two completed inspections with photos.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path


def _jpeg(color) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (320, 240), color).save(buf, "JPEG", quality=85)
    return buf.getvalue()


def _completed(store, station: str, tmp: Path, shade: int) -> str:
    iid = store.inspections.create(station, "five-haves")
    form = store.inspections.form_of(iid)
    for n, it in enumerate(form.items.values()):
        store.inspections.set_answer(iid, it.id, True if it.type.value == "yes_no" else it.max)
        for k in range(it.min_photos):
            p = tmp / f"{iid}-{n}-{k}.jpg"
            p.write_bytes(_jpeg((shade, n * 30, k * 60)))
            store.photos.add_photo(iid, p, it.id, "佐证")
    store.inspections.complete(iid)
    return iid


def main(out_dir: str) -> None:
    from PySide6.QtWidgets import QWizard

    from fengqiao_desktop import config
    from fengqiao_desktop.bundle.minisign import FAST_KDF
    from fengqiao_desktop.roster.demo import load_demo
    from fengqiao_desktop.services import identity as idn
    from fengqiao_desktop.services.store import LocalStore
    from fengqiao_desktop.ui import app as ui_app
    from fengqiao_desktop.ui import i18n, tasks
    from fengqiao_desktop.ui.export import ExportDialog
    from fengqiao_desktop.ui.firstrun.wizard import FirstRunWizard
    from fengqiao_desktop.ui.identity import ProfileKeyDialog
    from fengqiao_desktop.ui.identity import passphrase as pp

    tmp = Path(tempfile.mkdtemp(prefix="fq-shot-"))
    config.set_data_dir(tmp / "data")
    qapp = ui_app.make_application(sys.argv[:1])
    i18n.install("zh")
    tasks.set_runner(tasks.SyncRunner())
    pp.KDF = FAST_KDF
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    store = LocalStore.open()

    def shoot(widget, name: str) -> None:
        widget.show()
        for _ in range(5):
            qapp.processEvents()
        widget.grab().save(str(out / name))
        widget.hide()

    wiz = FirstRunWizard(store)
    wiz.show()
    wiz.next()
    wiz.profile_page.name.setText("张三")
    wiz.profile_page.unit.setText("城关区退役军人事务局")
    wiz.profile_page.phone.setText("13800000000")
    wiz.next()
    wiz.key_page.entry.set_passphrase("红旗渠 2026")
    assert wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    shoot(wiz, "first-run.png")

    load_demo(store.engine)
    idn.create_key(store, "张三", "城关区退役军人事务局", "13800000000", "红旗渠 2026", kdf=FAST_KDF)
    dlg = ProfileKeyDialog(store)
    shoot(dlg, "profile-key.png")

    for n, code in enumerate(("620102017001", "620102017002", "620102018000")):
        try:
            _completed(store, code, tmp, 40 * n)
        except Exception as exc:  # noqa: BLE001 - a code missing from the demo roster: skip it
            print("skipped", code, exc)
    usb = tmp / "U盘"
    usb.mkdir()
    exp = ExportDialog(store)
    exp.folder.setText(str(usb))
    exp.passphrase.setText("红旗渠 2026")
    shoot(exp, "export.png")
    store.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/img")
