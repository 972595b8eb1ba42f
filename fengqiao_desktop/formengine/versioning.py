"""How a form version relates to the one it replaces: the ``supersedes`` block of a form.

A new version of a form states which form and version it supersedes and how its items
map to the old ones (see docs/forms.md, "Versions and their map")::

    supersedes:
      version: "1"                 # the form's own id unless ``form`` names another
      map:
        - {change: renamed, old: B2, new: B2}
        - {change: moved, old: E3, new: C5}
        - {change: split, old: D1, new: [D1, D4]}
        - {change: merged, old: [G2, G3], new: G2}
        - {change: removed, old: H4}

Only the declarations live here (pure pydantic, no other form code); checking a map
against the old form and following items across versions is ``formengine.lineage``.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"


class Change(str, Enum):
    """What happened to an item between two versions."""

    SAME = "same"
    RENAMED = "renamed"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    REMOVED = "removed"
    NEW = "new"

    @property
    def zh(self) -> str:
        return _CHANGE_ZH[self]


_CHANGE_ZH = {
    Change.SAME: "不变",
    Change.RENAMED: "改名",
    Change.MOVED: "移动",
    Change.SPLIT: "拆分",
    Change.MERGED: "合并",
    Change.REMOVED: "删除",
    Change.NEW: "新增",
}

# how many old / new item ids each change takes: (min_old, max_old, min_new, max_new)
_ARITY = {
    Change.SAME: (1, 1, 1, 1),
    Change.RENAMED: (1, 1, 1, 1),
    Change.MOVED: (1, 1, 1, 1),
    Change.SPLIT: (1, 1, 2, 99),
    Change.MERGED: (2, 99, 1, 1),
    Change.REMOVED: (1, 1, 0, 0),
    Change.NEW: (0, 0, 1, 1),
}


class ItemLink(BaseModel):
    """One line of a version map: ``old`` item id(s) of the previous version -> ``new`` ones."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    change: Change
    old: tuple[str, ...] = ()
    new: tuple[str, ...] = ()

    @field_validator("old", "new", mode="before")
    @classmethod
    def _one_or_many(cls, v):
        if isinstance(v, str | int | float):
            return (str(v),)
        return v

    @model_validator(mode="after")
    def _check(self) -> ItemLink:
        lo_old, hi_old, lo_new, hi_new = _ARITY[self.change]
        c = self.change.value
        if not lo_old <= len(self.old) <= hi_old:
            want = "no" if hi_old == 0 else ("one" if hi_old == 1 else "at least two")
            raise ValueError(f"a '{c}' line takes {want} old item id(s) under 'old'")
        if not lo_new <= len(self.new) <= hi_new:
            want = "no" if hi_new == 0 else ("one" if hi_new == 1 else "at least two")
            raise ValueError(f"a '{c}' line takes {want} new item id(s) under 'new'")
        for i in (*self.old, *self.new):
            if not _valid_id(i):
                raise ValueError(f"{i!r} is not an item id")
        return self


def _valid_id(text: str) -> bool:
    import re

    return re.fullmatch(_ID, text) is not None


class Supersedes(BaseModel):
    """The previous version this form replaces, and how the items map onto it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    form: str | None = Field(default=None, pattern=_ID)  # default: the form's own id
    version: str = Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z.+-]*$")
    map: tuple[ItemLink, ...] = ()

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, v):
        return str(v) if isinstance(v, int | float) else v

    @model_validator(mode="after")
    def _check(self) -> Supersedes:
        olds: list[str] = []
        news: list[str] = []
        for link in self.map:
            olds += link.old
            news += link.new
        for kind, ids in (("old", olds), ("new", news)):
            dup = sorted({i for i in ids if ids.count(i) > 1})
            if dup:
                raise ValueError(f"map: {kind} item {', '.join(dup)} is named in more than one line")
        return self
