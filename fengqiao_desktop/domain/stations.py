"""A station as the app shows it: one summary row (tree, search, lists) and its details.

The services return these and the window draws them as they are (no row type of
its own). Badges are the station's state from its inspections (:func:`station_badge`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from fengqiao_desktop.domain.enums import FormKind, InspectionStatus, Level

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


class InspectionState(NamedTuple):
    """What a station's badge is made of, per inspection: its pinned form, status and verdict, and
    when it was completed or last changed (datetimes, or the same stored text for all of them)."""

    form_sha256: str
    status: str
    verdict: str | None
    completed_at: dt.datetime | str | None
    updated_at: dt.datetime | str


def station_badge(inspections: Sequence[InspectionState], kind_of: Callable[[str], FormKind]) -> str:
    """A station's badge from its inspections, the newest completed one first: a completed rubric
    decides ``demonstration_pass`` or ``failed``; otherwise a completed five-haves check decides
    ``five_haves_pass`` or ``failed``; otherwise any inspection makes it a ``draft``; none at all,
    ``not_inspected``. ``kind_of(form_sha256)`` is the kind of a completed inspection's form."""
    done = [i for i in inspections if i.status != InspectionStatus.DRAFT.value]
    done.sort(key=lambda i: i.completed_at or i.updated_at, reverse=True)
    for kind in (FormKind.RUBRIC, FormKind.GATE):
        for i in done:
            if kind_of(i.form_sha256) is kind:
                if i.verdict == "pass":
                    return DEMONSTRATION_PASS if kind is FormKind.RUBRIC else FIVE_HAVES_PASS
                return FAILED
    return DRAFT if inspections else NOT_INSPECTED
