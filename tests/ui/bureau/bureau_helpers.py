"""Helpers for the Bureau page tests and screenshots (not fixtures: importable by name)."""

from __future__ import annotations


def flip_inside(data: bytes, needle: bytes) -> bytes:
    """One bit changed in the middle of ``needle`` (a tampered bundle)."""
    i = data.index(needle) + len(needle) // 2
    out = bytearray(data)
    out[i] ^= 0x20
    return bytes(out)
