"""Device chains: which received bundles of a laptop stand, decided by content, not arrival.

Each laptop numbers its bundles and each manifest names the previous one's sha256.
Every received bundle (verified, trusted, its records checked) is stored; whether
it *stands* (status ``imported``: its revisions count) or is *held* (status
``quarantined``: stored, but its revisions count for nothing until a person
decides) is re-decided from the whole set of the chain's bundles after every
import and every decision, so the result is the same in any import order.

A chain is one device id signed by one key (a second key using the same device id
is a chain of its own and cannot hold the first one's bundles hostage).

The rule (``decide``), walking the sequence numbers upwards:

- a bundle a person released stands (and the others with its number are held); a
  rejected one is held for good;
- after an undecided fork, every later bundle is held: neither lineage wins by
  arriving first;
- otherwise the bundles that follow the standing bundle before them (their
  previous-manifest hash is its sha256; after a gap nothing can be checked) are
  candidates, the others are held; one candidate stands, two or more are a fork
  (all held, undecided), none leaves the chain undecided from there on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from fengqiao_desktop.errors import MergeError
from fengqiao_desktop.merge import models
from fengqiao_desktop.merge.apply import refresh_inspections, refresh_visits

BUNDLES = models.table_of(models.Bundle)
REV = models.table_of(models.InspectionRevision)
SRC = models.table_of(models.RevisionSource)
LOG = models.table_of(models.ImportLog)

STANDS, HELD = "imported", "quarantined"
RELEASED, REJECTED = "released", "rejected"


@dataclass(frozen=True)
class Link:
    manifest_sha256: str
    sequence: int
    previous: str | None
    decision: str | None = None
    decision_reason: str | None = None


Verdict = tuple[str, str | None, str | None]  # status, reason zh, reason en


def decide(device: str, links: Iterable[Link]) -> dict[str, Verdict]:
    """Which bundles of one chain stand (a pure function of the set of bundles and decisions)."""
    return walk_chain(device, links).out


def walk_chain(device: str, links: Iterable[Link]) -> Walk:
    """The walk up the whole chain (``decide``), kept to go on past its end."""
    by_seq: dict[int, list[Link]] = {}
    for lk in links:
        by_seq.setdefault(lk.sequence, []).append(lk)
    walk = Walk(device)
    for s in sorted(by_seq):
        walk.step(s, by_seq[s])
    return walk


class Walk:
    """``decide``'s walk up a chain's sequence numbers, one number at a time (``step``).

    What a number decides depends only on the numbers below it, so a walk can go on past
    its ``end`` when a bundle numbered above every other arrives — how imports usually
    extend a chain — without walking the chain again.
    """

    def __init__(self, device: str) -> None:
        self.device = device
        self.out: dict[str, Verdict] = {}
        self.end: int | None = None  # the highest number walked
        self.tip: str | None = None  # the bundle standing at last_seq
        self.last_seq: int | None = None
        self.undecided: int | None = None  # sequence of an undecided fork or break

    def step(self, s: int, links: Iterable[Link]) -> None:
        """Decide the bundles numbered ``s`` (above every number walked so far)."""
        assert self.end is None or s > self.end
        self.end = s
        device, out = self.device, self.out
        here = sorted(links, key=lambda lk: lk.manifest_sha256)
        for lk in here:
            if lk.decision == REJECTED:
                out[lk.manifest_sha256] = (
                    HELD,
                    f"已由中心驳回：{lk.decision_reason}",
                    f"rejected by the bureau: {lk.decision_reason}",
                )
        cands = [lk for lk in here if lk.decision != REJECTED]
        if not cands:
            return
        released = [lk for lk in cands if lk.decision == RELEASED]
        if released:
            chosen = released[0]
            out[chosen.manifest_sha256] = (STANDS, None, None)
            for lk in cands:
                if lk is not chosen:
                    out[lk.manifest_sha256] = (
                        HELD,
                        f"设备 {device} 第 {s} 号的另一数据包已由中心放行",
                        f"the bureau released another bundle {s} of device {device}",
                    )
            self.tip, self.undecided = chosen.manifest_sha256, None
        elif self.undecided is not None:
            for lk in cands:
                out[lk.manifest_sha256] = (
                    HELD,
                    f"设备 {device} 自第 {self.undecided} 号起的数据包链尚未裁定（分叉），第 {s} 号暂不导入；"
                    "请人工裁定：fengqiao central quarantine release|reject",
                    f"the chain of device {device} is undecided from bundle {self.undecided} on (a fork); "
                    f"bundle {s} waits for a person: fengqiao central quarantine release|reject",
                )
        else:
            contiguous = self.last_seq == s - 1 and self.tip is not None
            follows = [lk for lk in cands if not contiguous or lk.previous == self.tip]
            for lk in cands:
                if lk not in follows:
                    out[lk.manifest_sha256] = (
                        HELD,
                        f"分叉：设备 {device} 第 {s} 号数据包不接在已收到的第 {s - 1} 号之后"
                        "（上一清单哈希不符）；请人工裁定：fengqiao central quarantine release|reject",
                        f"fork: bundle {s} of device {device} does not follow the bundle {s - 1} "
                        "received (previous manifest hash differs); a person must decide: "
                        "fengqiao central quarantine release|reject",
                    )
            if len(follows) == 1:
                out[follows[0].manifest_sha256] = (STANDS, None, None)
                self.tip = follows[0].manifest_sha256
            else:
                for lk in follows:
                    out[lk.manifest_sha256] = (
                        HELD,
                        f"分叉：设备 {device} 第 {s} 号有 {len(follows)} 个不同的数据包，"
                        "均已隔离；请人工裁定：fengqiao central quarantine release|reject",
                        f"fork: device {device} has {len(follows)} different bundles {s}, all "
                        "quarantined; a person must decide: fengqiao central quarantine release|reject",
                    )
                self.tip, self.undecided = None, s
        self.last_seq = s


@dataclass
class ChainRow:
    """A chain's bundle as ``settle`` reads it (kept current by ``settle`` when a caller keeps it)."""

    manifest_sha256: str
    sequence: int
    previous_manifest_sha256: str | None
    decision: str | None
    decision_reason: str | None
    status: str
    reason: str | None
    reason_en: str | None


