"""Plan a merge: what importing a bundle would change, computed without writing anything.

``make_plan`` is pure: it takes the bundle's revisions and a snapshot of the
central state for the inspections they touch, and returns a :class:`MergePlan`
(new inspections, new revisions, revisions already present, conflicts, the
winners afterwards, photos to store). ``apply.apply_plan`` writes exactly that.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fengqiao_desktop.merge.records import RevisionData
from fengqiao_desktop.merge.winner import Rev, contest


@dataclass(frozen=True)
class Snapshot:
    """What the central database holds for the inspections of one bundle."""

    revisions: Mapping[str, Sequence[Rev]]  # inspection id -> its stored revisions
    photos: frozenset[str] = frozenset()  # photo sha256 already stored
    conflicts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # id -> competing shas
    held: frozenset[str] = frozenset()  # stored revisions no standing bundle carries (chain.py)
    owners: Mapping[str, str] = field(default_factory=dict)  # id -> key the bureau assigned
    conflict_rows: Mapping[str, Any] = field(default_factory=dict, repr=False)  # id -> its conflicts row


@dataclass
class MergePlan:
    new_inspections: list[str] = field(default_factory=list)
    new_revisions: list[RevisionData] = field(default_factory=list)
    present_revisions: list[RevisionData] = field(default_factory=list)
    winners: dict[str, Rev] = field(default_factory=dict)  # every touched inspection
    competitors: dict[str, list[Rev]] = field(default_factory=dict)  # id -> competing revisions
    new_conflicts: list[str] = field(default_factory=list)  # ids whose competitors changed
    new_photos: list[str] = field(default_factory=list)

    @property
    def changes_anything(self) -> bool:
        return bool(self.new_revisions or self.new_photos)

    def summary(self) -> dict:
        return {
            "new_inspections": len(self.new_inspections),
            "new_revisions": len(self.new_revisions),
            "already_present": len(self.present_revisions),
            "conflicts": len(self.new_conflicts),
            "new_photos": len(self.new_photos),
        }


def rev_of(r: RevisionData, signer: str | None = None) -> Rev:
    return Rev(r.revision, r.content_sha256, r.completed_at, r.audit_chain, signer)


def make_plan(revisions: Sequence[RevisionData], snapshot: Snapshot, signer: str | None = None) -> MergePlan:
    plan = MergePlan()
    by_id: dict[str, list[RevisionData]] = {}
    for r in revisions:
        by_id.setdefault(r.inspection_id, []).append(r)
    for iid in sorted(by_id):
        stored = list(snapshot.revisions.get(iid, ()))
        known = {r.sha256 for r in stored}
        if not stored:
            plan.new_inspections.append(iid)
        after = [r for r in stored if r.sha256 not in snapshot.held]
        for r in sorted(by_id[iid], key=lambda x: (x.revision, x.content_sha256)):
            if r.content_sha256 in known:
                plan.present_revisions.append(r)
            else:
                known.add(r.content_sha256)
                plan.new_revisions.append(r)
            if r.content_sha256 not in {x.sha256 for x in after}:
                after.append(rev_of(r, signer))
        comp, plan.winners[iid] = contest(after, snapshot.owners.get(iid))
        plan.competitors[iid] = comp
        shas = tuple(r.sha256 for r in comp)
        if len(comp) > 1 and shas != tuple(snapshot.conflicts.get(iid, ())):
            plan.new_conflicts.append(iid)
    seen: set[str] = set(snapshot.photos)
    for r in revisions:
        for p in r.photos:
            sha = p.get("sha256")
            if sha and sha not in seen:
                seen.add(sha)
                plan.new_photos.append(sha)
    return plan
