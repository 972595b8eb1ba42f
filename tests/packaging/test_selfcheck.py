"""``fengqiao-desktop --self-check``: every step runs for real in a throwaway folder; failures are named."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from fengqiao_desktop import config, paths, selfcheck


def test_all_steps_pass_and_the_data_dir_is_left_alone(tmp_path):
    config.set_data_dir(tmp_path / "mine")
    try:
        out = io.StringIO()
        assert selfcheck.run(out) == 0
        assert config.data_dir() == (tmp_path / "mine").resolve()  # the caller's folder is restored
    finally:
        config.set_data_dir(None)
    lines = out.getvalue().splitlines()
    assert lines[-1] == "OK"
    assert [ln.split(":")[0] for ln in lines[1:-1]] == [f"OK {name}" for name, _ in selfcheck.STEPS]
    assert not any((tmp_path / "mine").iterdir())  # nothing written to the real data folder


def test_a_failing_step_is_named_and_exits_1(tmp_path, monkeypatch):
    # A broken install: the forms folder is empty.
    empty = tmp_path / "forms"
    empty.mkdir()
    monkeypatch.setattr("fengqiao_desktop.formengine.loader.forms_dir", lambda: empty)
    out = io.StringIO()
    assert selfcheck.run(out) == 1
    text = out.getvalue()
    assert "OK database" in text and "FAILED: forms: CheckFailed: no shipped forms found" in text
    assert "\nOK\n" not in text and not text.endswith("OK\n")


def test_desktop_command_runs_it_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["FENGQIAO_DATA_DIR"] = str(tmp_path)
    r = subprocess.run(
        [sys.executable, "-m", "fengqiao_desktop.ui.app", "--self-check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.splitlines()[-1] == "OK"
    assert "PySide6" not in r.stderr


def test_pdf_page_count_reads_reportlab_output():
    from fengqiao_desktop.reports import render_sheet
    from fengqiao_desktop.reports.sample import demo_sheet_data

    buf = io.BytesIO()
    pages = render_sheet(demo_sheet_data(), buf)
    assert selfcheck._pdf_pages(buf.getvalue()) == pages


def test_frozen_layout_is_found(tmp_path, monkeypatch):
    """Frozen, data lives under sys._MEIPASS/fengqiao_desktop/_data (as the spec puts it)."""
    root = tmp_path / "bundle"
    for name in ("forms", "resources"):
        (root / "fengqiao_desktop" / "_data" / name).mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    paths._data_root.cache_clear()
    try:
        assert paths.forms_dir() == root / "fengqiao_desktop" / "_data" / "forms"
        assert paths.resources_dir() == root / "fengqiao_desktop" / "_data" / "resources"
    finally:
        paths._data_root.cache_clear()  # later tests see the checkout again


def test_spec_ships_what_the_frozen_app_needs():
    spec = (Path(__file__).resolve().parents[2] / "packaging" / "fengqiao-desktop.spec").read_text()
    for needed in (
        '"fengqiao_desktop/_data/forms"',
        '"fengqiao_desktop/_data/resources"',
        '"fengqiao_desktop/storage/migrations"',
        '"fengqiao_desktop/merge/migrations"',
        'collect_data_files("reportlab"',
    ):
        assert needed in spec
