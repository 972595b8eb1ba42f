"""Encrypted export (bundle format v2) from the laptop's database: what the inspector is told,
what lands on the stick, and recovery after a crash around the rename."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from pyrage import x25519
from test_export import PASS, completed, state

from fengqiao_desktop.bundle import KeyStore, agecrypt, verify_bundle
from fengqiao_desktop.bundle.minisign import FAST_KDF
from fengqiao_desktop.domain import InspectionStatus
from fengqiao_desktop.services import export as ex
from fengqiao_desktop.services import recipients

BUREAU = x25519.Identity.generate()


@pytest.fixture(scope="module")
def keys_template(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("keys")
    ks = KeyStore(d)
    ks.init("张三", "城关区退役军人事务局", "13800000000", PASS, kdf=FAST_KDF)
    ks.ensure_age_identity(PASS)  # age's scrypt takes seconds: made once for the module
    return d


@pytest.fixture
def encrypting(store, keys_template):
    shutil.copytree(keys_template, store.data_dir / "keys")
    r = str(BUREAU.to_public())
    recipients.add_bureau_recipient(store, r, confirmed_fingerprint=agecrypt.recipient_fingerprint(r))
    return store


@pytest.fixture(autouse=True)
def _private_temp_folder(tmp_path, monkeypatch):
    """This test's own system temporary folder: what is left there is this test's alone
    (tests run in parallel, and other tests decrypt too)."""
    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))


def test_plan_says_whether_the_bundle_will_be_encrypted(store, keys_template, tmp_path):
    shutil.copytree(keys_template, store.data_dir / "keys")
    completed(store, tmp_path)
    plan = ex.plan_export(store)
    assert not plan.encrypted and "未加密" in plan.summary() and "NOT encrypted" in plan.summary("en")
    r = str(BUREAU.to_public())
    with pytest.raises(Exception, match="指纹未经确认"):
        recipients.add_bureau_recipient(store, r, confirmed_fingerprint="0000")
    recipients.add_bureau_recipient(store, r, confirmed_fingerprint=agecrypt.recipient_fingerprint(r))
    assert ex.plan_export(store).encrypted


def test_encrypted_export_opens_for_the_bureau_and_the_inspector(encrypting, tmp_path):
    store = encrypting
    completed(store, tmp_path)
    out = tmp_path / "usb"
    out.mkdir()
    before = {p.name for p in Path(tempfile.gettempdir()).glob("fengqiao-*")}
    path = ex.export(store, ex.plan_export(store), out, PASS)
    assert agecrypt.sniff(path) == agecrypt.V2 and list(out.iterdir()) == [path]
    assert {p.name for p in Path(tempfile.gettempdir()).glob("fengqiao-*")} == before
    keys = KeyStore(store.data_dir / "keys")
    pk = keys.public_key()
    for identity in (BUREAU, keys.load_age_identity(PASS)):
        with agecrypt.decrypted(path, [identity]) as inner:
            assert verify_bundle(inner, public_keys={pk.key_id: pk}).sequence == 1


def test_crash_after_the_rename_adopts_the_encrypted_bundle(encrypting, tmp_path, monkeypatch):
    store = encrypting
    iid = completed(store, tmp_path)
    out = tmp_path / "out"
    out.mkdir()

    def crash(*a, **k):
        raise SystemExit("power cut")

    monkeypatch.setattr(ex, "_commit", crash)
    with pytest.raises(SystemExit):
        ex.export(store, ex.plan_export(store), out, PASS)
    monkeypatch.undo()
    [bundle] = list(out.iterdir())
    assert agecrypt.sniff(bundle) == agecrypt.V2 and state(store)["pending"]
    assert ex.recover_pending_export(store) == "adopted"
    assert state(store)["seq"] == 1 and store.inspections.get(iid).status is InspectionStatus.EXPORTED


def test_crash_then_a_changed_file_is_not_adopted(encrypting, tmp_path, monkeypatch):
    store = encrypting
    completed(store, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(ex, "_commit", lambda *a, **k: (_ for _ in ()).throw(SystemExit("power cut")))
    with pytest.raises(SystemExit):
        ex.export(store, ex.plan_export(store), out, PASS)
    monkeypatch.undo()
    [bundle] = list(out.iterdir())
    bundle.write_bytes(bundle.read_bytes()[:-10])  # truncated on a pulled stick
    assert ex.recover_pending_export(store) == "discarded"
    assert state(store)["seq"] == 0 and state(store)["pending"] is None
