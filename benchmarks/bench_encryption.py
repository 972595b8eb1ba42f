"""What encryption (bundle format v2) costs: export and merge of one 200-photo bundle,
encrypted versus the same bundle in plaintext (v1), measured in the same process.

Export: ``write_bundle`` of 200 photos of about 1 MB (quick: 24) with and without
recipients (the bureau's and the inspector's). Encrypted, the signed zip is made
and verified in a private temporary file, then encrypted into the destination and
read back. Merge: ``import_bundles`` of that bundle into a fresh SQLite central
database, the encrypted one decrypted into a private temporary file first. The
bureau's identity is unlocked once per session (age scrypt, seconds); that is
reported in the note, not in the ratio. Aim: at most 1.3x for both.

Photo store: ``PhotoStore.read`` of every photo sealed with ``AgePhotoCipher``
(age to the inspector's own recipient, decrypted in memory) against the same
photos stored plain, in the same process.

Run alone: ``python -m benchmarks.bench_encryption [--quick]``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from pyrage import passphrase as age_passphrase
from pyrage import x25519

from benchmarks.bench_merge import NAME, UNIT, _fresh_central, _record, rubric_form
from fengqiao_desktop import config
from fengqiao_desktop.bundle.minisign import SecretKey
from fengqiao_desktop.bundle.writer import write_bundle
from fengqiao_desktop.services import central as svc


def _photos(d: Path, n: int, size: int) -> dict[str, Path]:
    d.mkdir(parents=True, exist_ok=True)
    block = os.urandom(size + 4096)
    out = {}
    for i in range(n):
        body = b"\xff\xd8" + i.to_bytes(4, "little") + block[i % 4096 : i % 4096 + size] + b"\xff\xd9"
        sha = hashlib.sha256(body).hexdigest()
        p = d / f"IMG_{i:04d}.jpg"
        p.write_bytes(body)
        out[sha] = p
    return out


def run(quick: bool = False) -> list[dict]:
    n, size = (24, 512 * 1024) if quick else (200, 1024 * 1024)
    rounds = 2 if quick else 3
    work = Path(tempfile.mkdtemp(prefix="fq-bench-age-"))
    config.set_data_dir(work / "data")
    try:
        form = rubric_form()
        sk = SecretKey.generate()
        photos = _photos(work / "src", n, size)
        shas = sorted(photos)
        item = next(iter(form.items))
        per = 10
        records = [
            _record(
                form,
                sk,
                k,
                [
                    {
                        "sha256": s,
                        "original_sha256": s,
                        "item_id": item,
                        "caption": "",
                        "captured_at": "2026-05-01T08:00:00Z",
                    }
                    for s in shas[k :: n // per]
                ],
            )
            for k in range(n // per)
        ]
        bureau, inspector = x25519.Identity.generate(), x25519.Identity.generate()
        recipients = [str(bureau.to_public()), str(inspector.to_public())]
        mb = sum(p.stat().st_size for p in photos.values()) / 1e6
        made: dict[str, Path] = {}

        def export(kind: str) -> None:
            d = work / f"out-{kind}"
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir()
            made[kind] = write_bundle(
                d,
                records=records,
                read_photo=lambda sha: photos[sha].read_bytes(),
                inspector={"name": NAME, "unit": UNIT, "phone": ""},
                device_id="bench",
                sequence=1,
                previous_manifest_sha256=None,
                secret_key=sk,
                recipients=recipients if kind == "v2" else (),
            )

        t_plain = t_enc = float("inf")
        for _ in range(rounds):  # interleaved: both see the same cache and disk conditions
            t0 = time.perf_counter()
            export("v1")
            t_plain = min(t_plain, time.perf_counter() - t0)
            t0 = time.perf_counter()
            export("v2")
            t_enc = min(t_enc, time.perf_counter() - t0)

        def merge(kind: str) -> float:
            c = _fresh_central(f"sqlite:///{work / f'central-{kind}' / 'c.sqlite3'}", form, sk)
            try:
                t0 = time.perf_counter()
                [out] = svc.import_bundles([made[kind]], url=c, unlock=lambda: [bureau], require_encryption=False)
                took = time.perf_counter() - t0
                assert out.status == "imported", out.line("en")
            finally:
                c.dispose()
                shutil.rmtree(work / f"central-{kind}", ignore_errors=True)
            return took

        m_plain = m_enc = float("inf")
        for _ in range(rounds):
            m_plain = min(m_plain, merge("v1"))
            m_enc = min(m_enc, merge("v2"))

        read_row = _sealed_reads(work / "store", photos, rounds)
        sealed = age_passphrase.encrypt(str(bureau).encode("ascii"), "bench passphrase")
        t0 = time.perf_counter()
        age_passphrase.decrypt(sealed, "bench passphrase")
        t_unlock = time.perf_counter() - t0
    finally:
        config.set_data_dir(None)
        shutil.rmtree(work, ignore_errors=True)
    return [
        {
            "name": f"encrypted export ({n} photos, {mb:.0f} MB)",
            "value": t_enc,
            "unit": "s",
            "baseline": t_plain,
            "ratio": t_enc / t_plain,
            "note": "v2 (sign, then age to 2 recipients) vs v1 plaintext (aim <= 1.3)",
        },
        {
            "name": f"encrypted merge ({n} photos, {mb:.0f} MB)",
            "value": m_enc,
            "unit": "s",
            "baseline": m_plain,
            "ratio": m_enc / m_plain,
            "note": f"decrypt to a private temp file + import vs plaintext import (aim <= 1.3); on SQLite "
            f"a plaintext bundle's photos stay in its archived copy, an encrypted one's are written to the "
            f"database (merge/photos.py); unlocking the identity once per session: {t_unlock:.1f}s",
        },
        read_row,
    ]


def _sealed_reads(root: Path, photos: dict[str, Path], rounds: int) -> dict:
    """Reading every photo back from a sealed photo store versus a plain one."""
    from fengqiao_desktop.fsutil import write_atomic
    from fengqiao_desktop.storage.photocipher import AgePhotoCipher
    from fengqiao_desktop.storage.photostore import PhotoStore

    for sha, p in photos.items():  # the store's plain layout (the bodies are not images to ingest)
        (root / "plain" / sha[:2]).mkdir(parents=True, exist_ok=True)
        write_atomic(root / "plain" / sha[:2] / f"{sha}.jpg", p.read_bytes())
    shutil.copytree(root / "plain", root / "sealed")
    plain = PhotoStore(root / "plain")
    sealed = PhotoStore(root / "sealed", AgePhotoCipher(x25519.Identity.generate()))
    for sha in sealed.iter_shas():
        sealed.seal_existing(sha)  # as a data folder's conversion does
    t_plain = t_sealed = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for sha in photos:
            plain.read(sha)
        t_plain = min(t_plain, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for sha in photos:
            sealed.read(sha)
        t_sealed = min(t_sealed, time.perf_counter() - t0)
    mb = sum(p.stat().st_size for p in photos.values()) / 1e6
    return {
        "name": f"sealed photo store read ({len(photos)} photos, {mb:.0f} MB)",
        "value": t_sealed,
        "unit": "s",
        "baseline": t_plain,
        "ratio": t_sealed / t_plain,
        "note": f"PhotoStore.read with AgePhotoCipher (age decrypt in memory), "
        f"{t_sealed / len(photos) * 1000:.1f} ms a photo, vs the same photos plain",
    }


if __name__ == "__main__":
    from benchmarks.__main__ import format_table

    print(format_table(run(quick="--quick" in sys.argv)))
