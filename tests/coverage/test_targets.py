"""Targets as data: defaults, per-year overrides, rounding up, clear errors for bad files."""

from __future__ import annotations

import pytest

from fengqiao_desktop.coverage.targets import TargetsError, load_targets, parse_targets
from fengqiao_desktop.errors import KnownError


def test_defaults_are_the_city_plan():
    t = parse_targets(None, 2026)
    assert t.demonstration == {"city": 100, "county": 100, "town": 60, "village": 60}
    assert set(t.five_haves.values()) == {100}
    assert t.required("demonstration", "village", 10) == 6
    assert t.required("demonstration", "village", 7) == 5
    assert t.required("demonstration", "town", 0) == 0


def test_a_year_overrides_single_values(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text(
        "default:\n  demonstration: {town: 50}\nyears:\n  2027:\n    demonstration: {village: 80}\n", encoding="utf-8"
    )
    t26, t27 = load_targets(p, 2026), load_targets(p, 2027)
    assert (t26.pct("demonstration", "town"), t26.pct("demonstration", "village")) == (50, 60)
    assert (t27.pct("demonstration", "town"), t27.pct("demonstration", "village")) == (50, 80)


@pytest.mark.parametrize(
    "text",
    [
        "default: {demonstration: {town: 160}}",
        "default: {speed: {town: 1}}",
        "default: {demonstration: {province: 1}}",
        "nonsense: 1",
        "[1, 2",
    ],
)
def test_bad_files_are_known_errors(tmp_path, text):
    p = tmp_path / "t.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(TargetsError) as e:
        load_targets(p, 2026)
    assert isinstance(e.value, KnownError)


def test_missing_file_is_a_known_error(tmp_path):
    with pytest.raises(TargetsError):
        load_targets(tmp_path / "none.yaml", 2026)
