"""A laptop data directory written by release 0.1 opens in this release and loses nothing.

The fixture (``fixtures/release_0_1``, made by ``fixtures/make_release_0_1.py`` with 0.1's
code) holds a visit — a five-haves check and a town rubric corrected once (revision 2) —
and the bundle 0.1 exported of it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fengqiao_desktop.bundle import KeyStore, verify_bundle
from fengqiao_desktop.services import central
from fengqiao_desktop.services.export import export, plan_export
from fengqiao_desktop.services.sheet_local import LocalSheetSource
from fengqiao_desktop.services.store import LocalStore

FIXTURE = Path(__file__).parent / "fixtures" / "release_0_1"


@pytest.fixture
def old(tmp_path):
    root = tmp_path / "release_0_1"
    shutil.copytree(FIXTURE, root)
    facts = json.loads((root / "facts.json").read_text(encoding="utf-8"))
    store = LocalStore.open(root / "data")
    yield root, facts, store
    store.close()


def test_snapshots_become_records_and_keep_their_hashes_and_scores(old):
    root, facts, store = old
    assert list((root / "data" / "backups").glob("*before-*")), "no backup before the upgrade"
    src = LocalSheetSource(store)
    for iid in (facts["gate"], facts["rubric"]):
        snaps = store.inspections.snapshots(iid)
        assert snaps and all(s["format"] == "fengqiao.inspection" and s["station_code"] for _r, _t, s in snaps)
        hashes = src.revision_hashes(iid).hashes
        # the proof printed on 0.1's sheets still checks against this database
        assert {str(k): v for k, v in hashes.items()} == facts["hashes"][iid]
        score = store.inspections.score(iid)
        assert (score.total, score.verdict.value) == (facts["scores"][iid]["total"], facts["scores"][iid]["verdict"])


def test_exporting_again_gives_the_records_0_1_signed(old):
    root, facts, store = old
    old_bundle = root / "bundle" / facts["bundle"]
    pk = KeyStore(root / "data" / "keys").public_key()
    before = verify_bundle(old_bundle, public_keys={pk.key_id: pk})
    out = root / "again"
    out.mkdir()
    path = export(store, plan_export(store, [facts["gate"], facts["rubric"]]), out, facts["passphrase"])
    again = verify_bundle(path, public_keys={pk.key_id: pk})
    old_by_rev = {(r["id"], r["revision"]): r for r in before.records.values()}
    new_records = list(again.records.values())
    assert {(r["id"], r["revision"]) for r in new_records} == {(facts["gate"], 1), (facts["rubric"], 2)}
    for r in new_records:
        assert r == old_by_rev[(r["id"], r["revision"])]


def test_old_and_new_bundles_merge_into_one_truth(old, tmp_path):
    root, facts, store = old
    pk = KeyStore(root / "data" / "keys").public_key()
    url = f"sqlite:///{(tmp_path / 'central.sqlite3').as_posix()}"
    central.load_demo(url=url)
    central.trust_add(pk, name="王检查", unit="城关区退役军人事务局", url=url)
    first = central.import_bundles([root / "bundle" / facts["bundle"]], url=url)
    assert [o.status for o in first] == ["imported"], [o.reason_en for o in first]
    digest = central.digest(url=url)
    out = root / "again"
    out.mkdir()
    path = export(store, plan_export(store, [facts["gate"], facts["rubric"]]), out, facts["passphrase"])
    second = central.import_bundles([path], url=url)
    assert [o.status for o in second] == ["imported"], [o.reason_en for o in second]
    assert central.digest(url=url) == digest  # the same revisions: nothing new, no conflict
    assert not central.conflicts_list(url=url)
