"""Helpers for the merge tests: small forms, inspector devices that write real bundles.

Bundles are made by the real writer (fengqiao_desktop.bundle.writer.write_bundle)
and signed by real minisign-format keys; records are scored by the real scoring.
``craft`` builds bundles by hand when a test needs one the writer would refuse
to write (a future format version, a lying score the writer would not check...).
"""

from __future__ import annotations

import hashlib
import os
import uuid
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import rfc8785

from benchmarks.pgdb import drop_pg_database  # noqa: F401 - the tests' name for it
from fengqiao_desktop.bundle import spec
from fengqiao_desktop.bundle.manifest import trusted_comment, untrusted_comment
from fengqiao_desktop.bundle.minisign import SecretKey
from fengqiao_desktop.bundle.verifier import verify_bundle
from fengqiao_desktop.bundle.writer import write_bundle
from fengqiao_desktop.formengine.loader import parse_form
from fengqiao_desktop.formengine.scoring import Answer, score

GATE_YAML = """
id: test-five-haves
version: "1"
title: {zh: 五有（测试）, en: Five haves (test)}
kind: gate
levels: [city, county, town, village]
sections:
  - id: A
    title: {zh: 五有, en: Five haves}
    items:
      - {id: jigou, title: {zh: 有机构, en: Organisation}, type: yes_no, max: 1}
      - {id: bianzhi, title: {zh: 有编制, en: Posts}, type: yes_no, max: 1}
      - {id: renyuan, title: {zh: 有人员, en: Staff}, type: yes_no, max: 1}
      - {id: jingfei, title: {zh: 有经费, en: Funding}, type: yes_no, max: 1}
      - {id: baozhang, title: {zh: 有保障, en: Support}, type: yes_no, max: 1}
"""

RUBRIC_YAML = """
id: test-rubric
version: "1"
title: {zh: 示范型（测试）, en: Demonstration (test)}
kind: rubric
levels: [city, county, town, village]
pass_mark: 90
max_points: 100
sections:
  - id: A
    title: {zh: 底线, en: Baseline}
    items:
      - {id: a1, title: {zh: 无弄虚作假, en: No falsification}, type: yes_no, max: 20, veto: true,
         veto_reason: 弄虚作假}
  - id: B
    title: {zh: 阵地, en: Premises}
    items:
      - {id: b1, title: {zh: 服务大厅, en: Hall}, type: graded, max: 40, step: 0.5}
      - {id: b2, title: {zh: 无障碍, en: Access}, type: graded, max: 30, step: 0.5, na_allowed: true}
  - id: C
    title: {zh: 服务, en: Service}
    items:
      - id: c1
        title: {zh: 走访, en: Visits}
        type: choice
        max: 10
        choices:
          - {value: good, label: {zh: 好, en: Good}, points: 10}
          - {value: fair, label: {zh: 中, en: Fair}, points: 5}
          - {value: poor, label: {zh: 差, en: Poor}, points: 0}
"""

OTHER_YAML = RUBRIC_YAML.replace("id: test-rubric", "id: test-unregistered")

GATE = parse_form(GATE_YAML, "gate.yaml")
RUBRIC = parse_form(RUBRIC_YAML, "rubric.yaml")
UNREGISTERED = parse_form(OTHER_YAML, "other.yaml")

VILLAGE = "620102001001"
VILLAGE2 = "620102001002"
TOWN = "620102001000"
UNKNOWN_STATION = "620102399399"

BASE_TIME = datetime(2026, 5, 1, 8, 0, tzinfo=timezone.utc)


def iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_forms(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in (("gate.yaml", GATE_YAML), ("rubric.yaml", RUBRIC_YAML)):
        p = folder / name
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


def claimed_score(form, answers: dict, photos: list[dict] = ()) -> dict:
    counts: dict[str, int] = {}
    for p in photos:
        if p.get("item_id"):
            counts[p["item_id"]] = counts.get(p["item_id"], 0) + 1
    res = score(form, {k: Answer.from_json(v) for k, v in answers.items()}, counts)
    return {
        "total": res.total,
        "max": res.max,
        "verdict": res.verdict.value,
        "sections": [{"id": s.id, "earned": s.earned, "max": s.max} for s in res.sections],
    }


def rubric_answers(b1: float = 38.0, b2: float | None = 28.0, c1: str = "good", a1: bool = True) -> dict:
    ans = {
        "a1": {"value": a1, "note": "", "na": False},
        "b1": {"value": b1, "note": "大厅整洁", "na": False},
        "c1": {"value": c1, "note": "", "na": False},
    }
    ans["b2"] = {"value": None, "note": "", "na": True} if b2 is None else {"value": b2, "note": "", "na": False}
    return ans


def gate_answers(all_yes: bool = True) -> dict:
    items = ["jigou", "bianzhi", "renyuan", "jingfei", "baozhang"]
    return {i: {"value": all_yes or i != "jingfei", "note": "", "na": False} for i in items}


def make_photo(folder: Path, seed: str, size: int = 2000) -> tuple[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    body = b"\xff\xd8" + hashlib.sha256(seed.encode()).digest() * (size // 32 + 1) + b"\xff\xd9"
    sha = hashlib.sha256(body).hexdigest()
    p = folder / f"{sha[:16]}.jpg"
    p.write_bytes(body)
    return sha, p


@dataclass
class Device:
    """An inspector's laptop: a key, a profile, a bundle sequence and hash chain."""

    name: str = "张三"
    unit: str = "城关区退役军人事务局"
    device_id: str = field(default_factory=lambda: "laptop-" + uuid.uuid4().hex[:8])
    sk: SecretKey = field(default_factory=SecretKey.generate)
    sequence: int = 0
    previous: str | None = None

    @property
    def key_id(self) -> str:
        return self.sk.key_id

    def pub_file(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        p = folder / f"{self.key_id}.pub"
        p.write_text(self.sk.public.file_text(), encoding="utf-8")
        return p

    def record(
        self,
        form=RUBRIC,
        *,
        station: str = VILLAGE,
        answers: dict | None = None,
        revision: int = 1,
        inspection_id: str | None = None,
        visit_id: str | None = None,
        completed_at: datetime | None = None,
        photos: list[dict] = (),
        findings: list[dict] = (),
        audit: list[dict] | None = None,
        score_override: dict | None = None,
        status: str = "completed",
    ) -> dict:
        if answers is None:
            answers = rubric_answers() if form.kind.value == "rubric" else gate_answers()
        done = completed_at or BASE_TIME + timedelta(minutes=revision)
        if audit is None:
            audit = [{"action": "completed", "revision": r, "by": self.key_id} for r in range(revision + 1)]
        return {
            "format": "fengqiao.inspection",
            "format_version": 1,
            "id": inspection_id or str(uuid.uuid4()),
            "revision": revision,
            "visit_id": visit_id,
            "station_code": station,
            "form": {"id": form.id, "version": form.version, "sha256": form.sha256},
            "inspector": {"name": self.name, "unit": self.unit, "key_id": self.key_id},
            "status": status,
            "created_at": iso(BASE_TIME),
            "updated_at": iso(done),
            "completed_at": iso(done) if status != "draft" else None,
            "answers": answers,
            "photos": list(photos),
            "findings": list(findings),
            "score": score_override or claimed_score(form, answers, list(photos)),
            "audit": audit,
        }

    def export(
        self,
        out_dir: Path,
        records: list[dict],
        photo_paths: dict[str, Path] | None = None,
        *,
        created_at: datetime | None = None,
        sequence: int | None = None,
        previous: str | None = "auto",
        inspector: dict | None = None,
    ) -> Path:
        """Write a bundle with the real writer and advance this device's chain."""
        out_dir.mkdir(parents=True, exist_ok=True)
        seq = sequence if sequence is not None else self.sequence + 1
        prev = self.previous if previous == "auto" else previous
        path = write_bundle(
            out_dir,
            records=records,
            read_photo=lambda sha: (photo_paths or {})[sha].read_bytes(),
            inspector=inspector or {"name": self.name, "unit": self.unit, "phone": "13800000000"},
            device_id=self.device_id,
            sequence=seq,
            previous_manifest_sha256=prev,
            secret_key=self.sk,
            created_at=iso(created_at) if created_at else None,
        )
        vb = verify_bundle(path, public_keys={self.key_id: self.sk.public})
        if sequence is None:
            self.sequence, self.previous = seq, vb.manifest_sha256
        return path


def photo_entry(sha: str, path: Path, item_id: str = "b1") -> dict:
    return {
        "sha256": sha,
        "original_sha256": sha,
        "item_id": item_id,
        "caption": "大厅",
        "captured_at": iso(BASE_TIME),
        "member": spec.photo_member(sha),
        "size": path.stat().st_size,
    }


def required_photos(form, folder: Path, seed: str = "") -> tuple[list[dict], dict[str, Path]]:
    """The photos ``form`` requires (``min_photos``) for a completed record: entries and files.

    Linked items (``from: five-haves/...``) take their photos from the visit's other
    record, so they get none here.
    """
    entries, paths = [], {}
    for it in form.items.values():
        if it.source is not None:
            continue
        for k in range(it.min_photos):
            sha, p = make_photo(folder, f"{seed}/{form.id}/{form.version}/{it.id}/{k}")
            entries.append(photo_entry(sha, p, it.id))
            paths[sha] = p
    return entries, paths


# -- hand-made bundles (for what the writer refuses to produce) -----------------------------------


def _zip(members: list[tuple[str, bytes, int]]) -> bytes:
    import struct

    loc = struct.Struct("<4sHHHHHIIIHH")
    cen = struct.Struct("<4sHHHHHHIIIHHHHHII")
    out, central = bytearray(), bytearray()
    for name, data, method in members:
        payload = data
        if method == 8:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            payload = c.compress(data) + c.flush()
        raw = name.encode()
        central += (
            cen.pack(
                b"PK\x01\x02",
                0x0314,
                20,
                0,
                method,
                0,
                0x21,
                zlib.crc32(data),
                len(payload),
                len(data),
                len(raw),
                0,
                0,
                0,
                0,
                0o100644 << 16,
                len(out),
            )
            + raw
        )
        out += (
            loc.pack(b"PK\x03\x04", 20, 0, method, 0, 0x21, zlib.crc32(data), len(payload), len(data), len(raw), 0)
            + raw
            + payload
        )
    cd = len(out)
    out += central
    out += struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), cd, 0)
    return bytes(out)


def craft(
    device: Device,
    records: list[dict],
    photos: dict[str, bytes] | None = None,
    *,
    manifest_changes: dict | None = None,
    extra_members: list[tuple[str, bytes, int]] = (),
    omit: tuple[str, ...] = (),
    record_bytes: dict[str, bytes] | None = None,
    created_at: datetime | None = None,
) -> bytes:
    """A signed bundle assembled by hand; ``manifest_changes`` are applied before signing."""
    photos = photos or {}
    members: dict[str, bytes] = {}
    inspections = []
    for r in records:
        name = spec.record_member(r["id"], r["revision"])
        members[name] = rfc8785.dumps(r)
        inspections.append(
            {"id": r["id"], "revision": r["revision"], "station_code": r["station_code"], "member": name}
        )
    for sha, body in photos.items():
        members[spec.photo_member(sha)] = body
    forms = sorted({(r["form"]["id"], r["form"]["version"], r["form"]["sha256"]) for r in records})
    device.sequence += 1
    manifest = {
        "format": spec.FORMAT,
        "format_version": 1,
        "bundle_id": str(uuid.uuid4()),
        "created_at": iso(created_at or datetime.now(timezone.utc)),
        "inspector": {"name": device.name, "unit": device.unit, "phone": "", "key_id": device.key_id},
        "device_id": device.device_id,
        "sequence": device.sequence,
        "previous_manifest_sha256": device.previous,
        "forms": [{"id": i, "version": v, "sha256": s} for i, v, s in forms],
        "inspections": sorted(inspections, key=lambda e: e["member"]),
        "members": [
            {"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in sorted(members.items())
        ],
    }
    manifest.update(manifest_changes or {})
    mbytes = rfc8785.dumps(manifest)
    device.previous = hashlib.sha256(mbytes).hexdigest()
    sig = device.sk.sign(
        mbytes,
        trusted_comment=trusted_comment(manifest["bundle_id"], manifest["sequence"], device.key_id),
        untrusted_comment=untrusted_comment(device.key_id),
    )
    if record_bytes:
        members.update(record_bytes)
    zm = [(n, d, 0) for n, d in sorted(members.items()) if n not in omit]
    zm += list(extra_members)
    zm += [(spec.MANIFEST, mbytes, 0), (spec.SIGNATURE, sig, 0)]
    return _zip(zm)


def random_bytes(n: int) -> bytes:
    return os.urandom(n)


def full_marks_answers(form) -> dict:
    """An answer for every item of any form, earning full marks where there are marks."""
    out = {}
    for it in form.items.values():
        t = it.type.value
        if t == "yes_no":
            v = True
        elif t in ("graded", "deduction"):
            v = it.max
        elif t == "choice":
            v = max(it.choices, key=lambda c: c.points).value
        elif t == "number":
            v = it.min_value if it.min_value is not None else 1
        else:
            v = "符合要求"
        out[it.id] = {"value": v, "note": "", "na": False}
    return out
