"""Run every benchmark and print one table.

Usage: ``python -m benchmarks [--quick] [NAME...]`` where NAME filters modules
(``scoring``, ``roster``, ``storage``, ``bundle``, ``merge``, ``sheet``, ``ui``, ``coverage``).

Every figure comes with a baseline measured in the same process and the ratio
between the two, because the machines these run on are shared and noisy.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time
import traceback
from pathlib import Path


def _modules(names: list[str]) -> list[str]:
    here = Path(__file__).parent
    found = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    if names:
        found = [m for m in found if m.removeprefix("bench_") in names]
    return found


def format_table(rows: list[dict]) -> str:
    head = ["benchmark", "value", "unit", "baseline", "ratio", "note"]
    lines = [head]
    for r in rows:

        def f(x):
            if isinstance(x, float):
                return f"{x:,.3g}" if abs(x) < 1000 else f"{x:,.0f}"
            return "" if x is None else str(x)

        lines.append(
            [
                str(r.get("name", "")),
                f(r.get("value")),
                str(r.get("unit", "")),
                f(r.get("baseline")),
                f(r.get("ratio")),
                str(r.get("note", "")),
            ]
        )
    widths = [max(len(row[i]) for row in lines) for i in range(len(head))]
    out = []
    for n, row in enumerate(lines):
        out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks")
    ap.add_argument("--quick", action="store_true", help="smaller inputs, for a smoke run")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args(argv)
    rows: list[dict] = []
    failed = 0
    for mod_name in _modules(args.names):
        t0 = time.perf_counter()
        try:
            mod = importlib.import_module(f"benchmarks.{mod_name}")
            rows.extend(mod.run(quick=args.quick))
        except Exception:  # a broken benchmark must not hide the others
            failed += 1
            traceback.print_exc()
            rows.append({"name": mod_name, "note": "FAILED"})
        print(f"[{mod_name} done in {time.perf_counter() - t0:.1f} s]", file=sys.stderr)
    print(format_table(rows))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
