"""Writing bundles: round trip, file naming, temporary files, cancel, damaged photo files."""

from __future__ import annotations

import hashlib
import re
import uuid
import zipfile

import bundlecraft as bc
import pytest
from bundlecraft import write_example
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fengqiao_desktop.bundle import BundleCancelled, verify_bundle, write_bundle
from fengqiao_desktop.errors import BundleError
from fengqiao_desktop.storage.photostore import PhotoStore


def test_written_bundle_verifies_and_reads_back(bundle_path, trust, photo_files):
    assert re.fullmatch(r"\d{8}-laptop7f-000001-[0-9a-f]{8}\.fqbundle", bundle_path.name)
    vb = verify_bundle(bundle_path, public_keys=trust)
    assert vb.sequence == 1 and vb.previous_manifest_sha256 is None
    assert vb.inspector["name"] == "张三" and vb.key_id == vb.inspector["key_id"]
    assert len(vb.records) == 2 and len(vb.photos) == 3
    assert vb.manifest_sha256 == hashlib.sha256(vb.manifest_bytes).hexdigest()
    for sha, path in photo_files.items():
        assert vb.read_photo(sha) == path.read_bytes()
    with zipfile.ZipFile(bundle_path) as zf:
        assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist())
        assert zf.testzip() is None
    assert [p.name for p in bundle_path.parent.iterdir()] == [bundle_path.name]


def test_reading_a_photo_after_the_file_changed_is_refused(bundle_path, trust, photo_files):
    vb = verify_bundle(bundle_path, public_keys=trust)
    data = bytearray(bundle_path.read_bytes())
    sha = max(photo_files, key=lambda s: photo_files[s].stat().st_size)
    i = data.find(photo_files[sha].read_bytes()[100:140])
    data[i] ^= 1
    bundle_path.write_bytes(bytes(data))
    with pytest.raises(BundleError, match=sha):
        vb.read_photo(sha)


def test_chain_fields(tmp_path, sk, trust, photo_files):
    first = write_example(tmp_path, sk, photo_files)
    vb1 = verify_bundle(first, public_keys=trust)
    second = write_example(tmp_path, sk, photo_files, sequence=2, previous_manifest_sha256=vb1.manifest_sha256)
    vb2 = verify_bundle(second, public_keys=trust)
    assert (vb2.sequence, vb2.previous_manifest_sha256) == (2, vb1.manifest_sha256)
    assert "-000002-" in second.name


def test_cancel_leaves_nothing(tmp_path, sk, photo_files):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(BundleCancelled):
        write_example(tmp_path, sk, photo_files, cancelled=cancelled)
    assert list(tmp_path.iterdir()) == [tmp_path / "photos"]


def test_cancel_during_read_back_leaves_nothing(tmp_path, sk, photo_files):
    seen = []

    def progress(done, total):
        seen.append((done, total))

    def cancelled() -> bool:
        return bool(seen) and seen[-1][0] > seen[-1][1] // 2

    with pytest.raises(BundleCancelled):
        write_example(tmp_path, sk, photo_files, progress=progress, cancelled=cancelled)
    assert list(tmp_path.iterdir()) == [tmp_path / "photos"]


def test_progress_reaches_total(tmp_path, sk, photo_files):
    seen = []
    write_example(tmp_path, sk, photo_files, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1]
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))


def test_photo_changed_on_disk_is_refused(tmp_path, sk, photo_files):
    sha = sorted(photo_files)[0]
    data = bytearray(photo_files[sha].read_bytes())
    data[5] ^= 1
    photo_files[sha].write_bytes(bytes(data))
    with pytest.raises(BundleError, match=sha):
        write_example(tmp_path, sk, photo_files)
    assert list(tmp_path.iterdir()) == [tmp_path / "photos"]


def test_missing_photo_file_is_refused(tmp_path, sk, photo_files):
    sha = sorted(photo_files)[0]
    photo_files[sha].unlink()
    with pytest.raises(BundleError, match=sha):
        write_example(tmp_path, sk, photo_files)


def test_record_with_unknown_photo_is_refused(tmp_path, sk):
    rec = bc.record(key_id=sk.key_id, photos=[bc.photo_entry(b"nowhere")])
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(BundleError, match="照片文件无法读取：照片文件缺失") as info:
        write_bundle(
            out,
            records=[rec],
            read_photo=PhotoStore(tmp_path / "photos").read,
            inspector={"name": "a", "unit": "b"},
            device_id="d1",
            sequence=1,
            previous_manifest_sha256=None,
            secret_key=sk,
        )
    assert "photo file cannot be read: The photo file is missing" in info.value.message_en
    assert list(out.iterdir()) == []


