"""Printing the score sheet: the printed pages are the sheet's pages, in preview and on paper.

A real QPrinter writes its output to a PDF file here (the same painting code a
paper printer gets); that file is read back and compared with the sheet.
"""

from __future__ import annotations

import pypdfium2
import pytest
from PIL import Image, ImageChops, ImageFilter
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from fengqiao_desktop.reports.sample import demo_sheet_data
from fengqiao_desktop.reports.sheet import render_sheet
from fengqiao_desktop.ui import printing


@pytest.fixture
def sheet_pdf(tmp_path):
    path = tmp_path / "sheet.pdf"
    render_sheet(demo_sheet_data(tmp_path / "photos"), path)
    return path


def _grey(pdf, index: int, dpi: int = 100):
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return doc[index].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        doc.close()


def _difference(a, b) -> tuple[float, float]:
    """(mean grey difference, share of pixels far apart), after a slight blur: printing
    rasterises the page, so glyph edges may differ by a fraction of a pixel; a shift,
    a wrong scale or a missing element shows up far above the limits used here."""
    a, b = a.filter(ImageFilter.GaussianBlur(2)), b.filter(ImageFilter.GaussianBlur(2))
    hist = ImageChops.difference(a, b).histogram()
    n = a.width * a.height
    return sum(i * c for i, c in enumerate(hist)) / n, sum(hist[60:]) / n


def test_printed_pages_match_the_sheet(qapp, sheet_pdf, tmp_path):
    n = len(PdfReader(sheet_pdf).pages)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    printing.prepare(printer, sheet_pdf)
    assert printing.paint_pdf(printer, sheet_pdf) == n

    pages = PdfReader(printed).pages
    assert len(pages) == n
    box = pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2  # A4 portrait
    for i in range(n):
        a, b = _grey(sheet_pdf, i), _grey(printed, i)
        assert a.size == b.size
        mean, far = _difference(a, b)
        assert mean < 4 and far < 0.005, f"page {i + 1} differs from the sheet ({mean:.1f}, {far:.3%})"
    # the check can fail: the same page moved by 4 pixels (1 mm) is caught
    a, b = _grey(sheet_pdf, 0), _grey(printed, 0)
    assert _difference(a, b.transform(b.size, Image.Transform.AFFINE, (1, 0, 4, 0, 1, 4)))[0] > 4
    # and the pages are not blank: the table's lines and text are there
    assert b.getextrema()[0] < 100


def test_preview_shows_every_page(qtbot, sheet_pdf):
    n = len(PdfReader(sheet_pdf).pages)
    dialog = printing.preview_dialog(None, sheet_pdf)
    qtbot.addWidget(dialog)
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert widget.pageCount() == n
    assert "sheet.pdf" in dialog.windowTitle()


def test_a_damaged_file_gets_a_message(qapp, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    printer = QPrinter()
    with pytest.raises(printing.PrintError) as err:
        printing.prepare(printer, bad)
    assert "bad.pdf" in err.value.message and "重新生成" in err.value.user_message()
