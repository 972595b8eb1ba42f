"""Content-addressed photo files: ``<photos>/<aa>/<sha256>.jpg``, or ``.age`` when sealed.

With a ``PhotoCipher`` (``storage/photocipher.py``) new photos are stored sealed as
``<aa>/<sha256>.age``; the name is still the sha256 of the plain JPEG, so records
and bundles do not change. ``read`` gives the plain bytes of either form, and
``seal_existing`` turns a plain file into its sealed form (crash-safe: the sealed
file is written and made durable before the plain one goes). Consumers read photos
through the store, never by path.

``ingest`` turns any image file into the stored form: EXIF orientation applied,
long edge scaled down to a setting, saved as JPEG, plus a small thumbnail
(content-addressed the same way). The sha256 of the original file bytes is
recorded too. It reads and writes only files, takes plain paths and returns
plain data, so it may run on a worker thread. A file that is not an image, or
is truncated or corrupt, raises :class:`PhotoError` before anything is written.

Memory is bounded by the decoded size, checked before decoding: the declared
width × height against ``MAX_PIXELS``, and the bytes the decoder and the colour
conversion will hold against ``MAX_DECODED_BYTES`` (a JPEG is decoded in draft
mode, already scaled down). A file whose data cannot hold the picture its header
claims (a few hundred bytes "of" 9400 × 9400 pixels) is refused, not turned into
a grey photo: truncated data is an error (``LOAD_TRUNCATED_IMAGES`` off), and a
JPEG needs at least one bit per 8 × 8 block of its declared size.

Pillow is imported by ``prepare`` when a photo is first added, not with the store:
opening the store (on the way to the station tree at start-up) does not wait for it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fengqiao_desktop.errors import PhotoError
from fengqiao_desktop.fsutil import fsync_dir, write_atomic
from fengqiao_desktop.storage.db import disk_full_error, is_disk_full
from fengqiao_desktop.storage.photocipher import PhotoCipher

if TYPE_CHECKING:
    from PIL import Image

DEFAULT_LONG_EDGE = 2560
DEFAULT_QUALITY = 88
DEFAULT_THUMB_EDGE = 320
MAX_PIXELS = 80_000_000  # declared size: above any phone or camera the inspectors use
MAX_DECODED_BYTES = 512 * 1024 * 1024  # what decoding and the colour conversion may hold

PLAIN, SEALED = ".jpg", ".age"
_JPEG_FORMATS = ("JPEG", "MPO")  # MPO: a phone's multi-picture JPEG, decoded the same way

# bytes per pixel of a decoded image, by mode (modes not listed count as 4)
_MODE_BYTES = {
    "1": 1,
    "L": 1,
    "P": 1,
    "LA": 2,
    "PA": 2,
    "La": 2,
    "RGB": 3,
    "YCbCr": 3,
    "LAB": 3,
    "HSV": 3,
    "I;16": 2,
    "I;16B": 2,
    "I;16L": 2,
}

_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 36867
_DATETIME = 306
_GPS_IFD = 0x8825


@dataclass(frozen=True)
class IngestedPhoto:
    """A stored photo (plain data; safe to pass between threads)."""

    sha256: str  # of the stored JPEG bytes
    original_sha256: str  # of the file as offered
    original_name: str
    width: int
    height: int
    size: int  # stored bytes
    thumbnail_sha256: str
    captured_at: dt.datetime | None
    # files this ingest wrote (not there before): removed again if the caller gives up
    new_files: tuple[str, ...] = ()
    # the EXIF GPS position (WGS 84 degrees, south and west negative), if the camera wrote one
    latitude: float | None = None
    longitude: float | None = None


class PhotoStore:
    """The folder of stored JPEGs and thumbnails, sealed when a cipher is given."""

    def __init__(self, root: str | os.PathLike, cipher: PhotoCipher | None = None):
        self.root = Path(root)
        self.cipher = cipher

    def _file(self, sha256: str, suffix: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}{suffix}"

    def exists(self, sha256: str) -> bool:
        return self._file(sha256, SEALED).is_file() or self._file(sha256, PLAIN).is_file()

    def read(self, sha256: str) -> bytes:
        """The plain JPEG bytes (PhotoError when missing, damaged or sealed under another key)."""
        sealed = self._file(sha256, SEALED)
        try:
            if sealed.is_file():
                if self.cipher is None:
                    raise PhotoError(
                        "照片已加密，需先解锁才能查看",
                        message_en="The photo is encrypted: unlock it first to see it",
                    )
                return self.cipher.open(sealed.read_bytes())
            return self._file(sha256, PLAIN).read_bytes()
        except FileNotFoundError:
            raise PhotoError(
                f"照片文件缺失（{sha256[:12]}…）", message_en=f"The photo file is missing ({sha256[:12]}…)"
            ) from None
        except OSError as exc:
            raise PhotoError(
                f"无法读取照片文件（{sha256[:12]}…）：{exc.strerror or exc}",
                message_en=f"Cannot read the photo file ({sha256[:12]}…): {exc.strerror or exc}",
            ) from None

    def remove(self, sha256: str) -> None:
        for suffix in (SEALED, PLAIN):
            self._file(sha256, suffix).unlink(missing_ok=True)

    def iter_shas(self) -> Iterator[str]:
        """The sha256 of every stored photo and thumbnail, plain or sealed (each once, sorted)."""
        if not self.root.is_dir():
            return
        for folder in sorted(p for p in self.root.iterdir() if p.is_dir() and len(p.name) == 2):
            names = {f.stem for f in folder.iterdir() if f.suffix in (PLAIN, SEALED) and _is_sha(f.stem)}
            yield from sorted(names)

    def seal_existing(self, sha256: str) -> bool:
        """Turn the plain file of ``sha256`` into its sealed form; False when there is no plain file.

        The sealed file is written atomically and made durable (file and folder) before the
        plain one is removed: after a crash both may exist, either is good, and the next call
        finishes the job."""
        if self.cipher is None:
            raise PhotoError("没有加密密钥，无法加密照片", message_en="No encryption key to seal the photo with")
        plain, sealed = self._file(sha256, PLAIN), self._file(sha256, SEALED)
        if not plain.is_file():
            return False
        if not sealed.is_file():
            self._write(sealed, self.cipher.seal(self.read(sha256)))
            fsync_dir(sealed.parent)
        plain.unlink(missing_ok=True)
        return True

    def _write(self, target: Path, data: bytes) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            write_atomic(target, data, prefix=".in-")
        except OSError as exc:
            if is_disk_full(exc):
                raise disk_full_error(target.parent) from exc
            raise PhotoError(
                f"照片无法保存到 {target.parent}：{exc.strerror or exc}",
                message_en=f"Cannot save the photo in {target.parent}: {exc.strerror or exc}",
            ) from exc

    def _put(self, data: bytes) -> tuple[str, bool]:
        sha = hashlib.sha256(data).hexdigest()
        plain = self._file(sha, PLAIN)
        if self.cipher is None:
            if plain.is_file() and plain.stat().st_size == len(data):
                return sha, False
            self._write(plain, data)
            return sha, True
        if self._file(sha, SEALED).is_file():
            return sha, False
        if plain.is_file() and plain.stat().st_size == len(data):
            self.seal_existing(sha)  # stored before the cipher: kept (it is not new), now sealed
            return sha, False
        self._write(self._file(sha, SEALED), self.cipher.seal(data))
        return sha, True

    def ingest(
        self,
        path: str | os.PathLike,
        *,
        long_edge: int = DEFAULT_LONG_EDGE,
        quality: int = DEFAULT_QUALITY,
        thumb_edge: int = DEFAULT_THUMB_EDGE,
    ) -> IngestedPhoto:
        src = Path(path)
        original = _read(src)
        stored, thumb, width, height, captured, position = prepare(
            original, src.name, long_edge=long_edge, quality=quality, thumb_edge=thumb_edge
        )
        sha, new_main = self._put(stored)
        try:
            thumb_sha, new_thumb = self._put(thumb)
        except PhotoError:
            if new_main:
                self.remove(sha)
            raise
        new = tuple(s for s, is_new in ((sha, new_main), (thumb_sha, new_thumb)) if is_new)
        return IngestedPhoto(
            sha256=sha,
            original_sha256=hashlib.sha256(original).hexdigest(),
            original_name=src.name,
            width=width,
            height=height,
            size=len(stored),
            thumbnail_sha256=thumb_sha,
            captured_at=captured,
            new_files=new,
            latitude=position[0] if position else None,
            longitude=position[1] if position else None,
        )


def _is_sha(name: str) -> bool:
    return len(name) == 64 and all(c in "0123456789abcdef" for c in name)


def _read(src: Path) -> bytes:
    try:
        data = src.read_bytes()
    except FileNotFoundError:
        raise PhotoError(f"找不到照片文件：{src}", message_en=f"Photo file not found: {src}") from None
    except IsADirectoryError:
        raise PhotoError(f"{src} 是文件夹，不是照片", message_en=f"{src} is a folder, not a photo") from None
    except OSError as exc:
        raise PhotoError(
            f"无法读取照片文件 {src.name}：{exc.strerror or exc}",
            message_en=f"Cannot read the photo file {src.name}: {exc.strerror or exc}",
        ) from None
    if not data:
        raise PhotoError(f"照片文件 {src.name} 是空的", message_en=f"The photo file {src.name} is empty")
    return data


def _not_an_image(name: str) -> PhotoError:
    return PhotoError(
        f"{name} 不是可识别的图片文件（支持 JPEG、PNG 等常见格式）",
        message_en=f"{name} is not an image file this program can read (JPEG, PNG, ...)",
    )


def _damaged(name: str, detail: str, detail_en: str | None = None) -> PhotoError:
    return PhotoError(
        f"图片 {name} 已损坏或不完整，无法使用（{detail}）；请重新拷贝或重新拍摄",
        message_en=f"The image {name} is damaged or incomplete ({detail_en or detail}); copy or take it again",
    )


def _too_large(name: str, w: int, h: int) -> PhotoError:
    mp = w * h / 1e6
    limit = MAX_PIXELS / 1e6
    return PhotoError(
        f"图片 {name} 尺寸过大（{w}×{h}，约 {mp:.0f} 百万像素，上限 {limit:.0f} 百万像素），无法添加；请缩小后再添加",
        message_en=f"The image {name} is too large ({w}×{h}, about {mp:.0f} megapixels; the limit "
        f"is {limit:.0f}): shrink it and add it again",
    )


def _opaque_palette(img: Image.Image) -> bool:
    return img.mode == "P" and "transparency" not in img.info


def _decoded_bytes(img: Image.Image, w: int, h: int) -> int:
    """Peak bytes of decoding ``img`` at w × h and turning it into RGB (see ``prepare``)."""
    own = _MODE_BYTES.get(img.mode, 4)
    if img.mode in ("RGB", "L"):
        extra = 0
    elif _opaque_palette(img):
        extra = 3  # straight to RGB
    else:
        extra = 8  # RGBA, and its premultiplied copy while shrinking
    return w * h * (own + extra)


def _check_size(img: Image.Image, data: bytes, name: str, long_edge: int) -> None:
    """Refuse, before decoding, an image too large to decode or whose data cannot hold it."""
    w, h = img.size
    if w * h > MAX_PIXELS:
        raise _too_large(name, w, h)
    if img.format in _JPEG_FORMATS:
        # with Huffman coding (all cameras) every 8x8 block costs at least one bit;
        # arithmetic coding (SOF9-SOF15, never from a camera) may go below that
        arithmetic = any(
            m in data for m in (b"\xff\xc9", b"\xff\xca", b"\xff\xcb", b"\xff\xcd", b"\xff\xce", b"\xff\xcf")
        )
        if not arithmetic and len(data) * 8 < (w // 8) * (h // 8):
            raise _damaged(
                name,
                f"文件只有 {len(data)} 字节，容不下 {w}×{h} 的图像",
                f"{len(data)} bytes cannot hold a {w}×{h} picture",
            )
        scale = min(1.0, long_edge / max(w, h))
        # draft mode decodes at 1/2, 1/4 or 1/8 of the size, at most twice the size asked for
        w, h = min(w, 2 * max(1, int(w * scale))), min(h, 2 * max(1, int(h * scale)))
    if _decoded_bytes(img, w, h) > MAX_DECODED_BYTES:
        raise _too_large(name, img.width, img.height)


def _captured_at(img: Image.Image) -> dt.datetime | None:
    try:
        exif = img.getexif()
        raw = exif.get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
        if isinstance(raw, bytes):
            raw = raw.decode("ascii", "replace")
        return dt.datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S") if raw else None
    except (ValueError, TypeError, KeyError, OSError):
        return None  # a camera's odd EXIF is no reason to refuse the photo


def gps_position(img: Image.Image) -> tuple[float, float] | None:
    """The EXIF GPS position as (latitude, longitude) in degrees (south and west negative),
    rounded to 6 decimals (about 0.1 m); None without a usable one."""
    try:
        gps = img.getexif().get_ifd(_GPS_IFD)
        if not gps or 2 not in gps or 4 not in gps:
            return None

        def degrees(dms, ref) -> float:
            d, m, sec = (float(x) for x in dms)
            value = d + m / 60 + sec / 3600
            if isinstance(ref, bytes):
                ref = ref.decode("ascii", "replace")
            return -value if str(ref).strip("\x00 ").upper() in ("S", "W") else value

        lat, lon = degrees(gps[2], gps.get(1, "N")), degrees(gps[4], gps.get(3, "E"))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or lat != lat or lon != lon:
            return None
        return round(lat, 6), round(lon, 6)
    except (ValueError, TypeError, KeyError, OSError, ZeroDivisionError):
        return None  # an odd GPS block is no reason to refuse the photo


def prepare(
    data: bytes,
    name: str,
    *,
    long_edge: int = DEFAULT_LONG_EDGE,
    quality: int = DEFAULT_QUALITY,
    thumb_edge: int = DEFAULT_THUMB_EDGE,
) -> tuple[bytes, bytes, int, int, dt.datetime | None, tuple[float, float] | None]:
    """Decode, orient, scale and re-encode an image:
    (jpeg, thumbnail jpeg, width, height, captured, GPS position)."""
    from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

    # a short file must fail, never be padded with grey (Pillow's default; stated, since it is global)
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            img: Image.Image = Image.open(io.BytesIO(data))
        except UnidentifiedImageError:
            raise _not_an_image(name) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _damaged(name, "image too large") from None
        except (OSError, SyntaxError, ValueError) as exc:
            raise _damaged(name, str(exc) or type(exc).__name__) from None
        try:
            _check_size(img, data, name, long_edge)
            captured = _captured_at(img)
            position = gps_position(img)
            w, h = img.size
            scale = min(1.0, long_edge / max(w, h))
            if scale < 1.0 and img.format in _JPEG_FORMATS:
                # let the JPEG decoder skip detail we would throw away (DCT scaling)
                img.draft("RGB", (max(1, int(w * scale)), max(1, int(h * scale))))
            img.load()
            info = img.info  # keep the EXIF for the orientation below
            if _opaque_palette(img):
                img = img.convert("RGB")
            flatten = img.mode not in ("RGB", "L")
            if flatten and img.mode != "RGBA":
                img = img.convert("RGBA")  # shrunk before the flattening onto white
            w, h = img.size
            scale = min(1.0, long_edge / max(w, h))
            if scale < 1.0:
                # Pillow's bilinear resize is a proper (antialiased) convolution when shrinking,
                # and about twice as fast as bicubic on a 12 MP photo
                img = img.resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.Resampling.BILINEAR)
            if flatten:
                background = Image.new("RGB", img.size, "white")
                background.paste(img, mask=img.getchannel("A"))
                img = background
            img.info = info
            # orient after shrinking: rotating the small image is several times cheaper
            img = ImageOps.exif_transpose(img)
            out = io.BytesIO()
            img.save(out, "JPEG", quality=quality)
            small = img.copy()
            small.thumbnail((thumb_edge, thumb_edge), Image.Resampling.BICUBIC, reducing_gap=2.0)
            tout = io.BytesIO()
            small.save(tout, "JPEG", quality=80)
        except PhotoError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _damaged(name, "image too large") from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise _damaged(name, str(exc) or type(exc).__name__) from None
    return out.getvalue(), tout.getvalue(), img.width, img.height, captured, position
