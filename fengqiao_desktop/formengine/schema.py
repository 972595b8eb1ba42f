"""The pydantic schema of a form definition (see docs/forms.md).

A form is data: bureaus replace the reference rubric with their own sheet by
dropping a YAML file into ``forms/``. The schema checks everything the scoring
relies on, so scoring never meets a malformed form.
"""

from __future__ import annotations

import hashlib
import math
from functools import cached_property

import rfc8785
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from fengqiao_desktop.domain import FindingCategory, FormKind, ItemType, Level
from fengqiao_desktop.formengine.versioning import Supersedes

_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
# a linked item names the form and the item it takes its answer from: five-haves/jigou
_LINK = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}/[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text2(_Strict):
    """A text in Chinese and English."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class Choice(_Strict):
    value: str = Field(min_length=1)
    label: Text2
    points: float = 0
    veto: bool = False  # choosing this option fails the veto item


def _is_multiple(value: float, step: float) -> bool:
    q = value / step
    return math.isclose(q, round(q), abs_tol=1e-9)


class Item(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: str = Field(pattern=_ID)
    # the item's number as printed on the paper sheet (A1, B2, 1 ...); default: the id
    number: str | None = Field(default=None, min_length=1, max_length=16)
    # answered in another form of the same visit: "five-haves/jigou" (docs/forms.md)
    link: str | None = Field(default=None, alias="from", pattern=_LINK)
    title: Text2
    type: ItemType
    max: float = Field(default=0, ge=0)
    step: float | None = Field(default=None, gt=0)  # graded / deduction: points move in this step
    guidance: str = ""  # 评分标准, Chinese
    guidance_en: str = ""
    veto: bool = False
    veto_reason: str = ""  # what failing this item means, for the sheet (e.g. 弄虚作假)
    na_allowed: bool = False
    min_photos: int = Field(default=0, ge=0)
    required: bool | None = None  # default: required unless the item is text
    choices: tuple[Choice, ...] = ()
    min_value: float | None = None  # number items
    max_value: float | None = None
    category: FindingCategory | None = None  # default finding category for this item
    evidence: str = ""  # what to photograph / collect
    # deduction items: points taken off per shortfall found (default: the step)
    deduct_per: float | None = Field(default=None, gt=0)

    @field_validator("category", mode="before")
    @classmethod
    def _category_from_label(cls, v):
        # the sheet may say 硬件设施 or hardware; store the machine value
        if isinstance(v, str):
            try:
                return FindingCategory.parse(v)
            except ValueError:
                known = ", ".join(f"{c.value} ({c.zh})" for c in FindingCategory)
                raise ValueError(f"unknown category {v!r}; use one of {known}") from None
        return v

    # derived values are cached: scoring asks for them for every item of every inspection
    @cached_property
    def is_required(self) -> bool:
        if self.required is not None:
            return self.required
        return self.type is not ItemType.TEXT

    @cached_property
    def scored(self) -> bool:
        return self.type in (ItemType.YES_NO, ItemType.GRADED, ItemType.DEDUCTION, ItemType.CHOICE)

    @property
    def no(self) -> str:
        """The item's number on paper and on screen (``number``, else the id)."""
        return self.number or self.id

    @cached_property
    def source(self) -> tuple[str, str] | None:
        """(form id, item id) this item takes its answer from, or None."""
        if not self.link:
            return None
        form_id, item_id = self.link.split("/", 1)
        return form_id, item_id

    @property
    def effective_step(self) -> float:
        return self.step or (0.5 if self.type in (ItemType.GRADED, ItemType.DEDUCTION) else 1.0)

    def points_after_deductions(self, shortfalls: int) -> float:
        """A deduction item's points after ``shortfalls`` findings: max minus each deduction, floor 0."""
        per = self.deduct_per or self.effective_step
        return max(self.max - per * max(shortfalls, 0), 0.0)

    @model_validator(mode="after")
    def _check(self) -> Item:
        # messages carry no item id: the loader prefixes the location (section / item)
        t = self.type
        if t in (ItemType.GRADED, ItemType.DEDUCTION):
            if self.max <= 0:
                raise ValueError(f"a {t.value} item needs max > 0")
            if not _is_multiple(self.max, self.effective_step):
                raise ValueError(f"max {self.max:g} is not a multiple of step {self.effective_step:g}")
        elif self.step is not None:
            raise ValueError(f"only graded and deduction items have a step ({t.value} has none)")
        if self.deduct_per is not None:
            if t is not ItemType.DEDUCTION:
                raise ValueError("only deduction items have deduct_per")
            if not _is_multiple(self.deduct_per, self.effective_step):
                raise ValueError(f"deduct_per {self.deduct_per:g} is not a multiple of step {self.effective_step:g}")
        if t is ItemType.CHOICE:
            if len(self.choices) < 2:
                raise ValueError("a choice item needs at least two options under 'choices'")
            values = [c.value for c in self.choices]
            if len(set(values)) != len(values):
                raise ValueError("choice values repeat")
            if any(c.points < 0 or c.points > self.max for c in self.choices):
                raise ValueError(f"choice points must lie in 0..max ({self.max:g})")
            if not math.isclose(max(c.points for c in self.choices), self.max):
                raise ValueError(f"the best choice must be worth max ({self.max:g})")
            if any(c.veto for c in self.choices) and not self.veto:
                raise ValueError("a choice marked veto needs the item to be a veto item")
        elif self.choices:
            raise ValueError("only choice items have choices")
        if t in (ItemType.NUMBER, ItemType.TEXT) and self.max != 0:
            raise ValueError(f"{t.value} items carry no points (max must be 0)")
        if t in (ItemType.NUMBER, ItemType.TEXT) and self.veto:
            raise ValueError(f"{t.value} items cannot be veto items")
        if self.veto and self.na_allowed:
            raise ValueError("a veto item cannot be marked not applicable")
        if self.veto_reason and not self.veto:
            raise ValueError("veto_reason is set but veto is not")
        if (self.min_value is not None or self.max_value is not None) and t is not ItemType.NUMBER:
            raise ValueError("only number items have min_value / max_value")
        if self.min_value is not None and self.max_value is not None and self.min_value > self.max_value:
            raise ValueError("min_value is above max_value")
        return self


class Section(_Strict):
    id: str = Field(pattern=_ID)
    title: Text2
    items: tuple[Item, ...] = Field(min_length=1)

    @cached_property
    def max(self) -> float:
        return sum(i.max for i in self.items if i.scored)


class FormDef(_Strict):
    id: str = Field(pattern=_ID)
    version: str = Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z.+-]*$")
    title: Text2
    kind: FormKind
    levels: tuple[Level, ...] = Field(min_length=1)
    pass_mark: float = Field(default=0, ge=0)
    max_points: float | None = None  # declared total; checked against the items
    na_rescale: bool = True
    description: str = ""
    sections: tuple[Section, ...] = Field(min_length=1)
    # the version this one replaces and how its items map (formengine.lineage checks it)
    supersedes: Supersedes | None = None

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, v):
        return str(v) if isinstance(v, (int, float)) else v

    @model_validator(mode="after")
    def _check(self) -> FormDef:
        seen: dict[str, str] = {}
        numbers: dict[str, str] = {}
        for s in self.sections:
            for it in s.items:
                if it.id in seen:
                    raise ValueError(f"item {it.id} (section {s.id}): the id is already used in section {seen[it.id]}")
                seen[it.id] = s.id
                if it.no in numbers and numbers[it.no] != it.id:
                    raise ValueError(
                        f"item {it.id} (section {s.id}): the number {it.no} is already used by item {numbers[it.no]}"
                    )
                numbers[it.no] = it.id
                if it.source is not None and it.source[0] == self.id:
                    raise ValueError(f"item {it.id} (section {s.id}): 'from' must name another form")
        section_ids = [s.id for s in self.sections]
        for sid in section_ids:
            if section_ids.count(sid) > 1:
                raise ValueError(f"section {sid}: the id is used twice")
        if len(set(self.levels)) != len(self.levels):
            raise ValueError("levels repeat")
        total = sum(s.max for s in self.sections)
        if self.max_points is not None and not math.isclose(total, self.max_points, abs_tol=1e-9):
            per = ", ".join(f"{s.id} {s.max:g}" for s in self.sections)
            raise ValueError(f"items add up to {total:g} points ({per}), but max_points says {self.max_points:g}")
        if self.pass_mark > total + 1e-9:
            raise ValueError(f"pass_mark {self.pass_mark:g} is above the total {total:g}")
        return self

    # -- derived -------------------------------------------------------
    @cached_property
    def max(self) -> float:
        return sum(s.max for s in self.sections)

    @cached_property
    def items(self) -> dict[str, Item]:
        return {it.id: it for s in self.sections for it in s.items}

    def section_of(self, item_id: str) -> Section:
        for s in self.sections:
            if any(i.id == item_id for i in s.items):
                return s
        raise KeyError(item_id)

    def canonical_bytes(self) -> bytes:
        """RFC 8785 canonical JSON of the validated content: the basis of the form's hash.

        Fields left at their default are omitted, so a later schema version that adds an
        optional field does not change the identity of forms that do not use it. The
        result validates back to the same form (the central registry stores it).
        """
        return rfc8785.dumps(self.model_dump(mode="json", exclude_defaults=True, by_alias=True))

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.canonical_bytes()).hexdigest()

    @property
    def identity(self) -> tuple[str, str, str]:
        return (self.id, self.version, self.sha256)

    def summary(self) -> dict:
        """The ``forms show --json`` shape (a contract: keys may be added, never removed).

        ``{"id", "version", "sha256", "kind", "pass_mark", "max", "sections": [{"id", "title",
        "items": [{"id", "type", "max", "veto", "na_allowed", "min_photos"}]}]}`` plus
        titles in both languages, levels, steps, categories and veto reasons.
        """
        return {
            "id": self.id,
            "version": self.version,
            "sha256": self.sha256,
            "kind": self.kind.value,
            "title": {"zh": self.title.zh, "en": self.title.en},
            "levels": [lv.value for lv in self.levels],
            "pass_mark": self.pass_mark,
            "max": self.max,
            "sections": [
                {
                    "id": s.id,
                    "title": s.title.zh,
                    "title_en": s.title.en,
                    "max": s.max,
                    "items": [
                        {
                            "id": i.id,
                            "no": i.no,
                            "from": i.link,
                            "title": i.title.zh,
                            "title_en": i.title.en,
                            "type": i.type.value,
                            "max": i.max,
                            "step": i.effective_step if i.type in _STEPPED else None,
                            "veto": i.veto,
                            "veto_reason": i.veto_reason or None,
                            "na_allowed": i.na_allowed,
                            "min_photos": i.min_photos,
                            "category": i.category.value if i.category else None,
                        }
                        for i in s.items
                    ],
                }
                for s in self.sections
            ],
        }


_STEPPED = (ItemType.GRADED, ItemType.DEDUCTION)
