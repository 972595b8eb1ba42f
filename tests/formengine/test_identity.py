"""A form's identity (id, version, sha256 of canonical content) ignores layout, not content."""

from __future__ import annotations

import json

import yaml

from fengqiao_desktop.formengine.loader import form_files, parse_form


def _shipped(name: str) -> str:
    return next(p for p in form_files() if p.name == name).read_text(encoding="utf-8")


def _reorder(node):
    """Reverse the key order of every mapping (lists keep their order: it is content)."""
    if isinstance(node, dict):
        return {k: _reorder(node[k]) for k in reversed(list(node))}
    if isinstance(node, list):
        return [_reorder(v) for v in node]
    return node


def test_sha256_ignores_key_order_comments_and_formatting():
    text = _shipped("demonstration-village.yaml")
    original = parse_form(text, "a.yaml")
    data = yaml.safe_load(text)
    block = yaml.safe_dump(_reorder(data), allow_unicode=True, sort_keys=False, default_flow_style=False, width=40)
    as_json = json.dumps(data, ensure_ascii=True, indent=1)  # JSON is YAML too
    # the same numbers written differently (4 vs 4.0) and the version as a number
    respelled = text.replace("max: 4\n", "max: 4.0\n").replace('version: "1"', "version: 1")
    for other in (block, as_json, respelled):
        form = parse_form(other, "b.yaml")
        assert form.identity == original.identity
        assert form.canonical_bytes() == original.canonical_bytes()


def test_sha256_changes_when_a_point_value_changes():
    text = _shipped("demonstration-town.yaml")
    data = yaml.safe_load(text)
    original = parse_form(text, "a.yaml")
    b = data["sections"][1]["items"]
    assert (b[0]["id"], b[2]["id"]) == ("B1", "B3")
    b[0]["max"] = 5.5  # B1 6 -> 5.5 and B3 3 -> 3.5: still 100 points in all
    b[2]["max"] = 3.5
    changed = parse_form(json.dumps(data), "b.yaml")
    assert changed.max == 100
    assert (changed.id, changed.version) == (original.id, original.version)
    assert changed.sha256 != original.sha256


def test_sha256_changes_with_guidance_text():
    text = _shipped("five-haves.yaml")
    assert parse_form(text.replace("选“是”", "选 是", 1)).sha256 != parse_form(text).sha256


def test_canonical_content_validates_back_to_the_same_form():
    # the central registry stores canonical JSON and re-validates it years later
    for path in form_files():
        form = parse_form(path.read_text(encoding="utf-8"), path.name)
        again = parse_form(form.canonical_bytes().decode("utf-8"), "canonical.json")
        assert again.sha256 == form.sha256 and again == form
