"""``fengqiao-desktop --self-check``: prove an installed copy works, without a screen.

Runs the paths an inspector relies on, in a temporary data folder that is
deleted afterwards (the real data folder is never touched):

1. open the local database (creating it and applying every migration), and
   an encrypted one (SQLCipher, a vault sealed with a passphrase, a sealed photo) in a second folder,
2. load and validate every shipped form,
3. render a score sheet to a temporary PDF and read it back,
4. create a throwaway signing key,
5. complete an inspection, export it as a signed bundle and verify the bundle,
6. create the bureau's central database (its own migrations) and import that bundle.

Each step prints one ``OK`` line; the last line is ``OK`` (exit code 0) or
``FAILED: <step>: <reason>`` (exit code 1); without a console (the windowed
Windows build) the lines go to ``%TEMP%\\fengqiao-selfcheck.txt``. Core code only: no Qt, so it works
on a machine whose graphics stack is broken, which is exactly when it is needed.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from fengqiao_desktop import __version__
from fengqiao_desktop.formengine.answers import full_marks

PASSPHRASE = "self-check-only"


class CheckFailed(Exception):
    """A step ran but its result is wrong."""


class _Context:
    """What later steps need from earlier ones."""

    def __init__(self, root: Path):
        self.root = root
        # set by the steps, in order; a later step runs only after the one that sets its input
        self.store: Any = None  # LocalStore
        self.bundle: Any = None  # Path of the bundle written
        self.public_key: Any = None  # PublicKey that signed it


def _step_database(ctx: _Context) -> str:
    from fengqiao_desktop.services.store import LocalStore
    from fengqiao_desktop.storage.migrate import current_revision, head_revision

    ctx.store = LocalStore.open(ctx.root / "data")
    rev = current_revision(ctx.store.engine)
    if rev != head_revision():
        raise CheckFailed(f"database at revision {rev}, expected {head_revision()}")
    return f"local database migrated to {rev} ({ctx.store.db_path.name})"


def _step_encrypted(ctx: _Context) -> str:
    from fengqiao_desktop.domain import Level
    from fengqiao_desktop.reports.sample import make_jpeg
    from fengqiao_desktop.roster.model import StationRow
    from fengqiao_desktop.services.encryption import encrypt_data_dir
    from fengqiao_desktop.services.store import LocalStore
    from fengqiao_desktop.storage.cipher import file_kind, sqlcipher
    from fengqiao_desktop.storage.stations import StationRepo

    root = ctx.root / "encrypted"
    root.mkdir()
    vault = encrypt_data_dir(root, PASSPHRASE).vault  # the passphrase's scrypt runs once
    with LocalStore.open(root, vault=vault) as store, store.session(write=True) as s:
        StationRepo.upsert_many(s, [StationRow("620100000000", "自检", Level.CITY, None)])
    if file_kind(root / "inspections.sqlite3") != "encrypted":
        raise CheckFailed("the encrypted database was written in clear")
    photo = root / "photo.jpg"
    photo.write_bytes(make_jpeg(7, (320, 240)))
    with LocalStore.open(root, vault=vault) as store:
        if store.stations.get("620100000000") is None:
            raise CheckFailed("the encrypted database lost what was written to it")
        stored = store.photo_store.ingest(photo)
        if not store.photo_store.read(stored.sha256).startswith(b"\xff\xd8"):
            raise CheckFailed("a sealed photo does not read back as a JPEG")
    if {p.suffix for p in (root / "photos").rglob("*") if p.is_file()} != {".age"}:
        raise CheckFailed("a photo was stored in clear in an encrypted data folder")
    cipher = sqlcipher.connect(":memory:").execute("PRAGMA cipher_version").fetchone()[0]
    return f"encrypted database and photo written and read back (SQLCipher {cipher})"


def _step_forms(ctx: _Context) -> str:
    from fengqiao_desktop.formengine.loader import form_files, load_forms

    files = form_files()
    if not files:
        raise CheckFailed("no shipped forms found")
    forms = load_forms(files)  # parsing validates; a bad file raises FormError
    for f in forms:
        if not f.items:
            raise CheckFailed(f"form {f.id} has no items")
    return f"{len(forms)} forms valid ({', '.join(f.id for f in forms)})"


def _pdf_pages(data: bytes) -> int:
    """Page count from the page objects; reportlab writes them uncompressed."""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise CheckFailed("the score sheet is not a complete PDF file")
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def _step_sheet(ctx: _Context) -> str:
    from fengqiao_desktop.reports import render_sheet
    from fengqiao_desktop.reports.sample import demo_sheet_data

    out = ctx.root / "sheet.pdf"
    pages = render_sheet(demo_sheet_data(), out)
    data = out.read_bytes()
    found = _pdf_pages(data)
    if pages < 1 or found != pages:
        raise CheckFailed(f"rendered {pages} pages, read back {found}")
    # Both fonts must be embedded: Chinese from the shipped TTF, ASCII from reportlab's Vera.
    embedded = set(re.findall(rb"/BaseFont\s*/[A-Z]{6}\+([^\s/]+)", data))
    for name in (b"DroidSansFallback", b"BitstreamVeraSans-Roman"):
        if name not in embedded:
            raise CheckFailed(f"font {name.decode()} is not embedded in the sheet")
    return f"score sheet rendered and read back ({pages} pages, {len(data) // 1024} KB)"


def _step_key(ctx: _Context) -> str:
    from fengqiao_desktop.bundle import KeyStore
    from fengqiao_desktop.bundle.minisign import FAST_KDF

    # A fast key-derivation setting: this key only lives for the check.
    pk = KeyStore(ctx.store.data_dir / "keys").init("自检", "自检单位", "", PASSPHRASE, kdf=FAST_KDF)
    return f"throwaway key created ({pk.key_id})"


def _step_bundle(ctx: _Context) -> str:
    from fengqiao_desktop.bundle import KeyStore, verify_bundle
    from fengqiao_desktop.domain import Level
    from fengqiao_desktop.reports.sample import make_jpeg
    from fengqiao_desktop.roster.demo import demo_rows
    from fengqiao_desktop.services import export as ex
    from fengqiao_desktop.storage.stations import StationRepo

    store = ctx.store
    # The demonstration roster, so the central step finds the station in its own copy of it.
    rows = demo_rows()
    station = next(r.code for r in rows if r.level is Level.VILLAGE)
    with store.session(write=True) as s:
        StationRepo.upsert_many(s, rows)
    iid = store.inspections.create(station, "five-haves")
    form = store.inspections.form_of(iid)
    for n, (item_id, value) in enumerate(full_marks(form, "自检").items()):
        store.inspections.set_answer(iid, item_id, value)
        for k in range(form.items[item_id].min_photos):
            p = ctx.root / f"photo-{n}-{k}.jpg"
            p.write_bytes(make_jpeg(n * 10 + k, size=(320, 240)))
            store.photos.add_photo(iid, p, item_id, "自检")
    store.inspections.complete(iid)
    out = ctx.root / "usb"
    out.mkdir()
    path = ex.export(store, ex.plan_export(store), out, PASSPHRASE)
    pk = KeyStore(store.data_dir / "keys").public_key()
    vb = verify_bundle(path, public_keys={pk.key_id: pk})
    if [r["id"] for r in vb.records.values()] != [iid]:
        raise CheckFailed("the bundle does not hold the exported inspection")
    ctx.bundle, ctx.public_key = path, pk
    return f"bundle exported and verified ({path.name}, {path.stat().st_size // 1024} KB)"


def _step_central(ctx: _Context) -> str:
    from fengqiao_desktop.services import central

    # The bureau's database (its own migration chain) in a SQLite file, fed the bundle just made.
    url = f"sqlite:///{(ctx.root / 'central' / 'central.sqlite3').as_posix()}"
    (ctx.root / "central").mkdir()
    central.load_demo(url=url)
    central.trust_add(ctx.public_key, name="自检", unit="自检单位", url=url)
    outcomes = central.import_bundles([ctx.bundle], url=url)
    if [o.status for o in outcomes] != ["imported"]:
        raise CheckFailed(f"import into the central database: {[(o.status, o.reason_en) for o in outcomes]}")
    return "central database migrated; bundle imported"


STEPS: list[tuple[str, Callable[[_Context], str]]] = [
    ("database", _step_database),
    ("encrypted database", _step_encrypted),
    ("forms", _step_forms),
    ("score sheet", _step_sheet),
    ("key", _step_key),
    ("bundle", _step_bundle),
    ("central", _step_central),
]


def run(out: TextIO | None = None, *, verbose: bool = False) -> int:
    """Run every step; print one line each and ``OK`` or ``FAILED: ...``; return the exit code."""
    if out is None and sys.stdout is None:
        # A windowed build on Windows has no console: write the report to a file instead.
        report = Path(tempfile.gettempdir()) / "fengqiao-selfcheck.txt"
        with report.open("w", encoding="utf-8") as f:
            return run(f, verbose=verbose)
    out = out or sys.stdout
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    print(f"Fengqiao Desktop {__version__} self-check{frozen}", file=out)
    from fengqiao_desktop import config

    with tempfile.TemporaryDirectory(prefix="fengqiao-selfcheck-") as tmp:
        root = Path(tmp)
        previous = config._override  # restored afterwards, so an in-process caller keeps its folder
        config.set_data_dir(root / "data")
        ctx = _Context(root)
        try:
            for name, step in STEPS:
                t0 = time.perf_counter()
                try:
                    detail = step(ctx)
                except Exception as exc:  # noqa: BLE001 - every failure is reported, not raised
                    msg = getattr(exc, "message_en", None) or str(exc) or type(exc).__name__
                    print(f"FAILED: {name}: {type(exc).__name__}: {msg}", file=out)
                    if verbose:
                        traceback.print_exc(file=out)
                    return 1
                print(f"OK {name}: {detail} [{time.perf_counter() - t0:.2f} s]", file=out)
        finally:
            if ctx.store is not None:
                ctx.store.close()
            config.set_data_dir(previous)
    print("OK", file=out)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(verbose="-v" in sys.argv))
