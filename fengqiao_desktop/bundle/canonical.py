"""Canonical JSON (RFC 8785) for writing, and a strict parser for reading.

Writers emit RFC 8785 bytes so that the same data always gives the same bytes
and the same sha256. Readers refuse anything a lenient parser would quietly
accept: duplicate keys, NaN/Infinity, integers beyond I-JSON's safe range,
deep nesting, oversized input, invalid UTF-8 or a byte-order mark — each as a
BundleError naming the member and the problem.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import rfc8785

from fengqiao_desktop.errors import BundleError

MAX_SAFE_INT = 2**53 - 1
DEFAULT_MAX_DEPTH = 32
DEFAULT_MAX_SIZE = 16 * 1024 * 1024


def refuse(member: str, zh: str, en: str) -> BundleError:
    """The one way a bundle problem is reported: the member (or field) first."""
    return BundleError(f"{member}: {zh}", message_en=f"{member}: {en}", member=member)


def dumps(obj: Any, *, member: str = "json") -> bytes:
    """RFC 8785 bytes for ``obj``; a value JSON cannot carry is a BundleError."""
    try:
        return rfc8785.dumps(obj)
    except (rfc8785.CanonicalizationError, TypeError, ValueError, UnicodeError) as exc:
        raise refuse(member, f"无法写成规范 JSON：{exc}", f"cannot be written as canonical JSON: {exc}") from exc


class _Refused(Exception):
    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en


class _Hooks:
    """Parser hooks for one document; they also note what rules out the fast canonical check."""

    def __init__(self) -> None:
        # some floats (integral ones, very large or small ones, integers beyond 2**53) are
        # written differently by Python and RFC 8785; non-ASCII keys may sort differently
        # (code points vs UTF-16 units)
        self.inexact = False

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict:
        out: dict[str, Any] = {}
        for k, v in pairs:
            if k in out:
                raise _Refused(f"重复的键 {k!r}", f"duplicate key {k!r}")
            if not k.isascii():
                self.inexact = True
            out[k] = v
        return out

    def integer(self, text: str) -> int | float:
        if len(text) > 400:
            raise _Refused(f"数值过大 {text[:24]}…", f"number out of range {text[:24]}...")
        v = int(text)
        if abs(v) > MAX_SAFE_INT:
            # I-JSON numbers are doubles; RFC 8785 writes large integral doubles without
            # a fraction, so read them back as the doubles they are
            self.inexact = True
            f = float(text)
            if not math.isfinite(f):
                raise _Refused(f"数值溢出 {text[:24]}", f"number overflows {text[:24]}")
            return f
        return v

    def real(self, text: str) -> float:
        v = float(text)
        if not math.isfinite(v):
            raise _Refused(f"数值溢出 {text[:24]}", f"number overflows {text[:24]}")
        if v.is_integer() or not 1e-4 <= abs(v) < 1e16:
            # within this range Python's repr and ECMAScript's Number-to-string agree on a
            # non-integral double (shortest round trip, no exponent); outside it they may not
            self.inexact = True
        return v


def _no_constant(name: str) -> Any:
    raise _Refused(f"不允许的数值 {name}", f"{name} is not allowed")


def is_canonical(value: Any, data: bytes, *, exact_types: bool = False) -> bool:
    """Whether ``data`` is the RFC 8785 form of ``value`` (parsed from it).

    With ``exact_types`` (ASCII keys, floats both write alike) Python's sorted, compact
    ``json.dumps`` writes exactly the RFC 8785 bytes, which is many times faster
    than the general canonicaliser; anything else takes the general path.
    """
    if exact_types:
        try:
            fast = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode(
                "utf-8"
            )
        except (ValueError, UnicodeError):
            fast = None
        if fast == data:
            return True
    try:
        return rfc8785.dumps(value) == data
    except Exception:  # noqa: BLE001 - any failure means "not canonical"
        return False


# a string: runs of plain characters between escapes (one step per run, not per character)
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKETS = bytes(c for c in range(256) if c not in b"[]{}")
_OPEN = frozenset(b"[{")


def _depth(data: bytes, limit: int) -> None:
    """Refuse nesting deeper than ``limit``, counted on the text of a document already parsed.

    Strings are cut out first (they may hold brackets), then only the brackets are
    walked: far fewer steps than visiting every parsed value.
    """
    _depth_of(_STRING.sub(b"", data), limit)


def _depth_of(bare: bytes, limit: int) -> None:
    """``_depth`` of a text whose strings are cut out already."""
    brackets = bare.translate(None, _NOT_BRACKETS)
    depth = 0
    for c in brackets:
        if c in _OPEN:
            depth += 1
            if depth > limit:
                raise _Refused(f"嵌套超过 {limit} 层", f"nesting deeper than {limit} levels")
        else:
            depth -= 1


_NO = object()
_NUMBER = re.compile(rb"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")


# an object key: a string right after "{" or "," and right before ":" (inside a string every quote
# is escaped, so neither "{" nor "," can come right before one)
_KEY = re.compile(rb'[{,]"([^"\\]*(?:\\.[^"\\]*)*)":')
_BEYOND_BMP = re.compile(rb"[\xf0-\xf4]")  # the first byte of a character beyond U+FFFF in UTF-8


def _canonical_fast(text: str, data: bytes, max_depth: int) -> Any:
    """The value of ``data`` when it is plainly canonical, else ``_NO`` (then the strict parser decides).

    Plainly canonical: Python's C parser reads it, and Python's sorted compact writer gives the
    very same bytes back — so no duplicate key (one would be lost), no NaN, no stray whitespace
    or escape — with keys sorted alike by code point and by UTF-16 unit (no key beyond U+FFFF), every
    number an integer within 2**53 or a non-integral float that both writers write alike
    (``_Hooks.real``), and nesting within ``max_depth``. Anything else takes the strict path,
    which gives the same value or names the problem.
    """
    try:
        value = json.loads(text)
        again = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        if again.encode("utf-8") != data:
            return _NO
    except (ValueError, UnicodeError, RecursionError):
        return _NO
    # keys sort by code point here and by UTF-16 unit in RFC 8785: alike unless a key holds a
    # character beyond U+FFFF (a 4-byte sequence in UTF-8); then only ASCII keys are taken here
    if _BEYOND_BMP.search(data) is not None and not b"".join(_KEY.findall(data)).isascii():
        return _NO
    bare = _STRING.sub(b"", data)  # numbers and brackets only outside strings
    for m in _NUMBER.finditer(bare):
        if m.group(2) is not None:  # an exponent: Python and RFC 8785 may write it differently
            return _NO
        if m.group(1) is not None:
            f = float(m.group(0))
            if f.is_integer() or not 1e-4 <= abs(f) < 1e16:
                return _NO
        elif len(m.group(0)) > 15 and abs(int(m.group(0))) > MAX_SAFE_INT:
            return _NO
    try:
        _depth_of(bare, max_depth)
    except _Refused:
        return _NO
    return value


def loads_strict(
    data: bytes,
    *,
    member: str,
    max_size: int = DEFAULT_MAX_SIZE,
    max_depth: int = DEFAULT_MAX_DEPTH,
    require_canonical: bool = False,
) -> Any:
    """Parse untrusted JSON bytes, refusing anything ambiguous (BundleError naming ``member``)."""
    if len(data) > max_size:
        raise refuse(
            member,
            f"JSON 过大（{len(data)} 字节，上限 {max_size}）",
            f"JSON too large ({len(data)} bytes, limit {max_size})",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        raise refuse(member, "JSON 不应带 BOM", "JSON must not start with a byte-order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refuse(
            member, f"不是有效的 UTF-8（第 {exc.start} 字节）", f"not valid UTF-8 (byte {exc.start})"
        ) from None
    if require_canonical:
        value = _canonical_fast(text, data, max_depth)
        if value is not _NO:
            return value
    hooks = _Hooks()
    try:
        value = json.loads(
            text,
            object_pairs_hook=hooks.pairs,
            parse_constant=_no_constant,
            parse_int=hooks.integer,
            parse_float=hooks.real,
        )
        _depth(data, max_depth)
    except _Refused as exc:
        raise refuse(member, exc.zh, exc.en) from None
    except RecursionError:
        raise refuse(member, f"嵌套超过 {max_depth} 层", f"nesting deeper than {max_depth} levels") from None
    except ValueError as exc:  # JSONDecodeError and friends
        raise refuse(member, f"JSON 语法错误：{exc}", f"invalid JSON: {exc}") from None
    if require_canonical and not is_canonical(value, data, exact_types=not hooks.inexact):
        raise refuse(member, "不是规范 JSON（RFC 8785）", "not canonical JSON (RFC 8785)")
    return value


class BundleCancelled(BundleError):
    """The user cancelled writing or verifying a bundle; nothing was left behind."""

    def __init__(self) -> None:
        super().__init__("已取消", message_en="cancelled")
