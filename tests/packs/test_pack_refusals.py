"""Every refusal of a task pack leaves the laptop's database exactly as it was."""

from __future__ import annotations

import os

import pytest
from packhelpers import (
    TOWN,
    Bureau,
    content_for,
    data_span,
    db_digest,
    five_haves,
    rewrite,
)

from fengqiao_desktop.bundle import write_bundle
from fengqiao_desktop.errors import PackError
from fengqiao_desktop.packs import spec, writer
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.services import packs
from fengqiao_desktop.services.rechecks import recheck_findings


def _key(store) -> str:
    return idn.identity(store).key_id


def _apply(store, path):
    preview = packs.check_pack(store, path)
    return packs.apply_pack(store, path, confirmed_fingerprint=preview.fingerprint)


@pytest.fixture
def applied(store, bureau, tmp_path):
    """A laptop that already applied the bureau's first pack (so the key is pinned)."""
    _apply(store, bureau.pack(tmp_path / "p1", content_for(_key(store))))
    return store


def _refused(store, path, kind: str) -> PackError:
    before = db_digest(store)
    with pytest.raises(PackError) as info:
        _apply(store, path)
    assert info.value.kind == kind, info.value.detail
    assert db_digest(store) == before
    assert "未作任何更改" in info.value.message and "nothing was changed" in info.value.message_en.lower()
    return info.value


def test_first_pack_pins_the_key_and_shows_the_assignment(store, bureau, tmp_path):
    path = bureau.pack(tmp_path / "p", content_for(_key(store)))
    preview = packs.check_pack(store, path)
    assert preview.first_use and preview.assignments == 1 and preview.findings == 1
    assert packs.assignments(store) == []  # checking changes nothing
    packs.apply_pack(store, path, confirmed_fingerprint=preview.fingerprint)
    [row] = packs.assignments(store)
    assert (row.station_code, row.station_name, str(row.due_date)) == (TOWN, "酒泉路街道退役军人服务站", "2026-12-20")
    assert row.form_ids == ("five-haves",) and row.findings == 1 and row.state == "assigned"
    assert packs.pinned_bureau(store) == (bureau.name, preview.fingerprint)
    [f] = recheck_findings(store, TOWN)
    assert f.description == "服务站无统一标识牌"


def test_first_pack_without_the_confirmed_fingerprint_changes_nothing(store, bureau, tmp_path):
    path = bureau.pack(tmp_path / "p", content_for(_key(store)))
    before = db_digest(store)
    with pytest.raises(PackError) as info:
        packs.apply_pack(store, path, confirmed_fingerprint="0000 1111")
    assert info.value.kind == "unconfirmed" and db_digest(store) == before


def test_overdue_assignment_is_flagged(store, bureau, tmp_path):
    _apply(store, bureau.pack(tmp_path / "p", content_for(_key(store), due="2026-01-05")))
    import datetime as dt

    [row] = packs.assignments(store, today=dt.date(2026, 1, 6))
    assert row.overdue
    [row] = packs.assignments(store, today=dt.date(2026, 1, 5))
    assert not row.overdue


