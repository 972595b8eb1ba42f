"""Every refusal of the verifier, each with the bad bundle crafted here, each naming the culprit."""

from __future__ import annotations

import hashlib
import random
import struct
import zlib

import bundlecraft as bc
import pytest
import rfc8785

from fengqiao_desktop.bundle import Limits, SecretKey, spec, verify_bundle
from fengqiao_desktop.errors import BundleError


def refused(data: bytes, trust, match: str, *, member: str | None = None, **kw) -> BundleError:
    with pytest.raises(BundleError) as info:
        verify_bundle(data, public_keys=trust, **kw)
    err = info.value
    assert match.lower() in err.message_en.lower(), err.message_en
    if member is not None:
        assert member in err.message_en and member in err.message
        assert err.member is not None and member in err.member
    return err


@pytest.fixture
def good(sk) -> bytes:
    return bc.signed_bundle(sk, bc.simple_members())


def test_the_crafted_baseline_is_accepted(good, trust):
    vb = verify_bundle(good, public_keys=trust)
    assert len(vb.records) == 1 and len(vb.photos) == 1


# -- the container -------------------------------------------------------------------


def test_empty_file(trust, tmp_path):
    p = tmp_path / "empty.fqbundle"
    p.write_bytes(b"")
    with pytest.raises(BundleError, match="为空"):
        verify_bundle(p, public_keys=trust)
    refused(b"", trust, "empty", member="zip")


def test_random_bytes(trust):
    data = random.Random(4).randbytes(5000)
    refused(data, trust, "not a zip", member="zip")


def test_garbage_before_the_zip(good, trust):
    refused(b"MZ" + b"\x90" * 300 + good, trust, "garbage before the zip", member="zip")


