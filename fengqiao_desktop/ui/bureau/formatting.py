"""Small display helpers for the Bureau pages (dates and times in China Standard Time)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from fengqiao_desktop.domain.time import CST


def when(value: datetime | str | None) -> str:
    """A time as ``YYYY-MM-DD HH:MM`` in China Standard Time; '' for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(CST).strftime("%Y-%m-%d %H:%M")


def day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def is_english() -> bool:
    from fengqiao_desktop.ui import i18n

    return i18n.current_language() == "en"
