"""The window and its dialogs fit the inspectors' laptops: 1366×768, and 1920×1080 at 150 % scaling.

Each screen needs its own Qt process (the screen is fixed at start-up), so the
windows are opened by ``fit_probe.py`` in a child process on an offscreen screen
of that size, and its measurements are checked here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("fit_probe.py")
ROOT = Path(__file__).resolve().parents[2]


def _inside(frame, available) -> bool:
    x, y, w, h = frame
    ax, ay, aw, ah = available
    return x >= ax and y >= ay and x + w <= ax + aw and y + h <= ay + ah


@pytest.mark.slow
@pytest.mark.parametrize(
    ("width", "height", "scale"), [(1366, 768, "1"), (1920, 1080, "1.5")], ids=["1366x768", "1920x1080@1.5"]
)
def test_window_pages_and_dialogs_fit_the_available_screen(tmp_path, width, height, scale):
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
        QT_SCALE_FACTOR=scale,
        FENGQIAO_DATA_DIR=str(tmp_path / "data"),
        PYTHONPATH=str(ROOT),
    )
    run = subprocess.run([sys.executable, str(PROBE)], env=env, capture_output=True, text=True, timeout=300)
    lines = [ln for ln in run.stdout.splitlines() if ln.startswith("FIT ")]
    assert run.returncode == 0 and lines, run.stderr[-3000:]
    fit = json.loads(lines[-1][4:])
    available = fit["available"]
    assert available[2] == round(width / float(scale)) and available[3] == round(height / float(scale))

    assert _inside(fit["window"]["frame"], available), fit["window"]
    min_w, min_h = fit["window"]["min"]
    assert min_w <= available[2] and min_h <= available[3], "the window cannot shrink to the screen"
    for name, page in fit["pages"].items():
        assert page["status_bar_visible"] and page["status_bar_bottom"] < page["window_height"], name
        if "findings_visible" in page:  # an editor: its findings table is on screen, above the status bar
            assert page["findings_visible"] and page["findings_bottom"] < page["status_bar_bottom"], name
    assert len(fit["pages"]) >= 4  # the station browser, two editors, the bureau
    for name, dlg in fit["dialogs"].items():
        assert _inside(dlg["frame"], available), (name, dlg, available)
        assert dlg["min"][0] <= available[2] and dlg["min"][1] <= available[3], name
