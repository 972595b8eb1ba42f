"""``fengqiao report coverage`` as the bureau leader would run it."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "coverage"))

from coverage_dataset import make_sqlite  # noqa: E402

from fengqiao_desktop.cli.main import cli  # noqa: E402


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("FENGQIAO_DATA_DIR", str(tmp_path / "data"))
    url = make_sqlite(tmp_path)
    runner = CliRunner()

    def _run(*args, lang="zh"):
        return runner.invoke(
            cli,
            ["--lang", lang, "report", "coverage", "--year", "2026", "--as-of", "2026-06-30", *args, "--central", url],
        )

    return _run


def test_prints_a_table_without_file_options(run):
    r = run()
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert "2026年退役军人服务中心（站）建设达标情况通报" in lines[0]
    total = next(line for line in lines if line.startswith("合计")).split()
    assert total[1:] == ["14", "11", "9", "64.3", "5", "35.7", "12", "7", "1", "3", "2", "2"]
    assert any(line.startswith("  东岗西路街道") for line in lines)


def test_writes_all_three_files(run, tmp_path):
    x, p, c = tmp_path / "o" / "c.xlsx", tmp_path / "o" / "c.pdf", tmp_path / "o" / "c.csv"
    r = run("--xlsx", str(x), "--pdf", str(p), "--csv", str(c))
    assert r.exit_code == 0, r.output
    assert r.output.count("已写入") == 3
    wb = openpyxl.load_workbook(x)
    assert wb.worksheets[1].max_row == 16
    with pdfplumber.open(p) as pdf:
        assert "合计" in pdf.pages[0].extract_text()
    assert "合计,,合计,14,11,9" in c.read_text(encoding="utf-8-sig")


def test_english_and_a_bad_targets_file(run, tmp_path):
    r = run(lang="en")
    assert r.exit_code == 0 and "Total" in r.output
    bad = tmp_path / "t.yaml"
    bad.write_text("default: {demonstration: {town: 200}}", encoding="utf-8")
    r = run("--targets", str(bad))
    assert r.exit_code == 1
    assert "0–100" in r.output and "Traceback" not in r.output


def test_targets_file_changes_target_and_gap(run, tmp_path):
    t = tmp_path / "t.yaml"
    t.write_text("years:\n  2026:\n    demonstration: {town: 100, village: 100}\n", encoding="utf-8")
    r = run("--targets", str(t))
    total = next(line for line in r.output.splitlines() if line.startswith("合计")).split()
    assert total[7:9] == ["14", "9"]  # every station must be demonstration-grade: 14, gap 14 - 5
