"""Task packs end to end on a real central database (SQLite and PostgreSQL) and a real laptop.

Inspector B's bundle brings an open finding to the bureau; the bureau, with its
own key, builds a pack for inspector A assigning B's station; A's laptop checks
the pack (the fingerprint), pins the key and applies it; the assignment and B's
finding to re-check show up in A's work list. Stock ``minisign -V`` verifies the
pack's manifest.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from merge_helpers import RUBRIC, TOWN, VILLAGE, full_marks_answers
from pyrage import x25519

from fengqiao_desktop.bundle.minisign import FAST_KDF
from fengqiao_desktop.bundle.spec import record_member
from fengqiao_desktop.errors import PackError
from fengqiao_desktop.packs.build import PackRequest
from fengqiao_desktop.packs.identity import BureauKeyStore
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.services import packs, recipients
from fengqiao_desktop.services.rechecks import recheck_findings, returned_note
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
    f = {
        "id": "f1",
        "item_id": "b1",
        "category": "hardware",
        "severity": "deduction",
        "description": "大厅无标识",
        "measures": "补挂标识",
        "responsible": "站长",
        "deadline": "2026-06-30",
        "status": "open",
    }
    rec = b.record(RUBRIC, station=VILLAGE, findings=[f])
    [out] = bureau.merge(b.export(bureau.tmp / "bundles", [rec]))
    assert out.ok
    return rec


def test_bureau_builds_laptop_applies_assignment_shows_up(bureau, bureau_keys, laptop_a, tmp_path):
    rec = _finding_of_b(bureau)
    a_key = idn.identity(laptop_a).key_id
    req = PackRequest(
        inspector_key_id=a_key,
        counties=["620102"],
        stations=[VILLAGE],
        due_date=date(2026, 12, 20),
        note="回头看：整改情况",
    )
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
    [f] = recheck_findings(laptop_a, VILLAGE)
    assert (f.inspection_id, f.finding_id, f.description) == (rec["id"], "f1", "大厅无标识")
    # the roster of the county reached the laptop, forms included
    assert laptop_a.stations.get(TOWN) is not None
    assert set(row.form_ids) <= {fm.id for fm in laptop_a.forms}

    # the pack is recorded at the bureau; the next one gets the next number
    [made] = packs.packs_list(url=bureau.url)
    assert (made.sequence, made.inspector_key_id, made.n_assignments, made.n_findings) == (1, a_key, 1, 1)
    city = str(x25519.Identity.generate().to_public())
    bureau_keys.add_recipient(city, "兰州市退役军人事务局")  # escrow: travels with the next pack
    vp2 = packs.build_pack(
        PackRequest(inspector_key_id=a_key, stations=[TOWN]),
        tmp_path / "usb",
        BUREAU_PASS,
        url=bureau.url,
        keystore=bureau_keys,
    )
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
    ok = subprocess.run(
        ["minisign", "-V", "-p", str(pub), "-m", str(out / "manifest.json")], capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    assert f"sequence=1 inspector={req.inspector_key_id}" in ok.stdout
    manifest = out / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b'"sequence":1', b'"sequence":9'))
    bad = subprocess.run(["minisign", "-V", "-p", str(pub), "-m", str(manifest)], capture_output=True, text=True)
    assert bad.returncode != 0


def test_a_pack_for_an_untrusted_inspector_is_not_built(bureau, bureau_keys, tmp_path):
    with pytest.raises(PackError) as info:
        packs.build_pack(
            PackRequest(inspector_key_id="0123456789ABCDEF", stations=[VILLAGE]),
            tmp_path / "usb",
            BUREAU_PASS,
            url=bureau.url,
            keystore=bureau_keys,
        )
    assert info.value.kind == "inspector"
    assert packs.packs_list(url=bureau.url) == []
    assert not (tmp_path / "usb").exists() or not list(Path(tmp_path / "usb").iterdir())


def test_unfinished_stations_leave_out_the_demonstration_grade_ones(bureau):
    before = packs.unfinished_stations(["620102"], "town", url=bureau.url)
    assert TOWN in before and all(c.startswith("620102") and c.endswith("000") for c in before)
    dev = bureau.device()
    rec = dev.record(
        RUBRIC,
        station=TOWN,
        answers=full_marks_answers(RUBRIC),
        completed_at=datetime.now(timezone.utc) - timedelta(hours=1),
    )
    [out] = bureau.merge(dev.export(bureau.tmp / "bundles", [rec]))
    assert out.ok
    after = packs.unfinished_stations(["620102"], "town", url=bureau.url)
    assert TOWN not in after and set(after) == set(before) - {TOWN}


def _merge_from_laptop(bureau, bureau_keys, path):
    """The laptop's bundle, encrypted for the bureau (its key came with the pack), merged with the
    bureau's passphrase."""
    from fengqiao_desktop.bundle import agecrypt
    from fengqiao_desktop.services import central as svc

    assert agecrypt.sniff(path) == agecrypt.V2  # only the bureau can read it
    return bureau.merge(
        path,
        unlock=svc.bureau_unlocker(lambda: BUREAU_PASS, keystore_dir=bureau_keys.directory),
        keystore_dir=bureau_keys.directory,
    )


