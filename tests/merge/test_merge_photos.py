"""Where the central database keeps photos (merge/photos.py), seen through what the bureau reads.

On SQLite a plain bundle's photos stay in its archived copy, written once; on
PostgreSQL they are in the database. Either way the coverage page and the
reprinted score sheet show the same pictures, and a damaged or missing archived
copy shows as a missing photo (never another picture) until the bundle is
imported again.
"""

from __future__ import annotations

import hashlib

from merge_helpers import RUBRIC, make_photo, photo_entry
from sqlalchemy import select

from fengqiao_desktop.merge import files, importer, models, pipeline
from fengqiao_desktop.merge.photos import read_photos
from fengqiao_desktop.services import coverage

PHOTOS = models.table_of(models.PhotoBlob)


def _bundle_with_photos(bureau, n: int = 3):
    dev = bureau.device()
    paths = dict(make_photo(bureau.tmp / "ph", f"photo-{k}", size=40_000) for k in range(n))
    rec = dev.record(RUBRIC, photos=[photo_entry(sha, p) for sha, p in paths.items()])
    return dev.export(bureau.tmp / "usb", [rec], paths), paths


def _kept(bureau) -> list[tuple[str, int, int, str | None]]:
    with bureau.central.read() as conn:
        q = select(PHOTOS.c.sha256, PHOTOS.c.size, PHOTOS.c.data, PHOTOS.c.in_bundle).order_by(PHOTOS.c.sha256)
        return [(sha, size, len(data), where) for sha, size, data, where in conn.execute(q)]


def test_photos_are_written_once_and_read_back_the_same(bureau):
    path, paths = _bundle_with_photos(bureau)
    [out] = bureau.merge(path)
    assert out.status == "imported", out.line()
    kept = _kept(bureau)
    assert [(sha, size) for sha, size, _n, _w in kept] == sorted((sha, p.stat().st_size) for sha, p in paths.items())
    if bureau.central.is_sqlite:  # in the archived copy, not a second time in the database file
        assert all(n == 0 and where == out.manifest_sha256 for _sha, _size, n, where in kept)
    else:  # in the database: no shared folder needed
        assert all(n == size and where is None for _sha, size, n, where in kept)
    for sha, p in paths.items():
        assert coverage.photo_bytes(sha, url=bureau.central) == p.read_bytes()


def test_a_photo_carried_again_by_a_later_bundle_is_stored_once(bureau):
    path, paths = _bundle_with_photos(bureau, n=1)
    [first] = bureau.merge(path)
    dev = bureau.devices[0]
    [(sha, p)] = paths.items()
    again = dev.record(RUBRIC, photos=[photo_entry(sha, p)])
    [second] = bureau.merge(dev.export(bureau.tmp / "usb2", [again], paths))
    assert second.status == "imported" and second.counts["new_photos"] == 0
    assert len(_kept(bureau)) == 1
    assert coverage.photo_bytes(sha, url=bureau.central) == p.read_bytes()


def test_a_missing_archived_copy_shows_no_photo_until_the_bundle_is_imported_again(bureau):
    path, paths = _bundle_with_photos(bureau, n=2)
    [out] = bureau.merge(path)
    digest = bureau.digest()
    archived = bureau.central.archive_dir / f"{out.bundle_id}.fqbundle"
    archived.unlink()
    for sha in paths:
        shown = coverage.photo_bytes(sha, url=bureau.central)
        assert shown == (None if bureau.central.is_sqlite else paths[sha].read_bytes())
    [again] = bureau.merge(path)  # the same file from the USB stick puts the copy back
    assert again.status == "already_imported"
    assert archived.read_bytes() == path.read_bytes()
    for sha, p in paths.items():
        assert coverage.photo_bytes(sha, url=bureau.central) == p.read_bytes()
    assert bureau.digest() == digest


def test_a_changed_archived_copy_never_shows_another_picture(bureau):
    path, paths = _bundle_with_photos(bureau, n=2)
    [out] = bureau.merge(path)
    archived = bureau.central.archive_dir / f"{out.bundle_id}.fqbundle"
    data = bytearray(archived.read_bytes())
    first, second = sorted(paths)
    body = paths[first].read_bytes()
    at = data.find(body)
    assert at > 0
    data[at + 100 : at + 110] = b"\x00" * 10  # a photo's bytes changed in place, the zip still well formed
    archived.write_bytes(bytes(data))
    shown = coverage.photo_bytes(first, url=bureau.central)
    if bureau.central.is_sqlite:
        assert shown is None
    else:
        assert shown is not None and hashlib.sha256(shown).hexdigest() == first
    assert coverage.photo_bytes(second, url=bureau.central) == paths[second].read_bytes()
    with bureau.central.read() as conn:  # both at once, as the reprinted score sheet asks
        both = read_photos(conn, bureau.central.files_dir, paths)
    assert sorted(both) == ([second] if bureau.central.is_sqlite else [first, second])
    assert both[second] == paths[second].read_bytes()


def test_photos_of_bundles_prepared_by_a_worker_process(bureau, monkeypatch):
    """A worker hands its prepared bundles back without their bytes: the importer reads what it
    still stores in the database (PostgreSQL) from the staged copy."""
    monkeypatch.setattr(pipeline, "WAIT_FOR_WORKERS", True)
    monkeypatch.setattr(pipeline, "MIN_BUNDLES", 2)
    dev = bureau.device()
    paths, photos = [], {}
    for b in range(4):
        mine = dict(make_photo(bureau.tmp / "ph", f"worker-{b}-{k}", size=30_000) for k in range(2))
        rec = dev.record(RUBRIC, photos=[photo_entry(sha, p) for sha, p in mine.items()])
        paths.append(dev.export(bureau.tmp / f"usb{b}", [rec], mine))
        photos.update(mine)
    outs = importer.import_bundles(bureau.central, paths, workers=1)
    assert [o.status for o in outs] == ["imported"] * 4
    assert len(_kept(bureau)) == 8
    for sha, p in photos.items():
        assert coverage.photo_bytes(sha, url=bureau.central) == p.read_bytes()


def test_a_large_bundle_is_recognised_by_its_bytes_when_it_comes_again(bureau):
    """A bundle of several megabytes is hashed while its copy is written (merge/files.py): the
    hash recorded is the file's, so the same file again is known at once."""
    dev = bureau.device()
    mine = dict(make_photo(bureau.tmp / "ph", f"large-{k}", size=2_000_000) for k in range(3))
    path = dev.export(
        bureau.tmp / "usb", [dev.record(RUBRIC, photos=[photo_entry(s, p) for s, p in mine.items()])], mine
    )
    assert path.stat().st_size > files.HASH_ALONGSIDE
    [out] = bureau.merge(path)
    assert out.status == "imported"
    bundles = models.table_of(models.Bundle)
    with bureau.central.read() as conn:
        recorded = conn.execute(select(bundles.c.file_sha256)).scalar_one()
    assert recorded == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (bureau.central.archive_dir / f"{out.bundle_id}.fqbundle").read_bytes() == path.read_bytes()
    [again] = bureau.merge(path)
    assert again.status == "already_imported"
