"""``fengqiao inspection create|list|show`` with a real data dir: paper entry is all or nothing."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from PIL import Image

from fengqiao_desktop.cli.main import cli
from fengqiao_desktop.domain import Level
from fengqiao_desktop.formengine.answers import full_marks as _full_marks
from fengqiao_desktop.roster.model import StationRow
from fengqiao_desktop.services.store import LocalStore
from fengqiao_desktop.storage.stations import StationRepo

COUNTY = "620102000000"
TOWN = "620102017000"


@pytest.fixture
def data(tmp_path):
    d = tmp_path / "data"
    store = LocalStore.open(d)
    with store.session(write=True) as s:
        StationRepo.upsert_many(
            s,
            [
                StationRow("620100000000", "兰州市退役军人服务中心", Level.CITY, None),
                StationRow(COUNTY, "城关区退役军人服务中心", Level.COUNTY, "620100000000"),
                StationRow(TOWN, "东岗西路街道退役军人服务站", Level.TOWN, COUNTY),
            ],
        )
    forms = store.forms
    store.close()
    return d, forms


def run(data_dir, *args):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], catch_exceptions=False)


def _photo(tmp_path, name="p.jpg"):
    p = tmp_path / name
    buf = io.BytesIO()
    Image.new("RGB", (800, 600), (10, 90, 160)).save(buf, "JPEG")
    p.write_bytes(buf.getvalue())
    return p


def _photo_args(form, photo) -> list[str]:
    args = []
    for it in form.items.values():
        for _ in range(it.min_photos):
            args += ["--photo", f"{it.id}={photo}"]
    return args


def _write(tmp_path, obj, name="answers.json") -> str:
    p = tmp_path / name
    p.write_text(obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return str(p)


def _nothing_stored(d) -> None:
    listed = json.loads(run(d, "inspection", "list", "--json").stdout)
    assert listed == []
    photos = d / "photos"
    assert not photos.exists() or not list(photos.rglob("*.jpg"))


def test_full_marks_with_photos_scores_100_pass(data, tmp_path):
    d, forms = data
    form = forms.default_rubric_for("town")
    answers = _write(tmp_path, _full_marks(form))
    r = run(
        d,
        "inspection",
        "create",
        "--station",
        TOWN,
        "--form",
        form.id,
        "--answers",
        answers,
        *_photo_args(form, _photo(tmp_path)),
        "--complete",
    )
    assert r.exit_code == 0, r.stderr
    iid = r.stdout.strip().splitlines()[-1]
    shown = json.loads(run(d, "inspection", "show", iid, "--json").stdout)
    assert (shown["total"], shown["max"], shown["verdict"]) == (100.0, 100.0, "pass")
    assert shown["status"] == "completed" and shown["revision"] == 1
    assert shown["station"] == TOWN and shown["form"] == form.id and shown["findings"] == []
    assert sum(s["max"] for s in shown["sections"]) == 100
    assert {"id", "station", "form", "status", "revision", "total", "max", "verdict", "sections", "findings"} <= set(
        shown
    )


def test_a_failed_veto_item_gives_veto(data, tmp_path):
    d, forms = data
    form = forms.default_rubric_for("county")
    veto = next(i for i in form.items.values() if i.veto and i.type.value == "yes_no")
    answers = _full_marks(form)
    answers[veto.id] = {"value": False, "note": "台账弄虚作假"}
    r = run(d, "inspection", "create", "--station", COUNTY, "--form", form.id, "--answers", _write(tmp_path, answers))
    assert r.exit_code == 0, r.stderr
    shown = json.loads(run(d, "inspection", "show", r.stdout.splitlines()[-1], "--json").stdout)
    assert shown["verdict"] == "veto" and shown["veto_reasons"]
    assert shown["status"] == "draft"


@pytest.mark.parametrize(
    "content, needle",
    [
        ("{not json", "JSON"),
        ('{"NOPE": true}', "NOPE"),
        ('{"B1": "lots"}', "B1"),
        ('{"B1": {"value": 1, "colour": "red"}}', "B1"),
        ("[1, 2]", "{"),
    ],
    ids=["bad-json", "unknown-item", "bad-value", "unknown-key", "not-an-object"],
)
def test_bad_answers_file_one_line_exit_1_nothing_stored(data, tmp_path, content, needle):
    d, forms = data
    form = forms.default_rubric_for("town")
    r = run(
        d,
        "inspection",
        "create",
        "--station",
        TOWN,
        "--form",
        form.id,
        "--answers",
        _write(tmp_path, content),
        "--photo",
        f"B1={_photo(tmp_path)}",
    )
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0]
    _nothing_stored(d)


def test_complete_with_missing_answers_and_evidence_stores_nothing(data, tmp_path):
    d, forms = data
    form = forms.get("five-haves")
    answers = _full_marks(form)
    dropped = next(iter(answers))
    del answers[dropped]
    r = run(
        d,
        "inspection",
        "create",
        "--station",
        TOWN,
        "--form",
        form.id,
        "--answers",
        _write(tmp_path, answers),
        "--photo",
        f"jigou={_photo(tmp_path)}",
        "--complete",
    )
    assert r.exit_code == 1
    line = r.stderr.strip()
    assert len(line.splitlines()) == 1

    # items are named by their numbers on the sheet, with their titles
    def named(i):
        return f"{form.items[i].no}（{form.items[i].title.zh}）"

    assert named(dropped) in line and "缺少佐证照片" in line
    assert all(named(i) in line for i in form.items if i != "jigou")  # every item still lacking a photo
    assert "jigou" not in line
    _nothing_stored(d)


def test_a_corrupt_photo_is_refused_and_nothing_is_stored(data, tmp_path):
    d, forms = data
    form = forms.get("five-haves")
    good = _photo(tmp_path)
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(good.read_bytes()[:500])
    r = run(
        d,
        "inspection",
        "create",
        "--station",
        TOWN,
        "--form",
        form.id,
        "--answers",
        _write(tmp_path, _full_marks(form)),
        "--photo",
        f"jigou={good}",
        "--photo",
        f"bianzhi={bad}",
    )
    assert r.exit_code == 1 and "broken.jpg" in r.stderr
    _nothing_stored(d)


def test_list_and_show_in_english(data, tmp_path):
    d, forms = data
    form = forms.get("five-haves")
    r = run(
        d,
        "inspection",
        "create",
        "--station",
        TOWN,
        "--form",
        form.id,
        "--answers",
        _write(tmp_path, {"jigou": True}),
        "--inspector",
        "张三",
    )
    iid = r.stdout.splitlines()[-1]
    rows = json.loads(run(d, "inspection", "list", "--json").stdout)
    assert [(x["id"], x["station"], x["form"], x["status"], x["inspector"]) for x in rows] == [
        (iid, TOWN, "five-haves", "draft", "张三")
    ]
    assert iid in run(d, "inspection", "list").stdout
    text = run(d, "--lang", "en", "inspection", "show", iid).stdout
    assert "missing answers" in text
    r = run(d, "inspection", "show", "no-such-id", "--json")
    assert r.exit_code == 1 and "no-such-id" in r.stderr


def test_unknown_station_and_form(data, tmp_path):
    d, _forms = data
    answers = _write(tmp_path, {})
    r = run(d, "inspection", "create", "--station", "999999999999", "--form", "five-haves", "--answers", answers)
    assert r.exit_code == 1 and "999999999999" in r.stderr
    r = run(d, "inspection", "create", "--station", TOWN, "--form", "no-such-form", "--answers", answers)
    assert r.exit_code == 1 and "no-such-form" in r.stderr