@pytest.mark.parametrize(
    "member",
    [
        spec.MANIFEST,
        spec.SIGNATURE,
        spec.BUREAU_PUB,
        spec.ROSTER,
        spec.ASSIGNMENTS,
        spec.FINDINGS,
        spec.RETURNED,
        "form",
    ],
)
def test_a_flipped_byte_in_any_member_is_refused(applied, bureau, tmp_path, member):
    path = bureau.pack(tmp_path / "p2", content_for(_key(applied)))
    if member == "form":
        member = spec.form_member(five_haves().sha256)
    start, end = data_span(path, member)
    raw = bytearray(path.read_bytes())
    raw[(start + end) // 2] ^= 0x01
    path.write_bytes(bytes(raw))
    _refused(applied, path, "damaged")


def test_a_member_added_is_refused(applied, bureau, tmp_path):
    path = bureau.pack(tmp_path / "p2", content_for(_key(applied)))
    bad = rewrite(path, tmp_path / "added.fqpack", add=("extra.json", b"{}"))
    err = _refused(applied, bad, "damaged")
    assert "extra.json" in err.detail


@pytest.mark.parametrize("member", [spec.ASSIGNMENTS, spec.FINDINGS, spec.BUREAU_PUB, "form"])
def test_a_member_dropped_is_refused(applied, bureau, tmp_path, member):
    path = bureau.pack(tmp_path / "p2", content_for(_key(applied)))
    if member == "form":
        member = spec.form_member(five_haves().sha256)
    _refused(applied, rewrite(path, tmp_path / "dropped.fqpack", drop=member), "damaged")


def test_a_pack_signed_by_another_bureau_key_is_refused(applied, tmp_path):
    other = Bureau("冒充的县局")
    other.sequence = 5
    err = _refused(applied, other.pack(tmp_path / "other", content_for(_key(applied))), "signer")
    assert other.sk.key_id in err.message


def test_a_replayed_or_older_pack_is_refused(applied, bureau, tmp_path):
    second = bureau.pack(tmp_path / "p2", content_for(_key(applied)))
    old = bureau.pack(tmp_path / "p-old", content_for(_key(applied)), sequence=1)
    _apply(applied, second)
    _refused(applied, second, "rollback")  # the same pack again
    _refused(applied, old, "rollback")  # an older number


def test_a_pack_for_another_inspector_is_refused(store, bureau, tmp_path):
    path = bureau.pack(tmp_path / "p", content_for("0123456789ABCDEF"))
    err = _refused(store, path, "inspector")
    assert "0123456789ABCDEF" in err.message


def test_a_pack_naming_a_form_it_does_not_carry_is_refused(store, bureau, tmp_path, monkeypatch):
    form = five_haves()
    ref = [
        {"sha256": "ab" * 32, "id": "bureau-sheet", "version": "2026"},
        {"sha256": form.sha256, "id": form.id, "version": form.version},
    ]
    content = content_for(_key(store), assign_forms=ref)
    # the bureau's own writer refuses to make such a pack ...
    with pytest.raises(PackError) as info:
        bureau.pack(tmp_path / "p", content)
    assert info.value.kind == "form_missing" and not list((tmp_path / "p").iterdir())
    # ... and a laptop refuses one made without that check (an older or broken bureau build)
    monkeypatch.setattr(writer, "verify_pack", lambda path, pinned: _Unchecked())
    path = bureau.pack(tmp_path / "p", content)
    monkeypatch.undo()
    err = _refused(store, path, "form_missing")
    assert "bureau-sheet" in err.message


class _Unchecked:
    """Stands in for the bureau's read-back check, which would refuse the pack."""

    path = None


@pytest.mark.parametrize("cut", [0, 22, 100, -1])
def test_truncated_packs_are_refused(applied, bureau, tmp_path, cut):
    path = bureau.pack(tmp_path / "p2", content_for(_key(applied)))
    data = path.read_bytes()
    bad = tmp_path / "cut.fqpack"
    bad.write_bytes(data[:cut] if cut >= 0 else data[:-1])
    err = _refused(applied, bad, "not_a_pack")
    assert "zip" not in err.message


@pytest.mark.parametrize("n", [1, 4096, 200_000])
def test_random_files_are_refused(applied, tmp_path, n):
    bad = tmp_path / "random.fqpack"
    bad.write_bytes(os.urandom(n))
    _refused(applied, bad, "not_a_pack")


def test_an_inspectors_bundle_is_not_a_pack(applied, bureau, tmp_path):
    (tmp_path / "b").mkdir()
    bundle = write_bundle(
        tmp_path / "b",
        records=[],
        read_photo={}.__getitem__,
        inspector={"name": "张三", "unit": "x"},
        device_id="laptop-1",
        sequence=1,
        previous_manifest_sha256=None,
        secret_key=bureau.sk,
        forms=[],
    )
    bad = bundle.rename(tmp_path / "looks-like.fqpack")
    _refused(applied, bad, "not_a_pack")


def test_a_bureau_form_from_a_pack_is_offered_after_a_restart(store, bureau, tmp_path):
    from fengqiao_desktop.formengine.schema import FormDef
    from fengqiao_desktop.services.store import LocalStore

    base = five_haves()
    data = base.model_dump(mode="json")
    data.update(id="lz-five-haves", version="2026.1")
    own = FormDef.model_validate(data)
    ref = [{"sha256": own.sha256, "id": own.id, "version": own.version}]
    content = content_for(_key(store), forms={own.sha256: own.canonical_bytes()}, assign_forms=ref)
    _apply(store, bureau.pack(tmp_path / "p", content))
    assert store.forms.get("lz-five-haves").sha256 == own.sha256
    folder = store.data_dir
    store.close()
    with LocalStore.open(folder) as again:
        assert again.forms.get("lz-five-haves").sha256 == own.sha256
        [row] = packs.assignments(again)
        iid = again.inspections.create(row.station_code, row.form_ids[0])
        assert again.inspections.form_of(iid).sha256 == own.sha256


def test_a_pack_announces_the_stations_it_brought_and_a_refused_one_nothing(store, bureau, tmp_path):
    from fengqiao_desktop.events import ROSTER_CHANGED

    heard = []
    store.events.subscribe(ROSTER_CHANGED, lambda **kw: heard.append(kw))
    _apply(store, bureau.pack(tmp_path / "p1", content_for(_key(store))))
    assert heard == [{"added": 3, "updated": 0}]  # city, county, town: the tree reloads
    _apply(store, bureau.pack(tmp_path / "p2", content_for(_key(store))))
    assert heard == [{"added": 3, "updated": 0}]  # the same roster again: nothing to reload
    with pytest.raises(PackError):
        _apply(store, bureau.pack(tmp_path / "p3", content_for(_key(store)), sequence=1))
    assert len(heard) == 1
