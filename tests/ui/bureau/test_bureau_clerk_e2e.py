"""A new bureau clerk does everything from the window, as the issue's walk-through did it.

Fresh data directory -> first-run wizard at the bureau (roster file into the
central database) -> trust the inspector's key from the .pub the inspector's
app wrote (name and unit filled in from it) -> import a bundle the inspector's
export wrote -> approve one inspection, return the other with a comment ->
coverage counts them by the rule in docs/coverage.md (a returned one does not).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "services"))

from svc_helpers import full_marks, jpeg_bytes  # noqa: E402

from fengqiao_desktop.bundle import KeyStore  # noqa: E402
from fengqiao_desktop.bundle.minisign import FAST_KDF  # noqa: E402
from fengqiao_desktop.roster.demo import demo_rows  # noqa: E402
from fengqiao_desktop.services import export as ex  # noqa: E402
from fengqiao_desktop.services.store import LocalStore  # noqa: E402
from fengqiao_desktop.storage.stations import StationRepo  # noqa: E402
from fengqiao_desktop.ui.bureau.trust import page as trust_page  # noqa: E402
from fengqiao_desktop.ui.bureau.trust.dialogs import AddKeyDialog  # noqa: E402

PASS = "pass-1234"
V1, V2 = "620102001001", "620102001002"


def _inspect(store: LocalStore, station: str, tmp: Path) -> str:
    """A five-haves inspection answered in full with its evidence photos, completed."""
    iid = store.inspections.create(station, "five-haves")
    form = store.inspections.form_of(iid)
    for n, (item_id, value) in enumerate(full_marks(form).items()):
        store.inspections.set_answer(iid, item_id, value)
        for k in range(form.items[item_id].min_photos):
            p = tmp / f"{iid}-{n}-{k}.jpg"
            p.write_bytes(jpeg_bytes(color=(10 + n, 20 + k, len(station))))
            store.photos.add_photo(iid, p, item_id, "佐证")
    store.inspections.complete(iid)
    return iid


@pytest.fixture
def laptop(tmp_path):
    """The inspector's laptop: its own data folder, key, two completed inspections, one bundle."""
    store = LocalStore.open(tmp_path / "laptop")
    with store.session(write=True) as s:
        StationRepo.upsert_many(s, demo_rows())
    keys = KeyStore(store.data_dir / "keys")
    keys.init("张三", "城关区退役军人事务局", "13800000000", PASS, kdf=FAST_KDF)
    photos = tmp_path / "camera"
    photos.mkdir()
    ids = [_inspect(store, V1, photos), _inspect(store, V2, photos)]
    usb = tmp_path / "usb"
    usb.mkdir()
    bundle = ex.export(store, ex.plan_export(store), usb, PASS)
    pub = keys.export_public(usb / "张三.pub")
    yield ids, bundle, pub, keys.key_id
    store.close()


def _roster_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["代码", "名称", "层级", "上级代码"])
        for r in demo_rows():
            w.writerow([r.code, r.name, r.level.label("zh"), r.parent_code or ""])
    return path