def _link(r: ChainRow) -> Link:
    return Link(r.manifest_sha256, r.sequence, r.previous_manifest_sha256, r.decision, r.decision_reason)


@dataclass
class KeptChain:
    """A chain's rows as one transaction keeps them between ``settle`` calls (a batch of imports):
    read on the first call, then only kept current — the caller ``add``s each bundle it stores
    and forgets them all when a savepoint is rolled back."""

    rows: dict[str, ChainRow] = field(default_factory=dict)
    walk: Walk | None = None  # the walk over ``rows``, while nothing was added at or below its end
    added: ChainRow | None = None  # the one row added past the walk's end, not settled yet

    def add(self, row: ChainRow) -> None:
        walk = self.walk
        if walk is None or self.added is not None or (walk.end is not None and row.sequence <= walk.end):
            self.walk, self.added = None, None  # the whole chain is walked again
        else:
            self.added = row
        self.rows[row.manifest_sha256] = row


def settle(
    conn: Connection,
    device_id: str,
    key_id: str,
    verdicts_out: dict[str, Verdict] | None = None,
    kept: KeptChain | None = None,
) -> dict[str, tuple[str, str]]:
    """Re-decide one chain; update the bundles whose status changed and return
    manifest sha256 -> (old status, new status) for them (``verdicts_out`` gets the status and
    reasons of every bundle decided: with ``kept``, maybe only the one added).

    ``kept``: the chain's rows kept between calls in one transaction (``KeptChain``). A bundle
    added there numbered above all the others is decided alone: nothing below it changes.
    """
    if kept is not None and kept.walk is not None and kept.added is not None:
        row, kept.added = kept.added, None
        kept.walk.step(row.sequence, [_link(row)])
        verdicts = kept.walk.out
        rows = [row]
    else:
        if kept is not None and kept.rows:
            rows = list(kept.rows.values())
        else:
            rows = [
                ChainRow(*r)
                for r in conn.execute(
                    select(
                        BUNDLES.c.manifest_sha256,
                        BUNDLES.c.sequence,
                        BUNDLES.c.previous_manifest_sha256,
                        BUNDLES.c.decision,
                        BUNDLES.c.decision_reason,
                        BUNDLES.c.status,
                        BUNDLES.c.reason,
                        BUNDLES.c.reason_en,
                    ).where(
                        BUNDLES.c.device_id == device_id,
                        BUNDLES.c.key_id == key_id,
                        BUNDLES.c.status.in_([STANDS, HELD]),
                    )
                )
            ]
            if kept is not None:
                kept.rows.update((r.manifest_sha256, r) for r in rows)
        walk = walk_chain(device_id, (_link(r) for r in rows))
        verdicts = walk.out
        if kept is not None:
            kept.walk, kept.added = walk, None
    changed: dict[str, tuple[str, str]] = {}
    for r in rows:
        status, zh, en = verdicts[r.manifest_sha256]
        if verdicts_out is not None:
            verdicts_out[r.manifest_sha256] = (status, zh, en)
        if (status, zh, en) != (r.status, r.reason, r.reason_en):
            conn.execute(
                update(BUNDLES)
                .where(BUNDLES.c.manifest_sha256 == r.manifest_sha256)
                .values(status=status, reason=zh, reason_en=en)
            )
        if status != r.status:
            changed[r.manifest_sha256] = (r.status, status)
        r.status, r.reason, r.reason_en = status, zh, en
    return changed


