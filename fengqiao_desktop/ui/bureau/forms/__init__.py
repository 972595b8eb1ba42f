"""The Bureau's forms page and the dialog that imports a scoring sheet from Excel."""

from fengqiao_desktop.ui.bureau.forms.page import FormsPage

__all__ = ["FormsPage"]
