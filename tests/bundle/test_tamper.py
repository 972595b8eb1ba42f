"""A byte changed anywhere in a bundle the app wrote is refused, naming the member or the zip."""

from __future__ import annotations

import struct

import bundlecraft as bc
import pytest

from fengqiao_desktop.bundle import spec, verify_bundle
from fengqiao_desktop.bundle.writer import write_bundle
from fengqiao_desktop.errors import BundleError


def _layout(data: bytes) -> dict[str, tuple[int, int]]:
    """member name -> (data start, data end), read from the central directory."""
    eocd = data[-22:]
    _, _, _, _, n, cd_size, cd_off, _ = struct.unpack("<4sHHHHIIH", eocd)
    out, pos = {}, cd_off
    for _ in range(n):
        f = bc.CEN.unpack_from(data, pos)
        name = data[pos + 46 : pos + 46 + f[10]].decode()
        off = f[16]
        nl, el = struct.unpack_from("<HH", data, off + 26)
        start = off + 30 + nl + el
        out[name] = (start, start + f[8])
        pos += 46 + f[10] + f[11] + f[12]
    out["<central directory>"] = (cd_off, cd_off + cd_size)
    out["<end record>"] = (len(data) - 22, len(data))
    return out


@pytest.fixture
def small_bundle(tmp_path, sk) -> bytes:
    photos = {}
    for i, body in enumerate((b"\xff\xd8first\xff\xd9", b"\xff\xd8second\xff\xd9")):
        p = tmp_path / f"{i}.jpg"
        p.write_bytes(body)
        photos[bc.photo_entry(body)["sha256"]] = p
    rec = bc.record(key_id=sk.key_id, photos=[bc.photo_entry(p.read_bytes()) for p in photos.values()])
    out = tmp_path / "out"
    out.mkdir()
    path = write_bundle(
        out,
        records=[rec],
        read_photo=lambda sha: photos[sha].read_bytes(),
        inspector={"name": "张三", "unit": "城关区", "phone": ""},
        device_id="laptop-1",
        sequence=1,
        previous_manifest_sha256=None,
        secret_key=sk,
    )
    return path.read_bytes()


def test_every_single_byte_flip_is_refused(small_bundle, trust):
    """Exhaustive: flip the low bit of each byte in turn; every one is refused."""
    verify_bundle(small_bundle, public_keys=trust)
    layout = _layout(small_bundle)
    missed = []
    for i in range(len(small_bundle)):
        data = bytearray(small_bundle)
        data[i] ^= 0x01
        try:
            verify_bundle(bytes(data), public_keys=trust)
        except BundleError as exc:
            assert exc.member, (i, exc.message_en)
            inside = [n for n, (a, b) in layout.items() if a <= i < b and not n.startswith("<")]
            # inside a member's data, the refusal names that member (the signature
            # and manifest are checked together, so either name may come up)
            if inside and inside[0] not in (spec.MANIFEST, spec.SIGNATURE):
                assert inside[0] in exc.message_en, (i, inside, exc.message_en)
            elif inside:
                assert spec.MANIFEST in exc.message_en, (i, exc.message_en)
        else:
            missed.append(i)
    assert missed == []


@pytest.mark.parametrize("where", ["photo", "record", "manifest", "signature", "<central directory>", "<end record>"])
def test_flips_in_each_part_name_the_part(bundle_path, trust, where):
    """On a realistic bundle: a few whole-byte changes in each part, each named."""
    good = bundle_path.read_bytes()
    layout = _layout(good)
    if where == "photo":
        name = max((n for n in layout if n.startswith("photos/")), key=lambda n: layout[n][1] - layout[n][0])
    elif where == "record":
        name = next(n for n in layout if n.startswith("records/"))
    elif where == "manifest":
        name = spec.MANIFEST
    elif where == "signature":
        name = spec.SIGNATURE
    else:
        name = where
    a, b = layout[name]
    for off in sorted({a, (a + b) // 2, b - 1}):
        data = bytearray(good)
        data[off] ^= 0xFF
        with pytest.raises(BundleError) as info:
            verify_bundle(bytes(data), public_keys=trust)
        msg = info.value.message_en
        if name.startswith("<"):
            assert info.value.member, msg
        else:
            expected = spec.MANIFEST if name == spec.SIGNATURE else name
            assert expected in msg, (off, msg)
