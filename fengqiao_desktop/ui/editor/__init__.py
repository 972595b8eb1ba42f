"""The inspection editor: a form rendered as keyboard-friendly rows, autosaved, with photos and findings."""

from fengqiao_desktop.ui.editor.editor_widget import InspectionEditor
from fengqiao_desktop.ui.editor.last_opened import recall as last_inspection_id

__all__ = ["InspectionEditor", "last_inspection_id"]
