"""Fixtures for the score sheet tests: rendered sample sheets, shared per module to stay fast."""

from __future__ import annotations

import pytest

from fengqiao_desktop.reports.sample import demo_sheet_data, large_sheet_data
from fengqiao_desktop.reports.sheet import render_sheet


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory):
    data = demo_sheet_data(tmp_path_factory.mktemp("photos"))
    path = tmp_path_factory.mktemp("sheet") / "demo.pdf"
    pages = render_sheet(data, path)
    return data, path, pages


@pytest.fixture(scope="module")
def large_pdf(tmp_path_factory):
    data = large_sheet_data(60, 20, tmp_path_factory.mktemp("photos"))
    path = tmp_path_factory.mktemp("sheet") / "large.pdf"
    pages = render_sheet(data, path)
    return data, path, pages