def refresh_carried(conn: Connection, manifests: Iterable[str]) -> None:
    """Re-derive the inspections whose revisions these bundles carry."""
    manifests = sorted(set(manifests))
    if not manifests:
        return
    ids = set(
        conn.execute(
            select(REV.c.inspection_id)
            .join(SRC, SRC.c.revision_id == REV.c.id)
            .where(SRC.c.manifest_sha256.in_(manifests))
        ).scalars()
    )
    refresh_visits(conn, refresh_inspections(conn, ids))


@dataclass(frozen=True)
class HeldBundle:
    manifest_sha256: str
    bundle_id: str
    device_id: str
    sequence: int
    key_id: str
    inspector: str
    created_at: str
    file_name: str
    reason: str
    reason_en: str
    decision: str | None


def held_bundles(conn: Connection) -> list[HeldBundle]:
    rows = conn.execute(select(BUNDLES).where(BUNDLES.c.status == HELD))
    return sorted(
        (
            HeldBundle(
                r.manifest_sha256,
                r.bundle_id,
                r.device_id,
                r.sequence,
                r.key_id,
                f"{r.inspector_name}（{r.inspector_unit}）",
                r.created_at,
                r.file_name,
                r.reason or "",
                r.reason_en or "",
                r.decision,
            )
            for r in rows
        ),
        key=lambda b: (b.device_id, b.sequence, b.manifest_sha256),
    )


def decide_bundle(conn: Connection, ident: str, decision: str, *, reason: str, by: str) -> dict[str, tuple[str, str]]:
    """A person releases or rejects a quarantined bundle; the chain is re-decided.

    ``ident`` is a bundle id or (a prefix of at least 8 hex digits of) a manifest sha256.
    Returns the bundles whose status changed, as ``settle`` does.
    """
    assert decision in (RELEASED, REJECTED)
    reason, by, ident = reason.strip(), by.strip(), ident.strip().lower()
    if not reason:
        raise MergeError("请说明理由（--reason）", message_en="give a reason (--reason)")
    if not by:
        raise MergeError("请写明处理人（--by）", message_en="say who decides (--by)")
    q = select(BUNDLES).where(BUNDLES.c.status.in_([STANDS, HELD]))
    rows = [
        r for r in conn.execute(q) if r.bundle_id == ident or (len(ident) >= 8 and r.manifest_sha256.startswith(ident))
    ]
    if len(rows) != 1:
        raise MergeError(
            f"“{ident}”不是唯一一个已收到的数据包（可用数据包编号或清单哈希）",
            message_en=f"{ident!r} does not name exactly one received bundle (give a bundle id or a manifest sha256)",
        )
    row = rows[0]
    if row.decision == decision:  # a recorded decision is never overwritten
        word = ("放行", "released") if decision == RELEASED else ("驳回", "rejected")
        raise MergeError(
            f"数据包 {row.bundle_id} 已由 {row.decided_by} {word[0]}过",
            message_en=f"bundle {row.bundle_id} was {word[1]} already by {row.decided_by}",
        )
    if row.status != HELD and row.decision is None:
        raise MergeError(
            f"数据包 {row.bundle_id} 未被隔离，无需裁定",
            message_en=f"bundle {row.bundle_id} is not quarantined; nothing to decide",
        )
    if decision == RELEASED:
        other = conn.execute(
            select(BUNDLES.c.bundle_id).where(
                BUNDLES.c.device_id == row.device_id,
                BUNDLES.c.key_id == row.key_id,
                BUNDLES.c.sequence == row.sequence,
                BUNDLES.c.decision == RELEASED,
                BUNDLES.c.manifest_sha256 != row.manifest_sha256,
            )
        ).scalar()
        if other is not None:
            raise MergeError(
                f"设备 {row.device_id} 第 {row.sequence} 号已放行另一数据包 {other}，请先驳回它",
                message_en=f"another bundle {row.sequence} of device {row.device_id} ({other}) is "
                "released already; reject it first",
            )
    now = datetime.now(timezone.utc)
    conn.execute(
        update(BUNDLES)
        .where(BUNDLES.c.manifest_sha256 == row.manifest_sha256)
        .values(decision=decision, decided_by=by[:100], decision_reason=reason, decided_at=now)
    )
    changed = settle(conn, row.device_id, row.key_id)
    refresh_carried(conn, changed)
    conn.execute(
        insert(LOG).values(
            at=now,
            action=f"quarantine_{'release' if decision == RELEASED else 'reject'}",
            file_name=row.file_name,
            manifest_sha256=row.manifest_sha256,
            outcome=decision,
            message=f"{row.bundle_id} by {by}: {reason}",
        )
    )
    return changed