def test_bad_record_shape_is_refused_before_writing(tmp_path, sk):
    rec = bc.record(key_id=sk.key_id)
    rec["station_code"] = "12"
    with pytest.raises(BundleError, match="station_code"):
        write_bundle(
            tmp_path,
            records=[rec],
            read_photo={}.__getitem__,
            inspector={"name": "a", "unit": "b"},
            device_id="d1",
            sequence=1,
            previous_manifest_sha256=None,
            secret_key=sk,
        )
    assert list(tmp_path.iterdir()) == []


def test_unwritable_directory_is_a_bundle_error(tmp_path, sk, photo_files):
    with pytest.raises(BundleError):
        write_example(tmp_path / "does-not-exist", sk, photo_files)


# -- round trip -------------------------------------------------------------------------

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
)  # U+0000 is refused by the spec (no database text can hold it)
_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53) + 1, 2**53 - 1),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    _text,
)
_json = st.recursive(
    _scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_text, inner, max_size=3)),
    max_leaves=8,
)


@st.composite
def records(draw, key_id: str, photo_shas: list[str], sizes: dict[str, int]):
    out = []
    ids = draw(st.lists(st.uuids(version=4).map(str), min_size=1, max_size=4, unique=True))
    for iid in ids:
        rec = bc.record(inspection_id=iid, revision=draw(st.integers(0, 50)), key_id=key_id)
        rec["answers"] = draw(
            st.dictionaries(
                st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True),
                st.fixed_dictionaries({"value": _json, "note": _text, "na": st.booleans()}),
                max_size=6,
            )
        )
        chosen = draw(st.lists(st.sampled_from(photo_shas), max_size=3, unique=True))
        rec["photos"] = [
            {
                "sha256": s,
                "original_sha256": draw(st.sampled_from([s, None])),
                "item_id": draw(st.one_of(st.none(), _text)),
                "caption": draw(_text),
                "captured_at": "2026-05-01T08:00:00Z",
                "member": f"photos/{s}.jpg",
                "size": sizes[s],
            }
            for s in chosen
        ]
        rec["findings"] = [
            {
                "id": str(uuid.UUID(int=n)),
                "item_id": draw(_text),
                "category": draw(st.sampled_from(["hardware", "funding", "staffing"])),
                "severity": draw(st.sampled_from(["veto", "deduction", "advice"])),
                "description": draw(_text),
                "measures": draw(_text),
                "responsible": draw(_text),
                "deadline": draw(st.one_of(st.none(), _text)),
                "status": "open",
            }
            for n in range(draw(st.integers(0, 2)))
        ]
        rec["score"] = draw(
            st.one_of(
                st.none(),
                st.fixed_dictionaries(
                    {
                        "total": st.floats(0, 100, allow_nan=False),
                        "max": st.just(100),
                        "verdict": st.sampled_from(["pass", "fail", "veto"]),
                        "sections": st.lists(
                            st.fixed_dictionaries(
                                {"id": _text, "earned": st.integers(0, 30), "max": st.integers(0, 30)}
                            ),
                            max_size=3,
                        ),
                    }
                ),
            )
        )
        rec["audit"] = [{"revision": 1, "at": "2026-05-02T00:00:00Z", "action": "edit", "reason": draw(_text)}]
        rec["extra_field"] = draw(_json)
        out.append(rec)
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_round_trip_any_records(tmp_path_factory, sk, trust, data):
    tmp = tmp_path_factory.mktemp("rt")
    photos = {}
    for i in range(3):
        body = b"\xff\xd8" + bytes([i]) * (i * 100 + 1)
        p = tmp / f"{i}.jpg"
        p.write_bytes(body)
        photos[hashlib.sha256(body).hexdigest()] = p
    sizes = {s: p.stat().st_size for s, p in photos.items()}
    recs = data.draw(records(sk.key_id, sorted(photos), sizes))
    path = write_bundle(
        tmp,
        records=recs,
        read_photo=lambda sha: photos[sha].read_bytes(),
        inspector={"name": "李四", "unit": "七里河区", "phone": ""},
        device_id="dev-9",
        sequence=1,
        previous_manifest_sha256=None,
        secret_key=sk,
    )
    vb = verify_bundle(path, public_keys=trust)
    got = {(r["id"], r["revision"]): r for r in vb.records.values()}
    assert got == {(r["id"], r["revision"]): r for r in recs}
    assert {i["id"] for i in vb.inspections} == {r["id"] for r in recs}
