"""The station tree's first level read with the plain driver before the store opens (start-up)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from fengqiao_desktop.services.store import LocalStore
from fengqiao_desktop.storage.revision import head_revision, stored_state
from fengqiao_desktop.storage.tree_rows import read_first_level

RELEASE_0_1 = Path(__file__).parent / "fixtures" / "release_0_1" / "data"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_database_due_for_a_migration_is_left_to_the_store_which_migrates_it(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(RELEASE_0_1, data)
    db = data / "inspections.sqlite3"
    before = _digest(db)
    assert stored_state(db)[1] != head_revision()
    assert read_first_level(db) is None  # the old schema is not read
    assert _digest(db) == before and not (data / "backups").exists()  # nor touched

    with LocalStore.open(data) as store:
        expected = store.stations.top_rows()
    assert stored_state(db)[1] == head_revision() and list((data / "backups").glob("*before-*"))
    assert expected and read_first_level(db) == expected


def test_no_database_yet_means_no_early_first_level(tmp_path):
    assert read_first_level(tmp_path / "inspections.sqlite3") is None
    assert not (tmp_path / "inspections.sqlite3").exists()
