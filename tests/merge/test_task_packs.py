"""Task packs end to end on a real central database (SQLite and PostgreSQL) and a real laptop.

Inspector B's bundle brings an open finding to the bureau; the bureau, with its
own key, builds a pack for inspector A assigning B's station; A's laptop checks
the pack (the fingerprint), pins the key and applies it; the assignment and B's
finding to re-check show up in A's work list. Stock ``minisign -V`` verifies the
pack's manifest.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from merge_helpers import RUBRIC, TOWN, VILLAGE, full_marks_answers
from pyrage import x25519

from fengqiao_desktop.bundle.minisign import FAST_KDF
from fengqiao_desktop.errors import PackError
from fengqiao_desktop.packs.build import PackRequest
from fengqiao_desktop.packs.identity import BureauKeyStore
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.services import packs, recipients
from fengqiao_desktop.services.store import LocalStore

BUREAU_PASS = "bureau-pass-1"


@pytest.fixture
def bureau_keys(tmp_path) -> BureauKeyStore:
    ks = BureauKeyStore(tmp_path / "bureau-keys")
    packs.init_bureau_identity("城关区退役军人事务局", "兰州市退役军人事务局", BUREAU_PASS, keystore=ks, kdf=FAST_KDF)
    return ks


@pytest.fixture
def laptop_a(tmp_path, bureau):
    store = LocalStore.open(tmp_path / "laptop-a")
    pk = idn.create_key(store, "王五", "城关区退役军人事务局", "", "a-pass-123", kdf=FAST_KDF)
    from fengqiao_desktop.services import central as svc

    svc.trust_add(pk, name="王五", unit="城关区退役军人事务局", url=bureau.central)
    yield store
    store.close()


def _finding_of_b(bureau) -> dict:
    b = bureau.device("李四")
    f = {"id": "f1", "item_id": "b1", "category": "hardware", "severity": "deduction",
         "description": "大厅无标识", "measures": "补挂标识", "responsible": "站长",
         "deadline": "2026-06-30", "status": "open"}
    rec = b.record(RUBRIC, station=VILLAGE, findings=[f])
    [out] = bureau.merge(b.export(bureau.tmp / "bundles", [rec]))
    assert out.ok
    return rec


def test_bureau_builds_laptop_applies_assignment_shows_up(bureau, bureau_keys, laptop_a, tmp_path):
    rec = _finding_of_b(bureau)
    a_key = idn.identity(laptop_a).key_id
    req = PackRequest(inspector_key_id=a_key, counties=["620102"], stations=[VILLAGE],
                      due_date=date(2026, 12, 20), note="回头看：整改情况")
    vp = packs.build_pack(req, tmp_path / "usb", BUREAU_PASS, url=bureau.url, keystore=bureau_keys)
    assert vp.path is not None and vp.path.suffix == ".fqpack" and vp.sequence == 1

    # the laptop sees the bureau's fingerprint before anything changes, then applies
    preview = packs.check_pack(laptop_a, vp.path)
    assert preview.first_use and preview.fingerprint == bureau_keys.fingerprint()
    assert preview.bureau_name == "城关区退役军人事务局"
    packs.apply_pack(laptop_a, vp.path, confirmed_fingerprint=preview.fingerprint)
    # the pack taught the laptop whom to encrypt its bundles to: the bureau
    assert recipients.bureau_recipients(laptop_a) == [bureau_keys.age_recipient()]
    assert vp.manifest["bureau"]["age_recipients"] == [bureau_keys.age_recipient()]

    [row] = packs.assignments(laptop_a)
    assert row.station_code == VILLAGE and row.due_date == date(2026, 12, 20)
    assert row.note == "回头看：整改情况" and row.findings == 1 and row.state == "assigned"
    [f] = packs.recheck_findings(laptop_a, VILLAGE)
    assert (f.inspection_id, f.finding_id, f.description) == (rec["id"], "f1", "大厅无标识")
    # the roster of the county reached the laptop, forms included
    assert laptop_a.stations.get(TOWN) is not None
    assert set(row.form_ids) <= {fm.id for fm in laptop_a.forms}

    # the pack is recorded at the bureau; the next one gets the next number
    [made] = packs.packs_list(url=bureau.url)
    assert (made.sequence, made.inspector_key_id, made.n_assignments, made.n_findings) == (1, a_key, 1, 1)
    city = str(x25519.Identity.generate().to_public())
    bureau_keys.add_recipient(city, "兰州市退役军人事务局")  # escrow: travels with the next pack
    vp2 = packs.build_pack(PackRequest(inspector_key_id=a_key, stations=[TOWN]), tmp_path / "usb",
                           BUREAU_PASS, url=bureau.url, keystore=bureau_keys)
    assert vp2.sequence == 2
    assert packs.check_pack(laptop_a, vp2.path).first_use is False
    packs.apply_pack(laptop_a, vp2.path)
    assert {r.station_code for r in packs.assignments(laptop_a)} == {VILLAGE, TOWN}
    assert recipients.bureau_recipients(laptop_a) == [bureau_keys.age_recipient(), city]
    with pytest.raises(PackError) as info:
        packs.apply_pack(laptop_a, vp.path)  # the older pack again
    assert info.value.kind == "rollback"


@pytest.mark.skipif(shutil.which("minisign") is None, reason="stock minisign is not installed")
def test_stock_minisign_verifies_a_packs_manifest(bureau, bureau_keys, laptop_a, tmp_path):
    req = PackRequest(inspector_key_id=idn.identity(laptop_a).key_id, stations=[VILLAGE])
    vp = packs.build_pack(req, tmp_path / "usb", BUREAU_PASS, url=bureau.url, keystore=bureau_keys)
    out = tmp_path / "unzipped"
    with zipfile.ZipFile(vp.path) as zf:
        zf.extract("manifest.json", out)
        zf.extract("manifest.json.minisig", out)
    pub = bureau_keys.export_public(tmp_path / "bureau.pub")
    ok = subprocess.run(["minisign", "-V", "-p", str(pub), "-m", str(out / "manifest.json")],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert f"sequence=1 inspector={req.inspector_key_id}" in ok.stdout
    manifest = out / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b'"sequence":1', b'"sequence":9'))
    bad = subprocess.run(["minisign", "-V", "-p", str(pub), "-m", str(manifest)], capture_output=True, text=True)
    assert bad.returncode != 0


def test_a_pack_for_an_untrusted_inspector_is_not_built(bureau, bureau_keys, tmp_path):
    with pytest.raises(PackError) as info:
        packs.build_pack(PackRequest(inspector_key_id="0123456789ABCDEF", stations=[VILLAGE]),
                         tmp_path / "usb", BUREAU_PASS, url=bureau.url, keystore=bureau_keys)
    assert info.value.kind == "inspector"
    assert packs.packs_list(url=bureau.url) == []
    assert not (tmp_path / "usb").exists() or not list(Path(tmp_path / "usb").iterdir())


def test_unfinished_stations_leave_out_the_demonstration_grade_ones(bureau):
    before = packs.unfinished_stations(["620102"], "town", url=bureau.url)
    assert TOWN in before and all(c.startswith("620102") and c.endswith("000") for c in before)
    dev = bureau.device()
    rec = dev.record(RUBRIC, station=TOWN, answers=full_marks_answers(RUBRIC),
                     completed_at=datetime.now(timezone.utc) - timedelta(hours=1))
    [out] = bureau.merge(dev.export(bureau.tmp / "bundles", [rec]))
    assert out.ok
    after = packs.unfinished_stations(["620102"], "town", url=bureau.url)
    assert TOWN not in after and set(after) == set(before) - {TOWN}
