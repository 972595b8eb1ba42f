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


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _Refused(f"重复的键 {k!r}", f"duplicate key {k!r}")
        out[k] = v
    return out


def _no_constant(name: str) -> Any:
    raise _Refused(f"不允许的数值 {name}", f"{name} is not allowed")


def _int(text: str) -> int | float:
    if len(text) > 400:
        raise _Refused(f"数值过大 {text[:24]}…", f"number out of range {text[:24]}...")
    v = int(text)
    if abs(v) > MAX_SAFE_INT:
        # I-JSON numbers are doubles; RFC 8785 writes large integral doubles without
        # a fraction, so read them back as the doubles they are
        f = float(text)
        if not math.isfinite(f):
            raise _Refused(f"数值溢出 {text[:24]}", f"number overflows {text[:24]}")
        return f
    return v


def _float(text: str) -> float:
    v = float(text)
    if not math.isfinite(v):
        raise _Refused(f"数值溢出 {text[:24]}", f"number overflows {text[:24]}")
    return v


def _depth(value: Any, limit: int) -> None:
    # iterative, so a hostile document cannot exhaust the Python stack here
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict | list):
            if d > limit:
                raise _Refused(f"嵌套超过 {limit} 层", f"nesting deeper than {limit} levels")
            children = v.values() if isinstance(v, dict) else v
            stack.extend((c, d + 1) for c in children)


def loads_strict(data: bytes, *, member: str, max_size: int = DEFAULT_MAX_SIZE,
                 max_depth: int = DEFAULT_MAX_DEPTH, require_canonical: bool = False) -> Any:
    """Parse untrusted JSON bytes, refusing anything ambiguous (BundleError naming ``member``)."""
    if len(data) > max_size:
        raise refuse(member, f"JSON 过大（{len(data)} 字节，上限 {max_size}）",
                     f"JSON too large ({len(data)} bytes, limit {max_size})")
    if data.startswith(b"\xef\xbb\xbf"):
        raise refuse(member, "JSON 不应带 BOM", "JSON must not start with a byte-order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refuse(member, f"不是有效的 UTF-8（第 {exc.start} 字节）",
                     f"not valid UTF-8 (byte {exc.start})") from None
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                           parse_int=_int, parse_float=_float)
        _depth(value, max_depth)
    except _Refused as exc:
        raise refuse(member, exc.zh, exc.en) from None
    except RecursionError:
        raise refuse(member, f"嵌套超过 {max_depth} 层", f"nesting deeper than {max_depth} levels") from None
    except ValueError as exc:  # JSONDecodeError and friends
        raise refuse(member, f"JSON 语法错误：{exc}", f"invalid JSON: {exc}") from None
    if require_canonical:
        try:
            canonical = rfc8785.dumps(value)
        except Exception:  # noqa: BLE001 - any failure means "not canonical"
            canonical = None
        if canonical != data:
            raise refuse(member, "不是规范 JSON（RFC 8785）", "not canonical JSON (RFC 8785)")
    return value


class BundleCancelled(BundleError):
    """The user cancelled writing or verifying a bundle; nothing was left behind."""

    def __init__(self) -> None:
        super().__init__("已取消", message_en="cancelled")
