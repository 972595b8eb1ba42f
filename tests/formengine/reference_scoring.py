"""The plain scorer the compiled one (``formengine.scoring.score``) is tested against.

It walks the form's item objects one by one, as the product did before scoring was
compiled per form; the property test holds both equal on every form.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from fengqiao_desktop.domain import FormKind, ItemType, Verdict
from fengqiao_desktop.formengine.schema import FormDef, Item
from fengqiao_desktop.formengine.scoring import Answer, ItemScore, ScoreResult, SectionScore, _round, item_points


def _gate_item_met(item: Item, s: ItemScore, answer: Answer | None) -> bool:
    if s.na:
        return True
    if not s.answered:
        return False
    if item.type is ItemType.YES_NO:
        # a 0-point yes/no check still has to be "yes"
        return answer is not None and answer.value is True
    return math.isclose(s.points, s.max)


def score_reference(
    form: FormDef,
    answers: Mapping[str, Answer],
    photo_counts: Mapping[str, int] | None = None,
    external_vetoes: Sequence[str] = (),
) -> ScoreResult:
    """:func:`score` written plainly, item object by item object: the reference the
    compiled scorer is tested against (same arguments, same result).

    ``photo_counts`` gives the photos attached per item (for ``missing_evidence``);
    ``external_vetoes`` are reasons decided outside this form, such as a failed
    five-haves gate in the same visit. Answers for ids the form lacks are ignored.
    """
    photo_counts = photo_counts or {}
    items: dict[str, ItemScore] = {}
    sections: list[SectionScore] = []
    veto_reasons: list[str] = list(external_vetoes)
    missing_answers: list[str] = []
    missing_evidence: list[tuple[str, int, int]] = []
    earned_all = 0.0
    applicable_all = 0.0
    for sec in form.sections:
        s_earned = 0.0
        s_applicable = 0.0
        for it in sec.items:
            ans = answers.get(it.id)
            na = bool(ans and ans.na and it.na_allowed)
            # N/A where the form does not allow it is no answer at all
            answered = bool(ans and ans.answered) and (na or not (ans and ans.na))
            pts, vfail = item_points(it, ans)
            if it.is_required and not answered:
                missing_answers.append(it.id)
            if not na and it.min_photos and photo_counts.get(it.id, 0) < it.min_photos:
                missing_evidence.append((it.id, photo_counts.get(it.id, 0), it.min_photos))
            if vfail:
                veto_reasons.append(it.veto_reason or it.title.zh)
            if it.scored and not na:
                s_earned += pts
                s_applicable += it.max
            items[it.id] = ItemScore(it.id, pts, it.max, na, answered, vfail)
        sections.append(SectionScore(sec.id, sec.title.zh, sec.title.en, _round(s_earned), sec.max, s_applicable))
        earned_all += s_earned
        applicable_all += s_applicable
    fmax = form.max
    if form.na_rescale and applicable_all > 0 and applicable_all < fmax:
        total = min(earned_all / applicable_all * fmax, fmax)
    elif applicable_all == 0:
        total = 0.0
    else:
        total = earned_all
    total = _round(total)
    if veto_reasons:
        verdict = Verdict.VETO
    elif form.kind is FormKind.GATE:
        all_met = all(_gate_item_met(it, items[it.id], answers.get(it.id)) for it in form.items.values() if it.scored)
        verdict = Verdict.PASS if all_met and not missing_answers else Verdict.FAIL
    else:
        verdict = Verdict.PASS if total >= form.pass_mark - 1e-9 else Verdict.FAIL
    return ScoreResult(
        form_id=form.id,
        kind=form.kind,
        total=total,
        max=fmax,
        earned=_round(earned_all),
        applicable_max=applicable_all,
        pass_mark=form.pass_mark,
        verdict=verdict,
        items=items,
        sections=sections,
        veto_reasons=veto_reasons,
        missing_answers=missing_answers,
        missing_evidence=missing_evidence,
    )
