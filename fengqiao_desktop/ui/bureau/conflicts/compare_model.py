"""The side-by-side table of the Conflicts page: one column pair (answer, points) per competing revision.

The first rows compare the revisions as wholes (inspector, completion time,
total, verdict, winner); then every item of the form. Rows where the revisions
differ are highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from fengqiao_desktop.services.conflict_compare import Cell, Comparison, ItemRow, RevisionSide
from fengqiao_desktop.ui.bureau.formatting import is_english, number, when
from fengqiao_desktop.ui.bureau.rows_model import Column, RowsModel

DIFF_COLOUR = "#ffe3b3"
WINNER_COLOUR = "#e3f4e1"


@dataclass(frozen=True)
class SummaryRow:
    key: str  # inspector / completed / total / verdict / winner / audit
    sides: tuple[RevisionSide, ...]

    @property
    def differs(self) -> bool:
        return len({summary_value(self.key, s) for s in self.sides}) > 1


def summary_label(key: str) -> str:
    return {
        "inspector": QCoreApplication.translate("BureauConflicts", "Inspector"),
        "completed": QCoreApplication.translate("BureauConflicts", "Completed at"),
        "updated": QCoreApplication.translate("BureauConflicts", "Last edited"),
        "total": QCoreApplication.translate("BureauConflicts", "Total score"),
        "verdict": QCoreApplication.translate("BureauConflicts", "Verdict"),
        "audit": QCoreApplication.translate("BureauConflicts", "Audit entries"),
        "winner": QCoreApplication.translate("BureauConflicts", "Current winner"),
    }[key]


def verdict_text(v: str | None) -> str:
    return {
        "pass": QCoreApplication.translate("BureauConflicts", "Pass"),
        "fail": QCoreApplication.translate("BureauConflicts", "Fail"),
        "veto": QCoreApplication.translate("BureauConflicts", "Vetoed"),
        "incomplete": QCoreApplication.translate("BureauConflicts", "Incomplete"),
    }.get(v or "", v or "")


def summary_value(key: str, s: RevisionSide) -> str:
    if key == "inspector":
        return s.inspector
    if key == "completed":
        return when(s.completed_at)
    if key == "updated":
        return when(s.updated_at)
    if key == "total":
        return f"{number(s.total)} / {number(s.max)}" if s.max is not None else number(s.total)
    if key == "verdict":
        return verdict_text(s.verdict)
    if key == "audit":
        return str(s.audit_len)
    return QCoreApplication.translate("BureauConflicts", "Winner") if s.is_winner else ""


def answer_text(row: ItemRow, cell: Cell) -> str:
    if cell.na:
        text = QCoreApplication.translate("BureauConflicts", "N/A")
    elif cell.value is None:
        text = QCoreApplication.translate("BureauConflicts", "(no answer)")
    elif row.item_type == "yes_no":
        text = (
            QCoreApplication.translate("BureauConflicts", "Yes")
            if cell.value
            else QCoreApplication.translate("BureauConflicts", "No")
        )
    elif row.item_type == "choice" and cell.value in row.choices:
        text = row.choices[cell.value][1 if is_english() else 0]
    elif isinstance(cell.value, float | int) and not isinstance(cell.value, bool):
        text = number(float(cell.value))
    else:
        text = str(cell.value)
    if cell.note:
        text += QCoreApplication.translate("BureauConflicts", " — note: {note}").format(note=cell.note)
    if cell.photos:
        text += QCoreApplication.translate("BureauConflicts", " — {n} photo(s)").format(n=cell.photos)
    return text


def _item_label(r) -> str:
    if isinstance(r, SummaryRow):
        return summary_label(r.key)
    section = r.section_en if is_english() else r.section_zh
    return f"{section} · {r.title_en if is_english() else r.title_zh}"


def _highlight(r) -> str | None:
    return DIFF_COLOUR if r.differs else None


def _side_header(i: int, s: RevisionSide) -> str:
    head = QCoreApplication.translate("BureauConflicts", "Revision {n} ({sha})").format(n=s.revision, sha=s.sha256[:8])
    return f"{head}\n{s.inspector}"


def _answer_col(i: int, s: RevisionSide) -> Column:
    def text(r) -> str:
        if isinstance(r, SummaryRow):
            return summary_value(r.key, r.sides[i])
        return answer_text(r, r.cells[i])

    def bg(r) -> str | None:
        if isinstance(r, SummaryRow) and r.key == "winner" and r.sides[i].is_winner:
            return WINNER_COLOUR
        return _highlight(r)

    return Column(lambda: _side_header(i, s), text, background=bg)


def _points_col(i: int) -> Column:
    def text(r) -> str:
        if isinstance(r, SummaryRow):
            return ""
        return number(r.cells[i].points)

    return Column(lambda: QCoreApplication.translate("BureauConflicts", "Points"), text, background=_highlight)


def comparison_model(parent=None) -> RowsModel:
    return RowsModel([], parent)


def show_comparison(model: RowsModel, cmp: Comparison | None) -> None:
    if cmp is None:
        model.set_table([], [])
        return
    cols = [
        Column(lambda: QCoreApplication.translate("BureauConflicts", "Item"), _item_label, background=_highlight),
        Column(
            lambda: QCoreApplication.translate("BureauConflicts", "Max"),
            lambda r: "" if isinstance(r, SummaryRow) else number(r.max),
        ),
    ]
    for i, s in enumerate(cmp.revisions):
        cols += [_answer_col(i, s), _points_col(i)]
    rows: list = [
        SummaryRow(k, cmp.revisions)
        for k in ("inspector", "completed", "updated", "total", "verdict", "audit", "winner")
    ]
    rows += list(cmp.rows)
    model.set_table(cols, rows)
