"""Which revision of an inspection wins, and which revisions compete (pure functions).

Rule (docs/merge.md):

- The winner is the revision with the highest revision number; a tie (the same
  revision number with different content) goes to the latest ``completed_at``,
  then to the larger content sha256. The rule uses only the revisions
  themselves, so any import order gives the same winner, and an old bundle
  arriving late never displaces a newer revision.
- Revision A is an *ancestor* of B when A's revision number is lower and A's
  audit trail is a prefix of B's (the audit trail only grows as an inspection is
  edited). A revision that is neither the winner nor an ancestor of it lost a
  race — the same revision number with other content, or an edit on another
  branch — and the inspection gets a conflict entry listing the competitors.

Ownership: an inspection belongs to the key the bureau assigned it to, else to the
key that signed its lowest revision (the inspector who created it). Only the
owner's revisions can win automatically; a revision signed by another key never
wins by itself — it is listed with the competitors, so the inspection has a
conflict for a person. When two keys signed the lowest revision nobody owns it:
every revision competes and the conflict stays open until a person resolves it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rev:
    revision: int
    sha256: str
    completed_at: str | None = None
    audit_chain: tuple[str, ...] = ()
    signer: str | None = None  # key id that signed it

    @property
    def key(self) -> tuple:
        return (self.revision, self.completed_at or "", self.sha256)


def auto_winner(revs: Iterable[Rev]) -> Rev:
    return max(revs, key=lambda r: r.key)


def is_ancestor(a: Rev, b: Rev) -> bool:
    return a.revision < b.revision and b.audit_chain[: len(a.audit_chain)] == a.audit_chain


def competing(revs: Iterable[Rev]) -> list[Rev]:
    """The winner and every revision that is not its ancestor, oldest first."""
    revs = list({r.sha256: r for r in revs}.values())
    w = auto_winner(revs)
    return sorted((r for r in revs if r == w or not is_ancestor(r, w)), key=lambda r: r.key)


def effective_winner(revs: Iterable[Rev], chosen_sha: str | None) -> Rev:
    """The auto winner, unless a person chose another of the competitors."""
    revs = list(revs)
    if chosen_sha:
        for r in revs:
            if r.sha256 == chosen_sha:
                return r
    return auto_winner(revs)


def owner_of(revs: Iterable[Rev], assigned: str | None = None) -> str | None:
    """The key an inspection belongs to, or None when that is disputed."""
    if assigned:
        return assigned
    revs = list(revs)
    if not revs:
        return None
    low = min(r.revision for r in revs)
    first = {r.signer for r in revs if r.revision == low}
    return first.pop() if len(first) == 1 else None


def contest(revs: Iterable[Rev], assigned: str | None = None) -> tuple[list[Rev], Rev]:
    """(competitors oldest first, automatic winner) under the ownership rule."""
    revs = list({r.sha256: r for r in revs}.values())
    owner = owner_of(revs, assigned)
    mine = [r for r in revs if owner is None or r.signer == owner] or revs
    auto = auto_winner(mine)
    others = [r for r in revs if r not in mine]
    # of another key's revisions, only the tips compete (an ancestor adds nothing to decide)
    others = [r for r in others if not any(is_ancestor(r, o) for o in others)]
    comp = {r.sha256: r for r in competing(mine) + others}
    return sorted(comp.values(), key=lambda r: r.key), auto
