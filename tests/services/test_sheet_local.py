"""Score sheets from the laptop's database: `fengqiao sheet ID -o FILE` and `sheet check` work offline."""

from __future__ import annotations

import pdfplumber
from click.testing import CliRunner
from svc_helpers import TOWN, full_marks

from fengqiao_desktop.cli.main import cli
from fengqiao_desktop.formengine.scoring import Answer
from fengqiao_desktop.reports.qr import format_proof
from fengqiao_desktop.services.sheet import build_sheet_data, check_sheet
from fengqiao_desktop.services.sheet_local import LocalSheetSource


def _completed(store, photo_file):
    iid = store.inspections.create(TOWN, "demonstration-town", "张三")
    form = store.inspections.form_of(iid)
    answers = {k: Answer(value=v) for k, v in full_marks(form).items()}
    first_graded = next(i for i in form.items.values() if i.type.value == "graded" and i.max >= 2)
    answers[first_graded.id] = Answer(value=first_graded.max - 1, note="功能分区缺一项")
    store.inspections.set_answers(iid, answers)
    n = 0
    for it in form.items.values():
        for _k in range(it.min_photos or 0):
            n += 1
            store.photos.add_photo(iid, photo_file(f"p{n}.jpg", color=(n * 20 % 255, 90, 90)), it.id)
    store.inspections.complete(iid)
    return iid, 100 - 1


def test_cli_writes_the_sheet_of_a_local_inspection(store, photo_file, tmp_path, monkeypatch):
    iid, total = _completed(store, photo_file)
    monkeypatch.setenv("FENGQIAO_DATA_DIR", str(store.data_dir))
    out = tmp_path / "sheet.pdf"
    result = CliRunner().invoke(cli, ["sheet", iid, "-o", str(out)])
    assert result.exit_code == 0, result.output
    with pdfplumber.open(out) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "东岗西路街道退役军人服务站" in text
    assert f"{total:g}" in text and "示范型达标" in text


def test_the_proof_of_a_local_sheet_checks_against_the_local_database(store, photo_file, monkeypatch):
    iid, _total = _completed(store, photo_file)
    monkeypatch.setenv("FENGQIAO_DATA_DIR", str(store.data_dir))
    data = build_sheet_data(iid)
    proof = format_proof(iid, 1, data.content_hash)
    hashes = LocalSheetSource(store).revision_hashes(iid)
    assert hashes is not None and hashes.current_revision == 1 and hashes.current_hash
    assert check_sheet(proof).status == "current"
    # after a correction the old sheet is an older revision
    store.inspections.reopen(iid, "补充照片说明")
    assert LocalSheetSource(store).revision_hashes(iid).current_revision == 2
    assert check_sheet(proof).status == "older"


def test_unknown_inspection_is_a_plain_error(store):
    import pytest

    from fengqiao_desktop.errors import KnownError

    with pytest.raises(KnownError, match="没有检查"):
        LocalSheetSource(store).sheet_data("no-such-id", "zh")
