"""Answer sets made from a form definition alone.

``full_marks`` answers every item so that it earns its maximum: the shape of a
perfect paper sheet, used by the installation self-check and by tests and
benchmarks that need a valid, complete inspection of any form.
"""

from __future__ import annotations

from fengqiao_desktop.domain.enums import ItemType
from fengqiao_desktop.formengine.schema import FormDef

_FULL = {
    ItemType.YES_NO: lambda it, text: True,
    ItemType.GRADED: lambda it, text: it.max,
    ItemType.DEDUCTION: lambda it, text: it.max,
    ItemType.CHOICE: lambda it, text: max(it.choices, key=lambda c: c.points).value,
    ItemType.NUMBER: lambda it, text: it.min_value if it.min_value is not None else 0,
}


def full_marks(form: FormDef, text: str = "记录", *, linked: bool = True) -> dict[str, object]:
    """item id -> the value earning full marks (yes, max points, the best choice); number
    items get their minimum and text items ``text``. ``linked=False`` leaves out the items
    answered in another form of the visit (``from:``), as a rubric beside its check must."""
    return {
        item_id: _FULL.get(it.type, lambda _it, t: t)(it, text)
        for item_id, it in form.items.items()
        if linked or it.source is None
    }
