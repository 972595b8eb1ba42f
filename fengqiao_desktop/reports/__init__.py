"""Printable reports: the on-site score sheet (PDF) and its QR proof; fonts shared by all reports.

The report layer works on plain data (``sheet_data.SheetData``) and never touches a
database; ``services.sheet`` builds that data from the local or central store.
"""

from fengqiao_desktop.reports.qr import Proof, format_proof, parse_proof
from fengqiao_desktop.reports.sheet import render_sheet
from fengqiao_desktop.reports.sheet_data import (
    SheetCompanion,
    SheetData,
    SheetFinding,
    SheetInspection,
    SheetInspector,
    SheetPhoto,
    SheetStation,
)

__all__ = [
    "Proof",
    "SheetCompanion",
    "SheetData",
    "SheetFinding",
    "SheetInspection",
    "SheetInspector",
    "SheetPhoto",
    "SheetStation",
    "format_proof",
    "parse_proof",
    "render_sheet",
]
