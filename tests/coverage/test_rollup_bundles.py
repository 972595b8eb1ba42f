"""The roll-up over data that came in through real signed bundles and the merge module.

Checks the assumptions the SQL makes about what the merge module stores: the
format of ``completed_at``, the five-haves veto of the same visit, findings of
the winning revision.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "merge"))

from merge_helpers import GATE, RUBRIC, VILLAGE, VILLAGE2, Device, gate_answers  # noqa: E402

from fengqiao_desktop.merge import forms_registry  # noqa: E402
from fengqiao_desktop.services import central as svc  # noqa: E402
from fengqiao_desktop.services import coverage  # noqa: E402


def test_imported_bundles_roll_up(coverage_url_empty):
    url, tmp = coverage_url_empty
    c = svc.open_central(url)
    try:
        with c.write() as conn:
            forms_registry.register_forms(conn, [GATE, RUBRIC])
        svc.load_demo(url=c)
        dev = Device()
        svc.trust_add(dev.sk.public, name=dev.name, unit=dev.unit, url=c)
        finding = {
            "id": "f1",
            "item_id": "b1",
            "category": "hardware",
            "severity": "deduction",
            "description": "大厅无标识",
            "measures": "补挂标识",
            "responsible": "站长",
            "deadline": "2026-05-15",
            "status": "open",
        }
        records = [
            dev.record(GATE, station=VILLAGE, answers=gate_answers(all_yes=False), visit_id="v1"),
            dev.record(RUBRIC, station=VILLAGE, visit_id="v1"),
            dev.record(GATE, station=VILLAGE2, visit_id="v2"),
            dev.record(RUBRIC, station=VILLAGE2, visit_id="v2", findings=[finding]),
        ]
        [out] = svc.import_bundles([dev.export(tmp / "usb", records)], url=c)
        assert out.ok
        rep = coverage.coverage_report(year=2026, url=c, as_of=date(2026, 6, 30))
    finally:
        c.dispose()
    leaves = {s.code: s for s in rep.stations()}
    v1, v2 = leaves[VILLAGE], leaves[VILLAGE2]
    assert (v1.inspected, v1.five_haves, v1.demonstration, v1.vetoed) == (True, False, False, True)
    assert (v2.inspected, v2.five_haves, v2.demonstration, v2.vetoed) == (True, True, True, False)
    assert (v2.open, v2.overdue, v2.verified) == (1, 1, 0)
    c_ = rep.total.counts
    assert (c_.inspected, c_.five_haves, c_.demonstration, c_.vetoed) == (2, 1, 1, 1)
    assert c_.stations == 125  # the demo roster
