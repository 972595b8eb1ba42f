"""The local store: the laptop's database (migrated), its forms and its photo folder.

``LocalStore.open(data_dir=None)`` is what the app, the CLI and the benchmarks
call once; the services hang off it (``store.inspections``, ``store.stations``,
``store.photos``). Worker threads share the store (the engine's pool is
thread-safe) but each opens its own session through ``store.session()``.

A write that changes an inspection says so inside its transaction
(``store.note_saved(s, row)``); once that transaction has committed, the store's
event hub announces ``inspection_saved(inspection_id, station_code)``
(``fengqiao_desktop.events``). A rolled-back write announces nothing.

A data directory with a vault (``storage.vault``) is encrypted: ``open`` then needs the
unlocked vault, and finishes an interrupted conversion first (``services.encryption``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fengqiao_desktop import config
from fengqiao_desktop.errors import FormError
from fengqiao_desktop.events import INSPECTION_SAVED, PHOTOS_CHANGED, ROSTER_CHANGED, EventHub
from fengqiao_desktop.formengine.loader import (
    FormRegistry,
    form_files,
    load_form_file,
    shipped_registry,
)
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.services import encryption
from fengqiao_desktop.services.encryption import DB_NAME
from fengqiao_desktop.storage.db import make_engine, session_scope
from fengqiao_desktop.storage.migrate import upgrade_local
from fengqiao_desktop.storage.models import Inspection, RegisteredForm
from fengqiao_desktop.storage.photocipher import PhotoCipher
from fengqiao_desktop.storage.photostore import PhotoStore
from fengqiao_desktop.storage.vault import Vault, locked_error
from fengqiao_desktop.storage.vault_file import has_vault

_PHOTOS = "fengqiao.photos"  # Session.info key: inspections whose photos changed
_SAVED = "fengqiao.saved"  # Session.info key: inspection id -> station code, announced after commit


def _registry(data_dir: Path) -> FormRegistry:
    """The shipped forms plus the bureau's own in ``<data dir>/forms``."""
    shipped = shipped_registry()
    reg = FormRegistry(v for f in shipped for v in shipped.versions(f.id))
    folder = data_dir / "forms"
    if folder.is_dir():
        for path in form_files(folder):
            reg.add(load_form_file(path))
    return reg


def _add_registered(engine: Engine, reg: FormRegistry) -> None:
    """The forms registered in the database (those a bureau's task pack brought) join the registry."""
    with session_scope(engine) as s:
        rows = s.execute(select(RegisteredForm.sha256, RegisteredForm.content)).all()
    for sha, content in rows:
        if reg.by_sha256(sha) is not None:
            continue
        try:
            reg.add(FormDef.model_validate(json.loads(content)))
        except (FormError, ValueError):
            continue  # the installed form of that id and version stands (a pack refuses such clashes)


