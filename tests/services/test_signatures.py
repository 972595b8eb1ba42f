"""On-screen signatures and photo positions: kept with the revision, carried in the exported
bundle's record (read back from the bundle), printed on the sheet (read back from the PDF),
and on the bureau's reprint of the imported bundle."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import pdfplumber
import pytest
from PIL import Image
from svc_helpers import TOWN, full_marks, jpeg_bytes

from fengqiao_desktop.bundle import KeyStore, verify_bundle
from fengqiao_desktop.bundle.manifest import validate_record
from fengqiao_desktop.bundle.minisign import FAST_KDF
from fengqiao_desktop.domain.signatures import SignatureInput
from fengqiao_desktop.errors import BundleError, InspectionError
from fengqiao_desktop.reports.sheet import render_sheet
from fengqiao_desktop.services import export as ex
from fengqiao_desktop.services.sheet_local import LocalSheetSource

PASS = "pass-1234"
VISIT = dt.date(2026, 3, 1)
# a zigzag and a stroke under it, as a mouse would draw them (0..1000 box)
HEAD_STROKES = [[[100, 400], [250, 150], [400, 420], [550, 160], [700, 430]], [[120, 520], [720, 500]]]
INSPECTOR_STROKES = [[[200, 300], [300, 500], [450, 250]]]


def gps_jpeg(taken: str, lat=(36.0, 3.0, 40.0), lon=(103.0, 50.0, 3.0), ref=("N", "E")) -> bytes:
    """A camera's JPEG: EXIF capture time and a GPS position (degrees, minutes, seconds)."""
    img = Image.new("RGB", (640, 480), (40, 120, 60))
    exif = Image.Exif()
    exif[306] = taken
    exif[0x8825] = {1: ref[0], 2: lat, 3: ref[1], 4: lon}
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90, exif=exif)
    return buf.getvalue()


@pytest.fixture
def keyed(store):
    KeyStore(store.data_dir / "keys").init("张三", "城关区退役军人事务局", "13800000000", PASS, kdf=FAST_KDF)
    return store


def answered(store, tmp_path, *, gps_photo: bytes | None = None) -> str:
    """A five-haves check at the town station with full marks and its photos; the first photo
    of the first item is ``gps_photo`` when given."""
    iid = store.inspections.create(TOWN, "five-haves", "张三", visit_date=VISIT)
    form = store.inspections.form_of(iid)
    for n, (item_id, value) in enumerate(full_marks(form).items()):
        store.inspections.set_answer(iid, item_id, value)
        for k in range(form.items[item_id].min_photos):
            p = tmp_path / f"{n}-{k}.jpg"
            p.write_bytes(gps_photo if gps_photo and n == 0 and k == 0 else jpeg_bytes(color=(n * 30, k, 90)))
            store.photos.add_photo(iid, p, item_id, "佐证")
    return iid


def signed(store, iid: str) -> None:
    store.inspections.complete(
        iid,
        [
            SignatureInput("station_head", "王站长", HEAD_STROKES),
            SignatureInput("inspector", "张三", INSPECTOR_STROKES),
        ],
    )


def test_completing_without_signatures_keeps_the_record_shape(store, tmp_path):
    iid = answered(store, tmp_path)
    store.inspections.complete(iid)
    [(_rev, _at, record)] = store.inspections.snapshots(iid)
    assert "signatures" not in record
    assert all("latitude" not in p and "longitude" not in p for p in record["photos"])


def test_signatures_and_the_photo_position_travel_in_the_exported_record(keyed, tmp_path):
    store = keyed
    iid = answered(store, tmp_path, gps_photo=gps_jpeg("2026:01:15 10:00:00"))
    signed(store, iid)
    [(_rev, _at, kept)] = store.inspections.snapshots(iid)
    out = tmp_path / "usb"
    out.mkdir()
    path = ex.export(store, ex.plan_export(store), out, PASS)
    pk = KeyStore(store.data_dir / "keys").public_key()
    vb = verify_bundle(path, public_keys={pk.key_id: pk})
    [record] = vb.records.values()
    sigs = {g["role"]: g for g in record["signatures"]}
    assert sigs["station_head"]["name"] == "王站长" and sigs["station_head"]["strokes"] == HEAD_STROKES
    assert sigs["inspector"]["name"] == "张三" and sigs["inspector"]["strokes"] == INSPECTOR_STROKES
    assert sigs["station_head"]["signed_at"] == record["completed_at"]
    assert record["signatures"] == kept["signatures"]  # the snapshot of the revision is what is signed
    located = [p for p in record["photos"] if "latitude" in p]
    assert len(located) == 1 and (located[0]["latitude"], located[0]["longitude"]) == (36.061111, 103.834167)

    # a correction is a new revision: signed again, or not at all
    store.inspections.reopen(iid, "补充说明")
    store.inspections.complete(iid)
    snaps = store.inspections.snapshots(iid)
    assert "signatures" in snaps[0][2] and "signatures" not in snaps[1][2]


