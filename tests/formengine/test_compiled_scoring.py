"""The compiled scorer gives exactly the result of the plain reference scorer.

``score`` runs on a per-form compiled layout (cached by the form's content hash);
``score_reference`` walks the form's item objects one by one. For random answers
to every shipped form (each version in ``forms/``) and the test forms, both must
agree on everything a sheet shows: item points, subtotals, total, verdict,
vetoes, missing answers and missing evidence.
"""

from __future__ import annotations

import math

import pytest
from formhelpers import enough_photos, full_answers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference_scoring import score_reference
from test_scoring import MINI

from fengqiao_desktop.formengine.loader import (
    form_files,
    load_form_file,
    parse_form,
    shipped_registry,
)
from fengqiao_desktop.formengine.schema import FormDef, Item
from fengqiao_desktop.formengine.scoring import Answer, compiled, score

_MINI = parse_form(MINI, "mini.yaml")
_MINI_GATE = parse_form(
    MINI.replace("kind: rubric", "kind: gate")
    .replace("pass_mark: 9", "pass_mark: 0")
    .replace(
        "type: text}",
        "type: text}\n      - {id: p, title: {zh: 无障碍, en: Access}, "
        "type: yes_no, max: 0, na_allowed: true, min_photos: 1}",
    ),
    "mini-gate.yaml",
)
# every shipped form, each version (forms/*.yaml), and the test forms; once per content
_by_hash = {
    f.sha256: f
    for f in [*shipped_registry().all_versions(), *(load_form_file(p) for p in form_files()), _MINI, _MINI_GATE]
}
FORMS: list[FormDef] = list(_by_hash.values())

_settings = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# values of every kind, whatever the item expects: scoring must treat a wrong value alike
_ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.just(""),
    st.integers(-3, 12),
    st.floats(-2, 12),
    st.sampled_from([math.nan, math.inf, -math.inf]),
    st.text(max_size=4),
    st.lists(st.integers(), max_size=2),
)


def _own_values(item: Item) -> st.SearchStrategy:
    if item.choices:
        return st.sampled_from([c.value for c in item.choices])
    return st.one_of(st.booleans(), st.sampled_from([0, item.max, item.max / 2, item.effective_step]))


def _answer_for(item: Item) -> st.SearchStrategy:
    return st.one_of(
        st.none(),
        st.builds(Answer, value=_own_values(item)),
        st.just(Answer(na=True)),
        st.builds(Answer, value=_ANY_VALUE),
        st.builds(Answer, value=_own_values(item), na=st.just(True)),
    )


@st.composite
def inspections(draw, form: FormDef):
    if draw(st.booleans()):
        # near full marks, where verdicts turn on a single item
        answers = full_answers(form)
        changed = draw(st.lists(st.sampled_from(list(form.items.values())), max_size=2))
    else:
        answers = {}
        changed = list(form.items.values())
    for it in changed:
        a = draw(_answer_for(it))
        if a is None:
            answers.pop(it.id, None)
        else:
            answers[it.id] = a
    if draw(st.booleans()):
        answers["not-an-item"] = Answer(True)
    photos = {it.id: draw(st.integers(0, 3)) for it in form.items.values() if it.min_photos and draw(st.booleans())}
    if draw(st.booleans()):
        photos = {**photos, **enough_photos(form)}
    vetoes = draw(st.lists(st.sampled_from(["五有未达标", "弄虚作假"]), max_size=1))
    return form, answers, photos, vetoes


def _same(a, b) -> None:
    assert a == b
    # dataclass equality says 1 == 1.0 == True; the sheet prints them differently
    assert [type(x.points) for x in a.items.values()] == [type(x.points) for x in b.items.values()]
    assert type(a.total) is type(b.total) and a.verdict is b.verdict


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f"{f.id}-{f.version}")
@_settings
@given(data=st.data())
def test_compiled_scoring_equals_the_reference(form, data):
    form, answers, photos, vetoes = data.draw(inspections(form))
    _same(score(form, answers, photos, vetoes), score_reference(form, answers, photos, vetoes))


def test_full_marks_and_no_answers_agree_on_every_form():
    for form in FORMS:
        for answers in (full_answers(form), {}):
            _same(score(form, answers, enough_photos(form)), score_reference(form, answers, enough_photos(form)))
            _same(score(form, answers), score_reference(form, answers))


def test_a_form_is_compiled_once_per_content():
    again = parse_form(MINI, "copy-of-mini.yaml")
    assert again is not _MINI
    assert compiled(again) is compiled(_MINI)
    changed = parse_form(MINI.replace("pass_mark: 9", "pass_mark: 8"), "mini-8.yaml")
    assert compiled(changed) is not compiled(_MINI)
    assert (
        score(changed, {"d": Answer(3), "c": Answer("full"), "v": Answer("doubtful"), "n": Answer(1)}).verdict.value
        == "pass"
    )
