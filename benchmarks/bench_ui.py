"""Station browser speed: cold start with a 50,000-station roster, search per keystroke.

- ``cold start``: a subprocess starts the app on a data directory holding a
  50,000-station roster and exits as soon as the main window is shown (and
  once more when its tree is filled); the baseline is a subprocess that starts
  a bare PySide6 ``QMainWindow`` the same way. Ratio = app / bare (aim ≤ 2).
- ``search``: typing a query one character at a time into the browser's
  search box at 50,000 stations; milliseconds per keystroke (aim < 100 ms).
  The baseline is a plain ``str.find`` scan over the 50,000 names.

Run alone: ``python -m benchmarks.bench_ui [--quick]``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fengqiao_desktop.domain.enums import Level

# Common characters of place names, to make names that look like a real roster.
_CHARS = ("东西南北中新安平和兴福民华光明阳山河湖海江泉林石桥沟坪庄湾台营堡店寨岭园城镇"
          "金银铁红黄白青绿长永定宁丰盛康乐德仁义礼信忠孝文武龙凤花草田水云天")
_COUNTIES = 20
_TOWNS_PER_COUNTY = 25


def _name(n: int, length: int) -> str:
    chars = []
    for _ in range(length):
        n, r = divmod(n * 7919 + 104729, len(_CHARS))
        chars.append(_CHARS[r])
    return "".join(chars)


def synthetic_rows(count: int = 50_000):
    """A deterministic four-level roster of about ``count`` stations (``StationSummary`` list).

    One city, 20 counties, 25 towns each, villages shared out evenly; the
    东岗西路街道 station is always included so a search for ``dgxl`` has a hit.
    """
    from fengqiao_desktop.domain.stations import StationSummary

    city = "620100000000"
    rows = [StationSummary(city, "兰州市退役军人服务中心", Level.CITY, None)]
    towns = _COUNTIES * _TOWNS_PER_COUNTY
    villages_per_town = max(1, -(-(count - 1 - _COUNTIES - towns) // towns))  # ceil
    serial = 0
    for c in range(_COUNTIES):
        county = f"6201{c + 2:02d}000000"
        rows.append(StationSummary(county, _name(c, 2) + "区退役军人服务中心", Level.COUNTY, city))
        for t in range(_TOWNS_PER_COUNTY):
            town = f"6201{c + 2:02d}{t + 1:03d}000"
            tname = "东岗西路街道" if (c, t) == (0, 16) else _name(c * 100 + t, 3) + "街道"
            rows.append(StationSummary(town, tname + "退役军人服务站", Level.TOWN, county))
            for v in range(villages_per_town):
                serial += 1
                rows.append(StationSummary(f"6201{c + 2:02d}{t + 1:03d}{v + 1:03d}",
                                    _name(serial, 3) + "社区退役军人服务站", Level.VILLAGE, town))
    return rows[:count]


# -- cold start ----------------------------------------------------------------

_BARE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.resize(1200, 800)
w.show()
import time
QTimer.singleShot(0, lambda: (print(f"reached {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""

_APP = r"""
import sys
from fengqiao_desktop.ui import app as ui_app
sys.exit(ui_app.main(["--data-dir", sys.argv[1], "--quit-when-shown", sys.argv[2]]))
"""


def _make_data_dir(count: int) -> Path:
    """A data directory with ``count`` stations in its local database."""
    from fengqiao_desktop import config
    from fengqiao_desktop.ui.stations.service_source import prepare_benchmark_roster

    d = Path(tempfile.mkdtemp(prefix="fq-bench-ui-"))
    config.set_data_dir(d)
    try:
        prepare_benchmark_roster(synthetic_rows(count))
    finally:
        config.set_data_dir(None)
    return d


def _spawn(code: str, *args: str) -> float:
    """Seconds from starting the process to the moment it reports ("reached <time>"):
    the window shown, or the tree filled; the shutdown after it is not counted."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    reached = [float(line.split()[1]) for line in out.splitlines() if line.startswith("reached ")]
    if not reached:
        raise RuntimeError(f"the process did not report reaching its goal: {out[-300:]!r}")
    return reached[-1] - t0


