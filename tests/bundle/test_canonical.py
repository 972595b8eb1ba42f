"""The strict reader's canonical check agrees with RFC 8785 on every document."""

from __future__ import annotations

import json

import pytest
import rfc8785
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from fengqiao_desktop.bundle import canonical
from fengqiao_desktop.bundle.canonical import is_canonical, loads_strict
from fengqiao_desktop.errors import BundleError

SAFE = 2**53 - 1

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-SAFE, max_value=SAFE),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",))),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=5), inner, max_size=4),
    ),
    max_leaves=20,
)


def _canonical(doc) -> bytes:
    try:
        return rfc8785.dumps(doc)
    except Exception:  # noqa: BLE001 - the library refuses some values outright
        assume(False)  # e.g. an integral float beyond 2**53, which RFC 8785 cannot write
        raise


@settings(max_examples=300, deadline=None)
@given(documents)
def test_canonical_bytes_are_accepted_and_only_them(doc):
    data = _canonical(doc)
    value = loads_strict(data, member="record.json", require_canonical=True)
    assert rfc8785.dumps(value) == data
    # the same content written any other way (spaces, other key order) is refused
    loose = json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")
    if loose != data:
        with pytest.raises(BundleError, match="record.json"):
            loads_strict(loose, member="record.json", require_canonical=True)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_fast_check_never_disagrees_with_rfc8785(doc):
    data = _canonical(doc)
    value = loads_strict(data, member="m.json")
    for candidate in (
        data,
        json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8"),
    ):
        expected = rfc8785.dumps(value) == candidate
        assert is_canonical(value, candidate, exact_types=False) is expected
        if _exact(value):
            assert is_canonical(value, candidate, exact_types=True) is expected


def _exact(v) -> bool:
    """ASCII keys, floats that Python and RFC 8785 write alike: what the fast path requires."""
    if isinstance(v, float):
        return not v.is_integer() and 1e-4 <= abs(v) < 1e16
    if isinstance(v, list):
        return all(_exact(x) for x in v)
    if isinstance(v, dict):
        return all(k.isascii() and _exact(x) for k, x in v.items())
    return True


@pytest.mark.parametrize(
    "text", ['{"b":1,"a":2}', '{"a":1.0}', '{"a":"\\u00e9"}', '{"a": 1}', '{"a":-0}', '{"a":"\\/"}', "[1e2]"]
)
def test_almost_canonical_documents_are_refused(text):
    with pytest.raises(BundleError, match="RFC 8785"):
        loads_strict(text.encode(), member="m.json", require_canonical=True)


def test_keys_beyond_the_basic_plane_sort_by_utf16_units():
    """U+FF01 sorts before U+1F600 by code point but after it by UTF-16 unit (0xD83D): the
    Python-sorted writing is not canonical, the RFC 8785 one is; Chinese keys sort alike in both."""
    doc = {"\uff01": 1, "\U0001f600": 2, "站点": 3}
    python_sorted = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    assert python_sorted != rfc8785.dumps(doc)
    with pytest.raises(BundleError, match="RFC 8785"):
        loads_strict(python_sorted, member="m.json", require_canonical=True)
    assert loads_strict(rfc8785.dumps(doc), member="m.json", require_canonical=True) == doc
    chinese = {"站点": 1, "检查": {"结论": "合格", "分数": 95.5}}
    data = rfc8785.dumps(chinese)
    assert data == json.dumps(chinese, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    assert canonical._canonical_fast(data.decode("utf-8"), data, 8) == chinese  # the quick read takes it


def test_nesting_is_counted_outside_strings_only():
    inside_strings = {"note": "[" * 100 + "{" * 100, "q": 'say "[[[" \\ ]'}
    assert loads_strict(rfc8785.dumps(inside_strings), member="m.json", max_depth=2) == inside_strings
    deep: object = 1
    for _ in range(5):
        deep = [deep]
    loads_strict(rfc8785.dumps(deep), member="m.json", max_depth=5)
    with pytest.raises(BundleError) as refused:
        loads_strict(rfc8785.dumps(deep), member="m.json", max_depth=4)
    assert "nesting deeper than 4" in refused.value.message_en


wide_scalars = st.one_of(
    scalars, st.integers(min_value=-(2**64), max_value=2**64), st.sampled_from([1.0, -0.0, 1e-7, 1e16])
)
wide_documents = st.recursive(
    wide_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=5), inner, max_size=4),
    ),
    max_leaves=20,
)


def _read(data: bytes, *, quick: bool, monkeypatch) -> object:
    with monkeypatch.context() as m:
        if not quick:
            m.setattr(canonical, "_canonical_fast", lambda *a: canonical._NO)
        try:
            return ("value", repr(loads_strict(data, member="m.json", max_depth=3, require_canonical=True)))
        except BundleError as exc:
            return ("refused", exc.message_en)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=wide_documents)
def test_the_quick_canonical_read_agrees_with_the_strict_parser(doc, monkeypatch):
    """Canonical or merely sorted and compact, big integers, integral floats, deep nesting: the
    quick read (C parser, written back and compared) accepts exactly what the strict one does."""
    written = [json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")]
    try:
        written.append(rfc8785.dumps(doc))
    except Exception:  # noqa: BLE001 - a value RFC 8785 cannot write
        pass
    for data in written:
        assert _read(data, quick=True, monkeypatch=monkeypatch) == _read(data, quick=False, monkeypatch=monkeypatch)
