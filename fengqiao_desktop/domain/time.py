"""China Standard Time: the clock of visits, deadlines, years and every date shown.

Times are stored in UTC; a day, a year or a time shown to a person is in CST
(UTC+8, no daylight saving).
"""

from __future__ import annotations

from datetime import timedelta, timezone

CST = timezone(timedelta(hours=8), "CST")
