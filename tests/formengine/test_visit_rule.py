"""The visit rule (formengine.visit): the five haves answered once, pending before pass, veto on failure."""

from __future__ import annotations

import pytest

from fengqiao_desktop.domain import Verdict
from fengqiao_desktop.errors import FormError
from fengqiao_desktop.formengine.loader import FormRegistry, parse_form, shipped_registry
from fengqiao_desktop.formengine.scoring import Answer
from fengqiao_desktop.formengine.visit import (
    FIVE_HAVES_VETO,
    GateState,
    VisitForm,
    evaluate_visit,
)

GATE_ITEMS = ("jigou", "bianzhi", "renyuan", "jingfei", "baozhang")


@pytest.fixture(scope="module")
def forms():
    reg = shipped_registry()
    return reg.get("five-haves"), reg.get("demonstration-town")


def full_rubric(rubric, *, skip_linked: bool = True) -> dict[str, Answer]:
    out = {}
    for item in rubric.items.values():
        if skip_linked and item.source is not None:
            continue
        out[item.id] = Answer(True if item.type.value == "yes_no" else item.max)
    return out


def gate_answers(base: bool | None = None, **values) -> dict[str, Answer]:
    """Answers of the check: every item ``base`` (when given), then ``values`` on top."""
    merged = {**(dict.fromkeys(GATE_ITEMS, base) if base is not None else {}), **values}
    return {k: Answer(v) for k, v in merged.items()}


def visit(forms, gate: dict | None, rubric_answers: dict, *, gate_completed=False):
    five, rubric = forms
    members = [VisitForm("r", rubric, rubric_answers)]
    if gate is not None:
        members.insert(0, VisitForm("g", five, gate, completed=gate_completed))
    return evaluate_visit(members)


def test_the_rubric_takes_the_five_haves_from_the_check(forms):
    v = visit(forms, gate_answers(True), full_rubric(forms[1]))
    assert v.gate is GateState.PASSED
    assert v["r"].total == 100 and v["r"].verdict is Verdict.PASS
    # the linked items A1..A5 are answered once, in the check, and scored in the rubric
    assert {k: a.value for k, a in v.answers["r"].items() if k.startswith("A")} == dict.fromkeys(
        ("A1", "A2", "A3", "A4", "A5"), True
    )


def test_a_rubric_is_pending_until_the_check_is_answered(forms):
    v = visit(forms, gate_answers(jigou=True), full_rubric(forms[1], skip_linked=False))
    assert v.gate is GateState.PENDING
    assert v["r"].verdict is Verdict.PENDING  # never pass before the five haves are known
    assert "A2" in v["r"].missing_answers  # the check's unanswered items are the rubric's too


def test_a_draft_check_with_one_unmet_item_vetoes_the_rubric(forms):
    gate = gate_answers(True, jingfei=False)
    v = visit(forms, gate, full_rubric(forms[1]))
    assert v.gate is GateState.FAILED and v["g"].verdict is Verdict.FAIL
    assert v["r"].verdict is Verdict.VETO and FIVE_HAVES_VETO in v["r"].veto_reasons


def test_one_unmet_item_in_a_partly_answered_check_already_fails_it(forms):
    v = visit(forms, gate_answers(renyuan=False), full_rubric(forms[1]))
    assert v.gate is GateState.FAILED and v["r"].verdict is Verdict.VETO


def test_a_rubric_done_alone_answers_the_linked_items_itself(forms):
    answers = full_rubric(forms[1], skip_linked=False)
    v = visit(forms, None, answers)
    assert v.gate is GateState.ABSENT and v["r"].total == 100 and v["r"].verdict is Verdict.PASS
    answers["A4"] = Answer(False)
    assert visit(forms, None, answers)["r"].verdict is Verdict.VETO


def test_the_checks_answers_override_what_the_rubric_holds(forms):
    answers = full_rubric(forms[1], skip_linked=False)
    v = visit(forms, gate_answers(True, jigou=False), answers)
    assert v.answers["r"]["A1"].value is False and v["r"].verdict is Verdict.VETO


def test_photos_of_a_linked_item_count_where_they_were_taken(forms):
    five, rubric = forms
    linked = next(i for i in rubric.items.values() if i.source is not None)
    need = max(linked.min_photos, 1)
    gate = VisitForm("g", five, gate_answers(True), photo_counts={linked.source[1]: need})
    v = evaluate_visit([gate, VisitForm("r", rubric, full_rubric(rubric))])
    assert all(i != linked.id for i, _h, _n in v["r"].missing_evidence)


def test_numbers_and_links_are_in_the_shipped_forms(forms):
    five, rubric = forms
    assert [i.no for i in five.items.values()] == ["1", "2", "3", "4", "5"]
    assert rubric.items["A1"].link == "five-haves/jigou" and rubric.items["B1"].no == "B1"
    summary = rubric.summary()
    a1 = summary["sections"][0]["items"][0]
    assert a1["id"] == "A1" and a1["no"] == "A1" and a1["from"] == "five-haves/jigou"


LINKED = """
id: bureau-rubric
version: "1"
title: {zh: 局评分表, en: Bureau rubric}
kind: rubric
levels: [town]
sections:
  - id: A
    title: {zh: 五有, en: Five haves}
    items:
      - {id: A1, title: {zh: 有机构, en: Organisation}, type: yes_no, max: 10, from: five-haves/%s}
"""


def test_a_link_to_a_missing_item_is_refused_with_its_name(forms):
    reg = FormRegistry([forms[0], parse_form(LINKED % "nosuch")])
    with pytest.raises(FormError) as err:
        reg.check_links()
    assert "bureau-rubric A1" in err.value.message_en and "no item nosuch" in err.value.message_en
    FormRegistry([forms[0], parse_form(LINKED % "jigou")]).check_links()  # the right link passes


def test_a_malformed_link_is_refused_by_the_schema():
    with pytest.raises(FormError) as err:
        parse_form(LINKED % "jigou/extra")
    assert "from" in err.value.message_en


def test_two_items_may_not_share_a_number():
    text = (LINKED % "jigou").replace(
        "      - {id: A1,",
        "      - {id: X1, number: A1, title: {zh: 甲, en: X}, type: yes_no, max: 1}\n      - {id: A1,",
    )
    with pytest.raises(FormError) as err:
        parse_form(text)
    assert "number A1" in err.value.message_en
