"""Coverage targets as data, configurable per year.

A targets file (YAML) gives percentages per level for two measures,
``five_haves`` (五有达标) and ``demonstration`` (示范型达标, ≥ 90 and no veto).
``default`` applies to every year; ``years: {2026: {...}}`` overrides single
values for one year. Missing values fall back to the built-in defaults, which are
the city plan's: five-haves 100% at every level, demonstration 100% for city and
county centers and 60% for town and village stations.

    default:
      five_haves: {city: 100, county: 100, town: 100, village: 100}
      demonstration: {city: 100, county: 100, town: 60, village: 60}
    years:
      2027:
        demonstration: {town: 70, village: 70}
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from fengqiao_desktop.errors import KnownError

LEVELS = ("city", "county", "town", "village")
MEASURES = ("five_haves", "demonstration")

DEFAULTS: dict[str, dict[str, float]] = {
    "five_haves": {"city": 100.0, "county": 100.0, "town": 100.0, "village": 100.0},
    "demonstration": {"city": 100.0, "county": 100.0, "town": 60.0, "village": 60.0},
}


class TargetsError(KnownError):
    """A targets file that cannot be read or has a bad value."""


@dataclass(frozen=True)
class Targets:
    """Percentages (0..100) per measure and level for one year."""

    year: int
    five_haves: dict[str, float] = field(default_factory=lambda: dict(DEFAULTS["five_haves"]))
    demonstration: dict[str, float] = field(default_factory=lambda: dict(DEFAULTS["demonstration"]))

    def pct(self, measure: str, level: str) -> float:
        return getattr(self, measure).get(level, 0.0)

    def required(self, measure: str, level: str, stations: int) -> int:
        """How many of ``stations`` stations of ``level`` must meet ``measure``.

        Rounded up: 60% of 7 stations is 5 (4.2 would leave the target unmet).
        A tiny epsilon keeps 60% of 10 at 6 despite floating point.
        """
        return math.ceil(stations * self.pct(measure, level) / 100.0 - 1e-9)


def _check_block(block: object, where: str) -> dict[str, dict[str, float]]:
    if block is None:
        return {}
    if not isinstance(block, dict):
        raise TargetsError(f"目标文件中 {where} 应为映射", message_en=f"targets file: {where} must be a mapping")
    out: dict[str, dict[str, float]] = {}
    for measure, levels in block.items():
        if measure not in MEASURES:
            raise TargetsError(
                f"目标文件中 {where} 有未知指标 {measure!r}（可用：five_haves、demonstration）",
                message_en=f"targets file: unknown measure {measure!r} in {where}",
            )
        if not isinstance(levels, dict):
            raise TargetsError(
                f"目标文件中 {where}.{measure} 应为映射",
                message_en=f"targets file: {where}.{measure} must be a mapping",
            )
        out[measure] = {}
        for level, value in levels.items():
            if level not in LEVELS:
                raise TargetsError(
                    f"目标文件中 {where}.{measure} 有未知层级 {level!r}",
                    message_en=f"targets file: unknown level {level!r} in {where}.{measure}",
                )
            try:
                v = float(value)
            except (TypeError, ValueError):
                v = -1.0
            if not 0 <= v <= 100:
                raise TargetsError(
                    f"目标文件中 {where}.{measure}.{level} 应为 0–100 的百分数，实为 {value!r}",
                    message_en=f"targets file: {where}.{measure}.{level} must be 0-100, got {value!r}",
                )
            out[measure][level] = v
    return out


def parse_targets(data: object, year: int) -> Targets:
    """Targets for ``year`` from the parsed YAML of a targets file (``None``: the defaults)."""
    values = {m: dict(DEFAULTS[m]) for m in MEASURES}
    if data is None:
        return Targets(year, **values)
    if not isinstance(data, dict):
        raise TargetsError(
            "目标文件应为 YAML 映射（default / years）", message_en="targets file must be a YAML mapping"
        )
    unknown = set(data) - {"default", "years"}
    if unknown:
        raise TargetsError(
            f"目标文件有未知键 {sorted(unknown)}", message_en=f"targets file: unknown keys {sorted(unknown)}"
        )
    layers = [_check_block(data.get("default"), "default")]
    years = data.get("years") or {}
    if not isinstance(years, dict):
        raise TargetsError("目标文件中 years 应为映射", message_en="targets file: years must be a mapping")
    for y, block in years.items():
        checked = _check_block(block, f"years.{y}")
        if str(y) == str(year):
            layers.append(checked)
    for layer in layers:
        for m, levels in layer.items():
            values[m].update(levels)
    return Targets(year, **values)


def load_targets(path: str | Path | None, year: int) -> Targets:
    """Targets for ``year`` from a YAML file; ``None`` or a missing default file gives the defaults."""
    if path is None:
        return parse_targets(None, year)
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise TargetsError(
            f"无法读取目标文件 {p}：{exc.strerror or exc}",
            message_en=f"cannot read the targets file {p}: {exc.strerror or exc}",
        ) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise TargetsError(
            f"目标文件 {p} 不是有效的 YAML：{exc}", message_en=f"targets file {p} is not valid YAML: {exc}"
        ) from exc
    return parse_targets(data, year)
