"""Scoring the shipped forms: totals, verdicts, N/A rescaling, vetoes, what is missing."""

from __future__ import annotations

import pytest
from formhelpers import enough_photos, full_answers

from fengqiao_desktop.domain import Verdict
from fengqiao_desktop.formengine.loader import parse_form
from fengqiao_desktop.formengine.scoring import Answer, AnswerValueError, score, validate_answer


def with_(answers: dict, **changes) -> dict:
    out = dict(answers)
    for k, v in changes.items():
        out[k] = v if isinstance(v, Answer) else Answer(v)
    return out


def test_all_full_marks_is_100_and_pass(rubric):
    r = score(rubric, full_answers(rubric), enough_photos(rubric))
    assert r.total == 100 and r.verdict is Verdict.PASS
    assert r.verdict_label() == "示范型达标"
    assert r.complete and not r.veto_reasons
    assert [s.earned for s in r.sections] == [s.max for s in rubric.sections]


def test_89_5_fails_and_90_passes(registry):
    form = registry.get("demonstration-town")
    full = full_answers(form)
    r = score(form, with_(full, B1=0, B3=0, D2=2.5), enough_photos(form))  # -6 -3 -1.5
    assert r.total == 89.5 and r.verdict is Verdict.FAIL
    assert r.verdict_label() == "示范型未达标" and r.verdict_label("en") == "Demonstration grade: not met"
    r = score(form, with_(full, B1=0, B3=0, D2=3), enough_photos(form))
    assert r.total == 90 and r.verdict is Verdict.PASS


@pytest.mark.parametrize(
    "item_id, reason", [("Z1", "弄虚作假"), ("Z2", "经费挪用"), ("Z3", "因工作失职引发重大事件或群体性上访")]
)
def test_a_failed_zero_point_veto_item_vetoes_even_at_100(rubric, item_id, reason):
    r = score(rubric, with_(full_answers(rubric), **{item_id: False}), enough_photos(rubric))
    assert r.total == 100
    assert r.verdict is Verdict.VETO and r.verdict_label() == "一票否决"
    assert r.veto_reasons == [reason]


def test_a_missing_five_have_in_the_rubric_vetoes(rubric):
    r = score(rubric, with_(full_answers(rubric), A4=False))
    assert r.total == 96 and r.verdict is Verdict.VETO
    assert r.veto_reasons == ["五有缺项：有经费"]


def test_a_failed_gate_vetoes_the_rubric_from_outside(registry, rubric):
    gate = registry.get("five-haves")
    g = score(gate, with_(full_answers(gate), jingfei=False), enough_photos(gate))
    assert g.verdict is Verdict.FAIL and g.verdict_label() == "五有未达标"
    assert not g.veto_reasons  # gate items are not veto items
    r = score(rubric, full_answers(rubric), enough_photos(rubric), external_vetoes=["五有未达标：有经费"])
    assert r.total == 100 and r.verdict is Verdict.VETO and r.veto_reasons == ["五有未达标：有经费"]


def test_gate_passes_only_with_five_yes(gate):
    r = score(gate, full_answers(gate), enough_photos(gate))
    assert r.verdict is Verdict.PASS and r.verdict_label() == "五有达标" and r.complete
    half = full_answers(gate)
    del half["renyuan"]
    r = score(gate, half, enough_photos(gate))
    assert r.verdict is Verdict.FAIL and r.missing_answers == ["renyuan"]


def test_na_rescaling_exact_numbers(village):
    # B4 (1 point) and F3 (3 points) not applicable; G1 given 3 of 5
    answers = with_(full_answers(village), B4=Answer(na=True), F3=Answer(na=True), G1=3)
    r = score(village, answers, enough_photos(village))
    assert r.earned == 94 and r.applicable_max == 96
    assert r.total == 97.92  # 94 / 96 * 100, rounded to 2 decimals
    assert r.items["B4"].na and r.items["B4"].points == 0
    b = next(s for s in r.sections if s.id == "B")
    assert (b.earned, b.max, b.applicable_max) == (9, 10, 9)
    assert r.verdict is Verdict.PASS and r.complete


def test_na_with_everything_else_full_is_exactly_100(village):
    r = score(village, with_(full_answers(village), B4=Answer(na=True)), enough_photos(village))
    assert r.total == 100


def test_na_on_an_item_that_does_not_allow_it_counts_as_unanswered(registry):
    form = registry.get("demonstration-county")
    r = score(form, with_(full_answers(form), B4=Answer(na=True)), enough_photos(form))
    assert r.missing_answers == ["B4"] and r.total == 98
    with pytest.raises(AnswerValueError, match="not applicable"):
        validate_answer(form.items["B4"], Answer(na=True))


def test_deduction_floor_zero(registry):
    item = registry.get("demonstration-town").items["B2"]  # deduction, 4 points, 0.5 per shortfall
    assert item.points_after_deductions(0) == 4
    assert item.points_after_deductions(3) == 2.5
    assert item.points_after_deductions(8) == 0
    assert item.points_after_deductions(30) == 0
    with pytest.raises(AnswerValueError, match="between 0 and 4"):
        validate_answer(item, Answer(-1))
    form = registry.get("demonstration-town")
    r = score(form, with_(full_answers(form), B2=-3))  # a bad value never takes points elsewhere
    assert r.items["B2"].points == 0 and r.total == 96


