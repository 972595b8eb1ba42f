"""Strict structural reading of a bundle's zip container, without zipfile's leniency.

``zipfile`` tolerates data before the archive, duplicate names, entries that
share bytes, and trusts the central directory. A bundle must be exactly one
plain zip: local entries packed from offset 0, then the central directory, then
an end record with no comment; every entry a regular file, stored or deflated,
unencrypted, without data descriptors or Zip64; names safe and unique even
after case folding and Unicode normalisation. ``scan`` checks all of that and
the size limits before any content is read, and ``iter_member`` then reads one
member's bytes with a hard size cap and its CRC checked.
"""

from __future__ import annotations

import stat
import struct
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from fengqiao_desktop.bundle.canonical import refuse
from fengqiao_desktop.bundle.spec import Limits, name_problem
from fengqiao_desktop.errors import BundleError

_EOCD = struct.Struct("<4sHHHHIIH")  # 22 bytes
_CEN = struct.Struct("<4sBBHHHHHIIIHHHHHII")  # 46 bytes
_LOC = struct.Struct("<4sHHHHHIIIHH")  # 30 bytes
_EOCD_SIG, _CEN_SIG, _LOC_SIG = b"PK\x05\x06", b"PK\x01\x02", b"PK\x03\x04"
_ZIP64_LOCATOR_SIG = b"PK\x06\x07"
STORED, DEFLATED = 0, 8
_FLAG_ENCRYPTED, _FLAG_DESCRIPTOR, _FLAG_STRONG, _FLAG_UTF8, _FLAG_MASKED = 0x1, 0x8, 0x40, 0x800, 0x2000
CHUNK = 1024 * 1024
MADE_BY = 0x0314  # unix, zip 2.0
VERSION_NEEDED = 20
EXTERNAL_ATTR = 0o100644 << 16  # a regular file, rw-r--r--
STRUCTURE = "zip"  # the "member" named when the container itself is at fault


@dataclass(frozen=True)
class Entry:
    name: str
    method: int
    crc: int
    compressed_size: int
    size: int
    header_offset: int
    data_offset: int = 0
    stamp: tuple[int, int] = (0, 0)  # DOS time, date: must agree in both headers

    @property
    def end(self) -> int:
        return self.data_offset + self.compressed_size


def _structure(zh: str, en: str) -> BundleError:
    return refuse(STRUCTURE, zh, en)


def _read_at(f: BinaryIO, offset: int, n: int) -> bytes:
    f.seek(offset)
    data = f.read(n)
    if len(data) != n:
        raise _structure("文件被截断", "the file is truncated")
    return data


def _end_record(f: BinaryIO, size: int) -> tuple[int, int, int]:
    if size == 0:
        raise _structure("文件为空", "the file is empty")
    if size < _EOCD.size:
        raise _structure("文件过短，不是数据包", "the file is too short to be a bundle")
    tail = _read_at(f, size - _EOCD.size, _EOCD.size)
    if tail[:4] != _EOCD_SIG:
        window = _read_at(f, max(0, size - 65_557), min(size, 65_557))
        at = window.rfind(_EOCD_SIG)
        if at >= 0 and at + _EOCD.size <= len(window):
            raise _structure("压缩包末尾有多余数据或注释", "trailing data or a comment after the end of the zip")
        head = _read_at(f, 0, min(size, 4))
        if head == _LOC_SIG:
            raise _structure("文件被截断（缺少中央目录结尾）", "the file is truncated (no end of central directory)")
        raise _structure("不是 zip 数据包（开头不是 zip 条目）", "not a zip bundle (no zip entry at the start)")
    _, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, comment_len = _EOCD.unpack(tail)
    if disk or cd_disk or n_disk != n_total:
        raise _structure("不支持分卷压缩包", "multi-volume zip files are not supported")
    if (
        n_total == 0xFFFF
        or cd_size == 0xFFFFFFFF
        or cd_offset == 0xFFFFFFFF
        or (size >= 42 and _read_at(f, size - 42, 4) == _ZIP64_LOCATOR_SIG)
    ):
        raise _structure("不支持 Zip64", "Zip64 is not supported in format v1")
    if comment_len:
        raise _structure("压缩包注释不允许", "a zip comment is not allowed")
    if cd_offset + cd_size != size - _EOCD.size:
        if cd_offset + cd_size < size - _EOCD.size:
            raise _structure(
                "压缩包前有多余数据，或中央目录位置不符",
                "unaccounted bytes before the central directory (garbage before the zip?)",
            )
        raise _structure(
            "中央目录超出文件范围（文件被截断？）", "the central directory runs past the file (truncated?)"
        )
    return n_total, cd_size, cd_offset


def _dup_key(name: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())


