"""Helpers for the score sheet tests: PDF read-back, QR decoding, a real central database.

The central database is filled the way a bureau fills it: records of a visit
(five-haves + demonstration rubric) written into signed bundles by the real
writer and imported by the real merge module.
"""

from __future__ import annotations

import hashlib
import subprocess
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pypdf
import zxingcpp
from PIL import Image

from fengqiao_desktop.bundle.minisign import SecretKey
from fengqiao_desktop.bundle.verifier import verify_bundle
from fengqiao_desktop.bundle.writer import write_bundle
from fengqiao_desktop.formengine.loader import shipped_registry
from fengqiao_desktop.formengine.scoring import Answer, score
from fengqiao_desktop.reports.sample import make_jpeg
from fengqiao_desktop.services import central as svc

TOWN = "620102017000"  # 东岗西路街道 in the demo roster


def pdf_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages]


def pdf_fonts(path: Path) -> dict[str, bool]:
    """Every font used on any page -> whether its program is embedded (FontFile/2/3)."""
    out: dict[str, bool] = {}
    for page in pypdf.PdfReader(str(path)).pages:
        fonts = (page.get("/Resources") or {}).get_object().get("/Font") or {}
        for ref in fonts.get_object().values():
            font = ref.get_object()
            descs = [font]
            if "/DescendantFonts" in font:
                descs = [d.get_object() for d in font["/DescendantFonts"]]
            for d in descs:
                fd = d.get("/FontDescriptor")
                fd = fd.get_object() if fd is not None else {}
                out[str(font.get("/BaseFont"))] = any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return out


def decode_qr(pdf: Path, tmp: Path, page: int = 1) -> list[str]:
    prefix = tmp / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(prefix)],
        check=True,
        capture_output=True,
    )
    with Image.open(f"{prefix}.png") as im:
        return [r.text for r in zxingcpp.read_barcodes(im)]


def _iso(n: int) -> str:
    return f"2026-05-12T0{min(n, 9)}:00:00Z"


@dataclass
class Visit:
    """One inspector's visit to the 东岗西路 station: a five-haves check and a rubric inspection."""

    photo_dir: Path
    sk: SecretKey = field(default_factory=SecretKey.generate)
    device_id: str = field(default_factory=lambda: "laptop-" + uuid.uuid4().hex[:8])
    visit_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    rubric_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    gate_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    sequence: int = 0
    previous: str | None = None
    photos: dict[str, Path] = field(default_factory=dict)

    def __post_init__(self):
        reg = shipped_registry()
        self.rubric = reg.get("demonstration-town")
        self.gate = reg.get("five-haves")

    def photo(self, seed: int, item_id: str, caption: str) -> dict:
        data = make_jpeg(seed, (800, 600))
        sha = hashlib.sha256(data).hexdigest()
        self.photo_dir.mkdir(parents=True, exist_ok=True)
        path = self.photo_dir / f"{sha}.jpg"
        path.write_bytes(data)
        self.photos[sha] = path
        return {
            "sha256": sha,
            "original_sha256": None,
            "item_id": item_id,
            "caption": caption,
            "captured_at": _iso(1),
            "member": f"photos/{sha}.jpg",
            "size": len(data),
        }

    def _record(
        self, form, inspection_id: str, revision: int, answers: dict, photos: list[dict], findings: list[dict]
    ) -> dict:
        counts: dict[str, int] = {}
        for p in photos:
            counts[p["item_id"]] = counts.get(p["item_id"], 0) + 1
        res = score(form, {k: Answer.from_json(v) for k, v in answers.items()}, counts)
        return {
            "format": "fengqiao.inspection",
            "format_version": 1,
            "id": inspection_id,
            "revision": revision,
            "visit_id": self.visit_id,
            "station_code": TOWN,
            "form": {"id": form.id, "version": form.version, "sha256": form.sha256},
            "inspector": {"name": "张三", "unit": "城关区退役军人事务局", "key_id": self.sk.key_id},
            "status": "completed",
            "created_at": _iso(1),
            "updated_at": _iso(2 + revision),
            "completed_at": _iso(2 + revision),
            "answers": answers,
            "photos": photos,
            "findings": findings,
            "score": {
                "total": res.total,
                "max": res.max,
                "verdict": res.verdict.value,
                "sections": [{"id": s.id, "earned": s.earned, "max": s.max} for s in res.sections],
            },
            "audit": [
                {"revision": r, "action": "completed" if r == 0 else "edit", "reason": f"r{r}"}
                for r in range(revision + 1)
            ],
        }

    def gate_record(self) -> dict:
        answers = {i: {"value": True, "note": "", "na": False} for i in self.gate.items}
        photos = [self.photo(100 + n, i, f"{self.gate.items[i].title.zh}佐证") for n, i in enumerate(self.gate.items)]
        return self._record(self.gate, self.gate_id, 0, answers, photos, [])

    def rubric_record(self, revision: int, b1: float) -> dict:
        answers: dict[str, dict] = {}
        for item in self.rubric.items.values():
            value = (True if item.type.value == "yes_no" else item.max) if item.scored else False
            answers[item.id] = {"value": value, "note": "", "na": False}
        answers["B1"] = {"value": b1, "note": "无障碍坡道缺扶手", "na": False}
        answers["B4"] = {"value": None, "note": "共用党群服务中心设备", "na": True}
        photos = [
            self.photo(n, item, f"{item}现场照片")
            for n, item in enumerate(["B1", "B1", "B2", "C4", "G1", "G1", "G2", "G2", "G3", "G3"])
        ]
        findings = [
            {
                "id": "f1",
                "item_id": "B1",
                "category": "hardware",
                "severity": "deduction",
                "description": "无障碍坡道未安装扶手",
                "measures": "加装扶手",
                "responsible": "王建国",
                "deadline": "2026-06-30",
                "status": "open",
            }
        ]
        return self._record(self.rubric, self.rubric_id, revision, answers, photos, findings)

    def export(self, out_dir: Path, records: list[dict]) -> Path:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.sequence += 1
        path = write_bundle(
            out_dir,
            records=records,
            read_photo=lambda sha: self.photos[sha].read_bytes(),
            inspector={"name": "张三", "unit": "城关区退役军人事务局", "phone": ""},
            device_id=self.device_id,
            sequence=self.sequence,
            previous_manifest_sha256=self.previous,
            secret_key=self.sk,
        )
        self.previous = verify_bundle(path, public_keys={self.sk.key_id: self.sk.public}).manifest_sha256
        return path


def central_with_visit(tmp: Path) -> tuple[str, Visit]:
    """A central SQLite database holding a visit: five-haves, rubric revision 0 and then revision 1."""
    url = f"sqlite:///{tmp / 'central' / 'central.sqlite3'}"
    visit = Visit(tmp / "photos")
    svc.load_demo(url=url)
    svc.trust_add(visit.sk.public, name="张三", unit="城关区退役军人事务局", url=url)
    first = visit.export(tmp / "out", [visit.gate_record(), visit.rubric_record(0, b1=5.0)])
    second = visit.export(tmp / "out", [visit.rubric_record(1, b1=6.0)])
    for outcome in svc.import_bundles([first, second], url=url):
        assert outcome.status == "imported", outcome
    return url, visit
