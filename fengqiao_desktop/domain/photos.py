"""When a photo is questioned: taken well before the visit (by its EXIF time).

One rule for the editor (which marks the photo and asks at attach time) and the score
sheet (which lists it as such); the threshold is ``Settings.photo_max_age_days``.
"""

from __future__ import annotations

import datetime as dt


def days_before_visit(captured_at: dt.datetime | dt.date | None, visit_date: dt.date | None) -> int | None:
    """How many days before the visit a photo was taken (by its EXIF time); None if unknown or not before."""
    if captured_at is None or visit_date is None:
        return None
    day = captured_at.date() if isinstance(captured_at, dt.datetime) else captured_at
    days = (visit_date - day).days
    return days if days > 0 else None


def is_older_than_visit(
    captured_at: dt.datetime | dt.date | None, visit_date: dt.date | None, max_age_days: int
) -> bool:
    """The rule for questioning a photo: taken ``max_age_days`` or more before the visit."""
    days = days_before_visit(captured_at, visit_date)
    return days is not None and days >= max_age_days


def position_text(latitude: float | None, longitude: float | None, lang: str = "zh") -> str:
    """A GPS position in words: "北纬 36.061111°，东经 103.834167°" / "36.061111° N, 103.834167° E";
    "" when unknown."""
    if latitude is None or longitude is None:
        return ""
    lat, lon = f"{abs(latitude):.6f}°", f"{abs(longitude):.6f}°"
    if lang == "en":
        return f"{lat} {'N' if latitude >= 0 else 'S'}, {lon} {'E' if longitude >= 0 else 'W'}"
    return f"{'北纬' if latitude >= 0 else '南纬'} {lat}，{'东经' if longitude >= 0 else '西经'} {lon}"
