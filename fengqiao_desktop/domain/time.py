"""China Standard Time: the clock of visits, deadlines, years and every date shown.

Times are stored in UTC; a day, a year or a time shown to a person is in CST
(UTC+8, no daylight saving).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

CST = timezone(timedelta(hours=8), "CST")


def today() -> date:
    """Today's date in China (a bureau PC or CI machine on UTC is a day behind from 16:00)."""
    return datetime.now(CST).date()
