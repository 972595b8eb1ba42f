"""Encrypted bundles (format v2) from a real laptop export to the central database.

The laptop learns the bureau's age recipient, exports (signed, then encrypted),
and the bureau imports with its passphrase. Every refusal leaves the central
database as it was, and no decrypted byte is left in incoming/, quarantine/ or
archive/ (nor in the temporary folder).
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from svc_helpers import full_marks, jpeg_bytes  # noqa: E402

from fengqiao_desktop.bundle import KeyStore, agecrypt, verify_bundle  # noqa: E402
from fengqiao_desktop.bundle.minisign import FAST_KDF  # noqa: E402
from fengqiao_desktop.errors import KeyError_  # noqa: E402
from fengqiao_desktop.merge import models  # noqa: E402
from fengqiao_desktop.merge.importer import IMPORTED, REFUSED  # noqa: E402
from fengqiao_desktop.packs.identity import BureauKeyStore  # noqa: E402
from fengqiao_desktop.roster.demo import demo_rows  # noqa: E402
from fengqiao_desktop.services import central as svc  # noqa: E402
from fengqiao_desktop.services import coverage, recipients  # noqa: E402
from fengqiao_desktop.services import export as ex  # noqa: E402
from fengqiao_desktop.services.store import LocalStore  # noqa: E402
from fengqiao_desktop.storage.stations import StationRepo  # noqa: E402

PASS = "pass-1234"
PHOTOS = models.table_of(models.PhotoBlob)
BUREAU_PASS = "bureau-pass-5678"
STATION = "620102001001"


# -- keys made once per module (age's scrypt takes seconds), copied into each test -----------------


@pytest.fixture(scope="module")
def bureau_keys_template(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("bureau-keys")
    BureauKeyStore(d).init("城关区退役军人事务局", "兰州市退役军人事务局", "", BUREAU_PASS, kdf=FAST_KDF)
    return d


@pytest.fixture(scope="module")
def bureau_identity(bureau_keys_template) -> x25519.Identity:
    return BureauKeyStore(bureau_keys_template).load_age_identity(BUREAU_PASS)


@pytest.fixture(scope="module")
def inspector_keys_template(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("inspector-keys")
    ks = KeyStore(d)
    ks.init("张三", "城关区退役军人事务局", "13800000000", PASS, kdf=FAST_KDF)
    ks.ensure_age_identity(PASS)
    return d


@pytest.fixture
def bureau_keys(bureau_keys_template, tmp_path) -> BureauKeyStore:
    d = tmp_path / "bureau-keys"
    shutil.copytree(bureau_keys_template, d)
    return BureauKeyStore(d)


def _inspect(store: LocalStore, tmp: Path, shade: int = 0) -> str:
    iid = store.inspections.create(STATION, "five-haves")
    form = store.inspections.form_of(iid)
    for n, (item_id, value) in enumerate(full_marks(form).items()):
        store.inspections.set_answer(iid, item_id, value)
        for k in range(form.items[item_id].min_photos):
            p = tmp / f"{iid}-{n}-{k}.jpg"
            p.write_bytes(jpeg_bytes(color=(10 + n, 20 + k, 30 + shade)))
            store.photos.add_photo(iid, p, item_id, "佐证")
    store.inspections.complete(iid)
    return iid


@pytest.fixture
def laptop(tmp_path, inspector_keys_template):
    store = LocalStore.open(tmp_path / "laptop")
    with store.session(write=True) as s:
        StationRepo.upsert_many(s, demo_rows())
    shutil.copytree(inspector_keys_template, store.data_dir / "keys")
    (tmp_path / "camera").mkdir()
    (tmp_path / "usb").mkdir()
    yield store
    store.close()


@pytest.fixture
def central(central_url, bureau_keys, laptop):
    c = svc.open_central(central_url)
    svc.load_demo(url=c)
    ks = KeyStore(laptop.data_dir / "keys")
    svc.trust_add(ks.public_key(), name="张三", unit="城关区退役军人事务局", url=c)
    yield c
    c.dispose()


def _export(store: LocalStore, tmp: Path, shade: int = 0) -> Path:
    _inspect(store, tmp / "camera", shade)
    return ex.export(store, ex.plan_export(store), tmp / "usb", PASS)


def _learn(store: LocalStore, recipient: str) -> None:
    view = recipients.check_recipient(recipient)
    recipients.add_bureau_recipient(store, recipient, confirmed_fingerprint=view.fingerprint)


def _decrypted_leftovers(central) -> list[Path]:
    """Files under the central folders that are plaintext zips (a decrypted bundle)."""
    out = []
    for p in central.files_dir.rglob("*"):
        if p.is_file() and p.suffix != ".txt":
            with open(p, "rb") as f:
                if f.read(4) == agecrypt.ZIP_MAGIC:
                    out.append(p)
    return out


@pytest.fixture(autouse=True)
def _private_temp_folder(tmp_path, monkeypatch):
    """This test's own system temporary folder: what is left there is this test's alone
    (tests run in parallel, and other tests decrypt too)."""
    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))


def _temp_files() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("fengqiao-*")}


def _merge(central, path, bureau_keys, unlock, **kw):
    return svc.import_bundles([str(path)], url=central, unlock=unlock, keystore_dir=bureau_keys.directory, **kw)


# -- the whole way ---------------------------------------------------------------------------------


def test_encrypted_export_imports_and_nothing_decrypted_stays(central, laptop, bureau_keys, bureau_identity, tmp_path):
    _learn(laptop, bureau_keys.age_recipient())
    _inspect(laptop, tmp_path / "camera")
    plan = ex.plan_export(laptop)
    assert plan.encrypted and "已加密" in plan.summary() and "encrypted for the bureau" in plan.summary("en")
    path = ex.export(laptop, plan, tmp_path / "usb", PASS)
    received = path.read_bytes()
    assert received.startswith(agecrypt.AGE_MAGIC)
    assert [p.name for p in (tmp_path / "usb").iterdir()] == [path.name]  # no plaintext beside it
    # two recipients: the bureau and the inspector
    with open(path, "rb") as f:
        assert agecrypt.x25519_stanzas(agecrypt.read_header(f)) == 2

    before = _temp_files()
    asked = []
    [out] = _merge(central, path, bureau_keys, lambda: asked.append(1) or [bureau_identity])
    assert out.status == IMPORTED, out.reason
    assert out.counts["inspections"] == 1 and asked == [1]
    # the archive keeps what was received, encrypted
    assert (central.archive_dir / f"{out.bundle_id}.fqbundle").read_bytes() == received
    assert _decrypted_leftovers(central) == []
    assert _temp_files() == before

    # the same file again: recognised by its bytes, no passphrase needed
    [again] = _merge(central, path, bureau_keys, None)
    assert again.status == "already_imported"

    # the inspector reopens what they exported with their own key
    own = KeyStore(laptop.data_dir / "keys")
    pk = own.public_key()
    with agecrypt.decrypted(path, [own.load_age_identity(PASS)]) as inner:
        vb = verify_bundle(inner, public_keys={pk.key_id: pk})
        assert vb.bundle_id == out.bundle_id
    # its photos are in the database itself (its archived copy opens only with the passphrase)
    shas = sorted(m.sha256 for m in vb.photos.values())
    assert shas
    with central.read() as conn:
        kept = conn.execute(select(PHOTOS.c.sha256, PHOTOS.c.in_bundle).order_by(PHOTOS.c.sha256)).all()
    assert kept == [(sha, None) for sha in shas]
    for sha in shas:
        assert hashlib.sha256(coverage.photo_bytes(sha, url=central) or b"").hexdigest() == sha
    ok, reason, _en = svc.reverify_bundle(
        central.archive_dir / f"{out.bundle_id}.fqbundle", url=central, identities=[bureau_identity]
    )
    assert ok, reason


def test_plaintext_export_when_no_bureau_key_is_known_still_imports(central, laptop, bureau_keys, tmp_path):
    plan_path = _export(laptop, tmp_path)
    assert plan_path.read_bytes()[:4] == agecrypt.ZIP_MAGIC
    bureau_keys.set_require_encryption(False)
    [out] = _merge(central, plan_path, bureau_keys, None)
    assert out.status == IMPORTED, out.reason


# -- refusals: each leaves the central database as it was ------------------------------------------


def _refused(central, path, bureau_keys, unlock, *, received_plaintext: bool = False):
    digest = svc.digest(url=central)
    before = _temp_files()
    [out] = _merge(central, path, bureau_keys, unlock)
    assert out.status == REFUSED
    assert svc.digest(url=central) == digest
    if received_plaintext:  # quarantined as received: the only zip there is that very file
        assert [p.read_bytes() for p in _decrypted_leftovers(central)] == [path.read_bytes()]
    else:
        assert _decrypted_leftovers(central) == []
    assert _temp_files() == before
    return out


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_bundle_for_another_bureau_is_refused(central, laptop, bureau_keys, bureau_identity, tmp_path):
    _learn(laptop, str(x25519.Identity.generate().to_public()))  # another bureau's key
    path = _export(laptop, tmp_path)
    out = _refused(central, path, bureau_keys, lambda: [bureau_identity])
    assert "另一个县局" in out.reason and "made for another bureau" in out.reason_en
    assert out.quarantined and Path(out.quarantined).read_bytes() == path.read_bytes()


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_wrong_passphrase_is_refused_once_and_nothing_is_quarantined(central, laptop, bureau_keys, tmp_path):
    _learn(laptop, bureau_keys.age_recipient())
    first = _export(laptop, tmp_path)
    second = _export(laptop, tmp_path, shade=50)
    digest = svc.digest(url=central)
    calls = []

    def unlock():
        calls.append(1)
        return [bureau_keys.load_age_identity("not the passphrase")]

    outs = svc.import_bundles([str(first), str(second)], url=central, unlock=unlock, keystore_dir=bureau_keys.directory)
    assert [o.status for o in outs] == [REFUSED, REFUSED]
    assert "口令不正确" in outs[0].reason and "passphrase is wrong" in outs[0].reason_en
    assert calls == [1]  # asked once for the batch
    assert svc.digest(url=central) == digest
    assert not central.quarantine_dir.exists() or not any(central.quarantine_dir.iterdir())
    assert _decrypted_leftovers(central) == []


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_damaged_ciphertext_is_refused(central, laptop, bureau_keys, bureau_identity, tmp_path, damage):
    _learn(laptop, bureau_keys.age_recipient())
    path = _export(laptop, tmp_path)
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x01
    else:
        del data[-1000:]
    path.write_bytes(bytes(data))
    out = _refused(central, path, bureau_keys, lambda: [bureau_identity])
    assert "已损坏或不完整" in out.reason and "damaged or incomplete" in out.reason_en


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_plaintext_bundle_refused_when_the_bureau_requires_encryption(central, laptop, bureau_keys, tmp_path):
    path = _export(laptop, tmp_path)  # no bureau key on the laptop: v1
    assert bureau_keys.require_encryption()  # the default once the bureau has an age key
    out = _refused(central, path, bureau_keys, None, received_plaintext=True)
    assert "未加密" in out.reason and "not encrypted" in out.reason_en


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_too_many_recipients_refused_before_the_passphrase_is_asked(central, laptop, bureau_keys, tmp_path):
    path = _export(laptop, tmp_path)
    many = [str(x25519.Identity.generate().to_public()) for _ in range(agecrypt.MAX_STANZAS + 1)]
    crafted = tmp_path / "many.fqbundle"
    with open(crafted, "wb") as f, open(path, "rb") as src:
        pyrage.encrypt_io(src, f, [x25519.Recipient.from_str(r) for r in many])

    def unlock():
        raise AssertionError("the passphrase must not be asked")

    out = _refused(central, crafted, bureau_keys, unlock)
    assert "接收方过多" in out.reason


def test_encrypted_bundle_without_a_passphrase_asks_for_it(central, laptop, bureau_keys, tmp_path):
    _learn(laptop, bureau_keys.age_recipient())
    path = _export(laptop, tmp_path)
    out = _refused(central, path, bureau_keys, None)
    assert "需要县局密钥口令" in out.reason


def test_wrong_passphrase_raises_a_known_error(bureau_keys):
    with pytest.raises(KeyError_) as err:
        bureau_keys.load_age_identity("wrong")
    assert err.value.kind == "wrong_passphrase"
