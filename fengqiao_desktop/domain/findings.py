"""What a finding needs before it is worth printing: the rule the service enforces and the
editor shows (the sheet's 问题清单 prints 责任人, 整改时限 and 整改措施 for every finding)."""

from __future__ import annotations

from typing import Any

# field, zh, en
PRINTED_FIELDS = (
    ("responsible", "责任人", "responsible person"),
    ("deadline", "整改时限", "deadline"),
    ("measures", "整改措施", "measures"),
)


def printed_gaps(finding: Any) -> list[str]:
    """The printed fields ``finding`` leaves empty; any object with ``responsible``,
    ``deadline`` and ``measures`` attributes (a stored row, a view, a table row)."""
    return [k for k, _zh, _en in PRINTED_FIELDS if not str(getattr(finding, k) or "").strip()]
