"""Bureau page fixtures: a real central SQLite database in tmp, with the merge tests' forms and devices.

Keys, records and bundles come from ``tests/merge/merge_helpers.py`` (real
writer, real minisign-format signatures, real scoring).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "merge"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from merge_helpers import GATE, RUBRIC, Device  # noqa: E402

from fengqiao_desktop.merge import forms_registry  # noqa: E402
from fengqiao_desktop.services import central as svc  # noqa: E402


@dataclass
class CentralDb:
    url: str
    tmp: Path

    def device(self, name: str = "张三", unit: str = "城关区退役军人事务局", *, trust: bool = True) -> Device:
        d = Device(name=name, unit=unit)
        if trust:
            svc.trust_add(d.sk.public, name=name, unit=unit, url=self.url)
        return d

    def digest(self) -> str:
        return svc.digest(url=self.url)


@pytest.fixture
def central(tmp_path, monkeypatch) -> CentralDb:
    monkeypatch.setenv("FENGQIAO_DATA_DIR", str(tmp_path / "data"))
    url = f"sqlite:///{tmp_path / 'central' / 'central.sqlite3'}"
    c = svc.open_central(url)
    try:
        with c.write() as conn:
            forms_registry.register_forms(conn, [GATE, RUBRIC])
        svc.load_demo(url=c)
    finally:
        c.dispose()
    return CentralDb(url, tmp_path)


@pytest.fixture
def context(central, qapp):
    from fengqiao_desktop.ui.bureau.context import BureauContext

    ctx = BureauContext(central.url)
    yield ctx
    ctx.deleteLater()


@pytest.fixture
def no_file_manager(monkeypatch):
    """Record what the Import page would open instead of starting a file manager."""
    from fengqiao_desktop.ui.bureau.imports import page

    opened: list[Path] = []
    monkeypatch.setattr(page, "open_path", opened.append)
    return opened
