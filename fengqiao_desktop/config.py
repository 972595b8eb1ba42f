"""Data directory and typed settings.

The data directory comes from ``--data-dir``, else ``FENGQIAO_DATA_DIR``, else
platformdirs' user data dir. Settings are a small JSON file in it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

APP_NAME = "fengqiao-desktop"
ENV_DATA_DIR = "FENGQIAO_DATA_DIR"
ENV_CENTRAL = "FENGQIAO_CENTRAL"
ENV_PASSPHRASE = "FENGQIAO_PASSPHRASE"
ENV_LANG = "FENGQIAO_LANG"  # language of CLI messages, "zh" or "en"; --lang wins

_override: Path | None = None


def set_data_dir(path: str | os.PathLike | None) -> None:
    """Override the data directory for this process (``--data-dir``)."""
    global _override
    _override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    if _override is not None:
        root = _override
    elif os.environ.get(ENV_DATA_DIR):
        root = Path(os.environ[ENV_DATA_DIR]).expanduser().resolve()
    else:
        root = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    root.mkdir(parents=True, exist_ok=True)
    return root


def local_db_path() -> Path:
    return data_dir() / "inspections.sqlite3"


def local_db_url() -> str:
    return f"sqlite:///{local_db_path()}"


def photos_dir() -> Path:
    p = data_dir() / "photos"
    p.mkdir(parents=True, exist_ok=True)
    return p


def logs_dir() -> Path:
    p = data_dir() / "logs"
    p.mkdir(parents=True, exist_ok=True)
    return p


def keys_dir() -> Path:
    p = data_dir() / "keys"
    p.mkdir(parents=True, exist_ok=True)
    return p


def central_dir() -> Path:
    p = data_dir() / "central"
    p.mkdir(parents=True, exist_ok=True)
    return p


def central_url(explicit: str | None = None) -> str:
    """The central database URL: ``--central``, else ``FENGQIAO_CENTRAL``, else a SQLite file."""
    if explicit:
        return explicit
    if os.environ.get(ENV_CENTRAL):
        return os.environ[ENV_CENTRAL]
    return f"sqlite:///{central_dir() / 'central.sqlite3'}"


@dataclass
class Settings:
    language: str = "zh"
    photo_long_edge: int = 2560
    photo_jpeg_quality: int = 88
    thumbnail_edge: int = 320
    # a photo whose EXIF capture date is this many days or more before the visit is questioned
    photo_max_age_days: int = 30
    # the deadline offered for a new finding: the visit date plus this many days
    finding_deadline_days: int = 30
    last_export_dir: str = ""
    first_run_done: bool = False
    extra: dict = field(default_factory=dict)

    @classmethod
    def path(cls) -> Path:
        return data_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        p = cls.path()
        if not p.exists():
            return cls()
        try:
            raw = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})

    def save(self) -> None:
        p = self.path()
        tmp = p.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, p)
