"""Station browser rows: search by name, code, pinyin initials; badges from inspections."""

from __future__ import annotations

from svc_helpers import CITY, COUNTY, TOWN, VILLAGE, full_marks

from fengqiao_desktop.domain import Level
from fengqiao_desktop.roster.importer import upsert_rows
from fengqiao_desktop.roster.model import StationRow


def test_search_by_pinyin_initials_name_and_code(store):
    svc = store.stations
    assert [r.code for r in svc.search("dgxl")] == [TOWN]
    assert svc.search("DGXL")[0].name == "东岗西路街道退役军人服务站"
    assert [r.code for r in svc.search("大众巷")] == [VILLAGE]
    assert [r.code for r in svc.search(TOWN)] == [TOWN]
    assert [r.code for r in svc.search("62010201700")] == [TOWN, VILLAGE]  # a code prefix, by level
    assert svc.search("jiuquan")[0].code == "620102018000"
    assert svc.search("%") == [] and svc.search("") == []
    # the town and village stations all match 服务站; a county center ranks by level after the city
    codes = [r.code for r in svc.search("tyjr")]
    assert codes[0] == "620100000000" and set(codes) >= {TOWN, VILLAGE}


def test_stations_written_by_the_roster_fast_path_are_searchable(store):
    upsert_rows(store.engine, [StationRow("620102019000", "靖远路街道退役军人服务站", Level.TOWN, COUNTY)])
    assert [r.code for r in store.stations.search("jyljd")] == ["620102019000"]


def test_search_stays_correct_at_thousands_of_stations(store):
    rows = [
        StationRow(f"62010230{i:01d}{j:03d}", f"测试{i}号街道{j}号社区", Level.VILLAGE, TOWN)
        for i in range(10)
        for j in range(1, 400)
    ]
    upsert_rows(store.engine, rows)
    found = store.stations.search("cs3hjd12hsq")
    assert [r.name for r in found] == ["测试3号街道12号社区"]
    assert len(store.stations.search("cs", limit=50)) == 50


def test_tree_rows_details_and_badges(store, photo_file):
    rows = store.stations.tree_rows()
    assert [r.level for r in rows[:2]] == [Level.CITY, Level.COUNTY]
    assert {r.badge for r in rows} == {"not_inspected"}
    detail = store.stations.get(TOWN)
    assert detail.parent_name == "城关区退役军人服务中心" and detail.level is Level.TOWN
    assert store.stations.get("999999999999") is None
    assert [c.code for c in store.stations.children(TOWN)] == [VILLAGE]

    gate = store.forms.get("five-haves")
    iid = store.inspections.create(VILLAGE, gate.id)
    assert store.stations.badges([VILLAGE, TOWN]) == {VILLAGE: "draft", TOWN: "not_inspected"}
    for item_id, value in full_marks(gate).items():
        store.inspections.set_answer(iid, item_id, value)
        store.photos.add_photo(iid, photo_file(), item_id)
    store.inspections.complete(iid)
    assert store.stations.badges([VILLAGE])[VILLAGE] == "five_haves_pass"

    rubric = store.forms.default_rubric_for("village")
    rid = store.inspections.create(VILLAGE, rubric.id)
    answers = full_marks(rubric, linked=False)  # the five haves come from the check above
    for item_id, value in answers.items():
        store.inspections.set_answer(rid, item_id, value)
        for _ in range(rubric.items[item_id].min_photos):
            store.photos.add_photo(rid, photo_file(), item_id)
    store.inspections.complete(rid)
    assert store.stations.badges([VILLAGE])[VILLAGE] == "demonstration_pass"
    store.inspections.reopen(rid, "复核")
    graded = next(i for i in rubric.items.values() if i.type.value == "graded" and i.max >= 4)
    store.inspections.set_answer(rid, graded.id, 0)
    extra = [i for i in rubric.items.values() if i.type.value == "graded" and i.id != graded.id][:5]
    for it in extra:
        store.inspections.set_answer(rid, it.id, 0)
    store.inspections.complete(rid)
    assert store.stations.badges([VILLAGE])[VILLAGE] == "failed"
    assert store.stations.count() == 5


def test_top_rows_are_the_tree_first_level_with_badges(store):
    rows = store.stations.top_rows()
    assert [r.code for r in rows] == ["620100000000"]
    assert rows[0].level is Level.CITY and rows[0].badge == "not_inspected"
    everything = store.stations.tree_rows()
    codes = {r.code for r in everything}
    assert [r.code for r in everything if r.parent_code not in codes] == [r.code for r in rows]


def test_the_first_level_read_before_the_store_opens_is_the_services(store, photo_file):
    """Start-up shows the first level read straight from the file, before the store (and its forms)
    are loaded: the same stations, in the same order, with the same badges as the service gives."""
    from fengqiao_desktop.storage.tree_rows import read_first_level

    other = "620200000000"
    upsert_rows(store.engine, [StationRow(other, "嘉峪关市退役军人服务中心", Level.CITY, None)])
    gate = store.forms.get("five-haves")
    done = store.inspections.create(CITY, gate.id)
    for item_id, value in full_marks(gate).items():
        store.inspections.set_answer(done, item_id, value)
        store.photos.add_photo(done, photo_file(), item_id)
    store.inspections.complete(done)
    store.inspections.create(other, gate.id)  # a draft

    early = read_first_level(store.db_path)
    assert early == store.stations.top_rows()
    assert [(r.code, r.badge) for r in early] == [(CITY, "five_haves_pass"), (other, "draft")]
    tree = store.stations.tree_rows()  # read the same way, with the same badges as asked one by one
    assert [r.code for r in tree[:2]] == [CITY, other]
    assert {r.code: r.badge for r in tree} == store.stations.badges([r.code for r in tree])
