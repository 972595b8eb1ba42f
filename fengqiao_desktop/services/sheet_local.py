"""Score sheets from the laptop's local database.

The local store (``fengqiao_desktop.storage``) and the inspection service are not
part of this build yet; until they are, the local source says so clearly and
sheets can be printed from the central database (``--central``) or built from
plain data (``reports.SheetData``).
"""

from __future__ import annotations

from fengqiao_desktop.reports.sheet_data import SheetData
from fengqiao_desktop.services.sheet import RevisionHashes, not_available


class LocalSheetSource:
    def sheet_data(self, inspection_id: str, lang: str) -> SheetData:
        raise not_available("本机检查数据库中的评分表", "Score sheets from the local inspection database")

    def revision_hashes(self, inspection_id: str) -> RevisionHashes | None:
        raise not_available("用本机检查数据库核验评分表", "Checking sheets against the local database")
