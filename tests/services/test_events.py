"""The store announces ``inspection_saved(inspection_id, station_code)`` after each committed write."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from svc_helpers import TOWN, VILLAGE

from fengqiao_desktop.errors import InspectionError
from fengqiao_desktop.events import INSPECTION_SAVED, EventHub
from fengqiao_desktop.formengine.scoring import Answer
from fengqiao_desktop.storage.models import AnswerRow


@pytest.fixture
def heard(store):
    """Every announcement, with what the database held at that moment (read in a new session)."""
    got: list[tuple[str, str, int]] = []

    def on_saved(*, inspection_id, station_code):
        with store.session() as s:  # another session: sees only what was committed
            answers = len(s.scalars(select(AnswerRow).where(AnswerRow.inspection_id == inspection_id)).all())
        got.append((inspection_id, station_code, answers))

    store.events.subscribe(INSPECTION_SAVED, on_saved)
    return got


def test_each_kind_of_write_announces_its_inspection_and_station(store, heard, photo_file):
    iid = store.inspections.create(VILLAGE, "five-haves")
    assert heard == [(iid, VILLAGE, 0)]
    form = store.inspections.form_of(iid)
    first = next(iter(form.items))
    store.inspections.set_answer(iid, first, True)
    assert heard[-1] == (iid, VILLAGE, 1)  # announced after the commit: the answer is there
    store.inspections.set_answer(iid, first, note="门牌已更换")
    photo = store.photos.add_photo(iid, photo_file(), first)
    store.photos.set_caption(photo.id, "门牌")
    store.photos.link_item(photo.id, None)
    store.photos.remove_photo(photo.id)
    finding = store.inspections.add_finding(
        iid,
        category="hardware",
        severity="deduction",
        description="门牌缺失",
        measures="补挂门牌",
        responsible="站长",
        deadline="2026-12-31",
    )
    store.inspections.update_finding(finding.id, measures="按式样补挂门牌")
    store.inspections.delete_finding(finding.id)
    assert len(heard) == 10 and {h[:2] for h in heard} == {(iid, VILLAGE)}


def test_a_refused_write_announces_nothing(store, heard):
    iid = store.inspections.create(TOWN, "five-haves")
    heard.clear()
    with pytest.raises(InspectionError):
        store.inspections.set_answer(iid, "no-such-item", True)
    with pytest.raises(InspectionError):
        store.inspections.complete(iid)  # nothing answered yet
    assert heard == []


def test_one_transaction_over_several_answers_announces_once(store, heard):
    iid = store.inspections.create(TOWN, "five-haves")
    form = store.inspections.form_of(iid)
    store.inspections.set_answers(iid, {i: Answer(value=True) for i in form.items})
    assert heard[1:] == [(iid, TOWN, len(form.items))]


def test_a_failing_subscriber_does_not_stop_the_others_or_the_write(store, heard, caplog):
    def broken(**_kw):
        raise RuntimeError("a view's bug")

    hub: EventHub = store.events
    hub.subscribe(INSPECTION_SAVED, broken)
    iid = store.inspections.create(TOWN, "five-haves")
    assert heard == [(iid, TOWN, 0)]
    assert "subscriber of inspection_saved failed" in caplog.text
    with pytest.raises(ValueError):
        hub.announce("inspection_saving", inspection_id=iid, station_code=TOWN)


def test_photo_writes_announce_photos_changed_too(store, photo_file):
    from fengqiao_desktop.events import PHOTOS_CHANGED

    photos: list[tuple[str, str]] = []
    store.events.subscribe(
        PHOTOS_CHANGED, lambda *, inspection_id, station_code: photos.append((inspection_id, station_code))
    )
    iid = store.inspections.create(VILLAGE, "five-haves")
    store.inspections.set_answer(iid, "jigou", True)
    assert photos == []  # an answer is not a photo
    photo = store.photos.add_photo(iid, photo_file(), "jigou")
    store.photos.set_caption(photo.id, "门牌")
    store.photos.remove_photo(photo.id)
    assert photos == [(iid, VILLAGE)] * 3


def test_an_import_through_the_bureau_session_announces_bundle_imported(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "merge"))
    from merge_helpers import GATE, RUBRIC, Device

    from fengqiao_desktop.events import BUNDLE_IMPORTED
    from fengqiao_desktop.merge import forms_registry
    from fengqiao_desktop.services import central as svc
    from fengqiao_desktop.services.central_session import CentralSession

    session = CentralSession(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    try:
        with session.central().write() as conn:
            forms_registry.register_forms(conn, [GATE, RUBRIC])
        svc.load_demo(url=session)
        dev = Device()
        svc.trust_add(dev.sk.public, name=dev.name, unit=dev.unit, url=session)
        heard: list[dict] = []
        session.events.subscribe(BUNDLE_IMPORTED, lambda **kw: heard.append(kw))
        good = dev.export(tmp_path / "usb", [dev.record(RUBRIC)])
        svc.import_bundles([good], url=session)
        svc.import_bundles([good], url=session)  # already imported: nothing new
        assert heard == [{"imported": 1, "refused": 0}, {"imported": 0, "refused": 0}]
        svc.import_bundles([good], url=session, dry_run=True)
        assert len(heard) == 2  # a dry run changes nothing and says nothing
    finally:
        session.close()
