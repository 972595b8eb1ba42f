"""Demo roster of 兰州市: one city center, 8 county centers, their towns and villages.

DEMO DATA. The city code 620100000000 and the eight county codes are the real
GB/T 2260 codes; every town and village code below them is made up, and every
address, contact, phone number (``0931-0000xxxx``, clearly fake) and number of
veterans served is invented. Every row therefore carries ``is_demo=True`` and
the UI marks the whole set as demonstration data; importing a real roster over
it replaces the stations with the same codes and clears their flag.

``demo_rows()`` is pure and deterministic; ``load_demo(engine)`` writes it with
the same upsert as a roster import, so loading it twice changes nothing.
"""

from __future__ import annotations

import hashlib

from fengqiao_desktop.domain.enums import Level
from fengqiao_desktop.roster.demo_data import CITY_CODE, CITY_NAME, COUNTIES, GIVEN, SURNAMES
from fengqiao_desktop.roster.model import ImportResult, StationRow

CENTER = "退役军人服务中心"
STATION = "退役军人服务站"

# Typical number of veterans a station of each level serves: (low, high).
_SERVED = {Level.CITY: (60000, 60000), Level.COUNTY: (4000, 15000), Level.TOWN: (300, 1500), Level.VILLAGE: (20, 200)}


def _pick(code: str, salt: str, n: int) -> int:
    """A stable pseudo-random number in [0, n) for a code (no RNG state: always the same)."""
    return int(hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()[:8], 16) % n


def _row(code: str, name: str, level: Level, parent: str | None, address: str, serial: int) -> StationRow:
    lo, hi = _SERVED[level]
    contact = SURNAMES[_pick(code, "s", len(SURNAMES))] + GIVEN[_pick(code, "g", len(GIVEN))]
    return StationRow(
        code=code,
        name=name,
        level=level,
        parent_code=parent,
        address=address,
        contact=contact,
        phone=f"0931-0000{serial:04d}",
        veterans_served=lo + _pick(code, "v", hi - lo + 1),
        is_demo=True,
    )


def demo_rows() -> list[StationRow]:
    """All demo stations, parents before children."""
    serial = 1
    rows = [_row(CITY_CODE, CITY_NAME + CENTER, Level.CITY, None, "甘肃省兰州市城关区南昌路（演示地址）", serial)]
    for county6, county, towns in COUNTIES:
        serial += 1
        county_code = county6 + "000000"
        rows.append(
            _row(
                county_code,
                county + CENTER,
                Level.COUNTY,
                CITY_CODE,
                f"甘肃省兰州市{county}政务服务中心（演示地址）",
                serial,
            )
        )
        for ttt, town, villages in towns:
            serial += 1
            town_code = county6 + ttt + "000"
            rows.append(
                _row(
                    town_code,
                    town + STATION,
                    Level.TOWN,
                    county_code,
                    f"兰州市{county}{town}便民服务中心（演示地址）",
                    serial,
                )
            )
            for vvv, village in villages:
                serial += 1
                rows.append(
                    _row(
                        county6 + ttt + vvv,
                        village + STATION,
                        Level.VILLAGE,
                        town_code,
                        f"兰州市{county}{town}{village}党群服务中心（演示地址）",
                        serial,
                    )
                )
    return rows


def load_demo(engine) -> ImportResult:
    """Write the demo roster into a database (local or central); idempotent."""
    from fengqiao_desktop.roster.importer import upsert_rows

    return upsert_rows(engine, demo_rows())
