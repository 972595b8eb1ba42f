"""The Coverage page of the Bureau workspace: targets, roll-up by county/town/village, charts."""

from fengqiao_desktop.ui.bureau.coverage.page import CoveragePage

__all__ = ["CoveragePage"]
