"""Answers, the five-haves state and audit entries in the user's words (Qt translations).

The audit trail stores what changed as plain data (item, number, old and new
answer, reason); these functions turn it into one line in the interface
language, so the trail reads "A1: No → Yes" and never shows raw JSON.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from fengqiao_desktop.domain import FindingStatus, ItemType, Verdict
from fengqiao_desktop.formengine.schema import FormDef, Item
from fengqiao_desktop.formengine.scoring import Answer
from fengqiao_desktop.formengine.visit import GateState
from fengqiao_desktop.ui import i18n


def _lang() -> str:
    return "en" if i18n.current_language().startswith("en") else "zh"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Editor", text)


def answer_text(item: Item | None, answer: Answer | None) -> str:
    """An answer's value in words: Yes / No, the choice's label, the points, N/A, not answered."""
    if answer is None or (not answer.na and answer.value is None):
        return _tr("not answered")
    if answer.na:
        return _tr("N/A")
    value = answer.value
    if item is not None and item.type is ItemType.YES_NO:
        return _tr("Yes") if value else _tr("No")
    if item is not None and item.type is ItemType.CHOICE:
        choice = next((c for c in item.choices if c.value == value), None)
        return choice.label.get(_lang()) if choice else str(value)
    if isinstance(value, float | int) and not isinstance(value, bool):
        return f"{float(value):g}"
    return str(value)


def gate_state_text(state: GateState) -> str:
    return {
        GateState.ABSENT: _tr("no five-haves check in this visit"),
        GateState.PENDING: _tr("not finished yet"),
        GateState.PASSED: _tr("met"),
        GateState.FAILED: _tr("not met"),
    }[state]


def audit_label(action: str) -> str:
    labels = {
        "created": _tr("created"),
        "completed": _tr("completed"),
        "reopened": _tr("reopened for correction"),
        "exported": _tr("exported"),
        "answer_changed": _tr("answer changed"),
        "finding_status": _tr("finding status changed"),
        "finding_resolved": _tr("finding resolved"),
        "finding_rechecked": _tr("finding re-checked"),
    }
    return labels.get(action, action)


def _answer(item: Item | None, data: Any) -> str:
    if not isinstance(data, dict):
        return answer_text(item, None)
    return answer_text(item, Answer(value=data.get("value"), note=data.get("note") or "", na=bool(data.get("na"))))


def _note(data: Any) -> str:
    return str(data.get("note") or "") if isinstance(data, dict) else ""


def audit_change(form: FormDef, action: str, detail: dict[str, Any]) -> str:
    """What an audit entry changed, in one line ("" when the entry changed no value)."""
    item = form.items.get(str(detail.get("item") or ""))
    no = str(detail.get("no") or (item.no if item else detail.get("item") or ""))
    if action == "answer_changed":
        before, after = detail.get("before"), detail.get("after")
        text = _tr("{no}: {before} → {after}").format(no=no, before=_answer(item, before), after=_answer(item, after))
        old_note = _note(before)
        new_note = _note(after)
        if old_note != new_note:
            text += _tr("; note: “{before}” → “{after}”").format(before=old_note, after=new_note)
        return text
    if action in ("finding_resolved", "finding_status"):
        status = {s.value: s.label(_lang()) for s in FindingStatus}
        text = _tr("finding: {before} → {after}").format(
            before=status.get(str(detail.get("before")), str(detail.get("before") or "")),
            after=status.get(str(detail.get("after")), str(detail.get("after") or "")),
        )
        return f"{no}: {text}" if no else text
    if action == "completed" and "total" in detail:
        verdict = detail.get("verdict")
        words = Verdict(verdict).label_for(form.kind, _lang()) if verdict in {v.value for v in Verdict} else ""
        return _tr("{total} pts, {verdict}").format(total=f"{float(detail['total']):g}", verdict=words)
    return ""
