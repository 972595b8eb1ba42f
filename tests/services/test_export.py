"""Export from the local database: plans, bundle contents, the device chain, failures that change nothing."""

from __future__ import annotations

import json
import zipfile

import pytest
from svc_helpers import VILLAGE, full_marks, jpeg_bytes

from fengqiao_desktop.bundle import BundleCancelled, KeyStore, verify_bundle
from fengqiao_desktop.bundle.minisign import FAST_KDF
from fengqiao_desktop.domain import InspectionStatus
from fengqiao_desktop.errors import BundleError, KeyError_
from fengqiao_desktop.services import export as ex
from fengqiao_desktop.storage import meta

PASS = "pass-1234"


@pytest.fixture
def keyed(store):
    KeyStore(store.data_dir / "keys").init("张三", "城关区退役军人事务局", "13800000000", PASS, kdf=FAST_KDF)
    return store


def completed(store, tmp_path, station=VILLAGE, colour=(10, 20, 30)) -> str:
    """A five-haves inspection with full marks and its evidence photos, completed."""
    iid = store.inspections.create(station, "five-haves")
    form = store.inspections.form_of(iid)
    for n, (item_id, value) in enumerate(full_marks(form).items()):
        store.inspections.set_answer(iid, item_id, value)
        for k in range(form.items[item_id].min_photos):
            p = tmp_path / f"{iid}-{n}-{k}.jpg"
            p.write_bytes(jpeg_bytes(color=(colour[0] + n, colour[1] + k, colour[2])))
            store.photos.add_photo(iid, p, item_id, "佐证")
    store.inspections.complete(iid)
    return iid


def state(store) -> dict:
    with store.session() as s:
        return {
            "seq": meta.export_sequence(s),
            "last": meta.last_manifest_sha256(s),
            "pending": meta.get_meta(s, ex.PENDING_EXPORT),
            "rows": {i.id: (i.status.value, i.revision) for i in store.inspections.list()},
        }


def test_export_new_completed_inspections(keyed, tmp_path):
    store = keyed
    a = completed(store, tmp_path)
    b = completed(store, tmp_path, colour=(90, 20, 30))
    store.inspections.create(VILLAGE, "five-haves")  # a draft stays home
    plan = ex.plan_export(store)
    assert {i.inspection_id for i in plan.items} == {a, b} and plan.next_sequence == 1
    assert plan.photo_count >= 10 and "数据包序号 1" in plan.summary()
    out = tmp_path / "usb"
    out.mkdir()
    path = ex.export(store, plan, out, PASS)
    assert path.parent == out and path.suffix == ".fqbundle" and list(out.iterdir()) == [path]

    pk = KeyStore(store.data_dir / "keys").public_key()
    vb = verify_bundle(path, public_keys={pk.key_id: pk})
    assert vb.sequence == 1 and vb.previous_manifest_sha256 is None
    assert vb.inspector == {"name": "张三", "unit": "城关区退役军人事务局", "phone": "13800000000", "key_id": pk.key_id}
    rec = next(r for r in vb.records.values() if r["id"] == a)
    view = store.inspections.get(a)
    assert rec["station_code"] == VILLAGE and rec["revision"] == 1 and rec["status"] == "completed"
    assert rec["answers"] == {k: v.to_json() for k, v in view.answers.items()}
    assert sorted(p["sha256"] for p in rec["photos"]) == sorted(p.sha256 for p in view.photos)
    assert [e["action"] for e in rec["audit"]] == ["created", "completed"]
    assert rec["score"]["total"] == view.score.total
    for p in view.photos:
        assert vb.read_photo(p.sha256) == store.photo_store.read(p.sha256)

    st = state(store)
    assert st["seq"] == 1 and st["last"] == vb.manifest_sha256 and st["pending"] is None
    for iid in (a, b):
        v = store.inspections.get(iid)
        assert v.status is InspectionStatus.EXPORTED and v.bundle_id == vb.bundle_id and v.exported_revision == 1
    assert ex.plan_export(store).empty
    with pytest.raises(BundleError, match="没有需要导出"):
        ex.export(store, ex.plan_export(store), out, PASS)


