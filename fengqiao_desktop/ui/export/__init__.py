"""Exporting a signed bundle from the desktop: the dialog and the main window's handler."""

from fengqiao_desktop.ui.export.dialog import ExportDialog, export_handler

__all__ = ["ExportDialog", "export_handler"]
