"""Typing stall: the GUI thread's time per saved answer, with a large roster and a small one.

The window is the real one over a real local store: the station tree filled from
the database, an inspection open in its editor tab and no station selected (as after
the app reopens the last inspection at start-up). Each answer goes through the
editor's own save path; the time counted is what the GUI thread spends: the save
itself plus every event it handles until the edited station's badge is back in the
tree (the badge is read on a worker thread, which is not counted).

Measured at 2,000 and 50,000 stations (``--quick``: 2,000 and 5,000): the median and the
max per answer (aim: median < 16 ms, one frame), as a ratio to the bare autosave (the same
service call without the window). The note gives, for comparison, what the refresh
before the change events cost per answer when no station was selected: every station's
badge and work state read again and applied to the tree, on the GUI thread.

Run alone: ``python -m benchmarks.bench_typing [--quick]``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

_ANSWERS = 40


def _window(count: int):
    from benchmarks.bench_ui import synthetic_rows
    from fengqiao_desktop import config
    from fengqiao_desktop.services.store import LocalStore
    from fengqiao_desktop.ui.main_window import MainWindow
    from fengqiao_desktop.ui.stations.service_source import ServiceSource, prepare_benchmark_roster

    config.set_data_dir(tempfile.mkdtemp(prefix="fq-bench-typing-"))
    rows = synthetic_rows(count)
    prepare_benchmark_roster(rows)
    store = LocalStore.open()
    window = MainWindow(store)
    window.set_source(ServiceSource(store), background=False)
    window.resize(1300, 850)
    window.show()
    town = next(r.code for r in rows if r.name.startswith("东岗西路街道"))
    iid = store.inspections.create(town, "five-haves")
    return store, window, window.open_inspection(iid)


def _settle(app, browser) -> float:
    """Handle events until the badge read has come back; returns the GUI thread's busy time."""
    busy = 0.0
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline:
        t0 = time.perf_counter()
        app.processEvents()
        busy += time.perf_counter() - t0
        running = browser._refreshing is not None and not browser._refreshing.done
        if not running and not browser._stale:
            return busy
        time.sleep(0.0005)  # the worker runs meanwhile; the GUI thread is idle
    raise RuntimeError("the badge refresh did not finish within 30 s")


def per_answer_ms(count: int) -> tuple[float, float, float, float]:
    """At ``count`` stations: median and max GUI-thread ms per answer, the bare autosave's median
    ms (the service call alone, no window), and ms to read every station's badge."""
    from PySide6.QtWidgets import QApplication

    from fengqiao_desktop.formengine.scoring import Answer

    app = QApplication.instance() or QApplication([])
    store, window, editor = _window(count)
    try:
        browser = window.browser
        _settle(app, browser)  # the creation's own refresh
        assert browser.page.current_code() is None  # the case: nothing selected
        item = next(i for i in editor._order if editor.form.items[i].type.value == "yes_no")
        row = editor.rows[item]
        times = []
        for n in range(_ANSWERS):
            row.set_answer(Answer(value=n % 2 == 0))
            t0 = time.perf_counter()
            row.answer_changed.emit(item)  # the editor's save path, as a keystroke takes it
            saved = time.perf_counter() - t0
            times.append(saved + _settle(app, browser))
        bare = []
        for n in range(_ANSWERS):  # the same save without the window: the service call alone
            t0 = time.perf_counter()
            store.inspections.set_answer(editor.view.inspection_id, item, n % 2 == 1)
            bare.append(time.perf_counter() - t0)
        app.processEvents()
        _settle(app, browser)
        t0 = time.perf_counter()  # the refresh before the change events, on the GUI thread
        source = browser.source
        browser.model.set_badges({r.code: r.badge for r in source.tree_rows()})
        browser.filter.set_states(source.work_states())
        everything = time.perf_counter() - t0
        return (statistics.median(times) * 1000, max(times) * 1000, statistics.median(bare) * 1000, everything * 1000)
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        store.close()


def run(quick: bool = False) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from fengqiao_desktop import config

    out = []
    try:
        for count in (2_000, 5_000) if quick else (2_000, 50_000):
            med, worst, bare, all_badges = per_answer_ms(count)
            out.append(
                {
                    "name": f"typing: GUI-thread time per answer ({count:,} stations)",
                    "value": round(med, 1),
                    "unit": "ms",
                    "baseline": round(bare, 1),
                    "ratio": round(med / bare, 2),
                    "note": f"median of {_ANSWERS} answers, max {worst:.1f} ms, no station selected; aim: median "
                    f"< 16 ms (one frame); baseline: the bare autosave (the service call alone). "
                    f"Re-reading every station's badge, as before the change events: {all_badges:,.0f} ms",
                }
            )
    finally:
        config.set_data_dir(None)
    return out


def _print(results: list[dict]) -> None:
    for r in results:
        print(f"{r['name']}: {r['value']} {r['unit']} (baseline {r['baseline']}, ratio {r['ratio']}) -- {r['note']}")


if __name__ == "__main__":
    _print(run(quick="--quick" in sys.argv))
