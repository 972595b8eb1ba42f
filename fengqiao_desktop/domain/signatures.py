"""Signatures drawn on screen when an inspection is completed: the station head (站长/负责人)
and the inspector sign on the laptop; the strokes travel in the record and print on the sheet.

A signature is vector data: a list of strokes, each a list of ``[x, y]`` integer points
in a 0..``BOX`` square (y grows downwards, the pad's aspect ratio kept). Signing is
optional: the paper lines remain for a printer-only workflow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

BOX = 1000
MAX_POINTS = 20_000  # every stroke of one signature together
ROLES = ("station_head", "inspector")
ROLE_LABELS = {"station_head": ("站长", "Station head"), "inspector": ("检查人", "Inspector")}

Strokes = list[list[list[int]]]


@dataclass(frozen=True)
class SignatureInput:
    """A signature as the completion dialog hands it to the service."""

    role: str  # one of ROLES
    name: str
    strokes: Strokes


def normalise(strokes: Sequence[Sequence[tuple[float, float]]], width: float, height: float) -> Strokes:
    """Points of a ``width`` x ``height`` pad scaled into the 0..BOX square (aspect kept),
    rounded to integers; strokes of no point are dropped, a repeated point is kept once."""
    scale = BOX / max(width, height, 1.0)
    out: Strokes = []
    for stroke in strokes:
        pts: list[list[int]] = []
        for x, y in stroke:
            p = [min(BOX, max(0, round(x * scale))), min(BOX, max(0, round(y * scale)))]
            if not pts or pts[-1] != p:
                pts.append(p)
        if pts:
            out.append(pts)
    return out


def check_strokes(value: Any) -> Strokes:
    """``value`` as strokes, or ValueError saying what is wrong (for records from elsewhere)."""
    if not isinstance(value, list):
        raise ValueError("strokes must be a list")
    total = 0
    for stroke in value:
        if not isinstance(stroke, list) or not stroke:
            raise ValueError("each stroke must be a non-empty list of points")
        for p in stroke:
            if (
                not isinstance(p, list)
                or len(p) != 2
                or not all(isinstance(c, int) and not isinstance(c, bool) and 0 <= c <= BOX for c in p)
            ):
                raise ValueError(f"each point must be [x, y] with integers 0..{BOX}")
        total += len(stroke)
    if total > MAX_POINTS:
        raise ValueError(f"more than {MAX_POINTS} points")
    return value


def bounds(strokes: Strokes) -> tuple[int, int, int, int]:
    """(min x, min y, max x, max y) of every point; (0, 0, 0, 0) for no stroke."""
    xs = [p[0] for s in strokes for p in s]
    ys = [p[1] for s in strokes for p in s]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else (0, 0, 0, 0)
