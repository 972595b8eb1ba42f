"""Fixtures for the form engine tests: the shipped forms."""

from __future__ import annotations

import pytest
from formhelpers import RUBRIC_IDS

from fengqiao_desktop.formengine.loader import shipped_registry


@pytest.fixture(scope="session")
def registry():
    return shipped_registry()


@pytest.fixture(params=RUBRIC_IDS)
def rubric(request, registry):
    return registry.get(request.param)


@pytest.fixture
def village(registry):
    return registry.get("demonstration-village")


@pytest.fixture
def gate(registry):
    return registry.get("five-haves")
