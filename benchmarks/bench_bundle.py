"""Bundle export and verification throughput against plain hashlib + zipfile.

Export: ``write_bundle`` with 200 photos of about 2 MB (quick: 24), which
streams, hashes, signs, fsyncs, reads back and verifies. Baseline: sha256 of
each file, then ``zipfile.write`` of each file (stored), then fsync — the
plain way to hash and zip the same files durably.

Verification: ``verify_bundle`` on that bundle versus opening it with zipfile
and hashing every member (zipfile checks CRCs on the way).

Run alone: ``python -m benchmarks.bench_bundle [--quick]``.
"""

from __future__ import annotations

import hashlib
import os
import random
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

from fengqiao_desktop.bundle import SecretKey, verify_bundle, write_bundle

CHUNK = 1024 * 1024


def _photos(d: Path, n: int) -> dict[str, Path]:
    rnd = random.Random(20)
    out = {}
    block = os.urandom(256 * 1024)
    for i in range(n):
        size = rnd.randint(1_800_000, 2_200_000)
        # random-ish, incompressible like JPEG data, cheap to make
        body = bytearray(b"\xff\xd8")
        while len(body) < size:
            body += block[rnd.randrange(1024) :]
            body += i.to_bytes(4, "little")
        body = bytes(body[:size]) + b"\xff\xd9"
        sha = hashlib.sha256(body).hexdigest()
        p = d / f"IMG_{i:04d}.jpg"
        p.write_bytes(body)
        out[sha] = p
    return out


def _records(sk: SecretKey, photos: dict[str, Path], per: int = 10) -> list[dict]:
    shas = sorted(photos)
    recs = []
    for k in range(0, len(shas), per):
        recs.append(
            {
                "format": "fengqiao.inspection",
                "format_version": 1,
                "id": str(uuid.uuid4()),
                "revision": 1,
                "visit_id": None,
                "station_code": f"620102001{k // per:03d}",
                "form": {"id": "demonstration", "version": "1", "sha256": "c" * 64},
                "inspector": {"name": "张三", "unit": "城关区", "key_id": sk.key_id},
                "status": "completed",
                "created_at": "2026-05-01T08:00:00Z",
                "updated_at": "2026-05-01T08:00:00Z",
                "completed_at": "2026-05-01T08:00:00Z",
                "answers": {f"i{j}": {"value": j % 3, "note": "", "na": False} for j in range(60)},
                "photos": [
                    {
                        "sha256": s,
                        "original_sha256": s,
                        "item_id": "i1",
                        "caption": "",
                        "captured_at": "2026-05-01T08:00:00Z",
                        "size": photos[s].stat().st_size,
                    }
                    for s in shas[k : k + per]
                ],
                "findings": [],
                "score": {"total": 91.5, "max": 100, "verdict": "pass", "sections": []},
                "audit": [],
            }
        )
    return recs


def _baseline_write(photos: dict[str, Path], out: Path) -> None:
    with open(out, "wb") as raw, zipfile.ZipFile(raw, "w") as zf:
        for sha, p in photos.items():
            h = hashlib.sha256()
            with open(p, "rb") as f:
                while chunk := f.read(CHUNK):
                    h.update(chunk)
            h.hexdigest()
            zf.write(p, f"photos/{sha}.jpg", compress_type=zipfile.ZIP_STORED)
        zf.close()
        raw.flush()
        os.fsync(raw.fileno())


def _baseline_verify(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            h = hashlib.sha256()
            with zf.open(info) as f:
                while chunk := f.read(CHUNK):
                    h.update(chunk)
            h.hexdigest()


def _best(fn, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def run(quick: bool = False) -> list[dict]:
    n = 24 if quick else 200
    rounds = 2 if quick else 3
    sk = SecretKey.generate()
    with tempfile.TemporaryDirectory(prefix="fq-bench-bundle-") as tmp:
        tmp_p = Path(tmp)
        (tmp_p / "src").mkdir()
        photos = _photos(tmp_p / "src", n)
        records = _records(sk, photos)
        mb = sum(p.stat().st_size for p in photos.values()) / 1e6
        outs: list[Path] = []
        counter = iter(range(1000))

        def ours_write() -> None:
            d = tmp_p / f"out{next(counter)}"
            d.mkdir()
            outs.append(
                write_bundle(
                    d,
                    records=records,
                    read_photo=lambda sha: photos[sha].read_bytes(),
                    inspector={"name": "张三", "unit": "城关区", "phone": ""},
                    device_id="bench",
                    sequence=1,
                    previous_manifest_sha256=None,
                    secret_key=sk,
                )
            )
            if len(outs) > 1:  # keep one bundle for the verification runs, not the disk full
                outs.pop(0).unlink()

        def base_write() -> None:
            _baseline_write(photos, tmp_p / "baseline.zip")

        # interleaved, so both see the same cache and disk conditions
        t_base = t_ours = float("inf")
        for _ in range(rounds):
            t_base = min(t_base, _best(base_write, 1))
            t_ours = min(t_ours, _best(ours_write, 1))
        bundle = outs[-1]
        trust = {sk.key_id: sk.public}
        t_vbase = _best(lambda: _baseline_verify(bundle), rounds)
        t_vours = _best(lambda: verify_bundle(bundle, public_keys=trust), rounds)

    w, wb = mb / t_ours, mb / t_base
    v, vb = mb / t_vours, mb / t_vbase
    return [
        {
            "name": f"bundle export ({n} photos, {mb:.0f} MB)",
            "value": w,
            "unit": "MB/s",
            "baseline": wb,
            "ratio": w / wb,
            "note": "write+fsync+read back+verify vs sha256+zipfile.write+fsync (aim >= 0.7)",
        },
        {
            "name": f"bundle verify ({n} photos, {mb:.0f} MB)",
            "value": v,
            "unit": "MB/s",
            "baseline": vb,
            "ratio": v / vb,
            "note": "verify_bundle vs zipfile read + sha256 of every member",
        },
    ]


if __name__ == "__main__":
    from benchmarks.__main__ import format_table

    print(format_table(run(quick="--quick" in sys.argv)))
