"""Where the central database keeps a photo's bytes, and reading them back.

A photo is one ``photo_blobs`` row, keyed by the sha256 of its bytes. Its bytes are
either in the row, or — on a SQLite database, for a plain (unencrypted) bundle —
left where the import has just written them durably anyway: in that bundle's
archived copy beside the database (``archive/``). The row then names the bundle
(``in_bundle``, its manifest sha256) and its ``data`` is empty; a photo is written
once instead of twice, and the archive (which every import keeps, for verifying
again and forwarding upward) and the database file together hold everything.

- PostgreSQL keeps every photo in its row: a deployment needs no shared folder,
  and the archive lives only on the PC that ran the import.
- An encrypted bundle's photos go in the row too: its archived copy is the
  encrypted file, which only the bureau's passphrase opens.

Reading a photo kept in a bundle finds its member in the archived copy with the
same strict zip reading the verifier uses and checks its sha256 again, so a
damaged or replaced archive shows as a missing photo, never as another picture.
Importing the bundle again puts a missing archived copy back (merge/batch.py).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from fengqiao_desktop.bundle import spec, zipscan
from fengqiao_desktop.errors import BundleError
from fengqiao_desktop.merge import models
from fengqiao_desktop.merge.apply import chunks

log = logging.getLogger(__name__)

PHOTO = models.table_of(models.PhotoBlob)
BUNDLES = models.table_of(models.Bundle)


@dataclass(frozen=True)
class InRow:
    """Photos stored with their bytes in the row, read from the verified bundle."""

    read: Callable[[str], bytes]

    def insert(self, conn: Connection, shas: Iterable[str]) -> None:
        """One row per photo (none of them stored yet), one photo per statement: a statement
        carrying several photos' bytes costs PostgreSQL more (measured: a third slower)."""
        for sha in shas:
            data = self.read(sha)
            conn.execute(insert(PHOTO), {"sha256": sha, "size": len(data), "data": data, "in_bundle": None})


@dataclass(frozen=True)
class InBundle:
    """Photos left in the bundle's archived copy (its manifest sha256); sizes by sha256."""

    manifest_sha256: str
    sizes: Mapping[str, int]

    def insert(self, conn: Connection, shas: Iterable[str]) -> None:
        """One row per photo (none of them stored yet), many rows per statement."""
        for part in chunks(list(shas)):
            conn.execute(
                insert(PHOTO),
                [{"sha256": s, "size": self.sizes[s], "data": b"", "in_bundle": self.manifest_sha256} for s in part],
            )


PhotoSource = InRow | InBundle


def source_for(
    *,
    sqlite: bool,
    archived_is_verified: bool,
    manifest_sha256: str,
    sizes: Mapping[str, int],
    read: Callable[[str], bytes],
) -> PhotoSource:
    """Where a bundle's new photos go: its archive when the database is SQLite and the archived
    copy is the very zip verified (a plain bundle), else their rows."""
    if sqlite and archived_is_verified:
        return InBundle(manifest_sha256, sizes)
    return InRow(read)


def read_photos(conn: Connection, files_dir: Path, shas: Iterable[str]) -> dict[str, bytes]:
    """The bytes of the photos held, by sha256. A photo not held, or kept in an archived bundle
    that is missing or no longer holds it unchanged, is left out (and logged)."""
    out: dict[str, bytes] = {}
    in_bundles: dict[str | None, list[tuple[str, int]]] = {}
    for part in chunks(sorted(set(shas))):
        q = (
            select(PHOTO.c.sha256, PHOTO.c.size, PHOTO.c.data, BUNDLES.c.archived_path)
            .select_from(PHOTO.outerjoin(BUNDLES, BUNDLES.c.manifest_sha256 == PHOTO.c.in_bundle))
            .where(PHOTO.c.sha256.in_(part))
        )
        for sha, size, data, archived in conn.execute(q):
            if data:
                out[sha] = bytes(data)
            else:
                in_bundles.setdefault(archived, []).append((sha, size))
    for archived, wanted in in_bundles.items():
        if archived is None:  # pragma: no cover - every bundle that keeps photos is archived
            log.warning("%d photos are kept in a bundle with no archived copy", len(wanted))
            continue
        out.update(_from_archive(files_dir / archived, wanted))
    return out


def _from_archive(path: Path, wanted: list[tuple[str, int]]) -> dict[str, bytes]:
    """The photos ``wanted`` (sha256, size) read from an archived bundle, each checked again."""
    out: dict[str, bytes] = {}
    try:
        with open(path, "rb") as f:
            entries = zipscan.scan(f, os.fstat(f.fileno()).st_size, spec.Limits())
            for sha, size in wanted:
                entry = entries.get(spec.photo_member(sha))
                try:
                    data = b"".join(zipscan.iter_member(f, entry, size)) if entry is not None else None
                except BundleError as exc:
                    log.warning("the photo %s in the archived bundle %s cannot be read: %s", sha, path.name, exc)
                    continue
                if data is not None and hashlib.sha256(data).hexdigest() == sha:
                    out[sha] = data
                else:
                    log.warning("the archived bundle %s no longer holds the photo %s", path.name, sha)
    except (OSError, BundleError) as exc:
        log.warning("cannot read photos from the archived bundle %s: %s", path.name, exc)
    return out
