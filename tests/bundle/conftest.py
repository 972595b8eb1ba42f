"""Fixtures for bundle tests: a signing key (fast KDF), photo files, a written bundle."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from bundlecraft import write_example  # tests/bundle is on sys.path

from fengqiao_desktop.bundle import SecretKey


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


@pytest.fixture
def bundle_path(tmp_path, sk, photo_files) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return write_example(out, sk, photo_files)