def test_a_new_clerk_works_from_the_window(qtbot, sync_tasks, dialogs, laptop, tmp_path, monkeypatch):
    from fengqiao_desktop.services import central as svc
    from fengqiao_desktop.ui.bureau import install
    from fengqiao_desktop.ui.bureau.context import BureauContext
    from fengqiao_desktop.ui.bureau.review import page as review_page
    from fengqiao_desktop.ui.firstrun.start import maybe_show
    from fengqiao_desktop.ui.main_window import BUREAU, MainWindow
    from fengqiao_desktop.ui.stations.service_source import ServiceSource

    (first, second), bundle, pub, key_id = laptop
    store = LocalStore.open()  # the bureau PC's fresh data folder (tests/conftest.py)
    window = MainWindow(store=store)
    window.set_source(ServiceSource(store), background=False)
    qtbot.addWidget(window)
    from fengqiao_desktop.services import identity

    # as ui.app wires it: the default central database, the profile's name as the reviewer
    window.bureau_context = BureauContext(None, window, user_name=lambda: identity.identity(store).name)
    holders = install(window, window.bureau_context)
    window.resize(1366, 768)
    window.show()

    # the wizard: profile, no key (the bureau does not sign bundles), the roster file, "at the bureau"
    args = argparse.Namespace(self_check=False, quit_when_shown=None, screenshot=None)
    wiz = maybe_show(window, args)
    wiz.next()
    wiz.profile_page.name.setText("王科长")
    wiz.profile_page.unit.setText("城关区退役军人事务局")
    wiz.next()
    wiz.key_page.skip.click()
    wiz.next()
    wiz.data_page.roster.click()
    wiz.data_page.path.setText(str(_roster_csv(tmp_path / "名册.csv")))
    wiz.data_page.bureau.setChecked(True)
    assert not wiz.button(QWizard.WizardButton.FinishButton).isEnabled()  # the bureau key: now or later
    wiz.data_page.bureau_key.skip.setChecked(True)
    wiz.button(QWizard.WizardButton.FinishButton).click()
    assert dialogs == []
    assert window.workspace() == BUREAU
    assert not window.tools.isVisible()  # 新建检查 / 导出数据包 are the inspector's

    roster = holders[0].page()
    qtbot.waitUntil(lambda: len(roster.stations) == 125)
    roster.search.setText("东岗西路")
    assert roster.visible_codes() and all(c.startswith("620102017") for c in roster.visible_codes())

    # trust the key from the inspector's .pub: name and unit come from its comment
    window.bureau.setCurrentWidget(holders[1])
    trust = holders[1].page()
    monkeypatch.setattr(trust_page, "confirm", lambda *_a: True)

    def add_from_pub():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AddKeyDialog)
        dialog.path_edit.setText(str(pub))
        assert dialog.name_edit.text() == "张三" and dialog.unit_edit.text() == "城关区退役军人事务局"
        assert dialog.fingerprint.text().replace(" ", "") == key_id
        dialog.accept()

    QTimer.singleShot(0, add_from_pub)
    trust.ask_add()
    assert [(e.key_id, e.name) for e in trust.model.rows] == [(key_id, "张三")]

    # import the inspector's bundle; the history keeps it
    window.bureau.setCurrentWidget(holders[2])
    imports = holders[2].page()
    imports.import_paths([bundle])
    assert [o.status for o in imports.outcomes] == ["imported"], imports.outcomes[0].reason
    qtbot.waitUntil(lambda: len(imports.history.rows) == 1)
    assert imports.history.rows[0].archived.exists()

    # review: approve the first, return the second with a comment
    window.bureau.setCurrentWidget(holders[3])
    review = holders[3].page()
    qtbot.waitUntil(lambda: len(review.model.rows) == 2)
    assert {r.state for r in review.model.rows} == {"received"}

    def answer(comment: str):
        def fill(dialog) -> bool:
            assert dialog.by_edit.text() == "王科长"  # the profile's name
            dialog.comment_edit.setPlainText(comment)
            return True

        return fill

    review.select_inspection(first)
    monkeypatch.setattr(review_page, "ask", answer(""))
    review.ask_review("approved")
    review.select_inspection(second)
    monkeypatch.setattr(review_page, "ask", answer("有经费凭证照片不清晰，请补拍"))
    review.ask_review("returned")
    states = {r.inspection_id: (r.state, r.reviewed_by, r.comment) for r in review.model.rows}
    assert states == {first: ("approved", "王科长", ""), second: ("returned", "王科长", "有经费凭证照片不清晰，请补拍")}
    review.set_state_filter("returned")
    assert [r.inspection_id for r in review.model.rows] == [second]

    # coverage counts the approved one, not the returned one (docs/coverage.md)
    window.bureau.setCurrentWidget(holders[4])
    cov = holders[4].page()
    qtbot.waitUntil(lambda: cov.report is not None)
    total = cov.report.total.counts
    assert (total.stations, total.inspected, total.five_haves) == (125, 1, 1)
    assert "目标" in cov.targets.text()
    out = tmp_path / "coverage.xlsx"
    cov.export_to(str(out), "xlsx")
    assert out.exists() and "目标" in cov.targets.text()  # the targets line stays after an export
    assert [x.state for x in svc.review_list(state="approved")] == ["approved"]
    store.close()
