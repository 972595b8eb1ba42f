"""Station rosters: 12-digit codes, CSV/XLSX parsing with per-row errors, import, demo data.

Public entry points:

- :class:`~fengqiao_desktop.roster.model.StationRow` — one station as read from a roster.
- :func:`~fengqiao_desktop.roster.parse.parse_roster` — file -> validated rows, or ``RosterError``.
- :func:`~fengqiao_desktop.roster.importer.import_roster` — file -> database, all rows or none.
- :func:`~fengqiao_desktop.roster.demo.demo_rows` / ``load_demo`` — the 兰州市 demo roster.
"""

from fengqiao_desktop.roster.model import ImportResult, RowIssue, StationRow

__all__ = ["ImportResult", "RowIssue", "StationRow"]
