"""The visit rule: one visit's forms and answers -> every form's result and the visit's verdicts.

A visit (走访) is one inspector at one station on one day: the five-haves check
(a ``gate`` form) and, for a demonstration candidate, the level's rubric. This
module is the only place that decides how the forms of a visit bear on each
other; the editor, the score sheet, the bundle record, the bureau's merge,
``central results`` and coverage all call it.

- **Answered once.** A rubric item with ``from: five-haves/jigou`` takes its
  answer (and its photos) from that item of the visit's five-haves check. When
  the visit has no such check (a rubric done alone), the rubric answers the
  item itself.
- **The gate decides first.** The check is *passed* when every item is met,
  *failed* as soon as any answered item is not met (draft or completed) or when
  it is completed without a pass, and *pending* otherwise. A rubric of a visit
  whose check failed is vetoed (reason :data:`FIVE_HAVES_VETO`); while the
  check is pending the rubric's verdict is **pending**, never pass.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from fengqiao_desktop.domain import FormKind, ItemType, Verdict
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.scoring import Answer, ScoreResult, score

# the reason a failed five-haves check gives for vetoing the rubric of the same visit
FIVE_HAVES_VETO = "五有未达标"
FIVE_HAVES_VETO_EN = "Five haves not met"


class GateState(str, Enum):
    ABSENT = "absent"  # no five-haves check in this visit
    PENDING = "pending"  # not every item answered yet, none failed
    PASSED = "passed"
    FAILED = "failed"


@dataclass(frozen=True)
class VisitForm:
    """One form of a visit: the form, its own answers, its photos per item, and its state."""

    key: str  # the inspection id (any key unique in the visit)
    form: FormDef
    answers: Mapping[str, Answer]
    photo_counts: Mapping[str, int] = field(default_factory=dict)
    completed: bool = False


@dataclass(frozen=True)
class VisitResult:
    results: dict[str, ScoreResult]  # by VisitForm.key
    answers: dict[str, dict[str, Answer]]  # the answers each form is scored on (links resolved)
    gate: GateState
    gate_key: str | None = None

    def __getitem__(self, key: str) -> ScoreResult:
        return self.results[key]


def gate_state(result: ScoreResult, form: FormDef, answers: Mapping[str, Answer], completed: bool) -> GateState:
    """The state of a five-haves check from its own score."""
    if result.verdict is Verdict.PASS or completed:
        return decided_gate_state(result.verdict)
    for item_id, s in result.items.items():
        if not s.answered or s.na:
            continue
        item = form.items[item_id]
        a = answers.get(item_id)
        unmet = (
            (a is not None and a.value is False) if item.type is ItemType.YES_NO else not math.isclose(s.points, s.max)
        )
        if unmet:
            return GateState.FAILED
    return GateState.PENDING


def decided_gate_state(verdict: Verdict) -> GateState:
    """The state of a completed five-haves check with this verdict."""
    return GateState.PASSED if verdict is Verdict.PASS else GateState.FAILED


def visit_verdict(own: Verdict, state: GateState) -> Verdict:
    """A rubric's verdict in its visit, from its own verdict and the state of the visit's check."""
    if own is Verdict.VETO or state is GateState.FAILED:
        return Verdict.VETO
    if state is GateState.PENDING:
        return Verdict.PENDING
    return own


def resolve_links(
    form: FormDef, answers: Mapping[str, Answer], photo_counts: Mapping[str, int], sources: Mapping[str, VisitForm]
) -> tuple[dict[str, Answer], dict[str, int]]:
    """The answers and photo counts ``form`` is scored on: linked items read from their source.

    ``sources`` maps a form id to the visit's form of that id. A linked item whose
    source form is not in the visit keeps the form's own answer.
    """
    out_answers = dict(answers)
    out_photos = dict(photo_counts)
    for item in form.items.values():
        if item.source is None:
            continue
        src = sources.get(item.source[0])
        if src is None:
            continue
        src_item = item.source[1]
        a = src.answers.get(src_item)
        if a is None:
            out_answers.pop(item.id, None)
        else:
            out_answers[item.id] = Answer(value=a.value, note=a.note, na=a.na)
        out_photos[item.id] = int(src.photo_counts.get(src_item, 0))
    return out_answers, out_photos


def linked_in_visit(form: FormDef, visit_form_ids: Sequence[str]) -> set[str]:
    """The items of ``form`` answered elsewhere in a visit holding forms ``visit_form_ids``."""
    ids = set(visit_form_ids)
    return {i.id for i in form.items.values() if i.source is not None and i.source[0] in ids}


def evaluate_visit(forms: Sequence[VisitForm]) -> VisitResult:
    """Score every form of a visit, resolving links and applying the five-haves rule."""
    by_form_id = {f.form.id: f for f in forms}
    gate = next((f for f in forms if f.form.kind is FormKind.GATE), None)
    results: dict[str, ScoreResult] = {}
    used: dict[str, dict[str, Answer]] = {}
    state = GateState.ABSENT
    if gate is not None:
        res = score(gate.form, gate.answers, gate.photo_counts)
        results[gate.key] = res
        used[gate.key] = dict(gate.answers)
        state = gate_state(res, gate.form, gate.answers, gate.completed)
    for f in forms:
        if f is gate:
            continue
        answers, photos = resolve_links(f.form, f.answers, f.photo_counts, by_form_id)
        used[f.key] = answers
        if f.form.kind is FormKind.RUBRIC:
            results[f.key] = rubric_in_visit(f.form, answers, photos, state)
        else:
            results[f.key] = score(f.form, answers, photos)
    return VisitResult(results, used, state, gate.key if gate else None)


def rubric_in_visit(
    form: FormDef, answers: Mapping[str, Answer], photo_counts: Mapping[str, int], state: GateState
) -> ScoreResult:
    """A rubric's result given the state of its visit's five-haves check."""
    vetoes = (FIVE_HAVES_VETO,) if state is GateState.FAILED else ()
    result = score(form, answers, photo_counts, vetoes)
    verdict = visit_verdict(result.verdict, state)
    if verdict is not result.verdict:
        result = dataclasses.replace(result, verdict=verdict)
    return result
