"""Scoring speed: 10,000 rubric inspections with random valid answers, against a plain sum.

The baseline adds up the numeric values of the very same answers with a plain
Python ``sum`` in the same process: the floor for "turn answers into a number".
Scoring does more — N/A rescaling, section subtotals, vetoes, missing answers and
evidence, the verdict — so the ratio (our time / baseline time) says what that
costs. Loading and validating the shipped forms is measured against
``yaml.safe_load`` of the same files.

Run alone: ``python -m benchmarks.bench_scoring [--quick]``.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import yaml

from fengqiao_desktop.domain import ItemType
from fengqiao_desktop.formengine.loader import form_files, load_form_file, shipped_registry
from fengqiao_desktop.formengine.schema import FormDef, Item
from fengqiao_desktop.formengine.scoring import Answer, score

RUBRICS = ("demonstration-county", "demonstration-town", "demonstration-village")


def _random_answer(item: Item, rng: random.Random) -> Answer:
    if item.na_allowed and rng.random() < 0.1:
        return Answer(na=True)
    t = item.type
    if t is ItemType.YES_NO:
        return Answer(rng.random() < 0.95)
    if t in (ItemType.GRADED, ItemType.DEDUCTION):
        steps = round(item.max / item.effective_step)
        return Answer(rng.randint(max(steps - 4, 0), steps) * item.effective_step)
    if t is ItemType.CHOICE:
        return Answer(rng.choice(item.choices).value)
    if t is ItemType.NUMBER:
        return Answer(rng.randint(0, 500))
    return Answer("")


def random_inspections(forms: list[FormDef], n: int, seed: int = 7) -> list[tuple]:
    """``n`` (form, answers, photo counts) triples with valid answers, a few items skipped."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        form = rng.choice(forms)
        answers = {it.id: _random_answer(it, rng) for it in form.items.values() if rng.random() > 0.02}
        photos = {it.id: rng.randint(0, 3) for it in form.items.values() if it.min_photos}
        out.append((form, answers, photos))
    return out


def _plain_sum(inspections) -> float:
    grand = 0.0
    for _form, answers, _photos in inspections:
        grand += sum(v for a in answers.values() if not a.na and isinstance((v := a.value), (int, float)))
    return grand


def _best_of(repeat: int, fn, *args) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best


def run(quick: bool = False) -> list[dict]:
    reg = shipped_registry()
    forms = [reg.get(f) for f in RUBRICS]
    n = 2_000 if quick else 10_000
    inspections = random_inspections(forms, n)
    repeat = 2 if quick else 3

    def score_all():
        for form, answers, photos in inspections:
            score(form, answers, photos)

    t_score = _best_of(repeat, score_all)
    t_base = _best_of(repeat, _plain_sum, inspections)

    files = form_files()
    texts = [p.read_text(encoding="utf-8") for p in files]
    t_load = _best_of(repeat, lambda: [load_form_file(p) for p in files])
    t_yaml = _best_of(repeat, lambda: [yaml.safe_load(t) for t in texts])
    return [
        {
            "name": f"score {n:,} rubric inspections",
            "value": n / t_score,
            "unit": "inspections/s",
            "baseline": n / t_base,
            "ratio": t_score / t_base,
            "note": "ratio = scoring time / plain sum of the same answers' numbers",
        },
        {
            "name": f"load + validate {len(files)} shipped forms",
            "value": len(files) / t_load,
            "unit": "forms/s",
            "baseline": len(files) / t_yaml,
            "ratio": t_load / t_yaml,
            "note": "ratio = load time / yaml.safe_load of the same files",
        },
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.__main__ import format_table

    print(format_table(run(quick="--quick" in sys.argv)))
