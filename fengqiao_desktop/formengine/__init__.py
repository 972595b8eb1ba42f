"""The form engine: YAML form definitions -> validated FormDef -> scores and verdicts. No Qt."""

from fengqiao_desktop.formengine.schema import Choice, FormDef, Item, Section, Text2
from fengqiao_desktop.formengine.scoring import Answer, ItemScore, ScoreResult, SectionScore, score

__all__ = [
    "Answer",
    "Choice",
    "FormDef",
    "Item",
    "ItemScore",
    "ScoreResult",
    "Section",
    "SectionScore",
    "Text2",
    "score",
]