def test_truncated(good, trust):
    refused(good[: len(good) // 2], trust, "truncated", member="zip")
    refused(good[:-5], trust, "truncated", member="zip")


def test_trailing_data(good, trust):
    refused(good + b"extra", trust, "trailing data", member="zip")


def test_zip_comment_refused(good, trust):
    data = bytearray(good)
    data[-2:] = struct.pack("<H", 3)
    refused(bytes(data) + b"hey", trust, "comment", member="zip")


def test_missing_file_is_a_bundle_error(tmp_path, trust):
    with pytest.raises(BundleError, match="cannot read|无法读取"):
        verify_bundle(tmp_path / "nope.fqbundle", public_keys=trust)


# -- names ---------------------------------------------------------------------------


def _with_extra(sk, *extra: bc.M) -> bytes:
    return bc.signed_bundle(sk, bc.simple_members(), extra=list(extra))


def test_duplicate_name(sk, trust):
    name = next(n for n in bc.simple_members() if n.startswith("photos/"))
    data = _with_extra(sk, bc.M(name, b"evil twin"))
    refused(data, trust, "duplicate member name", member=name)


def test_duplicate_differing_in_case(sk, trust):
    name = next(n for n in bc.simple_members() if n.startswith("photos/"))
    data = _with_extra(sk, bc.M(name.upper(), b"evil twin"))
    refused(data, trust, "differs only in case", member=name.upper())


@pytest.mark.parametrize(
    "a,b",
    [
        ("photos/caf\u00e9.jpg", "photos/cafe\u0301.jpg"),  # NFC vs NFD
        ("photos/\ufb01le.jpg", "photos/file.jpg"),  # NFKC: the "fi" ligature
    ],
)
def test_duplicate_after_unicode_normalisation(sk, trust, a, b):
    data = _with_extra(sk, bc.M(a, b"one", flags=0x800), bc.M(b, b"two", flags=0x800))
    err = refused(data, trust, "Unicode normalisation")
    assert err.member is not None


@pytest.mark.parametrize(
    "name,why",
    [
        ("../evil.sh", "'..'"),
        ("records/../../etc/passwd", "'..'"),
        ("/etc/passwd", "absolute"),
        ("C:/windows/evil.dll", "drive letter"),
        ("c:evil", "drive letter"),
        ("photos\\evil.jpg", "backslash"),
        ("photos/\u7167\u7247.jpg", "non-ASCII"),
        ("photos/Upper.jpg", "may only use"),
        ("photos//x.jpg", "may only use"),
        ("photos/./x.jpg", "may only use"),
    ],
)
def test_unsafe_names(sk, trust, name, why):
    flags = 0x800 if not name.isascii() else 0
    data = _with_extra(sk, bc.M(name, b"x", flags=flags))
    err = refused(data, trust, why)
    assert err.member and ("unsafe name" in err.message_en)


def test_nul_in_name(sk, trust):
    # zipfile cuts names at NUL, so the bytes are put in by hand
    data = _with_extra(sk, bc.M(b"photos/a\x00.jpg", b"x"))
    err = refused(data, trust, "NUL")
    assert "\\x00" in err.message_en


def test_symlink(sk, trust):
    data = _with_extra(sk, bc.M("photos/link.jpg", b"/etc/passwd", external_attr=0o120777 << 16))
    refused(data, trust, "symbolic link", member="photos/link.jpg")


def test_directory_entry(sk, trust):
    data = _with_extra(sk, bc.M("photos/sub", b"", external_attr=0o040755 << 16))
    refused(data, trust, "not a regular file", member="photos/sub")


def test_encrypted_entry(sk, trust):
    data = _with_extra(sk, bc.M("photos/secret.jpg", b"xxxx", flags=0x1))
    refused(data, trust, "encrypted", member="photos/secret.jpg")


@pytest.mark.parametrize("method", [12, 14, 93, 99])
def test_unsupported_compression(sk, trust, method):
    data = _with_extra(sk, bc.M("photos/odd.jpg", b"xxxx", method=method))
    refused(data, trust, f"unsupported compression method {method}", member="photos/odd.jpg")


def test_data_descriptor_refused(sk, trust):
    data = _with_extra(sk, bc.M("photos/dd.jpg", b"xxxx", flags=0x8))
    refused(data, trust, "data descriptor", member="photos/dd.jpg")


def test_other_metadata_refused(sk, trust):
    data = _with_extra(sk, bc.M("photos/perm.jpg", b"xxxx", external_attr=0o100755 << 16))
    refused(data, trust, "metadata", member="photos/perm.jpg")


def test_overlapping_entries(sk, trust):
    """A second central-directory entry whose local header sits inside another entry's data."""
    inner = bc.M("photos/inner.jpg", b"hidden payload")
    inner_local = bc.local_record(inner, inner.payload())
    carrier = bc.M("photos/carrier.jpg", b"\x00" * 16 + inner_local)
    # the carrier is the first member, so its data starts right after its local header
    carrier_data_at = bc.LOC.size + len(carrier.raw_name)
    extra_cd = bc.central_record(inner, inner.payload(), carrier_data_at + 16)
    data = bc.build_zip([carrier, bc.M("photos/z.jpg", b"z")], extra_central=extra_cd, extra_count=1)
    refused(data, trust, "overlaps entry photos/carrier.jpg", member="photos/inner.jpg")


def test_entry_sharing_a_local_header(sk, trust):
    one = bc.M("photos/a.jpg", b"aaaa")
    data = bc.build_zip(
        [one], extra_central=bc.central_record(bc.M("photos/b.jpg", b"aaaa"), b"aaaa", 0), extra_count=1
    )
    err = refused(data, trust, "photos/")
    assert "local header" in err.message_en or "overlaps" in err.message_en


def test_too_many_entries(sk, trust, good):
    refused(good, trust, "too many entries", member="zip", limits=Limits(max_entries=3))


def test_total_size_over_limit(good, trust):
    refused(good, trust, "total uncompressed size", member="zip", limits=Limits(max_total_size=100))


def test_member_over_size_limit(good, trust):
    refused(good, trust, "entry too large", limits=Limits(max_member_size=50))


def test_compression_ratio_zip_bomb(sk, trust):
    bomb = bc.M("photos/bomb.jpg", b"\x00" * (4 * 1024 * 1024), method=8)
    data = _with_extra(sk, bomb)
    assert len(data) < 20_000
    refused(data, trust, "compression ratio", member="photos/bomb.jpg")


def test_deflate_that_lies_about_its_size(sk, trust):
    """Declared (and listed) as 10 bytes, inflates to more: reading stops and refuses."""
    members = bc.simple_members()
    rec_name = next(n for n in members if n.startswith("records/"))
    m = bc.manifest_for(members, sk)
    next(e for e in m["members"] if e["name"] == rec_name)["size"] = 10
    mb = rfc8785.dumps(m)
    zm = [bc.M(n, d, method=8, size=10) if n == rec_name else bc.M(n, d) for n, d in members.items()]
    zm += [bc.M(spec.MANIFEST, mb), bc.M(spec.SIGNATURE, bc.sign(sk, mb, m))]
    refused(bc.build_zip(zm), trust, "more than its declared size", member=rec_name)


# -- the signature -------------------------------------------------------------------


def test_missing_signature(sk, trust):
    members = bc.simple_members()
    m = bc.manifest_for(members, sk)
    data = bc.build_zip([bc.M(n, d) for n, d in members.items()] + [bc.M(spec.MANIFEST, rfc8785.dumps(m))])
    refused(data, trust, "missing from the bundle", member=spec.SIGNATURE)


def test_missing_manifest(sk, trust):
    members = bc.simple_members()
    data = bc.build_zip([bc.M(n, d) for n, d in members.items()] + [bc.M(spec.SIGNATURE, b"x")])
    refused(data, trust, "missing from the bundle", member=spec.MANIFEST)


def test_untrusted_key_is_named(good, sk):
    other = SecretKey.generate()
    err = refused(good, {other.key_id: other.public}, "not trusted", member=spec.SIGNATURE)
    assert sk.key_id in err.message and sk.key_id in err.message_en


def test_no_trusted_keys_given(good):
    refused(good, None, "no trusted public keys", member=spec.SIGNATURE)


def test_signature_checked_before_the_manifest_is_parsed(sk, trust):
    """Garbage manifest bytes with a signature over other bytes: the refusal is the signature."""
    members = bc.simple_members()
    m = bc.manifest_for(members, sk)
    sig = bc.sign(sk, rfc8785.dumps(m), m)
    zm = [bc.M(n, d) for n, d in members.items()]
    zm += [bc.M(spec.MANIFEST, b'{"a": NaN, "a": 1'), bc.M(spec.SIGNATURE, sig)]
    refused(bc.build_zip(zm), trust, "does not verify manifest.json", member=spec.SIGNATURE)


def test_malformed_signature_file(sk, trust):
    members = bc.simple_members()
    m = bc.manifest_for(members, sk)
    zm = [bc.M(n, d) for n, d in members.items()]
    zm += [bc.M(spec.MANIFEST, rfc8785.dumps(m)), bc.M(spec.SIGNATURE, b"untrusted comment: x\nnot base64\n")]
    refused(bc.build_zip(zm), trust, "malformed signature", member=spec.SIGNATURE)


def test_signature_by_a_trusted_key_over_another_bundle(sk, trust):
    """A valid signature lifted from another bundle does not verify this manifest."""
    a = bc.manifest_for(bc.simple_members(), sk)
    members = bc.simple_members(b"other photo")
    b = bc.manifest_for(members, sk)
    zm = [bc.M(n, d) for n, d in members.items()]
    zm += [bc.M(spec.MANIFEST, rfc8785.dumps(b)), bc.M(spec.SIGNATURE, bc.sign(sk, rfc8785.dumps(a), b))]
    refused(bc.build_zip(zm), trust, "does not verify", member=spec.SIGNATURE)


# -- the manifest (validly signed, so these reach the parser) -------------------------


def _signed_manifest(sk, members, manifest_bytes: bytes) -> bytes:
    zm = [bc.M(n, d) for n, d in members.items()]
    m = bc.manifest_for(members, sk)
    zm += [bc.M(spec.MANIFEST, manifest_bytes), bc.M(spec.SIGNATURE, bc.sign(sk, manifest_bytes, m))]
    return bc.build_zip(zm)


def test_manifest_duplicate_keys(sk, trust):
    members = bc.simple_members()
    text = rfc8785.dumps(bc.manifest_for(members, sk))
    bad = text[:-1] + b',"sequence":2}'
    refused(_signed_manifest(sk, members, bad), trust, "duplicate key 'sequence'", member=spec.MANIFEST)


@pytest.mark.parametrize("const", [b"NaN", b"Infinity", b"-Infinity"])
def test_manifest_nan(sk, trust, const):
    members = bc.simple_members()
    text = rfc8785.dumps(bc.manifest_for(members, sk))
    bad = text[:-1] + b',"x":' + const + b"}"
    refused(_signed_manifest(sk, members, bad), trust, "is not allowed", member=spec.MANIFEST)


def test_manifest_nesting(sk, trust):
    members = bc.simple_members()
    m = bc.manifest_for(members, sk)
    deep: object = 1
    for _ in range(40):
        deep = [deep]
    m["x"] = deep
    refused(_signed_manifest(sk, members, rfc8785.dumps(m)), trust, "nesting deeper", member=spec.MANIFEST)


def test_manifest_extreme_nesting_is_still_a_bundle_error(sk, trust):
    members = bc.simple_members()
    bad = b'{"x":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    refused(_signed_manifest(sk, members, bad), trust, "nesting", member=spec.MANIFEST)


def test_manifest_oversized(sk, trust):
    members = bc.simple_members()
    m = bc.manifest_for(members, sk)
    m["padding"] = "x" * 5000
    refused(_signed_manifest(sk, members, rfc8785.dumps(m)), trust, "too large", limits=Limits(max_json_size=4000))


def test_future_format_version(sk, trust):
    members = bc.simple_members()
    m = bc.manifest_for(members, sk)
    m["format_version"] = 2
    err = refused(
        _signed_manifest(sk, members, rfc8785.dumps(m)), trust, "newer than the supported", member="format_version"
    )
    assert "升级" in err.message


def test_wrong_format(sk, trust):
    members = bc.simple_members()
    m = bc.manifest_for(members, sk)
    m["format"] = "something.else"
    refused(
        _signed_manifest(sk, members, rfc8785.dumps(m)), trust, "is not fengqiao.bundle", member="manifest.json: format"
    )


@pytest.mark.parametrize(
    "field,value,problem",
    [
        ("bundle_id", None, "must be a string"),
        ("bundle_id", "not-a-uuid", "malformed"),
        ("sequence", 0, "at least 1"),
        ("sequence", True, "integer"),
        ("sequence", 1.5, "integer"),
        ("created_at", "yesterday", "malformed"),
        ("previous_manifest_sha256", "ab" * 32, "null exactly when sequence is 1"),
        ("members", {}, "array"),
    ],
)
def test_manifest_field_problems_are_named(sk, trust, field, value, problem):
    members = bc.simple_members()
    m = bc.manifest_for(members, sk)
    m[field] = value
    refused(_signed_manifest(sk, members, rfc8785.dumps(m)), trust, problem, member=field)


def test_manifest_missing_field(sk, trust):
    members = bc.simple_members()
    m = bc.manifest_for(members, sk)
    del m["device_id"]
    refused(_signed_manifest(sk, members, rfc8785.dumps(m)), trust, "required field is missing", member="device_id")


def test_manifest_not_canonical(sk, trust):
    members = bc.simple_members()
    import json

    text = json.dumps(bc.manifest_for(members, sk), indent=1).encode()
    refused(_signed_manifest(sk, members, text), trust, "not canonical", member=spec.MANIFEST)


def test_manifest_key_id_differs_from_signer(sk, trust):
    members = bc.simple_members()
    m = bc.manifest_for(members, sk)
    m["inspector"]["key_id"] = "0" * 16
    refused(
        _signed_manifest(sk, members, rfc8785.dumps(m)),
        trust,
        "differs from the signing key",
        member="inspector.key_id",
    )


# -- the members ---------------------------------------------------------------------


def test_member_not_in_manifest(sk, trust):
    data = _with_extra(sk, bc.M("photos/" + "c" * 64 + ".jpg", b"smuggled"))
    refused(data, trust, "not listed in the manifest", member="photos/" + "c" * 64 + ".jpg")


def test_manifest_member_missing(sk, trust):
    members = bc.simple_members()
    photo = next(n for n in members if n.startswith("photos/"))
    refused(bc.signed_bundle(sk, members, omit=(photo,)), trust, "missing from the bundle", member=photo)


def test_member_size_differs(sk, trust):
    members = bc.simple_members()
    m = bc.manifest_for(members, sk)
    photo = next(n for n in members if n.startswith("photos/"))
    members[photo] += b"!"
    refused(bc.signed_bundle(sk, members, manifest=m), trust, "size differs", member=photo)


def test_member_content_differs(sk, trust):
    members = bc.simple_members()
    m = bc.manifest_for(members, sk)
    photo = next(n for n in members if n.startswith("photos/"))
    members[photo] = members[photo][:-1] + b"X"
    refused(bc.signed_bundle(sk, members, manifest=m), trust, "sha256 differs", member=photo)


def _record_bundle(sk, rec: dict, text: bytes | None = None, photo: bytes = b"\xff\xd8p") -> tuple[bytes, str]:
    name = spec.record_member(rec["id"], rec["revision"])
    members = {
        name: text if text is not None else rfc8785.dumps(rec),
        spec.photo_member(hashlib.sha256(photo).hexdigest()): photo,
    }
    m = bc.manifest_for(members, sk)
    m["inspections"][0]["station_code"] = "620102001001"
    return bc.signed_bundle(sk, members, manifest=m), name


def test_record_duplicate_keys(sk, trust):
    rec = bc.record(photos=[bc.photo_entry(b"\xff\xd8p")])
    text = rfc8785.dumps(rec)[:-1] + b',"status":"draft"}'
    data, name = _record_bundle(sk, rec, text)
    refused(data, trust, "duplicate key 'status'", member=name)


def test_record_nan(sk, trust):
    rec = bc.record(photos=[bc.photo_entry(b"\xff\xd8p")])
    text = rfc8785.dumps(rec).replace(b'"total":5', b'"total":NaN')
    data, name = _record_bundle(sk, rec, text)
    refused(data, trust, "NaN is not allowed", member=name)


@pytest.mark.parametrize(
    ("where", "member_path"),
    [("note", "answers.i1.note"), ("findings", "findings[0].description")],
)
def test_record_with_a_nul_character_names_the_field(sk, trust, where, member_path):
    rec = bc.record(photos=[bc.photo_entry(b"\xff\xd8p")])
    if where == "note":
        rec["answers"]["i1"] = {"value": 1, "note": "before\x00after", "na": False}
    else:
        rec["findings"] = [{"id": "f1", "description": "\x00"}]
    data, name = _record_bundle(sk, rec)
    refused(data, trust, "NUL character", member=f"{name}: {member_path}")


def test_record_with_an_escaped_backslash_u0000_text_is_accepted(sk, trust):
    rec = bc.record(photos=[bc.photo_entry(b"\xff\xd8p")])
    rec["findings"] = [{"id": "f1", "description": "a path C:\\u0000 is only text"}]
    data, _name = _record_bundle(sk, rec)
    [record] = verify_bundle(data, public_keys=trust).records.values()
    assert record["findings"][0]["description"] == "a path C:\\u0000 is only text"


def test_record_future_version(sk, trust):
    rec = bc.record(photos=[bc.photo_entry(b"\xff\xd8p")])
    rec["format_version"] = 7
    data, name = _record_bundle(sk, rec)
    refused(data, trust, "newer than the supported", member=name)


def test_record_refers_to_missing_photo(sk, trust):
    photo = b"\xff\xd8p"
    rec = bc.record(photos=[bc.photo_entry(photo), bc.photo_entry(b"not in the bundle")])
    data, name = _record_bundle(sk, rec, photo=photo)
    refused(data, trust, "not in the bundle", member=f"{name}: photos[1].member")


def test_record_differs_from_manifest_listing(sk, trust):
    rec = bc.record(photos=[bc.photo_entry(b"\xff\xd8p")])
    rec["station_code"] = "620103000000"
    data, name = _record_bundle(sk, rec)
    refused(data, trust, "differs from the manifest", member=f"{name}: station_code")


def test_deflated_json_members_are_accepted(sk, trust):
    data = bc.signed_bundle(sk, bc.simple_members(), json_method=8)
    assert len(verify_bundle(data, public_keys=trust).records) == 1


def test_only_bundle_errors_escape_random_damage(sk, trust):
    good = bc.signed_bundle(sk, bc.simple_members(), json_method=8)
    rnd = random.Random(7)
    for _ in range(300):
        data = bytearray(good)
        for _ in range(rnd.randint(1, 8)):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
        if rnd.random() < 0.2:
            data = data[: rnd.randrange(len(data))]
        try:
            verify_bundle(bytes(data), public_keys=trust)
        except BundleError:
            pass


def test_crc_mismatch_is_named(sk, trust):
    members = bc.simple_members()
    photo = next(n for n in members if n.startswith("photos/"))
    data = bytearray(bc.signed_bundle(sk, members))
    # patch the CRC in both headers so only the content check can notice
    crc = zlib.crc32(members[photo])
    wrong = struct.pack("<I", crc ^ 1)
    right = struct.pack("<I", crc)
    assert data.count(right) == 2
    data = bytearray(bytes(data).replace(right, wrong))
    refused(bytes(data), trust, "CRC", member=photo)
    assert hashlib.sha256(members[photo]).hexdigest() in photo


def test_deflated_photo_refused(sk, trust):
    members = bc.simple_members(b"\xff\xd8" + b"photo bytes " * 20)
    zm = [bc.M(n, d, method=8 if n.startswith("photos/") else 0) for n, d in sorted(members.items())]
    m = bc.manifest_for(members, sk)
    mb = rfc8785.dumps(m)
    zm += [bc.M(spec.MANIFEST, mb), bc.M(spec.SIGNATURE, bc.sign(sk, mb, m))]
    photo = next(n for n in members if n.startswith("photos/"))
    refused(bc.build_zip(zm), trust, "must be stored", member=photo)
