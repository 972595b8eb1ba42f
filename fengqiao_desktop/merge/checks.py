"""Checks between verification and planning: trust, chain, forms, stations, records.

Each check raises ``MergeError`` with a reason naming the problem; the importer
turns it into a refusal. Device chains (forks, breaks) are no refusal: they are
decided after the bundle is stored (``merge/chain.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.engine import Connection

from fengqiao_desktop.bundle.verifier import VerifiedBundle
from fengqiao_desktop.errors import MergeError
from fengqiao_desktop.merge import models, signer, trust
from fengqiao_desktop.merge.apply import chunks
from fengqiao_desktop.merge.forms_registry import load_form
from fengqiao_desktop.merge.records import RevisionData, revisions_from

BUNDLES = models.table_of(models.Bundle)

STATIONS = models.table_of(models.Station)
FORMS = models.table_of(models.RegisteredForm)


def check_trust(conn: Connection, vb: VerifiedBundle) -> None:
    signer.check_signer(trust.get_key(conn, vb.key_id), vb.key_id, vb.manifest)
    signer.check_records_signer(vb.key_id, vb.manifest, vb.records)


def check_bundle_id(conn: Connection, vb: VerifiedBundle) -> None:
    other = conn.execute(
        select(BUNDLES.c.manifest_sha256).where(
            BUNDLES.c.bundle_id == vb.bundle_id,
            BUNDLES.c.status.in_(["imported", "quarantined"]),
            BUNDLES.c.manifest_sha256 != vb.manifest_sha256,
        )
    ).first()
    if other:
        raise bundle_id_taken(vb)


def bundle_id_taken(vb: VerifiedBundle) -> MergeError:
    """The refusal of a bundle whose id another received bundle (other content) already has."""
    return MergeError(
        f"数据包编号 {vb.bundle_id} 已被另一个内容不同的数据包使用",
        message_en=f"bundle id {vb.bundle_id} is already used by a different bundle",
    )


def chain_gaps(conn: Connection, device_id: str) -> list[tuple[int, int]]:
    """Missing sequence ranges (inclusive) below the device's highest imported sequence."""
    seqs = sorted(
        set(
            conn.execute(
                select(BUNDLES.c.sequence).where(BUNDLES.c.device_id == device_id, BUNDLES.c.status == "imported")
            ).scalars()
        )
    )
    gaps, expect = [], 1
    for s in seqs:
        if s > expect:
            gaps.append((expect, s - 1))
        expect = s + 1
    return gaps


def revisions_of(conn: Connection, vb: VerifiedBundle) -> list[RevisionData]:
    """Forms registered, stations known, answers valid, claimed scores right -> revisions."""
    forms = {f["sha256"]: form for f in vb.forms if (form := load_form(conn, f["sha256"])) is not None}
    codes = sorted({r["station_code"] for r in vb.records.values()})
    known: set[str] = set()
    for part in chunks(codes):
        known.update(conn.execute(select(STATIONS.c.code).where(STATIONS.c.code.in_(part))).scalars())
    return revisions_from(vb, forms, known)


def stations_missing(conn: Connection, codes: Sequence[str]) -> list[str]:
    have: set[str] = set()
    for part in chunks(sorted(set(codes))):
        have.update(conn.execute(select(STATIONS.c.code).where(STATIONS.c.code.in_(part))).scalars())
    return sorted(set(codes) - have)