@dataclass
class LocalStore:
    data_dir: Path
    engine: Engine
    forms: FormRegistry
    photo_store: PhotoStore
    settings: config.Settings = field(default_factory=config.Settings)
    backup: Path | None = None  # made before a schema upgrade at open, if any
    events: EventHub = field(default_factory=EventHub, repr=False, compare=False)
    vault: Vault | None = field(default=None, repr=False, compare=False)  # set when the data is encrypted

    @classmethod
    def open(
        cls,
        data_dir: str | os.PathLike | None = None,
        photo_cipher: PhotoCipher | None = None,
        *,
        vault: Vault | None = None,
        passphrase: str | None = None,
    ) -> LocalStore:
        """Open (creating and migrating as needed) the store in ``data_dir`` (default: the app's).

        An encrypted data directory needs its ``vault`` (unlocked) or the ``passphrase`` to
        unlock it (StorageError ``kind="locked"`` without either); its photos are sealed with
        the vault's identity. A plain one ignores both; there ``photo_cipher`` (if given)
        seals new photos (``storage/photostore.py``).
        """
        root = Path(data_dir).expanduser().resolve() if data_dir else config.data_dir()
        root.mkdir(parents=True, exist_ok=True)
        db = root / DB_NAME
        key = None
        if has_vault(root):
            if vault is None:
                if passphrase is None:
                    raise locked_error()
                vault = Vault.unlock(root, passphrase)
            if encryption.needs_resume(root):
                encryption.resume(root, vault)
            key = vault.db_key
            photo_cipher = vault.photo_cipher()
        else:
            vault = None
            encryption.discard_stray_export(root)
        backup = upgrade_local(db, key=key)
        engine = make_engine(db, key=key)
        settings = config.Settings.load() if data_dir is None else _settings_in(root)
        forms = _registry(root)
        _add_registered(engine, forms)
        return cls(
            data_dir=root,
            engine=engine,
            forms=forms,
            photo_store=PhotoStore(root / "photos", photo_cipher),
            settings=settings,
            backup=backup,
            vault=vault,
        )

    @property
    def encrypted(self) -> bool:
        return self.vault is not None

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        """A session committed on success (``write=True``: takes the write lock up front).

        Inspections noted with ``note_saved`` are announced after the commit."""
        saved: dict[str, str] = {}
        photos: dict[str, str] = {}
        with session_scope(self.engine, write=write) as s:
            s.info[_SAVED] = saved
            s.info[_PHOTOS] = photos
            yield s
        for inspection_id, station_code in saved.items():
            self.events.announce(INSPECTION_SAVED, inspection_id=inspection_id, station_code=station_code)
        for inspection_id, station_code in photos.items():
            self.events.announce(PHOTOS_CHANGED, inspection_id=inspection_id, station_code=station_code)

    def roster_written(self, result):
        """Stations were written (``result`` has ``added`` and ``updated``): announce it when
        something changed; returns ``result`` (roster jobs pass it on)."""
        if result.added or result.updated:
            self.events.announce(ROSTER_CHANGED, added=result.added, updated=result.updated)
        return result

    @staticmethod
    def note_photos(session: Session, row: Inspection) -> None:
        """This transaction changed the photos of ``row`` (and so the inspection): both announced."""
        LocalStore.note_saved(session, row)
        session.info[_PHOTOS][row.id] = row.station_code

    @staticmethod
    def note_saved(session: Session, row: Inspection) -> None:
        """This transaction changed inspection ``row``: announce it once the transaction commits."""
        session.info[_SAVED][row.id] = row.station_code

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- forms ----------------------------------------------------------
    def register_form(self, session: Session, form: FormDef) -> str:
        """Record the exact form content an inspection is scored against; returns its sha256."""
        if session.get(RegisteredForm, form.sha256) is None:
            session.add(
                RegisteredForm(
                    sha256=form.sha256, id=form.id, version=form.version, content=form.canonical_bytes().decode("utf-8")
                )
            )
            session.flush()
        return form.sha256

    def form_by_sha256(self, session: Session, sha: str) -> FormDef:
        """The pinned form of an inspection, even when the installed forms moved on."""
        form = self.forms.by_sha256(sha)
        if form is not None:
            return form
        row = session.get(RegisteredForm, sha)
        if row is None:
            raise FormError(
                f"本地数据库中找不到表单 {sha[:12]}…",
                message_en=f"Form {sha[:12]}… is not registered in the local database",
            )
        form = FormDef.model_validate(json.loads(row.content))
        self.forms.add(form)
        return form

    # -- services -------------------------------------------------------
    @cached_property
    def inspections(self):
        from fengqiao_desktop.services.inspections import InspectionService

        return InspectionService(self)

    @cached_property
    def stations(self):
        from fengqiao_desktop.services.stations import StationService

        return StationService(self)

    @cached_property
    def photos(self):
        from fengqiao_desktop.services.photos import PhotoService

        return PhotoService(self)

    @cached_property
    def sheets(self):
        from fengqiao_desktop.services.sheet_local import LocalSheetSource

        return LocalSheetSource(self)


def _settings_in(root: Path) -> config.Settings:
    p = root / "settings.json"
    if not p.exists():
        return config.Settings()
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return config.Settings()
    known = set(config.Settings.__dataclass_fields__)
    return config.Settings(**{k: v for k, v in raw.items() if k in known})


def open_engine(url: str | None = None) -> Engine:
    """An engine on the local database at ``url`` (default: the data dir's, when it is not encrypted), migrated."""
    from fengqiao_desktop.storage.db import open_database

    if url is None and has_vault(config.data_dir()):
        raise locked_error()  # an encrypted store opens through LocalStore.open

    return open_database(url or config.local_db_path())
