"""The first-run wizard driven to the end: profile saved, key made and signing, demo stations, never again."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWizard

from fengqiao_desktop import config
from fengqiao_desktop.bundle.minisign import FAST_KDF, Signature
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.services.store import LocalStore
from fengqiao_desktop.storage.cipher import file_kind
from fengqiao_desktop.ui import i18n
from fengqiao_desktop.ui.firstrun.start import maybe_show, needs_first_run
from fengqiao_desktop.ui.firstrun.wizard import FirstRunWizard
from fengqiao_desktop.ui.identity import passphrase as pp
from fengqiao_desktop.ui.stations.service_source import ServiceSource

PASS = "红旗 渠 2026!"


@pytest.fixture
def fast_keys(monkeypatch):
    monkeypatch.setattr(pp, "KDF", FAST_KDF)


@pytest.fixture
def window(qtbot):
    from fengqiao_desktop.ui.main_window import MainWindow

    store = LocalStore.open()  # the test's own data dir (tests/conftest.py)
    w = MainWindow(store=store)
    w.set_source(ServiceSource(store), background=False)
    qtbot.addWidget(w)
    yield w
    store.close()


def _args(**kw):
    base = {"self_check": False, "quit_when_shown": None, "screenshot": None}
    base.update(kw)
    return argparse.Namespace(**base)


def test_wizard_to_the_end(qtbot, sync_tasks, fast_keys, window, dialogs):
    wiz = maybe_show(window, _args())
    assert isinstance(wiz, FirstRunWizard) and wiz.isVisible()

    # language switches live, and back
    wiz.language_page.radios["en"].click()
    assert wiz.windowTitle() == "Set up Fengqiao Desktop" and i18n.current_language() == "en"
    wiz.language_page.radios["zh"].click()
    assert (
        wiz.windowTitle()
        == QCoreApplication.translate("FirstRun", "Set up Fengqiao Desktop")
        != "Set up Fengqiao Desktop"
    )
    wiz.next()

    page = wiz.profile_page
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    page.name.setText("张三")
    page.unit.setText("城关区退役军人事务局")
    page.phone.setText("13800000000")
    wiz.next()
    assert wiz.currentPage() is wiz.key_page

    key = wiz.key_page
    key.entry.first.setText("short")
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "不能" in key.entry.warning.text() or "无法" in key.entry.warning.text()
    key.entry.set_passphrase(PASS)
    assert wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    assert key.encrypt.isChecked() and key.encrypt.isEnabled()  # recommended, on by default
    wiz.next()
    assert wiz.currentPage() is wiz.data_page and key.created_key_id

    wiz.data_page.demo.click()
    wiz.button(QWizard.WizardButton.FinishButton).click()
    assert dialogs == []
    assert not wiz.isVisible()

    store = window.store
    view = idn.identity(store)
    assert (view.name, view.unit, view.phone) == ("张三", "城关区退役军人事务局", "13800000000")
    secret = idn.keystore(store).load_secret(PASS)
    sig = secret.sign(b"manifest bytes", trusted_comment="check")
    Signature.parse(sig).verify(idn.keystore(store).public_key(), b"manifest bytes")
    assert window.source.station_count() > 0
    assert config.Settings.load().first_run_done
    assert not needs_first_run(store, _args())
    assert maybe_show(window, _args()) is None
    # the data folder was encrypted with the same passphrase, the demo stations loaded into it
    assert store.encrypted and file_kind(store.db_path) == "encrypted"
    store.close()
    with LocalStore.open(store.data_dir, passphrase=PASS) as again:
        assert ServiceSource(again).station_count() == window.source.station_count()


def test_skipping_the_key_says_export_needs_one(qtbot, sync_tasks, fast_keys, window, dialogs):
    wiz = maybe_show(window, _args())
    wiz.next()
    wiz.profile_page.name.setText("李四")
    wiz.profile_page.unit.setText("七里河区")
    wiz.next()
    wiz.key_page.skip.click()
    assert wiz.key_page.skip_note.isVisibleTo(wiz) and "导出" in wiz.key_page.skip_note.text()
    assert not wiz.key_page.encrypt.isEnabled()  # no passphrase to encrypt with
    wiz.next()
    wiz.data_page.nothing.click()
    wiz.button(QWizard.WizardButton.FinishButton).click()
    assert not window.store.encrypted and not (window.store.data_dir / "vault.age").exists()
    assert not idn.keystore(window.store).exists()
    assert idn.identity(window.store).name == "李四"
    assert window.source.station_count() == 0
    assert not needs_first_run(window.store, _args())  # the flag is set


@pytest.mark.parametrize("flag", [{"self_check": True}, {"quit_when_shown": "window"}, {"screenshot": "x.png"}])
def test_never_shown_for_headless_starts(window, flag):
    assert maybe_show(window, _args(**flag)) is None


def test_not_shown_when_a_key_exists(window):
    idn.create_key(window.store, "张三", "城关区", "", PASS, kdf=FAST_KDF)
    assert maybe_show(window, _args()) is None


def test_roster_file_chosen_in_the_wizard_is_imported(qtbot, sync_tasks, fast_keys, window, tmp_path, dialogs):
    roster = tmp_path / "名册.csv"
    roster.write_text(
        "代码,名称,层级,上级代码\n"
        "620100000000,兰州市退役军人服务中心,市,\n"
        "620102000000,城关区退役军人服务中心,区县,620100000000\n",
        encoding="utf-8",
    )
    wiz = maybe_show(window, _args())
    wiz.next()
    wiz.profile_page.name.setText("王五")
    wiz.profile_page.unit.setText("城关区")
    wiz.next()
    wiz.key_page.skip.click()
    wiz.next()
    wiz.data_page.roster.click()
    assert not wiz.button(QWizard.WizardButton.FinishButton).isEnabled()  # a file is needed first
    wiz.data_page.path.setText(str(roster))
    wiz.button(QWizard.WizardButton.FinishButton).click()
    assert dialogs == []
    assert window.source.station_count() == 2


def test_at_the_bureau_the_wizard_makes_the_bureau_key(qtbot, sync_tasks, fast_keys, window, dialogs, monkeypatch):
    from fengqiao_desktop.packs.identity import BureauKeyStore
    from fengqiao_desktop.services import packs

    monkeypatch.setattr(
        packs,
        "init_bureau_identity",
        lambda n, u, p, _orig=packs.init_bureau_identity, **_kw: _orig(n, u, p, kdf=FAST_KDF),
    )
    wiz = maybe_show(window, _args())
    wiz.next()
    wiz.profile_page.name.setText("赵科长")
    wiz.profile_page.unit.setText("城关区退役军人事务局")
    wiz.next()
    wiz.key_page.skip.setChecked(True)
    wiz.next()
    data = wiz.data_page
    assert wiz.currentPage() is data and not data.bureau_key.isVisible()  # an inspector's laptop
    data.demo.click()
    data.bureau.setChecked(True)
    box = data.bureau_key
    assert box.isVisible() and box.title() == "县局签名密钥"
    assert box.name.text() == "城关区退役军人事务局"  # the profile's unit is offered
    box.unit.setText("兰州市退役军人事务局")
    finish = wiz.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    box.entry.set_passphrase(PASS)
    assert finish.isEnabled()
    finish.click()
    qtbot.waitUntil(lambda: not wiz.isVisible())
    assert dialogs == []
    ks = BureauKeyStore()
    assert ks.exists() and ks.profile().name == "城关区退役军人事务局"
    assert ks.fingerprint() in box.result.text()
    assert ks.load_secret(PASS).key_id == ks.public_key().key_id  # the passphrase unlocks it


def test_leaving_the_bureau_key_for_later(qtbot, sync_tasks, fast_keys, window, dialogs):
    from fengqiao_desktop.packs.identity import BureauKeyStore

    wiz = maybe_show(window, _args())
    wiz.next()
    wiz.profile_page.name.setText("赵科长")
    wiz.profile_page.unit.setText("城关区退役军人事务局")
    wiz.next()
    wiz.key_page.skip.setChecked(True)
    wiz.next()
    wiz.data_page.bureau.setChecked(True)
    wiz.data_page.bureau_key.skip.setChecked(True)
    wiz.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wiz.isVisible())
    assert dialogs == [] and not BureauKeyStore().exists()