def scan(f: BinaryIO, size: int, limits: Limits) -> dict[str, Entry]:
    """Check the container and return its entries by name; refusals are BundleError."""
    n_total, cd_size, cd_offset = _end_record(f, size)
    if n_total == 0:
        raise _structure("压缩包没有任何条目", "the zip has no entries")
    if n_total > limits.max_entries:
        raise _structure(
            f"条目过多（{n_total}，上限 {limits.max_entries}）",
            f"too many entries ({n_total}, limit {limits.max_entries})",
        )
    if cd_size > limits.max_central_directory:
        raise _structure("中央目录过大", "the central directory is too large")
    cd = _read_at(f, cd_offset, cd_size)

    raw: list[tuple[str, tuple]] = []
    pos = 0
    for _ in range(n_total):
        if pos + _CEN.size > len(cd) or cd[pos : pos + 4] != _CEN_SIG:
            raise _structure("中央目录已损坏", "the central directory is corrupt")
        fields = _CEN.unpack_from(cd, pos)
        name_len, extra_len, comment_len = fields[11], fields[12], fields[13]
        end = pos + _CEN.size + name_len + extra_len + comment_len
        if end > len(cd):
            raise _structure("中央目录已损坏", "the central directory is corrupt")
        name_bytes = cd[pos + _CEN.size : pos + _CEN.size + name_len]
        flags = fields[4]
        try:
            name = name_bytes.decode("utf-8" if flags & _FLAG_UTF8 else "cp437")
        except UnicodeDecodeError:
            raise refuse(repr(name_bytes)[2:-1], "名称不是有效的 UTF-8", "name is not valid UTF-8") from None
        raw.append((name, fields))
        pos = end
    if pos != len(cd):
        raise _structure("中央目录含多余数据", "unaccounted bytes in the central directory")

    # names: duplicates first (also case- and normalisation-insensitive), then safety
    seen: dict[str, str] = {}
    for name, _fields in raw:
        key = _dup_key(name)
        if key in seen:
            other = seen[key]
            if other == name:
                raise refuse(name, "名称重复", "duplicate member name")
            raise refuse(
                name,
                f"与 {other!r} 重名（仅大小写或 Unicode 规范化不同）",
                f"duplicates {other!r} (differs only in case or Unicode normalisation)",
            )
        seen[key] = name
    for name, _fields in raw:
        problem = name_problem(name)
        if problem:
            shown = name.encode("ascii", "backslashreplace").decode("ascii").replace("\x00", "\\x00")
            raise refuse(shown, "不安全的名称：" + problem[0], "unsafe name: " + problem[1])

    entries: dict[str, Entry] = {}
    total = 0
    for name, fields in raw:
        (
            _,
            made_ver,
            made_os,
            need,
            flags,
            method,
            mtime,
            mdate,
            crc,
            csize,
            usize,
            _nl,
            el,
            cl,
            disk,
            iattr,
            eattr,
            offset,
        ) = fields
        mode = eattr >> 16
        if made_os == 3 and stat.S_ISLNK(mode):
            raise refuse(name, "条目是符号链接", "entry is a symbolic link")
        if made_os == 3 and stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise refuse(name, "条目不是普通文件", "entry is not a regular file")
        if flags & (_FLAG_ENCRYPTED | _FLAG_STRONG | _FLAG_MASKED):
            raise refuse(name, "条目已加密", "entry is encrypted")
        if method not in (STORED, DEFLATED):
            raise refuse(name, f"不支持的压缩方法 {method}", f"unsupported compression method {method}")
        if flags & _FLAG_DESCRIPTOR:
            raise refuse(name, "不支持数据描述符（bit 3）", "data descriptors (flag bit 3) are not supported")
        # v1 fixes every metadata field, so no byte of a bundle is without meaning
        # and any change to one is noticed (docs/bundle-format.md, "Container").
        fixed = (made_ver | made_os << 8, need, flags, el, cl, disk, iattr, eattr)
        if fixed != (MADE_BY, VERSION_NEEDED, 0, 0, 0, 0, 0, EXTERNAL_ATTR):
            raise refuse(
                name,
                "条目元数据不符合 v1 规定（版本、标志、属性、扩展字段或注释）",
                "entry metadata differs from what v1 requires (versions, flags, attributes, extra, comment)",
            )
        if method == STORED and csize != usize:
            raise refuse(name, "存储条目的压缩前后大小不一致", "stored entry sizes disagree")
        entries[name] = Entry(name, method, crc, csize, usize, offset, 0, (mtime, mdate))
        total += usize

    # local headers must agree with the central directory, and entries must tile
    # the file from offset 0 up to the central directory: no overlaps, no gaps.
    located: list[Entry] = []
    for e in sorted(entries.values(), key=lambda e: e.header_offset):
        if e.header_offset + _LOC.size > cd_offset:
            raise refuse(e.name, "本地文件头位置越界", "local header lies outside the entry area")
        loc = _LOC.unpack(_read_at(f, e.header_offset, _LOC.size))
        sig, need, flags, method, mtime, mdate, crc, csize, usize, name_len, extra_len = loc
        if sig != _LOC_SIG:
            raise refuse(e.name, "本地文件头已损坏", "local header is corrupt")
        lname = _read_at(f, e.header_offset + _LOC.size, name_len)
        if lname != e.name.encode("ascii"):
            raise refuse(e.name, "本地文件头的名称与中央目录不一致", "local header names a different file")
        if (need, flags, method, mtime, mdate, crc, csize, usize, extra_len) != (
            VERSION_NEEDED,
            0,
            e.method,
            *e.stamp,
            e.crc,
            e.compressed_size,
            e.size,
            0,
        ):
            raise refuse(e.name, "本地文件头与中央目录不一致", "local header disagrees with the central directory")
        located.append(
            Entry(
                e.name,
                e.method,
                e.crc,
                e.compressed_size,
                e.size,
                e.header_offset,
                e.header_offset + _LOC.size + name_len,
                e.stamp,
            )
        )
    prev: Entry | None = None
    for e in located:
        start = e.header_offset
        if prev is None and start != 0:
            raise _structure("第一个条目之前有多余数据", "unaccounted bytes before the first entry")
        if prev is not None and start < prev.end:
            raise refuse(e.name, f"与条目 {prev.name} 的数据重叠", f"overlaps entry {prev.name}")
        if prev is not None and start > prev.end:
            raise refuse(
                e.name,
                f"与前一条目 {prev.name} 之间有多余数据",
                f"unaccounted bytes between {prev.name} and this entry",
            )
        prev = e
    if prev is not None and prev.end != cd_offset:
        if prev.end > cd_offset:
            raise refuse(prev.name, "条目数据与中央目录重叠", "entry data overlaps the central directory")
        raise _structure("最后一个条目与中央目录之间有多余数据", "unaccounted bytes before the central directory")

    # zip-bomb guards, still before any content is inflated
    if total > limits.max_total_size:
        raise _structure(
            f"解压后总大小超过上限（{total} 字节）", f"total uncompressed size over the limit ({total} bytes)"
        )
    for e in located:
        if e.size > limits.max_member_size:
            raise refuse(e.name, f"条目过大（{e.size} 字节）", f"entry too large ({e.size} bytes)")
        if e.method == DEFLATED and e.size > limits.max_ratio * max(e.compressed_size, 1):
            raise refuse(e.name, "压缩比超过上限（疑似压缩炸弹）", "compression ratio over the limit (zip bomb?)")
    return {e.name: e for e in located}


