"""Bundle format v1: constants, limits and member-name rules (see docs/bundle-format.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass

FORMAT = "fengqiao.bundle"
FORMAT_VERSION = 1
RECORD_FORMAT = "fengqiao.inspection"
RECORD_FORMAT_VERSION = 1
EXTENSION = ".fqbundle"

MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
RECORDS_DIR = "records/"
PHOTOS_DIR = "photos/"
TRUSTED_COMMENT_TAG = "fengqiao-bundle"

# ASCII only: lower-case letters, digits, '.', '_', '-', components joined by '/'.
NAME_RE = re.compile(r"^[a-z0-9._-]+(/[a-z0-9._-]+)*$")
MAX_NAME_LEN = 200
# What every central database stores: integers within I-JSON's safe range (canonical
# JSON cannot hold more; they fit any 64-bit column), ids of at most 64 characters.
MAX_INT = 2**53 - 1
MAX_ID_LEN = 64
HEX64_RE = re.compile(r"^[0-9a-f]{64}$")
KEY_ID_RE = re.compile(r"^[0-9A-F]{16}$")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
STATION_RE = re.compile(r"^[0-9]{12}$")
DEVICE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
RECORD_NAME_RE = re.compile(r"^records/([0-9a-f-]{36})-r([0-9]+)\.json$")
PHOTO_NAME_RE = re.compile(r"^photos/([0-9a-f]{64})\.jpg$")
CREATED_AT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")


@dataclass(frozen=True)
class Limits:
    """What a verifier accepts before it reads a byte of content (zip-bomb guards)."""

    max_entries: int = 20_000
    max_total_size: int = 4_000_000_000  # v1 has no Zip64, so a bundle stays under 4 GiB
    max_member_size: int = 256 * 1024 * 1024
    max_json_size: int = 16 * 1024 * 1024
    max_signature_size: int = 4096
    max_ratio: int = 200  # uncompressed / compressed, for deflated members
    max_depth: int = 32
    max_central_directory: int = 64 * 1024 * 1024


def record_member(inspection_id: str, revision: int) -> str:
    return f"{RECORDS_DIR}{inspection_id}-r{revision}.json"


def photo_member(sha256: str) -> str:
    return f"{PHOTOS_DIR}{sha256}.jpg"


def name_problem(name: str) -> tuple[str, str] | None:
    """Why ``name`` is not a safe member name, as (zh, en), or None when it is fine."""
    if "\x00" in name:
        return "名称含 NUL 字符", "name contains a NUL character"
    if "\\" in name:
        return "名称含反斜杠", "name contains a backslash"
    if name.startswith("/"):
        return "名称是绝对路径", "name is an absolute path"
    if re.match(r"^[A-Za-z]:", name):
        return "名称含盘符", "name starts with a drive letter"
    if ".." in name.split("/"):
        return "名称含 '..'", "name contains '..'"
    if not name.isascii():
        return "名称含非 ASCII 字符", "name contains non-ASCII characters"
    if len(name) > MAX_NAME_LEN:
        return "名称过长", "name is too long"
    if not NAME_RE.match(name) or "." in name.split("/"):
        return "名称只能使用 [a-z0-9._-] 和 '/'", "name may only use [a-z0-9._-] and '/'"
    return None
