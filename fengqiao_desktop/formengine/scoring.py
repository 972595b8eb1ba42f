"""Scoring: answers + a FormDef -> item scores, section subtotals, total, verdict.

Rules (documented in docs/forms.md):
- yes/no earns max for ``true``, 0 for ``false``; graded and deduction answers are
  the points awarded (0..max, in steps); a choice earns its option's points.
- An unanswered scored item earns 0 and is listed in ``missing_answers``.
- N/A items (when allowed) leave the total; with ``na_rescale`` the earned points
  are scaled to the form's max: ``total = earned / applicable_max * max``.
- A veto item fails when answered ``false`` / 0 points / a veto choice; any
  failed veto item (or an external veto, such as a failed five-haves gate in the
  same visit) makes the verdict ``veto`` whatever the score.
- gate forms pass when every scored item is answered and earns its max (a yes/no
  item must be ``true``, whatever its points); rubric forms pass at
  ``total >= pass_mark``, compared on the total rounded to 2 decimals (the figure
  printed on the sheet).
- N/A on an item that does not allow it counts as unanswered.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fengqiao_desktop.domain import FormKind, ItemType, Verdict
from fengqiao_desktop.formengine.schema import FormDef, Item

_ANSWER_KEYS = frozenset({"value", "note", "na"})


@dataclass(frozen=True)
class Answer:
    value: Any = None
    note: str = ""
    na: bool = False

    @property
    def answered(self) -> bool:
        return self.na or (self.value is not None and self.value != "")

    @classmethod
    def from_json(cls, raw: Any) -> Answer:
        """Accept the answers-file shapes: a bare value or ``{"value", "note", "na"}``."""
        if isinstance(raw, dict):
            if not raw.keys() <= _ANSWER_KEYS:
                raise ValueError(f"unknown keys {sorted(set(raw) - _ANSWER_KEYS)}")
            note = raw.get("note")
            return cls(raw.get("value"), note if type(note) is str else str(note or ""), bool(raw.get("na", False)))
        return cls(value=raw)

    def to_json(self) -> dict:
        return {"value": self.value, "note": self.note, "na": self.na}


@dataclass(frozen=True)
class ItemScore:
    item_id: str
    points: float
    max: float
    na: bool
    answered: bool
    veto_failed: bool


@dataclass(frozen=True)
class SectionScore:
    id: str
    title: str
    title_en: str
    earned: float
    max: float
    applicable_max: float


@dataclass(frozen=True)
class ScoreResult:
    form_id: str
    kind: FormKind
    total: float
    max: float
    earned: float
    applicable_max: float
    pass_mark: float
    verdict: Verdict
    items: dict[str, ItemScore]
    sections: list[SectionScore]
    veto_reasons: list[str] = field(default_factory=list)
    missing_answers: list[str] = field(default_factory=list)
    missing_evidence: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing_answers and not self.missing_evidence

    def verdict_label(self, lang: str = "zh") -> str:
        return self.verdict.label_for(self.kind, lang)

    def to_json(self) -> dict:
        return {
            "form": self.form_id,
            "total": self.total,
            "max": self.max,
            "pass_mark": self.pass_mark,
            "verdict": self.verdict.value,
            "veto_reasons": list(self.veto_reasons),
            "missing_answers": list(self.missing_answers),
            "missing_evidence": [{"item": i, "have": h, "need": n} for i, h, n in self.missing_evidence],
            "sections": [
                {"id": s.id, "title": s.title, "earned": s.earned, "max": s.max, "applicable_max": s.applicable_max}
                for s in self.sections
            ],
        }


class AnswerValueError(ValueError):
    """An answer value does not fit its item (wrong type, out of range, off step)."""

    def __init__(self, item_id: str, reason: str):
        super().__init__(f"{item_id}: {reason}")
        self.item_id = item_id
        self.reason = reason


def _num(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and math.isfinite(value):
        return float(value)
    return None


def validate_answer(item: Item, answer: Answer) -> None:
    """Raise AnswerValueError when ``answer`` cannot be given to ``item``."""
    if answer.na:
        if not item.na_allowed:
            raise AnswerValueError(item.id, "this item cannot be marked not applicable")
        return
    v = answer.value
    if v is None or v == "":
        return
    t = item.type
    if t is ItemType.YES_NO:
        if not isinstance(v, bool):
            raise AnswerValueError(item.id, "expected true or false")
    elif t in (ItemType.GRADED, ItemType.DEDUCTION):
        n = _num(v)
        if n is None:
            raise AnswerValueError(item.id, "expected a number of points")
        if n < 0 or n > item.max + 1e-9:
            raise AnswerValueError(item.id, f"points must lie between 0 and {item.max:g}")
        q = n / item.effective_step
        if not math.isclose(q, round(q), abs_tol=1e-9):
            raise AnswerValueError(item.id, f"points must move in steps of {item.effective_step:g}")
    elif t is ItemType.CHOICE:
        if not isinstance(v, str) or v not in {c.value for c in item.choices}:
            raise AnswerValueError(item.id, "expected one of " + ", ".join(c.value for c in item.choices))
    elif t is ItemType.NUMBER:
        n = _num(v)
        if n is None:
            raise AnswerValueError(item.id, "expected a number")
        if item.min_value is not None and n < item.min_value:
            raise AnswerValueError(item.id, f"must be at least {item.min_value:g}")
        if item.max_value is not None and n > item.max_value:
            raise AnswerValueError(item.id, f"must be at most {item.max_value:g}")
    elif t is ItemType.TEXT and not isinstance(v, str):
        raise AnswerValueError(item.id, "expected text")


def item_points(item: Item, answer: Answer | None) -> tuple[float, bool]:
    """Points earned and whether a veto item failed. Unanswered -> (0, False)."""
    if answer is None or answer.na or not answer.answered or not item.scored:
        return 0.0, False
    v = answer.value
    t = item.type
    if t is ItemType.YES_NO:
        pts = item.max if v is True else 0.0
        return pts, item.veto and v is False
    if t in (ItemType.GRADED, ItemType.DEDUCTION):
        pts = min(max(_num(v) or 0.0, 0.0), item.max)
        return pts, item.veto and pts <= 0
    if t is ItemType.CHOICE:
        choice = next((c for c in item.choices if c.value == v), None)
        if choice is None:
            return 0.0, False
        return choice.points, item.veto and (choice.veto or choice.points <= 0)
    return 0.0, False


def _round(x: float) -> float:
    return round(x + 0.0, 2)


# -- compiled scoring ------------------------------------------------------------
# ``score`` runs for every inspection of a merge and on every answer typed on the
# laptop. The form is turned once (per content hash) into flat per-item tuples, so
# the hot loop reads tuple slots instead of walking pydantic objects and their
# derived properties. An item's usual scores (unanswered, N/A, yes, no, each choice, each
# points value met) are made once per form: ItemScore is immutable, so results share them.

# how an item earns points
_K_NONE, _K_YES_NO, _K_POINTS, _K_CHOICE = range(4)
_KIND = {
    ItemType.YES_NO: _K_YES_NO,
    ItemType.GRADED: _K_POINTS,
    ItemType.DEDUCTION: _K_POINTS,
    ItemType.CHOICE: _K_CHOICE,
}

# (id, kind, max, required, min_photos, veto, veto reason, scored, the item's possible
#  ItemScores: unanswered, N/A, answered for no points, yes, no;
#  {choice value: ItemScore}, {points: ItemScore} filled as points are met)
_CompiledItem = tuple
# (id, title zh, title en, max, items)
_CompiledSection = tuple


@dataclass(frozen=True)
class CompiledForm:
    """A form reduced to what scoring reads, in flat tuples (see :func:`compiled`)."""

    form_id: str
    kind: FormKind
    gate: bool
    max: float
    pass_mark: float
    na_rescale: bool
    sections: tuple[_CompiledSection, ...]


_compiled: dict[str, CompiledForm] = {}
_COMPILED_LIMIT = 256


def compiled(form: FormDef) -> CompiledForm:
    """The compiled form of ``form``, made once per content (cached by its sha256)."""
    key = form.sha256
    c = _compiled.get(key)
    if c is None:
        if len(_compiled) >= _COMPILED_LIMIT:
            _compiled.clear()
        c = _compiled[key] = _compile(form)
    return c


def _compile(form: FormDef) -> CompiledForm:
    sections = []
    for sec in form.sections:
        items: list = []
        for it in sec.items:
            iid, imax, veto = it.id, it.max, it.veto
            kind = _KIND.get(it.type, _K_NONE) if it.scored else _K_NONE
            unanswered = ItemScore(iid, 0.0, imax, False, False, False)
            # N/A where the form does not allow it is no answer at all
            na = ItemScore(iid, 0.0, imax, True, True, False) if it.na_allowed else unanswered
            zero = ItemScore(iid, 0.0, imax, False, True, False)
            yes = ItemScore(iid, imax, imax, False, True, False) if kind == _K_YES_NO else zero
            no = ItemScore(iid, 0.0, imax, False, True, veto) if kind == _K_YES_NO else zero
            choices = (
                {
                    c.value: ItemScore(iid, c.points, imax, False, True, veto and (c.veto or c.points <= 0))
                    for c in it.choices
                }
                if kind == _K_CHOICE
                else {}
            )
            items.append(
                (
                    iid,
                    kind,
                    imax,
                    it.is_required,
                    it.min_photos,
                    veto,
                    it.veto_reason or it.title.zh,
                    it.scored,
                    unanswered,
                    na,
                    zero,
                    yes,
                    no,
                    choices,
                    {},
                )
            )
        sections.append((sec.id, sec.title.zh, sec.title.en, sec.max, tuple(items)))
    return CompiledForm(
        form.id, form.kind, form.kind is FormKind.GATE, form.max, form.pass_mark, form.na_rescale, tuple(sections)
    )


_POINTS_KEPT = 64  # distinct point values remembered per item (a graded item has a few)


def score(
    form: FormDef,
    answers: Mapping[str, Answer],
    photo_counts: Mapping[str, int] | None = None,
    external_vetoes: Sequence[str] = (),
) -> ScoreResult:
    """Score ``answers`` (item id -> Answer) against ``form`` (rules in the module docstring).

    ``photo_counts`` gives the photos attached per item (for ``missing_evidence``);
    ``external_vetoes`` are reasons decided outside this form, such as a failed
    five-haves gate in the same visit. Answers for ids the form lacks are ignored.
    The form is compiled once per content; ``score_reference`` in the tests is the same
    scoring written item object by item object.
    """
    cf = compiled(form)
    photos = photo_counts or {}
    get = answers.get
    items: dict[str, ItemScore] = {}
    sections: list[SectionScore] = []
    veto_reasons: list[str] = list(external_vetoes)
    missing_answers: list[str] = []
    missing_evidence: list[tuple[str, int, int]] = []
    earned_all = 0.0
    applicable_all = 0.0
    gate = cf.gate
    gate_met = True
    for sec_id, title_zh, title_en, sec_max, sec_items in cf.sections:
        s_earned = 0.0
        s_applicable = 0.0
        for (
            iid,
            kind,
            imax,
            required,
            min_photos,
            veto,
            reason,
            scored,
            unanswered,
            na_score,
            zero,
            yes,
            no,
            choices,
            by_points,
        ) in sec_items:
            ans = get(iid)
            if ans is None:
                result = unanswered
            elif ans.na:
                result = na_score
            else:
                v = ans.value
                if v is None or v == "":
                    result = unanswered
                elif kind == _K_YES_NO:
                    result = yes if v is True else (no if v is False else zero)
                elif kind == _K_POINTS:
                    tv = type(v)
                    if tv is float or tv is int:
                        n = float(v) if v - v == 0 else 0.0  # NaN and infinities earn nothing
                    else:
                        n = _num(v) or 0.0
                    # min(max(n, 0.0), imax), spelt out
                    if n < 0.0:
                        n = 0.0
                    pts = imax if imax < n else n
                    result = by_points.get(pts) if pts > 0 else None  # (never -0.0 for 0.0)
                    if result is None:
                        result = ItemScore(iid, pts, imax, False, True, veto and pts <= 0)
                        if pts > 0 and len(by_points) < _POINTS_KEPT:
                            by_points[pts] = result
                elif kind == _K_CHOICE:
                    try:
                        result = choices.get(v, zero)
                    except TypeError:  # an unhashable value matches no option
                        result = zero
                else:
                    result = zero
            na = result.na
            answered = result.answered
            if required and not answered:
                missing_answers.append(iid)
            if min_photos and not na:
                have = photos.get(iid, 0)
                if have < min_photos:
                    missing_evidence.append((iid, have, min_photos))
            if result.veto_failed:
                veto_reasons.append(reason)
            if scored and not na:
                pts = result.points
                s_earned += pts
                s_applicable += imax
                if gate and gate_met:
                    if not answered:
                        gate_met = False
                    elif kind == _K_YES_NO:
                        # a 0-point yes/no check still has to be "yes"
                        gate_met = result is yes
                    else:
                        gate_met = math.isclose(pts, imax)
            items[iid] = result
        sections.append(SectionScore(sec_id, title_zh, title_en, _round(s_earned), sec_max, s_applicable))
        earned_all += s_earned
        applicable_all += s_applicable
    fmax = cf.max
    if cf.na_rescale and applicable_all > 0 and applicable_all < fmax:
        total = min(earned_all / applicable_all * fmax, fmax)
    elif applicable_all == 0:
        total = 0.0
    else:
        total = earned_all
    total = _round(total)
    if veto_reasons:
        verdict = Verdict.VETO
    elif gate:
        verdict = Verdict.PASS if gate_met and not missing_answers else Verdict.FAIL
    else:
        verdict = Verdict.PASS if total >= cf.pass_mark - 1e-9 else Verdict.FAIL
    return ScoreResult(
        form_id=cf.form_id,
        kind=cf.kind,
        total=total,
        max=fmax,
        earned=_round(earned_all),
        applicable_max=applicable_all,
        pass_mark=cf.pass_mark,
        verdict=verdict,
        items=items,
        sections=sections,
        veto_reasons=veto_reasons,
        missing_answers=missing_answers,
        missing_evidence=missing_evidence,
    )