def bench_cold_start(count: int, repeats: int) -> list[dict]:
    data = _make_data_dir(count)
    _spawn(_BARE)  # warm the OS file cache for both
    _spawn(_APP, str(data), "window")
    bare = statistics.median(_spawn(_BARE) for _ in range(repeats))
    shown = statistics.median(_spawn(_APP, str(data), "window") for _ in range(repeats))
    filled = statistics.median(_spawn(_APP, str(data), "tree") for _ in range(repeats))
    return [
        {"name": f"cold start to shown window ({count:,} stations)", "value": round(shown * 1000),
         "unit": "ms", "baseline": round(bare * 1000), "ratio": round(shown / bare, 2),
         "note": "baseline: bare PySide6 QMainWindow in a subprocess; aim ≤ 2×"},
        {"name": f"cold start to filled station tree ({count:,} stations)",
         "value": round(filled * 1000), "unit": "ms", "baseline": round(bare * 1000),
         "ratio": round(filled / bare, 2), "note": "the tree loads in the background after show"},
    ]


# -- search --------------------------------------------------------------------

def bench_search(count: int) -> list[dict]:
    """The product's search (the stations service over a real local database), keystroke by keystroke."""
    from PySide6.QtWidgets import QApplication

    from fengqiao_desktop import config
    from fengqiao_desktop.services.store import LocalStore
    from fengqiao_desktop.ui.stations.search import StationSearch
    from fengqiao_desktop.ui.stations.service_source import ServiceSource

    app = QApplication.instance() or QApplication([])
    rows = synthetic_rows(count)
    data = _make_data_dir(count)
    store = LocalStore.open(data)
    config.set_data_dir(None)
    source = ServiceSource(store)
    t0 = time.perf_counter()
    source.warm_up()  # the pinyin keys, once, as the app does in the background
    index_s = time.perf_counter() - t0

    box = StationSearch(source)
    box.set_debounce_ms(0)
    per_key = []
    for query in ("dgxl", "东岗西路", "620102017", "shequ", "hxl"):
        box.clear()
        for i in range(1, len(query) + 1):
            t0 = time.perf_counter()
            box.search_now(query[:i])
            app.processEvents()
            per_key.append(time.perf_counter() - t0)
    names = [r.name for r in rows]
    t0 = time.perf_counter()
    for _ in range(10):
        [n for n in names if n.find("东岗") >= 0]
    plain = (time.perf_counter() - t0) / 10
    med = statistics.median(per_key)
    store.close()
    return [
        {"name": f"search per keystroke ({count:,} stations)", "value": round(med * 1000, 1),
         "unit": "ms", "baseline": round(plain * 1000, 1), "ratio": round(med / plain, 1),
         "note": f"median of {len(per_key)} keystrokes, max {max(per_key) * 1000:.1f} ms; "
                 "baseline: plain substring scan of the names; aim < 100 ms"},
        {"name": f"search index build ({count:,} stations)", "value": round(index_s * 1000),
         "unit": "ms", "baseline": None, "ratio": None, "note": "once, off the GUI thread"},
    ]


def run(quick: bool = False) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    count = 5_000 if quick else 50_000
    results = bench_search(count)
    results += bench_cold_start(count, repeats=1 if quick else 3)
    return results


def _print(results: list[dict]) -> None:
    print(f"{'benchmark':<52} {'value':>10} {'unit':<5} {'baseline':>9} {'ratio':>6}  note")
    for r in results:
        base = "" if r["baseline"] is None else r["baseline"]
        ratio = "" if r["ratio"] is None else r["ratio"]
        print(f"{r['name']:<52} {r['value']:>10} {r['unit']:<5} {base:>9} {ratio:>6}  {r['note']}")


if __name__ == "__main__":
    _print(run(quick="--quick" in sys.argv))
