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
