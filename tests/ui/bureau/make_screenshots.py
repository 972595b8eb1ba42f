"""Screenshots of the Bureau pages for the docs, with real data (run under Xvfb; not a test).

    xvfb-run -a -s "-screen 0 1400x900x24" python tests/ui/bureau/make_screenshots.py docs/img

Builds a throw-away central database (demo roster, shipped forms), trusts three
inspectors' keys and revokes one, writes real signed bundles from their
"laptops" (good ones, a duplicate, a tampered one, one from an unknown key, one
signed after a revocation, a sequence gap, two competing edits of one
inspection), imports them through the Import page, approves one inspection and
returns another, and saves every Bureau page in a 1366×768 window:
``bureau-roster.png``, ``bureau-trust.png``, ``bureau-import.png``,
``bureau-review.png``, ``bureau-coverage.png`` and ``bureau-conflicts.png``.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "merge"))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(out_dir: str) -> None:
    from bureau_helpers import flip_inside
    from merge_helpers import (
        BASE_TIME,
        Device,
        full_marks_answers,
        make_photo,
        photo_entry,
        required_photos,
    )
    from PySide6.QtWidgets import QApplication

    from fengqiao_desktop import config
    from fengqiao_desktop.formengine.loader import shipped_registry
    from fengqiao_desktop.services import central as svc
    from fengqiao_desktop.ui import app as ui_app
    from fengqiao_desktop.ui import i18n, tasks
    from fengqiao_desktop.ui.bureau import install
    from fengqiao_desktop.ui.bureau.conflicts.page import ConflictsPage
    from fengqiao_desktop.ui.bureau.context import BureauContext
    from fengqiao_desktop.ui.bureau.imports.page import ImportPage
    from fengqiao_desktop.ui.bureau.trust.page import TrustPage
    from fengqiao_desktop.ui.main_window import BUREAU, MainWindow

    tmp = Path(tempfile.mkdtemp(prefix="fq-bureau-shot-"))
    config.set_data_dir(tmp / "data")
    url = f"sqlite:///{tmp / 'central' / 'central.sqlite3'}"
    svc.load_demo(url=url)
    registry = shipped_registry()
    rubric = registry.default_rubric_for("village")
    ev, ev_files = required_photos(rubric, tmp / "photos")  # the photos the bureau requires

    zhang = Device(name="张三", unit="城关区退役军人事务局")
    li = Device(name="李四", unit="城关区退役军人事务局")
    wang = Device(name="王五", unit="七里河区退役军人事务局")
    stranger = Device(name="赵六", unit="安宁区退役军人事务局")
    for d in (zhang, li, wang):
        svc.trust_add(
            d.sk.public,
            name=d.name,
            unit=d.unit,
            url=url,
            valid_from=date(2026, 1, 1),
            valid_to=date(2026, 12, 31) if d is li else None,
        )

    def answers(**changes):
        a = full_marks_answers(rubric)
        for item, value in changes.items():
            a[item] = {"value": value, "note": "现场核实", "na": False}
        return a

    graded = [it for it in rubric.items.values() if it.type.value == "graded" and it.max >= 4]
    g1, g2 = graded[0], graded[1]
    stations = ["620102001001", "620102001002", "620102001003"]
    usb = tmp / "usb"
    paths = []
    for i, code in enumerate(stations):
        sha, p = make_photo(tmp / "photos", f"hall-{i}")
        rec = zhang.record(rubric, station=code, answers=answers(), photos=[*ev, photo_entry(sha, p, g1.id)])
        paths.append(zhang.export(usb / "zhang", [rec], {sha: p, **ev_files}))
    duplicate = paths[0]
    # a shared inspection edited on two laptops
    iid = "77777777-7777-4777-8777-777777777777"
    base = zhang.record(rubric, inspection_id=iid, station="620102017001", answers=answers(), revision=1, photos=ev)
    ra = zhang.record(
        rubric,
        inspection_id=iid,
        station="620102017001",
        revision=2,
        photos=ev,
        answers=answers(**{g1.id: g1.max - 3}),
        completed_at=BASE_TIME + timedelta(hours=1),
        audit=base["audit"] + [{"action": "edit", "by": zhang.key_id}],
    )
    rb = li.record(
        rubric,
        inspection_id=iid,
        station="620102017001",
        revision=2,
        photos=ev,
        answers=answers(**{g2.id: g2.max - 2}),
        completed_at=BASE_TIME + timedelta(hours=2),
        audit=base["audit"] + [{"action": "edit", "by": li.key_id}],
    )
    paths.append(zhang.export(usb / "zhang", [base, ra], ev_files))
    paths.append(li.export(usb / "li", [rb], ev_files))
    # 李四's third bundle arrives but his second does not (a gap)
    li.export(tmp / "lost", [li.record(rubric, station="620102017002", answers=answers(), photos=ev)], ev_files)
    paths.append(
        li.export(usb / "li", [li.record(rubric, station="620102017003", answers=answers(), photos=ev)], ev_files)
    )
    # tampered: one bit of a photo changed on the way
    sha, p = make_photo(tmp / "photos", "tampered")
    good = wang.export(
        tmp / "w",
        [wang.record(rubric, station="620103005001", answers=answers(), photos=[*ev, photo_entry(sha, p, g1.id)])],
        {sha: p, **ev_files},
    )
    bad = usb / "wang" / "王五-篡改.fqbundle"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(flip_inside(good.read_bytes(), p.read_bytes()))
    paths += [
        duplicate,
        bad,
        stranger.export(usb / "zhao", [stranger.record(rubric, answers=answers(), photos=ev)], ev_files),
    ]
    # 王五's laptop was lost: revoked, and a bundle signed afterwards is refused
    svc.trust_revoke(wang.key_id, reason="笔记本电脑丢失，已报失", url=url)
    paths.append(
        wang.export(usb / "wang", [wang.record(rubric, station="620103005002", answers=answers(), photos=ev)], ev_files)
    )

    qapp = ui_app.make_application(sys.argv[:1])
    i18n.install("zh")
    tasks.set_runner(tasks.SyncRunner())
    w = MainWindow()
    w.resize(1366, 768)
    ctx = BureauContext(url, w)
    # the tabs hold lazy placeholders: build the real pages now
    pages = [holder.page() for holder in install(w, ctx)]
    from fengqiao_desktop.ui.bureau.coverage import CoveragePage
    from fengqiao_desktop.ui.bureau.review.page import ReviewPage
    from fengqiao_desktop.ui.bureau.roster.page import RosterPage

    imp, trust, conflicts, roster, review, cov = (
        next(p for p in pages if isinstance(p, cls))
        for cls in (ImportPage, TrustPage, ConflictsPage, RosterPage, ReviewPage, CoveragePage)
    )
    w.show()
    w.set_workspace(BUREAU)
    svc.import_bundles(paths[:2], url=url)  # an earlier session imported the first two
    w.bureau.setCurrentWidget(imp.parentWidget())
    imp.import_paths(paths)
    conflicts.reload()
    conflicts.by_edit.setText("王科长")
    conflicts.reason_edit.setText("电话核实：现场以李四复核记录为准")
    rows = svc.review_list(url=url)
    svc.review_set(rows[0].inspection_id, "approved", by="王科长", url=url)
    svc.review_set(
        rows[1].inspection_id, "returned", by="王科长", url=url, comment="服务大厅照片未显示制度上墙，请补拍后重新导出"
    )
    ctx.notify_changed()
    roster.search.setText("620102017")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for page, name in (
        (roster, "bureau-roster.png"),
        (imp, "bureau-import.png"),
        (trust, "bureau-trust.png"),
        (review, "bureau-review.png"),
        (cov, "bureau-coverage.png"),
        (conflicts, "bureau-conflicts.png"),
    ):
        w.bureau.setCurrentWidget(page.parentWidget())
        for _ in range(5):
            QApplication.processEvents()
        w.grab().save(str(out / name))
        print("saved", out / name)
    qapp.quit()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/img")
