"""Clear limits on photos: memory bounded by the decoded size, data that must match its header.

Through the service an inspector's "add photo" uses; the memory figures come from a
child process's peak resident size (Pillow allocates outside Python's allocator).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zlib

import pytest
from PIL import Image
from svc_helpers import VILLAGE

from fengqiao_desktop.errors import PhotoError


def _fake_big_jpeg(edge: int = 9400) -> bytes:
    """A real 16×16 JPEG whose header claims edge × edge pixels (a few hundred bytes)."""
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 30, 30)).save(buf, "JPEG", quality=50)
    data = bytearray(buf.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = edge.to_bytes(2, "big") * 2
    return bytes(data)


def _palette_bomb(edge: int = 9400) -> bytes:
    """A 1-bit palette PNG of edge × edge, all one colour: a few kilobytes."""
    buf = io.BytesIO()
    Image.new("1", (8, 8)).convert("P").save(buf, "PNG")  # borrow a valid header layout
    raw = zlib.compress(b"\x00" * (edge * ((edge + 7) // 8) + edge), 9)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    ihdr = edge.to_bytes(4, "big") * 2 + bytes([1, 3, 0, 0, 0])  # 1 bit, palette
    plte = b"\x10\x60\x30" + b"\xff\xff\xff"
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"PLTE", plte) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    )


def _files(store):
    root = store.photo_store.root
    return sorted(p.name for p in root.rglob("*.jpg")) if root.exists() else []


def _add(store, tmp_path, name: str, data: bytes):
    src = tmp_path / name
    src.write_bytes(data)
    iid = store.inspections.create(VILLAGE, "five-haves")
    return store.photos.add_photo(iid, src, "jigou")


def test_a_tiny_jpeg_claiming_9400_square_is_refused_not_grey(store, tmp_path):
    data = _fake_big_jpeg()
    assert len(data) < 1000
    with Image.open(io.BytesIO(data)) as img:
        assert img.size == (9400, 9400)  # what the header claims
    with pytest.raises(PhotoError) as info:
        _add(store, tmp_path, "claims-big.jpg", data)
    assert "尺寸过大（9400×9400" in info.value.message
    assert _files(store) == []


def test_a_tiny_jpeg_claiming_a_size_under_the_limit_is_damaged_not_grey(store, tmp_path):
    data = _fake_big_jpeg(8000)  # 64 megapixels: allowed, but the data cannot hold it
    with pytest.raises(PhotoError) as info:
        _add(store, tmp_path, "claims-big.jpg", data)
    err = info.value
    assert err.message.startswith("图片 claims-big.jpg 已损坏或不完整") and "8000×8000" in err.message
    assert "cannot hold a 8000×8000 picture" in err.user_message("en")
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in err.user_message("en"))
    assert _files(store) == []


def test_a_palette_png_bomb_is_refused_with_a_clear_message(store, tmp_path):
    data = _palette_bomb()
    assert len(data) < 20_000
    with pytest.raises(PhotoError) as info:
        _add(store, tmp_path, "bomb.png", data)
    assert "尺寸过大（9400×9400" in info.value.message and "上限 80 百万像素" in info.value.message
    assert "too large (9400×9400" in info.value.user_message("en")
    assert _files(store) == []


_PEAK = """
import json, resource, sys
from fengqiao_desktop.errors import PhotoError
from fengqiao_desktop.storage.photostore import prepare
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    prepare(data, "x")
    outcome = "stored"
except PhotoError as exc:
    outcome = exc.message
print(json.dumps([outcome, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024]))
"""


@pytest.mark.parametrize(
    "maker",
    [_palette_bomb, _fake_big_jpeg, lambda: _fake_big_jpeg(8000)],
    ids=["palette-png", "fake-jpeg", "fake-jpeg-under-limit"],
)
def test_hostile_images_cost_no_memory_to_refuse(tmp_path, maker):
    src = tmp_path / "hostile"
    src.write_bytes(maker())
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, str(src)], capture_output=True, text=True, check=True, timeout=120
    )
    outcome, growth_mb = json.loads(out.stdout)
    assert outcome != "stored"
    assert growth_mb < 50, f"peak resident memory grew by {growth_mb} MB"


def test_a_palette_png_under_the_limit_becomes_a_true_colour_jpeg(store, tmp_path):
    img = Image.new("P", (3000, 2000))
    img.putpalette([16, 96, 48] + [255, 255, 255] * 255)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    store.settings.photo_long_edge = 1500
    photo = _add(store, tmp_path, "plan.png", buf.getvalue())
    with Image.open(io.BytesIO(store.photo_store.read(photo.sha256))) as out:
        assert out.mode == "RGB" and out.size == (1500, 1000)
        r, g, b = out.getpixel((750, 500))
        assert abs(r - 16) < 8 and abs(g - 96) < 8 and abs(b - 48) < 8


def test_a_truncated_png_is_refused(store, tmp_path):
    buf = io.BytesIO()
    Image.effect_noise((800, 600), 64).convert("RGB").save(buf, "PNG")
    with pytest.raises(PhotoError) as info:
        _add(store, tmp_path, "cut.png", buf.getvalue()[: len(buf.getvalue()) // 2])
    assert "已损坏或不完整" in info.value.message
    assert _files(store) == []
