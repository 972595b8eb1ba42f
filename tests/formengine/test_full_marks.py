"""``full_marks``: a complete, perfect answer set for any shipped form."""

from __future__ import annotations

import pytest

from fengqiao_desktop.domain.enums import Verdict
from fengqiao_desktop.formengine.answers import full_marks
from fengqiao_desktop.formengine.loader import shipped_registry
from fengqiao_desktop.formengine.scoring import Answer, score

FORMS = sorted({f.id for f in shipped_registry()})


@pytest.mark.parametrize("form_id", FORMS)
def test_full_marks_earn_every_point(form_id):
    form = shipped_registry().get(form_id)
    answers = {k: Answer(v) for k, v in full_marks(form).items()}
    photos = {k: it.min_photos or 0 for k, it in form.items.items()}
    result = score(form, answers, photos)
    assert set(answers) == set(form.items)
    assert result.missing_answers == [] and result.missing_evidence == []
    assert result.total == result.max and result.verdict is Verdict.PASS
