"""Encryption on the command line: the bureau's age key and escrow recipients, the laptop's
bureau recipients, and ``fengqiao merge`` opening encrypted bundles with FENGQIAO_PASSPHRASE."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from click.testing import CliRunner
from pyrage import x25519

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from svc_helpers import full_marks, jpeg_bytes  # noqa: E402

from fengqiao_desktop.bundle import KeyStore, agecrypt  # noqa: E402
from fengqiao_desktop.bundle.minisign import FAST_KDF  # noqa: E402
from fengqiao_desktop.cli.main import cli  # noqa: E402
from fengqiao_desktop.roster.demo import demo_rows  # noqa: E402
from fengqiao_desktop.services import export as ex  # noqa: E402
from fengqiao_desktop.services.store import LocalStore  # noqa: E402
from fengqiao_desktop.storage.stations import StationRepo  # noqa: E402

BUREAU_PASS = "bureau-pass-1"
LAPTOP_PASS = "laptop-pass-1"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def _laptop_with_one_completed_inspection(folder: Path) -> LocalStore:
    store = LocalStore.open(folder)
    with store.session(write=True) as s:
        StationRepo.upsert_many(s, demo_rows())
    KeyStore(folder / "keys").init("张三", "城关区", "", LAPTOP_PASS, kdf=FAST_KDF)
    iid = store.inspections.create("620102001001", "five-haves")
    form = store.inspections.form_of(iid)
    for n, (item_id, value) in enumerate(full_marks(form).items()):
        store.inspections.set_answer(iid, item_id, value)
        for k in range(form.items[item_id].min_photos):
            p = folder / f"{n}-{k}.jpg"
            p.write_bytes(jpeg_bytes(color=(10 + n, 20 + k, 30)))
            store.photos.add_photo(iid, p, item_id, "佐证")
    store.inspections.complete(iid)
    return store


def test_bureau_key_laptop_recipient_and_encrypted_merge(tmp_path, monkeypatch):
    bureau, laptop, usb = tmp_path / "bureau", tmp_path / "laptop", tmp_path / "usb"
    usb.mkdir()
    central = f"sqlite:///{bureau / 'central.sqlite3'}"
    monkeypatch.setenv("FENGQIAO_PASSPHRASE", BUREAU_PASS)
    b = ("--data-dir", str(bureau))

    res = run(*b, "central", "identity", "init", "--name", "城关区退役军人事务局", "--unit", "兰州市")
    assert res.exit_code == 0, res.output
    recipient = re.search(r"加密公钥 \(age\): (age1\w+)", res.output).group(1)
    fpr = re.search(r"加密公钥指纹: ([0-9A-F ]{39})", res.output).group(1)
    assert recipient in run(*b, "central", "identity", "show").output
    city = str(x25519.Identity.generate().to_public())
    res = run(*b, "central", "identity", "add-recipient", city, "--name", "兰州市退役军人事务局")
    assert res.exit_code == 0 and "兰州市退役军人事务局" in res.output
    listing = run(*b, "central", "identity", "recipients").output
    assert recipient in listing and city in listing and "要求加密: 是" in listing
    res = run(*b, "central", "identity", "add-recipient", "age1nonsense", "--name", "x")
    assert res.exit_code == 1 and "不是有效的 age 公钥" in res.output

    # escrow: the secret in clear, for stock `age -d -i`, only with the passphrase
    out = tmp_path / "bureau-identity.txt"
    assert run(*b, "central", "identity", "export-secret", "--age", str(out)).exit_code == 0
    assert "AGE-SECRET-KEY-1" in out.read_text() and out.stat().st_mode & 0o077 == 0

    # the laptop: no bureau key yet, then added by hand after comparing the fingerprint
    store = _laptop_with_one_completed_inspection(laptop)
    lp = ("--data-dir", str(laptop))
    assert "不会加密" in run(*lp, "bureau-recipient", "list").output
    res = run(*lp, "bureau-recipient", "add", recipient, input="n\n")
    assert res.exit_code == 1 and fpr in res.output
    res = run(*lp, "bureau-recipient", "add", recipient, input="y\n")
    assert res.exit_code == 0, res.output
    assert recipient in run(*lp, "bureau-recipient", "list").output
    path = ex.export(store, ex.plan_export(store), usb, LAPTOP_PASS)
    store.close()
    assert agecrypt.sniff(path) == agecrypt.V2

    assert run(*b, "central", "demo", "--central", central).exit_code == 0
    pub = KeyStore(laptop / "keys").export_public(tmp_path / "a.pub")
    assert (
        run(
            *b, "central", "trust", "add", str(pub), "--name", "张三", "--unit", "城关区", "--central", central
        ).exit_code
        == 0
    )

    # `bundle verify` opens it with the escrowed identity, and says what it needs without one
    res = run("bundle", "verify", str(path), "--pubkey", str(pub))
    assert res.exit_code != 0 and "--age-identity" in res.output
    res = run("bundle", "verify", str(path), "--pubkey", str(pub), "--age-identity", str(out))
    assert res.exit_code == 0 and "校验通过" in res.output, res.output

    monkeypatch.setenv("FENGQIAO_PASSPHRASE", "wrong passphrase")
    res = run(*b, "merge", str(path), "--central", central)
    assert res.exit_code == 1 and "县局密钥口令不正确" in res.output
    monkeypatch.setenv("FENGQIAO_PASSPHRASE", BUREAU_PASS)
    res = run(*b, "--lang", "en", "merge", str(path), "--central", central)
    assert res.exit_code == 0 and "imported:" in res.output, res.output
