"""``fengqiao sheet ID -o FILE.pdf`` and ``fengqiao sheet check TEXT``, as written by a user."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))
from sheet_helpers import central_with_visit, decode_qr  # noqa: E402

from fengqiao_desktop.cli.main import cli  # noqa: E402
from fengqiao_desktop.reports.qr import format_proof  # noqa: E402
from fengqiao_desktop.services.sheet import content_hash  # noqa: E402


@pytest.fixture(scope="module")
def central(tmp_path_factory):
    return central_with_visit(tmp_path_factory.mktemp("bureau"))


def _run(args, tmp_path):
    return CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "data"), *args])


def test_sheet_id_writes_a_pdf_and_check_accepts_its_qr(central, tmp_path):
    url, visit = central
    out = tmp_path / "sheet.pdf"
    r = _run(["sheet", visit.rubric_id, "-o", str(out), "--central", url], tmp_path)
    assert r.exit_code == 0, r.output
    assert "已写入评分表" in r.output and out.is_file()
    (proof,) = decode_qr(out, tmp_path)
    r = _run(["sheet", "check", proof, "--central", url], tmp_path)
    assert r.exit_code == 0, r.output
    assert "相符" in r.output


def test_english_sheet_and_json_check_of_an_older_revision(central, tmp_path):
    url, visit = central
    out = tmp_path / "en.pdf"
    r = _run(["sheet", visit.rubric_id, "-o", str(out), "--central", url, "--lang", "en"], tmp_path)
    assert r.exit_code == 0 and "pages" not in r.output  # the message follows the interface language
    old = format_proof(visit.rubric_id, 0, content_hash(visit.rubric_record(0, b1=5.0)))
    r = _run(["--lang", "en", "sheet", "check", old, "--central", url, "--json"], tmp_path)
    assert r.exit_code == 0, r.output
    body = json.loads(r.output)
    assert body["status"] == "older" and body["current_revision"] == 1


def test_mismatch_and_bad_text_exit_1(central, tmp_path):
    url, visit = central
    r = _run(["sheet", "check", format_proof(visit.rubric_id, 1, "cd" * 32), "--central", url], tmp_path)
    assert r.exit_code == 1 and "不相符" in r.output
    r = _run(["sheet", "check", "hello", "--central", url], tmp_path)
    assert r.exit_code == 1 and "无法识别的核验码" in r.output


def test_missing_output_is_a_usage_error(tmp_path):
    r = _run(["sheet", "3f1c2a9e-7b4d-4c1e-9a53-5d8e2f6b1c07"], tmp_path)
    assert r.exit_code != 0 and "-o" in r.output
