"""Signed bundles: inspector keys (minisign format), bundle format v1, writer and verifier.

See docs/bundle-format.md. The public entry points are re-exported here.
"""

from fengqiao_desktop.bundle.canonical import BundleCancelled
from fengqiao_desktop.bundle.keys import KeyStore, Profile
from fengqiao_desktop.bundle.minisign import PublicKey, SecretKey, Signature
from fengqiao_desktop.bundle.spec import Limits
from fengqiao_desktop.bundle.verifier import (
    PhotoMember,
    VerifiedBundle,
    load_trusted_keys,
    verify_bundle,
)
from fengqiao_desktop.bundle.writer import write_bundle, write_bundle_verified

__all__ = [
    "BundleCancelled",
    "KeyStore",
    "Limits",
    "PhotoMember",
    "Profile",
    "PublicKey",
    "SecretKey",
    "Signature",
    "VerifiedBundle",
    "load_trusted_keys",
    "verify_bundle",
    "write_bundle",
    "write_bundle_verified",
]
