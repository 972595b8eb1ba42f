"""Remember the inspection that was open last, so the app can return to it on start.

Kept in ``config.Settings.extra["last_inspection_id"]`` (the settings file in
the data directory); the main window calls ``recall()`` at start-up.
"""

from __future__ import annotations

from fengqiao_desktop.config import Settings

KEY = "last_inspection_id"


def remember(inspection_id: str | None) -> None:
    settings = Settings.load()
    if settings.extra.get(KEY) == inspection_id:
        return
    if inspection_id:
        settings.extra[KEY] = inspection_id
    else:
        settings.extra.pop(KEY, None)
    try:
        settings.save()
    except OSError:
        pass  # a read-only data dir only costs the "reopen where I was" convenience


def recall() -> str | None:
    value = Settings.load().extra.get(KEY)
    return value if isinstance(value, str) and value else None


def forget() -> None:
    remember(None)
