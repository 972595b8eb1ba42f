"""Property tests: what must hold for any answers to any of the shipped forms."""

from __future__ import annotations

import math

import pytest
from formhelpers import RUBRIC_IDS, full_answers
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from fengqiao_desktop.domain import ItemType, Verdict
from fengqiao_desktop.formengine.loader import shipped_registry
from fengqiao_desktop.formengine.schema import Item
from fengqiao_desktop.formengine.scoring import Answer, AnswerValueError, score, validate_answer

FORMS = [shipped_registry().get(f) for f in (*RUBRIC_IDS, "five-haves")]
RUBRICS = FORMS[:3]
_settings = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def valid_values(item: Item) -> st.SearchStrategy:
    if item.type is ItemType.YES_NO:
        return st.booleans()
    if item.type in (ItemType.GRADED, ItemType.DEDUCTION):
        steps = round(item.max / item.effective_step)
        return st.integers(0, steps).map(lambda k: k * item.effective_step)
    if item.type is ItemType.CHOICE:
        return st.sampled_from([c.value for c in item.choices])
    if item.type is ItemType.NUMBER:
        return st.integers(0, 1000)
    return st.text(max_size=5)


def answer_for(item: Item) -> st.SearchStrategy:
    options = [valid_values(item).map(Answer), st.just(None)]
    if item.na_allowed:
        options.append(st.just(Answer(na=True)))
    return st.one_of(*options)


@st.composite
def form_and_answers(draw, forms=FORMS):
    form = draw(st.sampled_from(forms))
    answers = {}
    for it in form.items.values():
        a = draw(answer_for(it))
        if a is not None:
            answers[it.id] = a
    return form, answers


@_settings
@given(form_and_answers())
def test_total_within_zero_and_max(fa):
    form, answers = fa
    r = score(form, answers)
    assert 0 <= r.total <= form.max
    assert all(0 <= s.earned <= s.max for s in r.sections)


@_settings
@given(form_and_answers(RUBRICS), st.data())
def test_raising_one_item_never_lowers_the_total(fa, data):
    form, answers = fa
    raisable = [
        it
        for it in form.items.values()
        if it.type in (ItemType.GRADED, ItemType.DEDUCTION, ItemType.YES_NO)
        and it.max > 0
        and not (answers.get(it.id) and answers[it.id].na)
    ]
    item = data.draw(st.sampled_from(raisable))
    before = score(form, answers)
    old = before.items[item.id].points
    if item.type is ItemType.YES_NO:
        new_value = True
    else:
        new_value = data.draw(valid_values(item).filter(lambda v: v >= old))
    after = score(form, {**answers, item.id: Answer(new_value)})
    assert after.total >= before.total
    assert after.earned >= before.earned


@_settings
@given(form_and_answers(RUBRICS))
def test_na_rescaling_never_exceeds_the_max(fa):
    form, answers = fa
    r = score(form, answers)
    assert r.total <= form.max
    # and with everything applicable at full marks, N/A items or not, the total is the max
    full = full_answers(form)
    full.update({k: a for k, a in answers.items() if a.na})
    assert score(form, full).total == form.max


@_settings
@given(form_and_answers(RUBRICS), st.data())
def test_a_failed_veto_item_always_gives_veto(fa, data):
    form, answers = fa
    vetoes = [it for it in form.items.values() if it.veto]
    item = data.draw(st.sampled_from(vetoes))
    failing = False if item.type is ItemType.YES_NO else 0
    r = score(form, {**answers, item.id: Answer(failing)})
    assert r.verdict is Verdict.VETO
    assert (item.veto_reason or item.title.zh) in r.veto_reasons


@_settings
@given(form_and_answers(RUBRICS))
def test_verdict_matches_the_total_when_there_is_no_veto(fa):
    form, answers = fa
    r = score(form, answers)
    if not r.veto_reasons:
        assert (r.verdict is Verdict.PASS) == (r.total >= form.pass_mark)


STEPPED = [it for f in RUBRICS for it in f.items.values() if it.type in (ItemType.GRADED, ItemType.DEDUCTION)]


@_settings
@given(st.sampled_from(STEPPED), st.floats(-50, 50, allow_nan=False))
def test_validate_answer_accepts_exactly_the_on_step_values_in_range(item, value):
    step = item.effective_step
    on_step = math.isclose(value / step, round(value / step), abs_tol=1e-9)
    in_range = 0 <= value <= item.max
    if on_step and in_range:
        validate_answer(item, Answer(value))
    else:
        with pytest.raises(AnswerValueError):
            validate_answer(item, Answer(value))


@_settings
@given(st.sampled_from(STEPPED), st.data())
def test_validate_answer_rejects_off_step_values(item, data):
    k = data.draw(st.integers(0, round(item.max / item.effective_step) - 1))
    frac = data.draw(st.floats(0.01, 0.99))
    value = (k + frac) * item.effective_step
    assume(not math.isclose(frac, 0.5) or item.effective_step != 1)
    with pytest.raises(AnswerValueError, match="steps of"):
        validate_answer(item, Answer(value))
