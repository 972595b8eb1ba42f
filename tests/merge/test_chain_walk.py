"""A chain extended past its end is decided as if walked again from the start."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fengqiao_desktop.merge.chain import REJECTED, RELEASED, Link, decide, walk_chain


@st.composite
def chains(draw):
    """Bundles of one device: numbers with gaps and forks, previous hashes right or wrong, decisions."""
    n = draw(st.integers(min_value=1, max_value=12))
    links: list[Link] = []
    for k in range(n):
        seq = draw(st.integers(min_value=1, max_value=8))
        earlier = [lk.manifest_sha256 for lk in links]
        previous = draw(st.sampled_from([None, "unknown", *earlier]))
        decision = draw(st.sampled_from([None, None, None, RELEASED, REJECTED]))
        links.append(Link(f"m{k:02d}", seq, previous, decision, "reason" if decision else None))
    return links


@settings(max_examples=300, deadline=None)
@given(chains())
def test_a_bundle_numbered_above_the_rest_is_decided_alone_as_the_whole_walk_would(links):
    top = max(lk.sequence for lk in links)
    below = [lk for lk in links if lk.sequence < top]
    walk = walk_chain("dev", below)
    for_whole_chain = decide("dev", below)
    assert walk.out == for_whole_chain
    walk.step(top, [lk for lk in links if lk.sequence == top])
    assert walk.out == decide("dev", links)
