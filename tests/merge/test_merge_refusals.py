"""Every bad input is refused with a reason naming the problem, and the central content is unchanged."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone

import pytest
import rfc8785
from merge_helpers import (
    BASE_TIME,
    RUBRIC,
    UNKNOWN_STATION,
    UNREGISTERED,
    Device,
    craft,
    make_photo,
    photo_entry,
    random_bytes,
    rubric_answers,
)

from fengqiao_desktop.bundle import spec
from fengqiao_desktop.services import central as svc


def _flip_inside(data: bytes, needle: bytes) -> bytes:
    i = data.index(needle) + len(needle) // 2
    out = bytearray(data)
    out[i] ^= 0x20
    return bytes(out)


def _good(bureau, dev, tmp, **kw):
    sha, p = make_photo(tmp / "ph", "evidence-" + dev.device_id)
    rec = dev.record(RUBRIC, photos=[photo_entry(sha, p)], **kw)
    path = dev.export(tmp / "usb", [rec], {sha: p})
    return path, rec, sha, p


def _write(tmp, name: str, data: bytes):
    p = tmp / "bad" / f"{name}.fqbundle"
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return p


# Each case returns (path of the bad bundle, words the English reason must contain).
def case_flipped_photo(b, dev, tmp):
    path, _rec, sha, p = _good(b, dev, tmp)
    return _write(tmp, "x", _flip_inside(path.read_bytes(), p.read_bytes())), [sha[:16]]


def case_flipped_record(b, dev, tmp):
    path, rec, _sha, _p = _good(b, dev, tmp)
    body = rfc8785.dumps(rec)
    return _write(tmp, "x", _flip_inside(path.read_bytes(), body[:200])), ["records/"]


def case_flipped_manifest(b, dev, tmp):
    path, *_ = _good(b, dev, tmp)
    return _write(tmp, "x", _flip_inside(path.read_bytes(), b'"bundle_id":"')), ["manifest.json"]


def case_unknown_key(b, dev, tmp):
    stranger = Device(name="张三", unit=dev.unit)
    path, *_ = _good(b, stranger, tmp)
    return path, [stranger.key_id, "not trusted"]


def case_key_claims_other_inspector(b, dev, tmp):
    rec = dev.record(RUBRIC)
    path = dev.export(tmp / "usb", [rec], inspector={"name": "李四", "unit": dev.unit, "phone": ""})
    return path, ["belongs to 张三", "李四"]


def case_revoked_key(b, dev, tmp):
    svc.trust_revoke(dev.key_id, reason="laptop stolen", since=datetime(2026, 4, 1, tzinfo=timezone.utc), url=b.central)
    path, *_ = _good(b, dev, tmp)  # made now, after the revocation
    return path, ["revoked", "laptop stolen"]


def case_expired_key(b, dev, tmp):
    old = b.device("王五", valid_to=date(2026, 4, 30))
    rec = old.record(RUBRIC)
    return old.export(tmp / "usb", [rec], created_at=BASE_TIME), ["expired", "2026-04-30"]


def case_truncated(b, dev, tmp):
    path, *_ = _good(b, dev, tmp)
    data = path.read_bytes()
    return _write(tmp, "x", data[: len(data) * 2 // 3]), []


def case_random_bytes(b, dev, tmp):
    return _write(tmp, "x", random_bytes(5000)), []


def case_empty_file(b, dev, tmp):
    return _write(tmp, "x", b""), []


def case_garbage_before_zip(b, dev, tmp):
    path, *_ = _good(b, dev, tmp)
    return _write(tmp, "x", b"MZ-garbage" * 10 + path.read_bytes()), []


def case_member_not_in_manifest(b, dev, tmp):
    rec = dev.record(RUBRIC)
    extra = b"\xff\xd8sneaky\xff\xd9"
    name = spec.photo_member(hashlib.sha256(extra).hexdigest())
    return _write(tmp, "x", craft(dev, [rec], extra_members=[(name, extra, 0)])), ["not listed"]


def case_manifest_member_missing(b, dev, tmp):
    body = b"\xff\xd8photo\xff\xd9"
    sha = hashlib.sha256(body).hexdigest()
    rec = dev.record(
        RUBRIC,
        photos=[
            {
                "sha256": sha,
                "original_sha256": sha,
                "item_id": "b1",
                "caption": "",
                "captured_at": "2026-05-01T08:00:00Z",
                "member": spec.photo_member(sha),
                "size": len(body),
            }
        ],
    )
    data = craft(dev, [rec], {sha: body}, omit=(spec.photo_member(sha),))
    return _write(tmp, "x", data), ["missing"]


def case_duplicate_names(b, dev, tmp):
    rec = dev.record(RUBRIC)
    name = spec.record_member(rec["id"], rec["revision"])
    data = craft(dev, [rec], extra_members=[(name, rfc8785.dumps(rec), 0)])
    return _write(tmp, "x", data), ["duplicate"]


def case_unsafe_name(b, dev, tmp):
    rec = dev.record(RUBRIC)
    return _write(tmp, "x", craft(dev, [rec], extra_members=[("../evil.json", b"{}", 0)])), [".."]


def case_zip_bomb(b, dev, tmp):
    rec = dev.record(RUBRIC)
    bomb = ("photos/" + "0" * 64 + ".jpg", b"\0" * (20 * 1024 * 1024), 8)
    return _write(tmp, "x", craft(dev, [rec], extra_members=[bomb])), ["ratio"]


def case_record_hash_mismatch(b, dev, tmp):
    rec = dev.record(RUBRIC)
    name = spec.record_member(rec["id"], rec["revision"])
    forged = rfc8785.dumps({**rec, "station_code": "620102001002"})
    return _write(tmp, "x", craft(dev, [rec], record_bytes={name: forged})), [name, "sha256"]


def case_unknown_form(b, dev, tmp):
    rec = dev.record(UNREGISTERED)
    return dev.export(tmp / "usb", [rec]), ["test-unregistered", "not registered"]


def case_unknown_station(b, dev, tmp):
    rec = dev.record(RUBRIC, station=UNKNOWN_STATION)
    return dev.export(tmp / "usb", [rec]), [UNKNOWN_STATION, "roster"]


def case_claimed_score_differs(b, dev, tmp):
    answers = rubric_answers(b1=30)
    rec = dev.record(RUBRIC, answers=answers)
    rec["score"] = {**rec["score"], "total": rec["score"]["total"] + 5}
    return dev.export(tmp / "usb", [rec]), ["claimed total", "recomputed"]


def case_claimed_verdict_differs(b, dev, tmp):
    rec = dev.record(RUBRIC, answers=rubric_answers(b1=10))
    rec["score"] = {**rec["score"], "verdict": "pass"}
    return dev.export(tmp / "usb", [rec]), ["verdict"]


def case_answer_does_not_fit(b, dev, tmp):
    rec = dev.record(RUBRIC, answers=rubric_answers(b1=38))
    rec["answers"]["b1"]["value"] = 41
    return dev.export(tmp / "usb", [rec]), ["answers.b1"]


def case_future_manifest_version(b, dev, tmp):
    rec = dev.record(RUBRIC)
    return _write(tmp, "x", craft(dev, [rec], manifest_changes={"format_version": 2})), ["newer"]


def case_future_record_version(b, dev, tmp):
    rec = {**dev.record(RUBRIC), "format_version": 2}
    return _write(tmp, "x", craft(dev, [rec])), ["newer"]


CASES = {name[5:]: fn for name, fn in dict(globals()).items() if name.startswith("case_")}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_refused_and_changes_nothing(bureau, case, tmp_path):
    dev = bureau.device()
    # some content first, so "unchanged" means something
    base = dev.record(RUBRIC)
    [ok] = bureau.merge(dev.export(tmp_path / "base", [base]))
    assert ok.status == "imported"

    path, words = CASES[case](bureau, dev, tmp_path)
    before = bureau.digest()
    [out] = bureau.merge(path)
    assert out.status == "refused", out.line("en")
    assert out.reason and out.reason_en
    for w in words:  # the technical detail names the member; the reason is plain words
        assert w in out.detail_en, (w, out.detail_en)
    for internal in ("manifest.json", "records/", "photos/", "zip:", "minisig"):
        assert internal not in out.reason and internal not in out.reason_en, out.reason_en
    assert out.line().startswith(("已拒收", "已隔离"))
    assert bureau.digest() == before
    # a copy in quarantine with a report saying why
    assert out.quarantined
    q = bureau.central.quarantine_dir
    report = (q / out.quarantined.split("/")[-1]).with_suffix(".txt").read_text(encoding="utf-8")
    assert out.reason_en in report and out.detail_en in report
    assert not list((bureau.central.files_dir / "incoming").glob("*"))


def test_bundle_signed_before_the_revocation_stays_valid(bureau, tmp_path):
    dev = bureau.device()
    rec = dev.record(RUBRIC)
    path = dev.export(tmp_path / "usb", [rec], created_at=BASE_TIME)
    svc.trust_revoke(dev.key_id, reason="retired", since=BASE_TIME + timedelta(days=1), url=bureau.central)
    [out] = bureau.merge(path)
    assert out.status == "imported"


def test_refused_bundle_imports_once_its_key_is_trusted(bureau, tmp_path):
    dev = bureau.device(trust=False)
    path = dev.export(tmp_path / "usb", [dev.record(RUBRIC)])
    [o1] = bureau.merge(path)
    assert o1.status == "refused"
    svc.trust_add(dev.sk.public, name=dev.name, unit=dev.unit, url=bureau.central)
    [o2] = bureau.merge(path)
    assert o2.status == "imported"
    assert [r["status"] for r in svc.bundles_list(url=bureau.central)] == ["imported"]


def test_any_refusal_makes_the_batch_fail_but_the_rest_import(bureau, tmp_path):
    dev = bureau.device()
    good = dev.export(tmp_path / "usb", [dev.record(RUBRIC)])
    bad = _write(tmp_path, "junk", b"not a zip")
    outs = bureau.merge(bad, good)
    assert [o.status for o in outs] == ["refused", "imported"]


def test_refusals_say_what_to_do_in_one_language(bureau, tmp_path):
    """The clerk reads the problem and the next step; member names stay in the details."""
    stranger = bureau.device(trust=False)
    [untrusted] = bureau.merge(stranger.export(tmp_path / "a", [stranger.record(RUBRIC)]))
    grouped = " ".join(stranger.key_id[i : i + 4] for i in range(0, 16, 4))
    assert untrusted.reason == (
        f"此检查员的密钥不受信任：请在“信任的检查员密钥”中添加其公钥（指纹 {grouped}），然后重新导入"
    )
    assert untrusted.reason_en.startswith("This inspector's key is not trusted: add it under")
    assert "manifest.json.minisig" in untrusted.detail

    dev = bureau.device()
    [unknown] = bureau.merge(dev.export(tmp_path / "b", [dev.record(RUBRIC, station=UNKNOWN_STATION)]))
    assert unknown.reason.startswith(f"站点 {UNKNOWN_STATION} 不在中心名册中。请在“中心名册”中导入")
    assert "Add the station to the central roster" in unknown.reason_en
    for text in (unknown.reason, untrusted.reason):  # no English on a Chinese screen
        assert not any(w in text for w in ("trust", "roster", "import again", " / "))
