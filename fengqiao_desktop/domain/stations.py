"""A station as the app shows it: one summary row (tree, search, lists) and its details.

The services return these and the window draws them as they are (no row type of
its own). Badges are the station's state from its inspections (``services.stations``).
"""

from __future__ import annotations

from dataclasses import dataclass

from fengqiao_desktop.domain.enums import Level

NOT_INSPECTED = "not_inspected"
DRAFT = "draft"
FIVE_HAVES_PASS = "five_haves_pass"
DEMONSTRATION_PASS = "demonstration_pass"
FAILED = "failed"
BADGES = (NOT_INSPECTED, DRAFT, FIVE_HAVES_PASS, DEMONSTRATION_PASS, FAILED)


@dataclass(frozen=True)
class StationSummary:
    """One station in the tree or a search result: enough to draw it and to find its parent."""

    code: str
    name: str
    level: Level
    parent_code: str | None
    badge: str = NOT_INSPECTED
    is_demo: bool = False


@dataclass(frozen=True)
class StationDetails:
    """Who a station is, for its page."""

    code: str
    name: str
    level: Level
    parent_code: str | None = None
    parent_name: str = ""
    address: str = ""
    contact: str = ""
    phone: str = ""
    veterans_served: int | None = None
    is_demo: bool = False
    badge: str = NOT_INSPECTED