def test_chain_and_revisions(keyed, tmp_path):
    store = keyed
    iid = completed(store, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    first = ex.export(store, ex.plan_export(store), out, PASS)
    store.inspections.reopen(iid, "补充说明")
    store.inspections.complete(iid)
    store.inspections.reopen(iid, "更正答案")
    store.inspections.complete(iid)
    assert [(i.inspection_id, i.revision) for i in ex.plan_export(store).items] == [(iid, 3)]
    plan = ex.plan_export(store, since_last=True)
    assert [(i.inspection_id, i.revision) for i in plan.items] == [(iid, 2), (iid, 3)]
    second = ex.export(store, plan, out, PASS)
    trust = {KeyStore(store.data_dir / "keys").key_id: KeyStore(store.data_dir / "keys").public_key()}
    v1, v2 = verify_bundle(first, public_keys=trust), verify_bundle(second, public_keys=trust)
    assert (v2.sequence, v2.previous_manifest_sha256) == (2, v1.manifest_sha256)
    r1 = next(iter(v1.records.values()))
    r2, r3 = sorted(v2.records.values(), key=lambda r: r["revision"])
    # each revision's audit trail is a prefix of the next one's
    assert r2["audit"][: len(r1["audit"])] == r1["audit"]
    assert r3["audit"][: len(r2["audit"])] == r2["audit"]
    assert r3["audit"][-2:][0]["reason"] == "更正答案"
    assert store.inspections.get(iid).exported_revision == 3
    assert ex.plan_export(store, since_last=True).empty


def test_same_revision_exported_twice_gives_identical_records(keyed, tmp_path):
    store = keyed
    iid = completed(store, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    p1 = ex.export(store, ex.plan_export(store, [iid]), out, PASS)
    p2 = ex.export(store, ex.plan_export(store, [iid]), out, PASS)
    with zipfile.ZipFile(p1) as z1, zipfile.ZipFile(p2) as z2:
        name = next(n for n in z1.namelist() if n.startswith("records/"))
        assert z1.read(name) == z2.read(name)
        m1, m2 = json.loads(z1.read("manifest.json")), json.loads(z2.read("manifest.json"))
    assert (m1["sequence"], m2["sequence"]) == (1, 2) and m1["bundle_id"] != m2["bundle_id"]


def test_selected_draft_is_refused(keyed, tmp_path):
    draft = keyed.inspections.create(VILLAGE, "five-haves")
    with pytest.raises(Exception, match="尚未完成"):
        ex.plan_export(keyed, [draft])


def test_wrong_passphrase_writes_nothing(keyed, tmp_path):
    completed(keyed, tmp_path)
    before = state(keyed)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(KeyError_):
        ex.export(keyed, ex.plan_export(keyed), out, "not the passphrase")
    assert list(out.iterdir()) == [] and state(keyed) == before


def test_cancel_changes_nothing(keyed, tmp_path):
    completed(keyed, tmp_path)
    before = state(keyed)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(BundleCancelled):
        ex.export(keyed, ex.plan_export(keyed), out, PASS, cancelled=lambda: True)
    assert list(out.iterdir()) == [] and state(keyed) == before


def test_missing_photo_file_is_named_before_writing(keyed, tmp_path):
    iid = completed(keyed, tmp_path)
    sha = keyed.inspections.get(iid).photos[0].sha256
    keyed.photo_store.remove(sha)
    plan = ex.plan_export(keyed)
    assert plan.missing_photos == [sha]
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(BundleError, match=sha[:12]):
        ex.export(keyed, plan, out, PASS)
    assert list(out.iterdir()) == []


def test_crash_after_the_rename_is_adopted(keyed, tmp_path, monkeypatch):
    store = keyed
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
    assert state(store)["seq"] == 0 and state(store)["pending"]
    assert ex.recover_pending_export(store) == "adopted"
    st = state(store)
    assert st["seq"] == 1 and st["pending"] is None
    assert store.inspections.get(iid).status is InspectionStatus.EXPORTED
    assert ex.recover_pending_export(store) is None


def test_crash_before_the_rename_releases_the_number(keyed, tmp_path, monkeypatch):
    store = keyed
    completed(store, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    import fengqiao_desktop.bundle.writer as writer

    def crash(*a, **k):
        raise SystemExit("power cut")

    monkeypatch.setattr(writer.os, "replace", crash)
    with pytest.raises(SystemExit):
        ex.export(store, ex.plan_export(store), out, PASS)
    monkeypatch.undo()
    # the writer removed its temporary file; a real SIGKILL would leave it for recovery
    assert list(out.iterdir()) == []
    assert ex.recover_pending_export(store) in (None, "discarded")
    assert state(store)["seq"] == 0
    path = ex.export(store, ex.plan_export(store), out, PASS)
    assert "-000001-" in path.name


def test_exported_bundles_import_centrally_in_any_order(keyed, tmp_path):
    """What the laptop exports, the bureau's merge module accepts: scores, revisions, chain."""
    from fengqiao_desktop.paths import forms_dir
    from fengqiao_desktop.services import central

    store = keyed
    iid = completed(store, tmp_path)
    out = tmp_path / "usb"
    out.mkdir()
    first = ex.export(store, ex.plan_export(store), out, PASS)
    store.inspections.reopen(iid, "更正")
    store.inspections.complete(iid)
    second = ex.export(store, ex.plan_export(store), out, PASS)

    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    central.load_demo(url=url)
    central.forms_register(sorted(forms_dir().glob("*.yaml")), url=url)
    central.trust_add(KeyStore(store.data_dir / "keys").public_key(), name="张三", unit="城关区退役军人事务局", url=url)
    outcomes = central.import_bundles([second, first, first], url=url)
    assert [o.status for o in outcomes] == ["imported", "imported", "already_imported"], [
        (o.status, o.reason_en) for o in outcomes
    ]
    assert all(o.counts.get("conflicts", 0) == 0 for o in outcomes[:2])
