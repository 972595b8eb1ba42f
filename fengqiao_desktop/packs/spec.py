"""Task pack format v1: constants, member names and limits (see docs/pack-format.md)."""

from __future__ import annotations

import re

from fengqiao_desktop.bundle.spec import Limits

FORMAT = "fengqiao.pack"
FORMAT_VERSION = 1
EXTENSION = ".fqpack"

MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
ROSTER = "roster.json"
ASSIGNMENTS = "assignments.json"
FINDINGS = "findings.json"
RETURNED = "returned.json"
FORMS_DIR = "forms/"
BUREAU_PUB = "bureau.pub"  # the signer's public key, minisign .pub text, listed like the others
TRUSTED_COMMENT_TAG = "fengqiao-pack"

# every pack has these data members (lists may be empty); forms/<sha256>.json besides
FIXED_MEMBERS = (ROSTER, ASSIGNMENTS, FINDINGS, RETURNED)
REQUIRED_MEMBERS = (BUREAU_PUB, *FIXED_MEMBERS)
FORM_NAME_RE = re.compile(r"^forms/([0-9a-f]{64})\.json$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# a pack holds JSON only: smaller caps than a bundle's photos
LIMITS = Limits(
    max_entries=2_000,
    max_total_size=512 * 1024 * 1024,
    max_member_size=64 * 1024 * 1024,
    max_json_size=64 * 1024 * 1024,
)


def form_member(sha256: str) -> str:
    return f"{FORMS_DIR}{sha256}.json"


def trusted_comment(pack_id: str, bureau_id: str, sequence: int, inspector_key_id: str, key_id: str) -> str:
    return (
        f"{TRUSTED_COMMENT_TAG} pack_id={pack_id} bureau_id={bureau_id} sequence={sequence} "
        f"inspector={inspector_key_id} key_id={key_id}"
    )


def untrusted_comment(key_id: str) -> str:
    return f"{TRUSTED_COMMENT_TAG} signature key_id={key_id}"


def pack_file_name(created_at: str, inspector_key_id: str, sequence: int) -> str:
    day = created_at[:10].replace("-", "")
    return f"{day}-{inspector_key_id.lower()}-{sequence:06d}{EXTENSION}"
