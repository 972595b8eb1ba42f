"""Content-addressed photo files: ``<photos>/<aa>/<sha256>.jpg``.

``ingest`` turns any image file into the stored form: EXIF orientation applied,
long edge scaled down to a setting, saved as JPEG, plus a small thumbnail
(content-addressed the same way). The sha256 of the original file bytes is
recorded too. It reads and writes only files, takes plain paths and returns
plain data, so it may run on a worker thread. A file that is not an image, or
is truncated or corrupt, raises :class:`PhotoError` before anything is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from fengqiao_desktop.errors import PhotoError
from fengqiao_desktop.fsutil import write_atomic

DEFAULT_LONG_EDGE = 2560
DEFAULT_QUALITY = 88
DEFAULT_THUMB_EDGE = 320
MAX_PIXELS = 200_000_000  # refuse decompression bombs well above any camera

_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 36867
_DATETIME = 306


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


class PhotoStore:
    """The folder of stored JPEGs and thumbnails."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.jpg"

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def read(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def remove(self, sha256: str) -> None:
        try:
            self.path(sha256).unlink()
        except FileNotFoundError:
            pass

    def _put(self, data: bytes) -> tuple[str, bool]:
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        if target.is_file() and target.stat().st_size == len(data):
            return sha, False
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            write_atomic(target, data, prefix=".in-")
        except OSError as exc:
            raise PhotoError(f"照片无法保存到 {target.parent}：{exc.strerror or exc}",
                             message_en=f"Cannot save the photo in {target.parent}: {exc.strerror or exc}") from exc
        return sha, True

    def ingest(self, path: str | os.PathLike, *, long_edge: int = DEFAULT_LONG_EDGE,
               quality: int = DEFAULT_QUALITY, thumb_edge: int = DEFAULT_THUMB_EDGE) -> IngestedPhoto:
        src = Path(path)
        original = _read(src)
        stored, thumb, width, height, captured = prepare(original, src.name, long_edge=long_edge,
                                                         quality=quality, thumb_edge=thumb_edge)
        sha, new_main = self._put(stored)
        try:
            thumb_sha, new_thumb = self._put(thumb)
        except PhotoError:
            if new_main:
                self.remove(sha)
            raise
        new = tuple(s for s, is_new in ((sha, new_main), (thumb_sha, new_thumb)) if is_new)
        return IngestedPhoto(sha256=sha, original_sha256=hashlib.sha256(original).hexdigest(),
                             original_name=src.name, width=width, height=height, size=len(stored),
                             thumbnail_sha256=thumb_sha, captured_at=captured, new_files=new)


def _read(src: Path) -> bytes:
    try:
        data = src.read_bytes()
    except FileNotFoundError:
        raise PhotoError(f"找不到照片文件：{src}", message_en=f"Photo file not found: {src}") from None
    except IsADirectoryError:
        raise PhotoError(f"{src} 是文件夹，不是照片", message_en=f"{src} is a folder, not a photo") from None
    except OSError as exc:
        raise PhotoError(f"无法读取照片文件 {src.name}：{exc.strerror or exc}",
                         message_en=f"Cannot read the photo file {src.name}: {exc.strerror or exc}") from None
    if not data:
        raise PhotoError(f"照片文件 {src.name} 是空的", message_en=f"The photo file {src.name} is empty")
    return data


def _not_an_image(name: str) -> PhotoError:
    return PhotoError(f"{name} 不是可识别的图片文件（支持 JPEG、PNG 等常见格式）",
                      message_en=f"{name} is not an image file this program can read (JPEG, PNG, ...)")


def _damaged(name: str, detail: str) -> PhotoError:
    return PhotoError(f"图片 {name} 已损坏或不完整，无法使用（{detail}）；请重新拷贝或重新拍摄",
                      message_en=f"The image {name} is damaged or incomplete ({detail}); copy or take it again")


def _captured_at(img: Image.Image) -> dt.datetime | None:
    try:
        exif = img.getexif()
        raw = exif.get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
        if isinstance(raw, bytes):
            raw = raw.decode("ascii", "replace")
        return dt.datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S") if raw else None
    except (ValueError, TypeError, KeyError, OSError):
        return None  # a camera's odd EXIF is no reason to refuse the photo


def prepare(data: bytes, name: str, *, long_edge: int = DEFAULT_LONG_EDGE,
            quality: int = DEFAULT_QUALITY, thumb_edge: int = DEFAULT_THUMB_EDGE,
            ) -> tuple[bytes, bytes, int, int, dt.datetime | None]:
    """Decode, orient, scale and re-encode an image: (jpeg, thumbnail jpeg, width, height, captured)."""
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
            if img.width * img.height > MAX_PIXELS:
                raise _damaged(name, f"{img.width}×{img.height} pixels")
            captured = _captured_at(img)
            w, h = img.size
            scale = min(1.0, long_edge / max(w, h))
            if scale < 1.0 and img.format == "JPEG":
                # let the JPEG decoder skip detail we would throw away (DCT scaling)
                img.draft("RGB", (max(1, int(w * scale)), max(1, int(h * scale))))
            img.load()
            if img.mode not in ("RGB", "L"):
                background = Image.new("RGB", img.size, "white")
                rgba = img.convert("RGBA")
                background.paste(rgba, mask=rgba.getchannel("A"))
                background.info = img.info  # keep the EXIF for the orientation below
                img = background
            w, h = img.size
            scale = min(1.0, long_edge / max(w, h))
            if scale < 1.0:
                # Pillow's bilinear resize is a proper (antialiased) convolution when shrinking,
                # and about twice as fast as bicubic on a 12 MP photo
                img = img.resize((max(1, round(w * scale)), max(1, round(h * scale))),
                                 Image.Resampling.BILINEAR)
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
    return out.getvalue(), tout.getvalue(), img.width, img.height, captured