def test_deduct_per_sets_the_size_of_a_deduction():
    form = parse_form(MINI.replace("type: deduction, max: 3", "type: deduction, max: 3, deduct_per: 1"))
    assert form.items["d"].points_after_deductions(2) == 1


MINI = """
id: mini
version: "1"
title: {zh: 小表, en: Mini}
kind: rubric
levels: [village]
pass_mark: 9
sections:
  - id: S
    title: {zh: 分项, en: Part}
    items:
      - {id: d, title: {zh: 台账, en: Ledgers}, type: deduction, max: 3}
      - id: c
        title: {zh: 公开方式, en: Publication}
        type: choice
        max: 4
        choices:
          - {value: full, label: {zh: 全部公开, en: Fully}, points: 4}
          - {value: part, label: {zh: 部分公开, en: Partly}, points: 2.5}
          - {value: none, label: {zh: 未公开, en: Not}, points: 0}
      - id: v
        title: {zh: 台账真实性, en: Records genuine}
        type: choice
        max: 3
        veto: true
        veto_reason: 弄虚作假
        choices:
          - {value: genuine, label: {zh: 真实, en: Genuine}, points: 3}
          - {value: doubtful, label: {zh: 存疑, en: Doubtful}, points: 1}
          - {value: forged, label: {zh: 造假, en: Forged}, points: 1, veto: true}
      - {id: n, title: {zh: 服务人数, en: Veterans served}, type: number, min_value: 0}
      - {id: t, title: {zh: 说明, en: Remarks}, type: text}
"""


def test_choice_items():
    form = parse_form(MINI, "mini.yaml")
    base = {"d": Answer(3), "c": Answer("part"), "v": Answer("genuine"), "n": Answer(12)}
    r = score(form, base)
    assert r.items["c"].points == 2.5 and r.total == 8.5 and r.verdict is Verdict.FAIL
    assert r.missing_answers == []  # text items are optional by default
    r = score(form, {**base, "c": Answer("full")})
    assert r.total == 10 and r.verdict is Verdict.PASS
    r = score(form, {**base, "c": Answer("full"), "v": Answer("doubtful")})
    assert r.total == 8 and r.verdict is Verdict.FAIL
    r = score(form, {**base, "c": Answer("full"), "v": Answer("forged")})
    assert r.verdict is Verdict.VETO and r.veto_reasons == ["弄虚作假"]
    with pytest.raises(AnswerValueError, match="one of full, part, none"):
        validate_answer(form.items["c"], Answer("most"))
    with pytest.raises(AnswerValueError, match="at least 0"):
        validate_answer(form.items["n"], Answer(-2))


def test_missing_answers_and_missing_evidence(registry):
    form = registry.get("demonstration-village")
    answers = full_answers(form)
    for gone in ("C2", "Z1"):
        del answers[gone]
    photos = enough_photos(form)
    photos["G2"] = 1  # needs 2
    del photos["B1"]
    r = score(form, answers, photos)
    assert r.missing_answers == ["C2", "Z1"]
    assert r.missing_evidence == [("B1", 0, 1), ("G2", 1, 2)]
    assert not r.complete
    assert r.total == 96  # C2 earns nothing until answered
    data = r.to_json()
    assert data["missing_evidence"][1] == {"item": "G2", "have": 1, "need": 2}


def test_an_na_item_needs_no_photos():
    form = parse_form(
        MINI.replace(
            "type: text}",
            "type: text}\n      - {id: p, title: {zh: 无障碍, en: "
            "Access}, type: graded, max: 1, na_allowed: true, min_photos: 1}",
        )
    )
    answers = {"d": Answer(3), "c": Answer("full"), "v": Answer("genuine"), "n": Answer(1), "p": Answer(na=True)}
    assert score(form, answers).missing_evidence == []
    assert score(form, {**answers, "p": Answer(1)}).missing_evidence == [("p", 0, 1)]


@pytest.mark.parametrize("value, ok", [(True, True), (False, True), (1, False), ("yes", False)])
def test_validate_yes_no(registry, value, ok):
    item = registry.get("five-haves").items["jigou"]
    if ok:
        validate_answer(item, Answer(value))
    else:
        with pytest.raises(AnswerValueError, match="true or false"):
            validate_answer(item, Answer(value))


@pytest.mark.parametrize(
    "value, problem",
    [
        (2.5, None),
        (0, None),
        (6, None),
        (2.3, "steps of 0.5"),
        (6.5, "between 0 and 6"),
        (-0.5, "between 0 and 6"),
        (True, "number of points"),
        ("3", "number of points"),
        (float("nan"), "number of points"),
    ],
)
def test_validate_graded(registry, value, problem):
    item = registry.get("demonstration-town").items["B1"]
    if problem is None:
        validate_answer(item, Answer(value))
    else:
        with pytest.raises(AnswerValueError, match=problem):
            validate_answer(item, Answer(value))


def test_answer_from_json():
    assert Answer.from_json(True) == Answer(True)
    assert Answer.from_json({"value": 3.5, "note": "缺培训记录"}) == Answer(3.5, "缺培训记录")
    assert Answer.from_json({"na": True}).na
    with pytest.raises(ValueError, match="unknown keys"):
        Answer.from_json({"value": 1, "points": 2})