def iter_member(f: BinaryIO, entry: Entry, cap: int) -> Iterator[bytes]:
    """Yield the member's bytes; never more than min(entry.size, cap); CRC checked at the end."""
    if entry.size > cap:
        raise refuse(
            entry.name,
            f"条目过大（{entry.size} 字节，上限 {cap}）",
            f"entry too large ({entry.size} bytes, limit {cap})",
        )
    f.seek(entry.data_offset)
    left = entry.compressed_size
    produced = 0
    crc = 0
    inflater = zlib.decompressobj(-15) if entry.method == DEFLATED else None
    try:
        while left > 0:
            chunk = f.read(min(CHUNK, left))
            if not chunk:
                raise refuse(entry.name, "数据被截断", "data is truncated")
            left -= len(chunk)
            if inflater is not None:
                # max_length keeps a lying size field from inflating past the cap
                chunk = inflater.decompress(chunk, entry.size - produced + 1)
                if inflater.unconsumed_tail:
                    raise refuse(entry.name, "解压后大于声明的大小", "inflates to more than its declared size")
            produced += len(chunk)
            if produced > entry.size:
                raise refuse(entry.name, "解压后大于声明的大小", "inflates to more than its declared size")
            crc = zlib.crc32(chunk, crc)
            yield chunk
        if inflater is not None:
            rest = inflater.flush()
            if rest or not inflater.eof or inflater.unused_data:
                raise refuse(
                    entry.name, "压缩数据流不完整或有多余数据", "the deflate stream is incomplete or has trailing data"
                )
    except zlib.error as exc:
        raise refuse(entry.name, f"压缩数据已损坏：{exc}", f"compressed data is corrupt: {exc}") from None
    if produced != entry.size:
        raise refuse(entry.name, "解压后大小与声明不符", "uncompressed size differs from the declared size")
    if crc != entry.crc:
        raise refuse(entry.name, "内容已损坏或被改动（CRC 校验失败）", "content damaged or changed (CRC check failed)")
