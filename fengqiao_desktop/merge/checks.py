"""Checks between verification and planning: trust, chain, forms, stations, records.

Each check raises ``MergeError`` with a reason naming the problem; the importer
turns it into a refusal. Device chains (forks, breaks) are no refusal: they are
decided after the bundle is stored (``merge/chain.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from sqlalchemy import select
from sqlalchemy.engine import Connection

from fengqiao_desktop.bundle.verifier import VerifiedBundle
from fengqiao_desktop.errors import MergeError
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.merge import models, trust
from fengqiao_desktop.merge.apply import chunks
from fengqiao_desktop.merge.forms_registry import load_form
from fengqiao_desktop.merge.records import RevisionData, revision_from_record

BUNDLES = models.table_of(models.Bundle)

STATIONS = models.table_of(models.Station)
FORMS = models.table_of(models.RegisteredForm)


def check_trust(conn: Connection, vb: VerifiedBundle) -> None:
    trust.check_signer(trust.get_key(conn, vb.key_id), vb.key_id, vb.manifest)
    trust.check_records_signer(vb.key_id, vb.manifest, vb.records)


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


def revisions_from(vb: VerifiedBundle, forms: Mapping[str, FormDef], stations: AbstractSet[str]) -> list[RevisionData]:
    """``revisions_of`` given the registered forms (by sha256) and the roster codes: no database."""
    mine: dict[str, FormDef] = {}
    for i, f in enumerate(vb.forms):
        form = forms.get(f["sha256"])
        if form is None:
            raise MergeError(
                f"manifest.json: forms[{i}]：表单 {f['id']} 版本 {f['version']}（{f['sha256'][:12]}…）未在中心登记",
                message_en=f"manifest.json: forms[{i}]: form {f['id']} version {f['version']} "
                f"({f['sha256'][:12]}…) is not registered centrally",
                kind="unknown_form",
            )
        if (form.id, form.version) != (f["id"], f["version"]):
            raise MergeError(
                f"manifest.json: forms[{i}]：哈希 {f['sha256'][:12]}… 登记为 {form.id} {form.version}，"
                f"不是 {f['id']} {f['version']}",
                message_en=f"manifest.json: forms[{i}]: sha256 {f['sha256'][:12]}… is registered as "
                f"{form.id} {form.version}, not {f['id']} {f['version']}",
            )
        mine[f["sha256"]] = form
    sha_of = {m["name"]: m["sha256"] for m in vb.manifest["members"]}
    out = []
    for member in sorted(vb.records):
        rec = vb.records[member]
        if rec["station_code"] not in stations:
            raise MergeError(
                f"{member}：站点 {rec['station_code']} 不在中心名册中",
                message_en=f"{member}: station {rec['station_code']} is not in the central roster",
                kind="unknown_station",
            )
        fsha = rec["form"]["sha256"]
        form = mine.get(fsha)
        if form is None:
            raise MergeError(
                f"{member}: form：表单 {fsha[:12]}… 不在清单的 forms 中或未登记",
                message_en=f"{member}: form {fsha[:12]}… is not listed in the manifest's forms or not registered",
            )
        if (rec["form"]["id"], rec["form"]["version"]) != (form.id, form.version):
            raise MergeError(
                f"{member}: form：id/version 与登记的表单不符",
                message_en=f"{member}: form id/version differ from the registered form",
            )
        # the verifier refused any record that is not canonical JSON: its bytes (kept from
        # verification) are the canonical form, and the manifest already holds their sha256
        canonical = (sha_of[member], vb.record_text(member))
        out.append(revision_from_record(rec, member, form, canonical))
    return out


def stations_missing(conn: Connection, codes: Sequence[str]) -> list[str]:
    have: set[str] = set()
    for part in chunks(sorted(set(codes))):
        have.update(conn.execute(select(STATIONS.c.code).where(STATIONS.c.code.in_(part))).scalars())
    return sorted(set(codes) - have)
