"""Fixtures for bundle tests: a signing key (fast KDF), photo files, a written bundle."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import bundlecraft  # noqa: E402  (tests/bundle is on sys.path)
import pytest

from fengqiao_desktop.bundle import SecretKey, write_bundle


@pytest.fixture(scope="session")
def sk() -> SecretKey:
    return SecretKey.generate()


@pytest.fixture(scope="session")
def trust(sk) -> dict:
    return {sk.key_id: sk.public}


@pytest.fixture
def photo_files(tmp_path) -> dict[str, Path]:
    """Three JPEG-sized-ish random files (content-addressed by sha256)."""
    d = tmp_path / "photos"
    d.mkdir()
    out = {}
    for i, n in enumerate((3000, 50_000, 7)):
        data = b"\xff\xd8" + os.urandom(n) + b"\xff\xd9"
        sha = hashlib.sha256(data).hexdigest()
        p = d / f"p{i}.jpg"
        p.write_bytes(data)
        out[sha] = p
    return out


def entry_for(sha: str, path: Path, item_id: str = "jigou") -> dict:
    """A record's photo entry for a file, without reading it (tests may damage it later)."""
    return {"sha256": sha, "original_sha256": sha, "item_id": item_id, "caption": "门牌",
            "captured_at": "2026-05-01T08:30:00Z", "member": f"photos/{sha}.jpg",
            "size": path.stat().st_size if path.exists() else 1}


def write_example(out_dir: Path, sk: SecretKey, photo_files: dict[str, Path], **kw) -> Path:
    shas = sorted(photo_files)
    r1 = bundlecraft.record(key_id=sk.key_id, photos=[entry_for(s, photo_files[s]) for s in shas[:2]])
    r2 = bundlecraft.record(key_id=sk.key_id, revision=3,
                            photos=[entry_for(shas[2], photo_files[shas[2]], "renyuan")])
    args = dict(records=[r1, r2], photo_paths=photo_files,
                inspector={"name": "张三", "unit": "城关区退役军人事务局", "phone": "13800000000"},
                device_id="laptop-7f3a", sequence=1, previous_manifest_sha256=None, secret_key=sk)
    args.update(kw)
    return write_bundle(out_dir, **args)


@pytest.fixture
def bundle_path(tmp_path, sk, photo_files) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return write_example(out, sk, photo_files)
