"""Spreadsheet cells written from user data, safe against formula ("CSV") injection.

A station, inspector or finding named ``=HYPERLINK(...)`` must never become a live
formula when a bureau opens an exported CSV or XLSX in Excel, WPS or LibreOffice.
As OWASP recommends, text that begins with ``= + - @``, a tab or a carriage
return is written with a single quote in front, and in XLSX the cell is typed as
a string. Numbers stay numbers. Every CSV/XLSX export path goes through here;
``restore_text`` undoes the prefix when the app reads back a workbook it wrote
(a form exported and imported again keeps its text).
"""

from __future__ import annotations

from collections.abc import Iterable

DANGEROUS_LEADS = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(text: str) -> bool:
    # text already quoted (``'=x``) is quoted once more, so ``restore_text`` is an exact inverse
    return text.lstrip("'").startswith(DANGEROUS_LEADS)


def safe_value(value: object) -> object:
    """``value`` as it may go into a cell: text starting a formula is prefixed with ``'``."""
    if isinstance(value, str) and _needs_quote(value):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    return [safe_value(v) for v in values]


def put(ws, row: int, column: int, value: object):
    """Write ``value`` into an openpyxl worksheet cell, text always as a string; return the cell."""
    cell = ws.cell(row=row, column=column)
    _set(cell, value)
    return cell


def append(ws, values: Iterable[object]) -> None:
    """``ws.append`` with every text cell neutralised and typed as a string."""
    ws.append(safe_row(values))
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _set(cell, value: object) -> None:
    cell.value = safe_value(value)
    if isinstance(cell.value, str):
        cell.data_type = "s"  # never "f", whatever the text


def restore_text(text: str) -> str:
    """Undo ``safe_value`` on text read back from a cell (``'=x`` -> ``=x``)."""
    if text.startswith("'") and _needs_quote(text):
        return text[1:]
    return text
