"""Print preview and printing of a finished PDF (the score sheet) with Qt's print dialogs.

The sheet is made once, by reportlab, so the printout and the saved PDF are the
same document. PySide6-Essentials has no PDF renderer, so each page is
rasterised with pdfium (pypdfium2) at the printer's resolution (capped, to keep
memory bounded) and painted full-page: the PDF carries its own margins.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from fengqiao_desktop.errors import KnownError

MAX_DPI = 300  # printers rarely resolve finer; a 300 dpi A4 page is about 35 MB of pixels


class PrintError(KnownError):
    """A PDF could not be read for printing."""


def _document(pdf_path: str | Path):
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(str(pdf_path))
    except (pypdfium2.PdfiumError, OSError) as exc:
        raise PrintError(
            f"无法读取要打印的文件 {Path(pdf_path).name}：{exc}",
            message_en=f"cannot read {Path(pdf_path).name} for printing: {exc}",
            hint="请重新生成评分表后再打印",
        ) from exc


def page_image(page, dpi: float) -> QImage:
    """One PDF page as a QImage at ``dpi`` (white background, RGB)."""
    bitmap = page.render(scale=dpi / 72.0)
    pil = bitmap.to_pil().convert("RGB")
    data = pil.tobytes("raw", "RGB")
    # copy(): the QImage must own its pixels once ``data`` goes away
    return QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888).copy()


def prepare(printer: QPrinter, pdf_path: str | Path) -> None:
    """Set the printer to the PDF's first page size (A4 portrait for a sheet), full page."""
    doc = _document(pdf_path)
    try:
        width, height = doc[0].get_size()
    finally:
        doc.close()
    size = (
        QPageSize(QPageSize.PageSizeId.A4)
        if abs(width - 595.3) < 2 and abs(height - 841.9) < 2
        else QPageSize(QRectF(0, 0, width, height).size(), QPageSize.Unit.Point, "")
    )
    orientation = QPageLayout.Orientation.Portrait if height >= width else QPageLayout.Orientation.Landscape
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)


def paint_pdf(printer: QPrinter, pdf_path: str | Path) -> int:
    """Paint every page of the PDF onto ``printer``; returns the number of pages printed."""
    doc = _document(pdf_path)
    painter = QPainter()
    if not painter.begin(printer):
        doc.close()
        raise PrintError(
            "无法开始打印：打印机不可用",
            message_en="printing could not start: the printer is not available",
            hint="请检查打印机是否已连接并开启，或先“另存为 PDF”",
        )
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for i in range(len(doc)):
            if i:
                printer.newPage()
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            image = page_image(doc[i], dpi)
            painter.drawImage(QRectF(target), image)
        return len(doc)
    finally:
        painter.end()
        doc.close()


def preview_dialog(parent: QWidget | None, pdf_path: str | Path) -> QPrintPreviewDialog:
    """Qt's print preview of the PDF (its Print button prints it); call ``exec()`` to show it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare(printer, pdf_path)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("Printing", "Print preview — {name}").format(name=Path(pdf_path).name)
    )
    dialog.paintRequested.connect(lambda p: paint_pdf(p, pdf_path))
    dialog._printer = printer  # type: ignore[attr-defined]  # keep it alive with the dialog
    return dialog


def print_with_dialog(parent: QWidget | None, pdf_path: str | Path) -> bool:
    """Ask for a printer with Qt's print dialog and print the PDF; False if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare(printer, pdf_path)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_pdf(printer, pdf_path)
    return True
