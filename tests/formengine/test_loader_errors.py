"""A broken form file gets one message naming the file, the item and the problem."""

from __future__ import annotations

import pytest

from fengqiao_desktop.errors import FormError
from fengqiao_desktop.formengine.loader import FormRegistry, load_form_file, parse_form

GOOD = """\
id: bureau-rubric
version: "2"
title: {zh: 区评分表, en: District rubric}
kind: rubric
levels: [town]
pass_mark: 9
max_points: 10
sections:
  - id: A
    title: {zh: 五有, en: Five haves}
    items:
      - {id: A1, title: {zh: 有机构, en: Organisation}, type: yes_no, max: 4, veto: true}
      - {id: A2, title: {zh: 服务大厅, en: Hall}, type: graded, max: 4, step: 0.5}
  - id: B
    title: {zh: 公开, en: Publication}
    items:
      - id: B1
        title: {zh: 公开方式, en: Publication}
        type: choice
        max: 2
        choices:
          - {value: full, label: {zh: 全部公开, en: Fully}, points: 2}
          - {value: none, label: {zh: 未公开, en: Not}, points: 0}
"""


def broken(tmp_path, old: str, new: str, name: str = "bureau.yaml"):
    assert old in GOOD
    path = tmp_path / name
    path.write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(FormError) as info:
        load_form_file(path)
    return info.value.user_message("en"), info.value.user_message("zh")


def test_the_good_file_loads(tmp_path):
    path = tmp_path / "bureau.yaml"
    path.write_text(GOOD, encoding="utf-8")
    form = load_form_file(path)
    assert form.max == 10 and form.version == "2"


def test_duplicate_item_id(tmp_path):
    en, zh = broken(tmp_path, "{id: A2,", "{id: A1,")
    assert "bureau.yaml" in en and "A1" in en and "used" in en
    assert "bureau.yaml" in zh


def test_graded_max_not_a_multiple_of_step(tmp_path):
    en, _ = broken(tmp_path, "max: 4, step: 0.5", "max: 4, step: 1.5")
    assert "bureau.yaml" in en and "item A2" in en and "not a multiple of step 1.5" in en


def test_unknown_type(tmp_path):
    en, _ = broken(tmp_path, "type: graded", "type: slider")
    assert "bureau.yaml" in en and "item A2 / type" in en and "graded" in en


def test_missing_zh_title(tmp_path):
    en, _ = broken(tmp_path, "title: {zh: 服务大厅, en: Hall}", "title: {en: Hall}")
    assert "bureau.yaml" in en and "item A2 / title / zh" in en and "required" in en.lower()


def test_choice_without_options(tmp_path):
    old = GOOD[GOOD.index("        choices:") :]
    en, _ = broken(tmp_path, old, "")
    assert "bureau.yaml" in en and "item B1" in en and "choices" in en


def test_totals_not_matching_max_points(tmp_path):
    en, _ = broken(tmp_path, "max_points: 10", "max_points: 100")
    assert "bureau.yaml" in en and "add up to 10" in en and "100" in en and "A 8, B 2" in en


def test_duplicate_yaml_key(tmp_path):
    en, _ = broken(tmp_path, "type: choice\n", "type: choice\n        type: graded\n")
    assert "bureau.yaml" in en and "duplicate key 'type'" in en and "line 20" in en


def test_top_level_not_a_mapping(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- id: x\n- id: y\n", encoding="utf-8")
    with pytest.raises(FormError) as info:
        load_form_file(path)
    assert "list.yaml" in str(info.value) and "顶层必须是映射" in str(info.value)
    assert "top level must be a mapping" in info.value.user_message("en")


def test_empty_file_and_not_yaml_and_not_utf8(tmp_path):
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (tmp_path / "gbk.yaml").write_bytes("title: 五有".encode("gb18030"))
    for name, words in [("empty.yaml", "mapping"), ("bad.yaml", "line"), ("gbk.yaml", "UTF-8")]:
        with pytest.raises(FormError) as info:
            load_form_file(tmp_path / name)
        assert name in info.value.user_message("en") and words in info.value.user_message("en")


def test_item_without_id_is_named_by_position(tmp_path):
    en, _ = broken(tmp_path, "{id: A2, ", "{")
    assert "section A / item #2 / id" in en


def test_unknown_field_is_refused_so_typos_do_not_pass(tmp_path):
    en, _ = broken(tmp_path, "veto: true}", "vetoo: true}")
    assert "item A1 / vetoo" in en


def test_unknown_category(tmp_path):
    en, _ = broken(tmp_path, "type: graded,", "type: graded, category: furniture,")
    assert "item A2 / category" in en and "hardware" in en


def test_category_accepts_chinese_label():
    form = parse_form(GOOD.replace("type: graded,", "type: graded, category: 硬件设施,"), "x.yaml")
    assert form.items["A2"].category.value == "hardware"


def test_missing_file():
    with pytest.raises(FormError, match="nope.yaml"):
        load_form_file("/nonexistent/nope.yaml")


def test_registry_refuses_same_id_and_version_with_other_content():
    a = parse_form(GOOD, "a.yaml")
    b = parse_form(GOOD.replace("pass_mark: 9", "pass_mark: 8"), "b.yaml")
    reg = FormRegistry([a])
    with pytest.raises(FormError, match="bureau-rubric"):
        reg.add(b)
    reg.add(a)  # the same content again is fine


def test_registry_serves_the_latest_version():
    forms = [parse_form(GOOD.replace('version: "2"', f'version: "{v}"'), "x.yaml") for v in ("2", "10", "2.1", "10-lz")]
    reg = FormRegistry(forms)
    assert reg.get("bureau-rubric").version == "10-lz"
    assert [f.version for f in reg.versions("bureau-rubric")] == ["2", "2.1", "10", "10-lz"]
    assert reg.get("bureau-rubric", "2").version == "2"
    with pytest.raises(FormError, match="unknown-form|未知表单"):
        reg.get("unknown-form")
