"""Photo notes: stored JPEG oriented and scaled, thumbnails, hashes, refusals that store nothing."""

from __future__ import annotations

import hashlib
import io
import threading

import pytest
from PIL import Image
from svc_helpers import VILLAGE, jpeg_bytes

from fengqiao_desktop.errors import InspectionError, PhotoError


def _files(store):
    root = store.photo_store.root
    return sorted(p.name for p in root.rglob("*.jpg")) if root.exists() else []


def _gate(store):
    return store.inspections.create(VILLAGE, "five-haves")


def test_exif_rotation_is_applied_and_the_long_edge_scaled(store, tmp_path):
    src = tmp_path / "rotated.jpg"
    src.write_bytes(jpeg_bytes(size=(4000, 3000), orientation=6))  # camera held upright
    store.settings.photo_long_edge = 1600
    iid = _gate(store)
    photo = store.photos.add_photo(iid, src, "jigou", "机构牌子")
    assert (photo.width, photo.height) == (1200, 1600)  # portrait after rotation
    assert photo.original_sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    stored = store.photo_store.read(photo.sha256)
    assert hashlib.sha256(stored).hexdigest() == photo.sha256
    with Image.open(io.BytesIO(stored)) as img:
        assert img.format == "JPEG" and img.size == (1200, 1600)
        assert img.getexif().get(0x0112) in (None, 1)
        # the white marker of the top-left corner is now in the top-right corner
        assert img.getpixel((img.width - 10, 10))[0] > 200 and img.getpixel((10, 10))[0] < 100
    with Image.open(io.BytesIO(store.photo_store.read(photo.thumbnail_sha256))) as th:
        assert max(th.size) == 320
    assert photo.captured_at is not None and photo.captured_at.year == 2026
    assert store.photos.photo_counts(iid) == {"jigou": 1}


@pytest.mark.parametrize(
    "content", [b"", b"not an image at all", jpeg_bytes()[:3000]], ids=["empty", "text", "truncated"]
)
def test_a_bad_file_is_refused_and_nothing_is_stored(store, tmp_path, content):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(content)
    iid = _gate(store)
    with pytest.raises(PhotoError) as info:
        store.photos.add_photo(iid, bad, "jigou")
    assert "bad.jpg" in info.value.message
    assert _files(store) == [] and store.photos.list(iid) == []


def test_ingest_runs_on_a_worker_thread_then_attaches(store, photo_file):
    src = photo_file()
    out = {}
    t = threading.Thread(target=lambda: out.setdefault("r", store.photo_store.ingest(src)))
    t.start()
    t.join()
    iid = _gate(store)
    view = store.photos.attach(iid, out["r"], "renyuan", "花名册")
    assert view.caption == "花名册" and store.photo_store.exists(view.sha256)


def test_caption_link_and_removal(store, photo_file):
    iid = _gate(store)
    p1 = store.photos.add_photo(iid, photo_file("a.jpg"), "jigou")
    p2 = store.photos.add_photo(iid, photo_file("a.jpg"), "jigou")  # same content twice
    assert p1.sha256 == p2.sha256
    store.photos.set_caption(p1.id, "门牌")
    store.photos.link_item(p2.id, "baozhang")
    assert store.photos.photo_counts(iid) == {"jigou": 1, "baozhang": 1}
    with pytest.raises(InspectionError):
        store.photos.link_item(p2.id, "no-such-item")
    store.photos.remove_photo(p1.id)
    assert store.photo_store.exists(p2.sha256)  # still used by the other note
    store.photos.remove_photo(p2.id)
    assert _files(store) == []


def test_a_png_with_transparency_is_stored_as_jpeg(store, tmp_path):
    src = tmp_path / "scan.png"
    Image.new("RGBA", (900, 300), (200, 0, 0, 128)).save(src)
    photo = store.photos.add_photo(_gate(store), src, "jingfei", "预算表扫描件")
    with Image.open(io.BytesIO(store.photo_store.read(photo.sha256))) as img:
        assert img.format == "JPEG" and img.mode == "RGB" and img.size == (900, 300)


@pytest.mark.parametrize(
    "gps, expected",
    [
        ({1: "N", 2: (36.0, 3.0, 40.0), 3: "E", 4: (103.0, 50.0, 3.0)}, (36.061111, 103.834167)),
        ({1: "S", 2: (33.0, 52.0, 4.0), 3: "W", 4: (151.0, 12.0, 36.0)}, (-33.867778, -151.21)),
        ({1: "N", 2: (36.0, 3.0, 40.0)}, (None, None)),  # no longitude: no position
        ({1: "N", 2: (95.0, 0.0, 0.0), 3: "E", 4: (10.0, 0.0, 0.0)}, (None, None)),  # not on Earth
    ],
)
def test_the_gps_position_of_a_photo_is_kept(store, tmp_path, gps, expected):
    """A camera's EXIF GPS block becomes the photo's latitude and longitude (south and west
    negative); a block without a usable position leaves them empty and the photo is kept."""
    img = Image.new("RGB", (640, 480), (40, 120, 60))
    exif = Image.Exif()
    exif[0x8825] = gps
    path = tmp_path / "gps.jpg"
    img.save(path, "JPEG", exif=exif)
    iid = _gate(store)
    view = store.photos.add_photo(iid, path, None)
    assert (view.latitude, view.longitude) == expected
    assert (store.photos.list(iid)[0].latitude, store.photos.list(iid)[0].longitude) == expected