def test_a_signature_names_its_signer_and_bad_strokes_are_refused(store, tmp_path):
    iid = answered(store, tmp_path)
    with pytest.raises(InspectionError, match="站长"):
        store.inspections.complete(iid, [SignatureInput("station_head", " ", HEAD_STROKES)])
    with pytest.raises(InspectionError):
        store.inspections.complete(iid, [SignatureInput("inspector", "张三", [[[0, 2000]]])])
    assert store.inspections.get(iid).status.value == "draft"  # nothing locked by a refusal
    store.inspections.complete(iid, [SignatureInput("inspector", "张三", [])])  # an empty pad: no signature
    assert "signatures" not in store.inspections.snapshots(iid)[0][2]


def test_a_reader_refuses_a_record_with_malformed_signatures(store, tmp_path):
    iid = answered(store, tmp_path)
    signed(store, iid)
    record = store.inspections.snapshots(iid)[0][2]
    record["inspector"]["key_id"] = "45C3D202A57A2874"
    validate_record(record, "records/x.json")  # as written: accepted
    for bad in ({"role": "mayor"}, {"strokes": [[[1, 2, 3]]]}, {"strokes": [[]]}, {"name": 5}):
        broken = {**record, "signatures": [{**record["signatures"][0], **bad}]}
        with pytest.raises(BundleError) as err:
            validate_record(broken, "records/x.json")
        assert "signatures[0]" in str(err.value.member)


def _signature_ink(pdf, png_prefix, label: str) -> int:
    """Ink-blue pixels in the box right of ``label`` (where the strokes are drawn) on page 1."""
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        words = page.extract_words()
        hit = next(w for w in words if w["text"].startswith(label))
        box = (hit["x1"], hit["bottom"] - 60, hit["x1"] + 180, hit["bottom"] + 4)
        width, height = page.width, page.height
    subprocess.run(
        ["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png_prefix)], check=True
    )
    img = Image.open(f"{png_prefix}.png").convert("RGB")
    sx, sy = img.width / width, img.height / height
    crop = img.crop((int(box[0] * sx), int(box[1] * sy), int(box[2] * sx), int(box[3] * sy)))
    px = crop.tobytes()
    return sum(1 for i in range(0, len(px), 3) if px[i + 2] > px[i] + 40 and px[i + 2] < 200)


def test_the_sheet_draws_the_signatures_and_lists_old_and_located_photos(store, tmp_path):
    # taken 45 days before the visit (the setting questions 30 or more)
    iid = answered(store, tmp_path, gps_photo=gps_jpeg("2026:01:15 10:00:00", ref=("N", "E")))
    signed(store, iid)
    pdf = tmp_path / "sheet.pdf"
    render_sheet(LocalSheetSource(store).sheet_data(iid, "zh"), pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "（王站长）" in flat and "（张三）" in flat
    assert "日期：2026年" in flat  # the day it was signed, instead of the blank date line
    assert "拍摄于2026-01-15，早于检查日期45天" in flat
    assert "拍摄位置：北纬36.061111°，东经103.834167°" in flat
    assert _signature_ink(pdf, tmp_path / "signed", "站长（签字）") > 30

    # the same visit unsigned: the lines stay empty for the pen
    other = answered(store, tmp_path)
    store.inspections.complete(other)
    blank = tmp_path / "blank.pdf"
    render_sheet(LocalSheetSource(store).sheet_data(other, "zh"), blank)
    assert _signature_ink(blank, tmp_path / "blank", "站长（签字）") == 0


def test_the_bureau_reprint_of_the_imported_bundle_prints_the_signatures(keyed, tmp_path):
    from fengqiao_desktop.services import central as svc
    from fengqiao_desktop.services.sheet import write_sheet

    store = keyed
    iid = answered(store, tmp_path, gps_photo=gps_jpeg("2026:02:20 09:00:00", ref=("S", "W")))
    signed(store, iid)
    out = tmp_path / "usb"
    out.mkdir()
    path = ex.export(store, ex.plan_export(store), out, PASS)
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    svc.load_demo(url=url)
    svc.trust_add(KeyStore(store.data_dir / "keys").public_key(), name="张三", unit="城关区退役军人事务局", url=url)
    [outcome] = svc.import_bundles([path], url=url)
    assert outcome.status == "imported", outcome
    pdf = tmp_path / "reprint.pdf"
    write_sheet(iid, pdf, central=url)
    flat = "".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert "（王站长）" in flat and "拍摄位置：南纬36.061111°，西经103.834167°" in flat
    assert "早于检查日期" not in flat  # 9 days before the visit: not questioned
    assert _signature_ink(pdf, tmp_path / "reprint", "站长（签字）") > 30
