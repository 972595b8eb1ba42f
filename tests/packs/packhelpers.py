"""Helpers for task-pack tests: a laptop with an inspector key, a bureau key, packs, a DB digest."""

from __future__ import annotations

import hashlib
import io
import sqlite3
import uuid
import zipfile
from pathlib import Path

from fengqiao_desktop.bundle.minisign import FAST_KDF, SecretKey
from fengqiao_desktop.formengine.loader import shipped_registry
from fengqiao_desktop.packs.writer import PackContent, write_pack
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.services.store import LocalStore

PASS = "inspector-pass-1"
CITY, COUNTY, TOWN = "620100000000", "620102000000", "620102001000"


def station(code: str, name: str, level: str, parent: str | None) -> dict:
    return {
        "code": code,
        "name": name,
        "level": level,
        "parent_code": parent,
        "address": "",
        "contact": "",
        "phone": "",
        "veterans_served": None,
        "is_demo": True,
    }


STATIONS = [
    station(CITY, "兰州市退役军人服务中心", "city", None),
    station(COUNTY, "城关区退役军人服务中心", "county", CITY),
    station(TOWN, "酒泉路街道退役军人服务站", "town", COUNTY),
]


def laptop(folder: Path, name: str = "张三") -> LocalStore:
    store = LocalStore.open(folder)
    idn.create_key(store, name, "城关区退役军人事务局", "", PASS, kdf=FAST_KDF)
    return store


def five_haves():
    return shipped_registry().get("five-haves")


def content_for(key_id: str, *, due: str = "2026-12-20", forms=None, assign_forms=None) -> PackContent:
    form = five_haves()
    forms = {form.sha256: form.canonical_bytes()} if forms is None else forms
    ref = assign_forms or [{"sha256": form.sha256, "id": form.id, "version": form.version}]
    return PackContent(
        inspector_key_id=key_id,
        stations=list(STATIONS),
        counties=[COUNTY],
        forms=forms,
        assignments=[
            {
                "id": str(uuid.uuid4()),
                "station_code": TOWN,
                "inspector_key_id": key_id,
                "due_date": due,
                "note": "年底前完成",
                "forms": ref,
            }
        ],
        findings=[
            {
                "inspection_id": str(uuid.uuid4()),
                "finding_id": "f1",
                "station_code": TOWN,
                "item_id": "jigou",
                "category": "hardware",
                "severity": "deduction",
                "description": "服务站无统一标识牌",
                "measures": "补挂标识牌",
                "responsible": "站长",
                "deadline": "2026-11-30",
                "status": "open",
                "inspector_name": "李四",
            }
        ],
        returned=[],
    )


class Bureau:
    """A bureau key and its pack counter (no central database needed for the laptop's refusals)."""

    def __init__(self, name: str = "城关区退役军人事务局"):
        self.sk = SecretKey.generate()
        self.id = str(uuid.uuid4())
        self.name = name
        self.sequence = 0

    def pack(self, out: Path, content: PackContent, *, sequence: int | None = None) -> Path:
        if sequence is None:
            self.sequence += 1
            sequence = self.sequence
        out.mkdir(parents=True, exist_ok=True)
        vp = write_pack(
            out,
            content,
            secret_key=self.sk,
            bureau_id=self.id,
            bureau_name=self.name,
            bureau_unit="兰州市",
            sequence=sequence,
        )
        assert vp.path is not None
        return vp.path


def db_digest(store: LocalStore) -> str:
    """sha256 over every row of every table of the laptop's database (content, not file bytes)."""
    con = sqlite3.connect(f"{store.db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for t in tables:
            h.update(t.encode())
            for row in sorted(repr(r) for r in con.execute(f'SELECT * FROM "{t}"')):
                h.update(row.encode())
        return h.hexdigest()
    finally:
        con.close()


def rewrite(path: Path, out: Path, *, drop: str | None = None, add: tuple[str, bytes] | None = None) -> Path:
    """A copy of a pack's zip with one member dropped or one added (the signature left as it was)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            if info.filename != drop:
                dst.writestr(info, src.read(info.filename))
        if add is not None:
            dst.writestr(add[0], add[1])
    out.write_bytes(buf.getvalue())
    return out


def data_span(path: Path, member: str) -> tuple[int, int]:
    """Where a member's (compressed) bytes lie in the file."""
    raw = path.read_bytes()
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    off = info.header_offset
    name_len = int.from_bytes(raw[off + 26 : off + 28], "little")
    extra_len = int.from_bytes(raw[off + 28 : off + 30], "little")
    start = off + 30 + name_len + extra_len
    return start, start + info.compress_size