def _jpeg(path: Path, colour=(40, 120, 60)) -> Path:
    from PIL import Image

    Image.new("RGB", (640, 480), colour).save(path, "JPEG", quality=85)
    return path


def _overdue_at(bureau, code: str) -> tuple[int, int, int]:
    from fengqiao_desktop.coverage.rollup import station_rows

    with bureau.central.read() as conn:
        [row] = [r for r in station_rows(conn, date.today().year, date.today()) if r.code == code]
    return row.open, row.overdue, row.verified


def test_a_recheck_by_another_inspector_goes_back_and_the_bureau_closes_it(bureau, bureau_keys, laptop_a, tmp_path):
    """整改 → 回头看 → 销号 across two inspectors, a pack and a bundle, on both central engines."""
    from fengqiao_desktop.formengine.scoring import Answer
    from fengqiao_desktop.services import central as svc
    from fengqiao_desktop.services import export as ex

    b_rec = _finding_of_b(bureau)  # B's finding, deadline 2026-06-30: overdue today
    b_rec_completed = b_rec["completed_at"]
    assert b_rec_completed
    a_key = idn.identity(laptop_a).key_id
    vp = packs.build_pack(
        PackRequest(inspector_key_id=a_key, stations=[VILLAGE], due_date=date(2026, 12, 20)),
        tmp_path / "usb",
        BUREAU_PASS,
        url=bureau.url,
        keystore=bureau_keys,
    )
    packs.apply_pack(laptop_a, vp.path, confirmed_fingerprint=bureau_keys.fingerprint())
    [assignment] = packs.assignments(laptop_a)

    # A visits the assigned station with the assigned form and re-checks B's finding
    ins = laptop_a.inspections
    iid = ins.create(VILLAGE, RUBRIC.id)
    [item] = ins.rechecks(iid)
    assert (item.inspection_id, item.finding_id, item.found_by, item.verdict) == (b_rec["id"], "f1", "李四", None)
    ins.set_answers(iid, {k: Answer.from_json(v) for k, v in full_marks_answers(RUBRIC).items()})
    photo = _jpeg(tmp_path / "sign.jpg")
    with pytest.raises(Exception) as info:  # rectified needs evidence
        ins.set_recheck(iid, b_rec["id"], "f1", "rectified", note="已补挂")
    assert "照片" in str(info.value)
    ins.set_recheck(iid, b_rec["id"], "f1", "rectified", note="标识牌已补挂", photo=photo)
    ins.complete(iid)
    assert packs.assignments(laptop_a)[0].state == "completed" and assignment.state == "assigned"
    bundle = ex.export(laptop_a, ex.plan_export(laptop_a), tmp_path / "usb", "a-pass-123")

    # the verdict is part of A's own record, never a revision of B's inspection
    from fengqiao_desktop.bundle import agecrypt
    from fengqiao_desktop.services import central as central_svc

    identities = central_svc.unlock_bureau(BUREAU_PASS, keystore_dir=bureau_keys.directory)
    with agecrypt.decrypted(bundle, identities) as inner, zipfile.ZipFile(inner) as zf:
        record = json.loads(zf.read(record_member(iid, 1)))
    assert record["id"] == iid and record["inspector"]["key_id"] == a_key
    [rc] = record["rechecks"]
    assert (rc["inspection_id"], rc["finding_id"], rc["verdict"], rc["note"]) == (
        b_rec["id"],
        "f1",
        "rectified",
        "标识牌已补挂",
    )
    assert rc["photo_sha256"] in {p["sha256"] for p in record["photos"]}
    assert rc["description"] == "大厅无标识"  # the record reads on its own
    # the on-site sheet lists the re-check (read back from the PDF)
    from fengqiao_desktop.reports.sheet import render_sheet
    from fengqiao_desktop.services.sheet_local import LocalSheetSource

    pdf = tmp_path / "sheet.pdf"
    render_sheet(LocalSheetSource(laptop_a).sheet_data(iid, "zh"), pdf)
    flat = "".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    section = flat[flat.index("回头看：以往问题复查") : flat.index("检查结论")]
    assert all(w in section for w in ("大厅无标识", "已整改", "标识牌已补挂"))

    assert _overdue_at(bureau, VILLAGE) == (1, 1, 0)
    [out] = _merge_from_laptop(bureau, bureau_keys, bundle)
    assert out.ok, out
    # at the bureau: B's finding is rectified, awaiting 销号; no longer overdue, still open
    [f] = svc.followups(url=bureau.central)
    assert (f.inspection_id, f.finding_id, f.status, f.recheck_verdict, f.rechecked_by) == (
        b_rec["id"],
        "f1",
        "rectified",
        "rectified",
        "王五",
    )
    assert f.recheck_photo_sha256 == rc["photo_sha256"]
    assert _overdue_at(bureau, VILLAGE) == (1, 0, 0)
    # B's inspection is untouched: its winner and its own record are as B sent them
    [b_row] = [r for r in svc.review_list(url=bureau.central) if r.inspection_id == b_rec["id"]]
    assert b_row.inspector == "李四"

    svc.finding_close(b_rec["id"], "f1", by="赵科长", note="现场照片核实", url=bureau.central)
    assert svc.followups(url=bureau.central) == []
    assert _overdue_at(bureau, VILLAGE) == (0, 0, 1)
    # a later pack no longer sends the closed finding to re-check
    vp2 = packs.build_pack(
        PackRequest(inspector_key_id=a_key, stations=[VILLAGE]),
        tmp_path / "usb2",
        BUREAU_PASS,
        url=bureau.url,
        keystore=bureau_keys,
    )
    assert vp2.findings == []


