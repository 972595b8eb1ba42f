"""Plain row types of the roster package (no database, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass

from fengqiao_desktop.domain.enums import Level


@dataclass(frozen=True)
class StationRow:
    """One station as it appears in a roster file or in the demo data.

    ``code`` is always the normalised 12-digit code; ``parent_code`` is the
    12-digit code of the parent station (``None`` only for a city).
    """

    code: str
    name: str
    level: Level
    parent_code: str | None = None
    address: str = ""
    contact: str = ""
    phone: str = ""
    veterans_served: int | None = None
    is_demo: bool = False


# Canonical field names, in the order of a roster file's columns.
FIELDS = (
    "code",
    "name",
    "level",
    "parent_code",
    "address",
    "contact",
    "phone",
    "veterans_served",
)

# How a field is called in messages (and the header ``roster export`` would write).
FIELD_ZH = {
    "code": "代码",
    "name": "名称",
    "level": "层级",
    "parent_code": "上级代码",
    "address": "地址",
    "contact": "联系人",
    "phone": "电话",
    "veterans_served": "服务退役军人数",
}


class RowIssue(tuple):
    """One problem in a roster file: ``(row, column, reason)`` with an English reason too.

    It is a 3-tuple so ``RosterError.rows`` keeps its documented shape; ``field``
    is the canonical column name, ``column`` the header as written in the file,
    ``row`` the row number as Excel shows it (the header is usually row 1).
    """

    row: int
    column: str
    reason: str
    reason_en: str
    field: str

    def __new__(cls, row: int, column: str, reason: str, reason_en: str, field: str = ""):
        obj = super().__new__(cls, (row, column, reason))
        obj.reason_en = reason_en
        obj.field = field or column
        return obj

    @property  # type: ignore[no-redef]
    def row(self) -> int:
        return self[0]

    @property  # type: ignore[no-redef]
    def column(self) -> str:
        return self[1]

    @property  # type: ignore[no-redef]
    def reason(self) -> str:
        return self[2]

    def text(self, lang: str = "zh") -> str:
        """The line shown to the user: ``第 N 行, 列 X: 原因``."""
        if lang == "en":
            return f"row {self.row}, column {self.column}: {self.reason_en}"
        return f"第 {self.row} 行, 列 {self.column}: {self.reason}"

    def __repr__(self) -> str:
        return f"RowIssue(row={self.row}, column={self.column!r}, reason={self.reason!r})"


@dataclass(frozen=True)
class ImportResult:
    """What an import did: stations added, changed in place, and already identical."""

    added: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged
