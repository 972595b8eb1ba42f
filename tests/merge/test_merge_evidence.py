"""Evidence checked at the bureau: a completed record lacking its form's required photos is refused.

On SQLite and PostgreSQL (the ``bureau`` fixture). An item answered from the visit's
five-haves record (``from: five-haves/...``) has its photos there, so the rubric
record is not asked for them.
"""

from __future__ import annotations

from merge_helpers import (
    GATE_YAML,
    VILLAGE,
    full_marks_answers,
    gate_answers,
    required_photos,
)

from fengqiao_desktop.formengine.loader import parse_form, shipped_registry
from fengqiao_desktop.merge import forms_registry

# a gate whose items need a photo each, and a rubric whose first item is answered from it
GATE_PHOTOS = parse_form(
    GATE_YAML.replace("id: test-five-haves", "id: test-five-haves-photos").replace("max: 1}", "max: 1, min_photos: 1}"),
    "gate-photos.yaml",
)
LINKED = parse_form(
    """
id: test-linked-rubric
version: "1"
title: {zh: 示范型（照片）, en: Demonstration (photos)}
kind: rubric
levels: [village]
pass_mark: 1
sections:
  - id: A
    title: {zh: 底线, en: Baseline}
    items:
      - {id: a1, title: {zh: 有机构, en: Organisation}, type: yes_no, max: 2, min_photos: 1,
         from: test-five-haves-photos/jigou}
      - {id: a2, title: {zh: 服务大厅, en: Hall}, type: yes_no, max: 2, min_photos: 2}
""",
    "linked.yaml",
)


def test_completed_record_without_its_photos_is_refused(bureau):
    rubric = shipped_registry().default_rubric_for("village")
    photos, files = required_photos(rubric, bureau.tmp / "ph")
    short = next(it for it in rubric.items.values() if it.min_photos and it.source is None)
    kept = [p for p in photos if p["item_id"] != short.id]
    dev = bureau.device()
    rec = dev.record(rubric, answers=full_marks_answers(rubric), photos=kept)
    before = bureau.digest()
    [out] = bureau.merge(dev.export(bureau.tmp / "usb", [rec], files))
    assert out.status == "refused", out.line("en")
    need = short.min_photos
    assert out.reason.startswith(f"已完成的检查缺少佐证照片：{short.no}（{short.title.zh}）需 {need} 张，只有 0 张")
    assert "请让检查员补拍照片" in out.reason
    assert f"{short.no} ({short.title.en}) needs {need}, has 0" in out.reason_en
    assert "Ask the inspector to add the photos" in out.reason_en
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in out.reason_en)  # one language at a time
    assert "records/" not in out.reason and "records/" not in out.reason_en
    assert bureau.digest() == before

    # the same inspection with all its photos is accepted
    dev2 = bureau.device("李四")
    whole = dev2.record(rubric, answers=full_marks_answers(rubric), photos=photos)
    [ok] = bureau.merge(dev2.export(bureau.tmp / "usb2", [whole], files))
    assert ok.status == "imported", ok.line("en")


def test_a_draft_is_not_asked_for_photos(bureau):
    rubric = shipped_registry().default_rubric_for("village")
    dev = bureau.device()
    rec = dev.record(rubric, answers=full_marks_answers(rubric), status="draft")
    [out] = bureau.merge(dev.export(bureau.tmp / "usb", [rec]))
    assert out.status != "refused", out.line("en")


def test_linked_items_take_their_photos_from_the_five_haves_record(bureau):
    with bureau.central.write() as conn:
        forms_registry.register_forms(conn, [GATE_PHOTOS, LINKED])
    dev = bureau.device()
    g_photos, g_files = required_photos(GATE_PHOTOS, bureau.tmp / "ph")
    r_photos, r_files = required_photos(LINKED, bureau.tmp / "ph")
    assert {p["item_id"] for p in r_photos} == {"a2"}  # a1's photo is on the gate record
    visit = "visit-linked"
    gate = dev.record(GATE_PHOTOS, answers=gate_answers(), visit_id=visit, photos=g_photos)
    rubric = dev.record(LINKED, answers=full_marks_answers(LINKED), visit_id=visit, photos=r_photos)
    [out] = bureau.merge(dev.export(bureau.tmp / "usb", [gate, rubric], {**g_files, **r_files}))
    assert out.status == "imported", out.line("en")

    # the gate's own photos are still required on the gate record
    bare = dev.record(GATE_PHOTOS, answers=gate_answers(), station=VILLAGE, photos=g_photos[1:])
    [refused] = bureau.merge(dev.export(bureau.tmp / "usb2", [bare], g_files))
    assert refused.status == "refused" and "jigou" in refused.detail_en