def test_a_returned_inspection_reopens_on_the_laptop_and_its_correction_comes_back(
    bureau, bureau_keys, laptop_a, tmp_path
):
    from fengqiao_desktop.formengine.scoring import Answer
    from fengqiao_desktop.services import central as svc
    from fengqiao_desktop.services import export as ex

    ins = laptop_a.inspections
    iid = ins.create(TOWN, RUBRIC.id) if RUBRIC.id in {f.id for f in laptop_a.forms} else None
    if iid is None:  # the test forms reach the laptop with the first pack
        a_key = idn.identity(laptop_a).key_id
        vp0 = packs.build_pack(
            PackRequest(inspector_key_id=a_key, stations=[TOWN]),
            tmp_path / "usb0",
            BUREAU_PASS,
            url=bureau.url,
            keystore=bureau_keys,
        )
        packs.apply_pack(laptop_a, vp0.path, confirmed_fingerprint=bureau_keys.fingerprint())
        iid = ins.create(TOWN, RUBRIC.id)
    ins.set_answers(iid, {k: Answer.from_json(v) for k, v in full_marks_answers(RUBRIC).items()})
    ins.complete(iid)
    [out] = _merge_from_laptop(
        bureau, bureau_keys, ex.export(laptop_a, ex.plan_export(laptop_a), tmp_path, "a-pass-123")
    )
    assert out.ok
    svc.review_set(iid, "returned", by="赵科长", comment="照片不清楚，请补拍服务大厅", url=bureau.central)

    a_key = idn.identity(laptop_a).key_id
    vp = packs.build_pack(
        PackRequest(inspector_key_id=a_key), tmp_path / "usb", BUREAU_PASS, url=bureau.url, keystore=bureau_keys
    )
    [ret] = vp.returned
    assert (ret["inspection_id"], ret["revision"], ret["comment"]) == (iid, 1, "照片不清楚，请补拍服务大厅")
    assert returned_note(laptop_a, iid) is None
    packs.apply_pack(laptop_a, vp.path)

    view = ins.get(iid)
    assert view.status.value == "draft" and view.revision == 2
    note = returned_note(laptop_a, iid)
    assert note is not None and note.comment == "照片不清楚，请补拍服务大厅" and note.returned_by == "赵科长"
    assert any(a.action == "reopened" and "照片不清楚" in a.reason for a in ins.audit(iid))
    ins.set_answer(iid, "b1", 39.5)
    ins.complete(iid)
    assert returned_note(laptop_a, iid) is None
    [out] = _merge_from_laptop(
        bureau, bureau_keys, ex.export(laptop_a, ex.plan_export(laptop_a), tmp_path, "a-pass-123")
    )
    assert out.ok
    [row] = [r for r in svc.review_list(url=bureau.central) if r.inspection_id == iid]
    assert row.state == "received" and row.total == 99.5
    # applying the same return again (a later pack, if it still listed it) changes nothing
    vp2 = packs.build_pack(
        PackRequest(inspector_key_id=a_key), tmp_path / "usb2", BUREAU_PASS, url=bureau.url, keystore=bureau_keys
    )
    assert vp2.returned == []
