"""The editor's service backend: photos processed off the UI thread as Settings say, refusals change nothing."""

from __future__ import annotations

import hashlib
import io
import threading

import pytest
from PIL import Image
from pyrage import x25519

from fengqiao_desktop.domain import Level
from fengqiao_desktop.roster.model import StationRow
from fengqiao_desktop.services.store import LocalStore
from fengqiao_desktop.storage.photocipher import AgePhotoCipher
from fengqiao_desktop.storage.photostore import PhotoStore
from fengqiao_desktop.storage.stations import StationRepo
from fengqiao_desktop.ui.editor.backend import IngestFailure
from fengqiao_desktop.ui.editor.gallery import GalleryDialog
from fengqiao_desktop.ui.editor.photo_pixmaps import PhotoPixmaps
from fengqiao_desktop.ui.editor.service_backend import ServiceBackend

TOWN = "620102017000"


@pytest.fixture(params=["plain", "sealed"])
def backend(request, tmp_path):
    cipher = AgePhotoCipher(x25519.Identity.generate()) if request.param == "sealed" else None
    store = LocalStore.open(tmp_path / "data", photo_cipher=cipher)
    with store.session(write=True) as s:
        StationRepo.upsert_many(
            s,
            [
                StationRow("620100000000", "兰州市退役军人服务中心", Level.CITY, None),
                StationRow("620102000000", "城关区退役军人服务中心", Level.COUNTY, "620100000000"),
                StationRow(TOWN, "东岗西路街道退役军人服务站", Level.TOWN, "620102000000"),
            ],
        )
    store.settings.photo_long_edge = 1000
    iid = store.inspections.create(TOWN, "demonstration-town", "张三")
    yield ServiceBackend(store, iid)
    store.close()


def _rotated_jpeg(path):
    """3000×2000 landscape pixels, EXIF orientation 6 (shown as portrait)."""
    img = Image.new("RGB", (3000, 2000), (30, 120, 200))
    img.paste((255, 255, 255), (0, 0, 750, 500))
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90, exif=exif)
    path.write_bytes(buf.getvalue())
    return path


def test_ingest_runs_on_a_worker_thread_and_follows_the_settings(backend, tmp_path):
    src = _rotated_jpeg(tmp_path / "hall.jpg")
    job = backend.ingest_job([str(src)])
    results = []
    t = threading.Thread(target=lambda: results.extend(job()))  # no session, no widgets in the job
    t.start()
    t.join(30)
    [ing] = results
    assert not isinstance(ing, IngestFailure)
    assert ing.original_sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    backend.attach("A1", ing)
    [row] = backend.photos()
    with Image.open(io.BytesIO(backend.read_photo(row.stored_sha256))) as im:
        assert im.size == (667, 1000)  # orientation applied, long edge from Settings
    with Image.open(io.BytesIO(backend.read_photo(row.thumb_sha256))) as th:
        assert max(th.size) <= backend.store.settings.thumbnail_edge
    assert backend.score().items["A1"] is not None


def test_refused_files_change_nothing(backend, tmp_path):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    text = tmp_path / "list.jpg"
    text.write_text("名单", encoding="utf-8")
    before = sorted(p.name for p in backend.store.photo_store.root.rglob("*"))
    results = backend.ingest_job([str(bad), str(text)])()
    assert all(isinstance(r, IngestFailure) and r.message for r in results)
    assert backend.photos() == []
    assert sorted(p.name for p in backend.store.photo_store.root.rglob("*")) == before


def test_findings_proposed_below_full_marks_and_edited(backend):
    from dataclasses import replace

    from fengqiao_desktop.formengine.scoring import Answer

    backend.set_answer("A2", Answer(value=False))
    [f] = backend.propose_findings()
    assert f.item_id == "A2"
    backend.save_finding(replace(f, responsible="王站长", deadline="2026-12-31", measures="补齐编制"))
    [g] = backend.findings()
    assert (g.responsible, g.deadline, g.measures) == ("王站长", "2026-12-31", "补齐编制")
    assert backend.propose_findings() == []  # one per item
    backend.delete_finding(g.id)
    assert backend.findings() == []


def test_a_sheet_to_an_unwritable_place_is_a_plain_error(backend, tmp_path):
    from fengqiao_desktop.errors import KnownError

    job = backend.sheet_job(str(tmp_path / "no-such-folder" / "sheet.pdf"))
    with pytest.raises(KnownError, match="无法写入评分表"):
        job()


def test_the_gallery_shows_stored_photos_and_says_why_one_cannot_be_shown(backend, tmp_path, qtbot):
    [ing] = backend.ingest_job([str(_rotated_jpeg(tmp_path / "hall.jpg"))])()
    backend.attach("A1", ing)
    rows = backend.photos()
    pixmaps = PhotoPixmaps(backend.read_photo)
    thumb = pixmaps.thumbnail(rows[0].thumb_sha256, 96)
    assert thumb.height() == 96 and 60 <= thumb.width() <= 66  # portrait 2:3 in a 96 × 96 box
    dlg = GalleryDialog(rows, {"A1": "1.1"}, pixmaps)
    qtbot.addWidget(dlg)
    dlg.select(rows[0].id)
    assert not dlg.preview.pixmap().isNull()
    assert (dlg._current_pixmap.width(), dlg._current_pixmap.height()) == (667, 1000)

    # the same photos through a store that cannot open them (another key, or no key for sealed ones)
    store = backend.store
    other = AgePhotoCipher(x25519.Identity.generate()) if store.photo_store.cipher else None
    store.photo_store = PhotoStore(store.photo_store.root, other)
    if other is None:
        store.photo_store.remove(ing.sha256)  # a plain photo that went missing
    blind = PhotoPixmaps(backend.read_photo)
    assert blind.thumbnail(rows[0].stored_sha256, 96).isNull()
    dlg2 = GalleryDialog(rows, {"A1": "1.1"}, blind)
    qtbot.addWidget(dlg2)
    dlg2.select(rows[0].id)
    assert dlg2.preview.pixmap().isNull()
    assert "照片" in dlg2.preview.text() and "Traceback" not in dlg2.preview.text()
