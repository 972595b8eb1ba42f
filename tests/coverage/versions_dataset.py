"""Real bundles of one form scored on three versions (tests/formengine/test_lineage.py's V1, V2, V3).

Station VILLAGE: version 1 (pass) in January, version 2 (fail) in March, version 3
(pass) in May; station VILLAGE2: version 2 (pass) in April. Every rubric comes with
the five-haves check of its visit (all yes).
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "merge"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formengine"))

from merge_helpers import BASE_TIME, GATE, VILLAGE, VILLAGE2, Device  # noqa: E402
from test_lineage import V1, V2, V3  # noqa: E402

from fengqiao_desktop.formengine.loader import parse_form  # noqa: E402
from fengqiao_desktop.merge import forms_registry  # noqa: E402
from fengqiao_desktop.services import central as svc  # noqa: E402

FORMS = [parse_form(t, f"county-sheet.v{n}.yaml") for n, t in enumerate((V1, V2, V3), start=1)]


def _a(**values) -> dict:
    return {k: {"value": v, "note": "", "na": False} for k, v in values.items()}


# (station, version index, answers, days before BASE_TIME, verdict expected)
VISITS = [
    (VILLAGE, 0, _a(A1=4, A2=True, B1=3, B2=True), 100, "pass"),
    (VILLAGE, 1, _a(A1=1, A2=False, A3=False, B1=0.5, B3=0.5, C1=0), 50, "fail"),
    (VILLAGE, 2, _a(A1=6, A3=True, B1=1.5, B3=1.5, C1=1), 0, "pass"),
    (VILLAGE2, 1, _a(A1=4, A2=True, A3=True, B1=1.5, B3=1.5, C1=1), 10, "pass"),
]


def populate_versions(url, tmp: Path) -> None:
    """The demo roster, the three versions registered, the visits merged from one signed bundle."""
    c = svc.open_central(url)
    try:
        with c.write() as conn:
            forms_registry.register_forms(conn, [GATE, *FORMS])
        svc.load_demo(url=c)
        dev = Device()
        svc.trust_add(dev.sk.public, name=dev.name, unit=dev.unit, url=c)
        records = []
        for n, (station, v, answers, days, _verdict) in enumerate(VISITS):
            at = BASE_TIME - timedelta(days=days)
            records += [
                dev.record(GATE, station=station, visit_id=f"visit-{n}", completed_at=at),
                dev.record(
                    FORMS[v],
                    station=station,
                    answers=answers,
                    visit_id=f"visit-{n}",
                    completed_at=at + timedelta(minutes=5),
                ),
            ]
        [out] = svc.import_bundles([dev.export(tmp / "usb", records)], url=c)
        assert out.ok, out
    finally:
        c.dispose()
