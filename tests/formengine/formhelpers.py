"""Answer sheets built from forms, shared by the form engine tests."""

from __future__ import annotations

from fengqiao_desktop.domain import ItemType
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.scoring import Answer

RUBRIC_IDS = ("demonstration-county", "demonstration-town", "demonstration-village")


def full_answers(form: FormDef) -> dict[str, Answer]:
    """Every item at full marks (yes for yes/no, the best choice, max points)."""
    out = {}
    for it in form.items.values():
        if it.type is ItemType.YES_NO:
            out[it.id] = Answer(True)
        elif it.type is ItemType.CHOICE:
            best = max(it.choices, key=lambda c: c.points)
            out[it.id] = Answer(best.value)
        elif it.type is ItemType.NUMBER:
            out[it.id] = Answer(1)
        elif it.type is ItemType.TEXT:
            out[it.id] = Answer("ok")
        else:
            out[it.id] = Answer(it.max)
    return out


def enough_photos(form: FormDef) -> dict[str, int]:
    return {it.id: it.min_photos for it in form.items.values()}
