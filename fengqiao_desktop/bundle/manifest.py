"""The manifest and inspection-record shapes of bundle format v1: building and checking.

``validate_manifest`` and ``validate_record`` run on parsed, untrusted JSON and
raise a BundleError naming the field (``manifest.json: members[3].sha256``).
Unknown extra keys are allowed (ignored) so that v1 can grow compatibly; a
different ``format`` or a newer ``format_version`` is refused.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Any

from fengqiao_desktop.bundle import spec
from fengqiao_desktop.bundle.canonical import refuse
from fengqiao_desktop.domain.signatures import ROLES, check_strokes


def utc_now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def trusted_comment(bundle_id: str, sequence: int, key_id: str) -> str:
    return f"{spec.TRUSTED_COMMENT_TAG} bundle_id={bundle_id} sequence={sequence} key_id={key_id}"


def untrusted_comment(key_id: str) -> str:
    # fixed too, although unsigned: a changed byte anywhere in a bundle is refused
    return f"{spec.TRUSTED_COMMENT_TAG} signature key_id={key_id}"


def parse_trusted_comment(text: str) -> dict[str, str]:
    parts = text.split(" ")
    if not parts or parts[0] != spec.TRUSTED_COMMENT_TAG:
        return {}
    out = {}
    for p in parts[1:]:
        k, sep, v = p.partition("=")
        if sep:
            out[k] = v
    return out


class _Checker:
    """Small typed accessors that name the exact field on failure."""

    def __init__(self, member: str):
        self.member = member

    def fail(self, path: str, zh: str, en: str):
        err = refuse(f"{self.member}: {path}" if path else self.member, zh, en)
        err.kind = "bad_content"  # intact and signed, but a value this format does not accept
        return err

    def obj(self, v: Any, path: str) -> dict:
        if not isinstance(v, dict):
            raise self.fail(path, "应为对象", "must be an object")
        return v

    def get(self, d: dict, key: str, path: str) -> Any:
        if key not in d:
            raise self.fail(f"{path}.{key}".lstrip("."), "缺少必需字段", "required field is missing")
        return d[key]

    def string(
        self,
        d: dict,
        key: str,
        path: str = "",
        *,
        pattern: re.Pattern | None = None,
        nullable: bool = False,
        nonempty: bool = False,
        max_len: int | None = None,
    ) -> str | None:
        v = self.get(d, key, path)
        where = f"{path}.{key}".lstrip(".")
        if v is None and nullable:
            return None
        if not isinstance(v, str):
            raise self.fail(where, "应为字符串", "must be a string")
        if nonempty and not v:
            raise self.fail(where, "不能为空", "must not be empty")
        if max_len is not None and len(v) > max_len:
            raise self.fail(
                where,
                f"过长（{len(v)} 个字符，最多 {max_len}）",
                f"is too long ({len(v)} characters, at most {max_len})",
            )
        if pattern is not None and not pattern.match(v):
            raise self.fail(where, f"格式不正确：{v[:80]!r}", f"malformed value {v[:80]!r}")
        return v

    def integer(
        self, d: dict, key: str, path: str = "", *, minimum: int | None = None, maximum: int = spec.MAX_INT
    ) -> int:
        v = self.get(d, key, path)
        where = f"{path}.{key}".lstrip(".")
        if not isinstance(v, int) or isinstance(v, bool):
            raise self.fail(where, "应为整数", "must be an integer")
        if minimum is not None and v < minimum:
            raise self.fail(where, f"应不小于 {minimum}", f"must be at least {minimum}")
        if v > maximum:
            raise self.fail(where, f"应不大于 {maximum}", f"must be at most {maximum}")
        return v

    def no_nul(self, v: Any, path: str = "", *, text: bytes | None = None) -> None:
        """No string anywhere may hold U+0000 (a database text column cannot store it).

        ``text``: the JSON ``v`` was parsed from, when the caller has it (spares writing it again)."""
        # JSON writes U+0000 as \u0000 (even with ensure_ascii off): without that text anywhere,
        # no string holds it, and the walk that names the field is not needed
        if text is not None:
            if b"\\u0000" not in text:
                return
        elif "\\u0000" not in json.dumps(v, ensure_ascii=False, check_circular=False):
            return
        self._no_nul(v, path)

    def _no_nul(self, v: Any, path: str) -> None:
        if isinstance(v, str):
            if "\x00" in v:
                raise self.fail(path, "含 NUL 字符（U+0000）", "contains a NUL character (U+0000)")
        elif isinstance(v, dict):
            for k, x in v.items():
                self._no_nul(k, path)
                self._no_nul(x, f"{path}.{k}".lstrip("."))
        elif isinstance(v, list):
            for i, x in enumerate(v):
                self._no_nul(x, f"{path}[{i}]")

    def array(self, d: dict, key: str, path: str = "") -> list:
        v = self.get(d, key, path)
        if not isinstance(v, list):
            raise self.fail(f"{path}.{key}".lstrip("."), "应为数组", "must be an array")
        return v

    def version(self, d: dict, key: str, expected_format: str, supported: int) -> None:
        fmt = self.get(d, "format", "")
        if fmt != expected_format:
            raise self.fail(
                "format",
                f"不是 {expected_format}（实为 {str(fmt)[:40]!r}）",
                f"is not {expected_format} (found {str(fmt)[:40]!r})",
            )
        v = self.integer(d, key, minimum=1)
        if v > supported:
            exc = self.fail(
                key,
                f"格式版本 {v} 高于本程序支持的 {supported}，请升级程序",
                f"format version {v} is newer than the supported {supported}; upgrade the app",
            )
            exc.kind = "newer_format"
            raise exc
        if v != supported:
            raise self.fail(key, f"不支持的格式版本 {v}", f"unsupported format version {v}")


def validate_manifest(m: Any) -> dict:
    c = _Checker(spec.MANIFEST)
    m = c.obj(m, "")
    c.no_nul(m)
    c.version(m, "format_version", spec.FORMAT, spec.FORMAT_VERSION)
    c.string(m, "bundle_id", pattern=spec.UUID_RE)
    c.string(m, "created_at", pattern=spec.CREATED_AT_RE)
    c.string(m, "device_id", pattern=spec.DEVICE_RE)
    seq = c.integer(m, "sequence", minimum=1)
    prev = c.string(m, "previous_manifest_sha256", pattern=spec.HEX64_RE, nullable=True)
    if (seq == 1) != (prev is None):
        raise c.fail(
            "previous_manifest_sha256",
            "仅第一个数据包（sequence=1）可以为 null，其余必须给出上一清单的哈希",
            "must be null exactly when sequence is 1",
        )
    insp = c.obj(c.get(m, "inspector", ""), "inspector")
    c.string(insp, "name", "inspector", nonempty=True)
    c.string(insp, "unit", "inspector")
    c.string(insp, "phone", "inspector")
    c.string(insp, "key_id", "inspector", pattern=spec.KEY_ID_RE)
    for i, f in enumerate(c.array(m, "forms")):
        p = f"forms[{i}]"
        f = c.obj(f, p)
        c.string(f, "id", p, nonempty=True)
        c.string(f, "version", p, nonempty=True)
        c.string(f, "sha256", p, pattern=spec.HEX64_RE)
    names: set[str] = set()
    for i, e in enumerate(c.array(m, "members")):
        p = f"members[{i}]"
        e = c.obj(e, p)
        name = c.string(e, "name", p)
        assert name is not None
        problem = spec.name_problem(name)
        if problem:
            raise c.fail(f"{p}.name", problem[0], problem[1])
        if name in names or name in (spec.MANIFEST, spec.SIGNATURE):
            raise c.fail(f"{p}.name", f"重复或保留的名称 {name}", f"duplicate or reserved name {name}")
        if not (spec.RECORD_NAME_RE.match(name) or spec.PHOTO_NAME_RE.match(name)):
            raise c.fail(f"{p}.name", f"v1 不允许的条目 {name}", f"member {name} is not allowed in v1")
        names.add(name)
        c.string(e, "sha256", p, pattern=spec.HEX64_RE)
        c.integer(e, "size", p, minimum=0)
    seen: set[tuple[str, int]] = set()
    for i, e in enumerate(c.array(m, "inspections")):
        p = f"inspections[{i}]"
        e = c.obj(e, p)
        iid = c.string(e, "id", p, pattern=spec.UUID_RE)
        rev = c.integer(e, "revision", p, minimum=0)
        c.string(e, "station_code", p, pattern=spec.STATION_RE)
        member = c.string(e, "member", p)
        assert iid is not None
        if member != spec.record_member(iid, rev) or member not in names:
            raise c.fail(
                f"{p}.member",
                f"应为清单中的 {spec.record_member(iid, rev)}",
                f"must be {spec.record_member(iid, rev)}, listed in members",
            )
        if (iid, rev) in seen:
            raise c.fail(p, "重复的检查记录", "duplicate inspection revision")
        seen.add((iid, rev))
    listed = {spec.record_member(i, r) for i, r in seen}
    for name in sorted(names):
        if spec.RECORD_NAME_RE.match(name) and name not in listed:
            raise c.fail("inspections", f"缺少 {name} 的条目", f"does not list {name}")
    return m


def validate_record(r: Any, member: str, *, text: bytes | None = None) -> dict:
    """Check an inspection record's shape (the fields the merge module relies on); ``text``, the
    JSON it was parsed from, when the caller has it."""
    c = _Checker(member)
    r = c.obj(r, "")
    c.no_nul(r, text=text)
    c.version(r, "format_version", spec.RECORD_FORMAT, spec.RECORD_FORMAT_VERSION)
    c.string(r, "id", pattern=spec.UUID_RE)
    c.integer(r, "revision", minimum=0)
    c.string(r, "visit_id", nullable=True, max_len=spec.MAX_ID_LEN)
    c.string(r, "station_code", pattern=spec.STATION_RE)
    form = c.obj(c.get(r, "form", ""), "form")
    c.string(form, "id", "form", nonempty=True)
    c.string(form, "version", "form", nonempty=True)
    c.string(form, "sha256", "form", pattern=spec.HEX64_RE)
    insp = c.obj(c.get(r, "inspector", ""), "inspector")
    c.string(insp, "name", "inspector")
    c.string(insp, "unit", "inspector")
    c.string(insp, "key_id", "inspector", pattern=spec.KEY_ID_RE)
    c.string(r, "status", nonempty=True)
    c.string(r, "created_at")
    c.string(r, "updated_at")
    c.string(r, "completed_at", nullable=True)
    answers = c.obj(c.get(r, "answers", ""), "answers")
    for item_id, a in answers.items():
        c.obj(a, f"answers.{item_id}")
    for i, ph in enumerate(c.array(r, "photos")):
        p = f"photos[{i}]"
        ph = c.obj(ph, p)
        sha = c.string(ph, "sha256", p, pattern=spec.HEX64_RE)
        c.string(ph, "original_sha256", p, pattern=spec.HEX64_RE, nullable=True)
        c.string(ph, "item_id", p, nullable=True)
        member_name = c.string(ph, "member", p)
        c.integer(ph, "size", p, minimum=0)
        if member_name != spec.photo_member(sha or ""):
            raise c.fail(
                f"{p}.member", f"应为 {spec.photo_member(sha or '')}", f"must be {spec.photo_member(sha or '')}"
            )
    for i, fd in enumerate(c.array(r, "findings")):
        fd = c.obj(fd, f"findings[{i}]")
        if "id" in fd:
            c.string(fd, "id", f"findings[{i}]", nullable=True, max_len=spec.MAX_ID_LEN)
    for i, rc in enumerate(c.array(r, "rechecks") if "rechecks" in r else []):  # 回头看, when given
        p = f"rechecks[{i}]"
        rc = c.obj(rc, p)
        c.string(rc, "inspection_id", p, pattern=spec.UUID_RE)
        c.string(rc, "finding_id", p, nonempty=True, max_len=spec.MAX_ID_LEN)
        if rc.get("verdict") not in ("rectified", "open"):
            raise c.fail(f"{p}.verdict", "应为 rectified 或 open", "must be rectified or open")
        c.string(rc, "note", p)
        if "description" in rc:
            c.string(rc, "description", p)
        sha = c.string(rc, "photo_sha256", p, pattern=spec.HEX64_RE, nullable=True)
        if sha is not None and sha not in {ph.get("sha256") for ph in r["photos"]}:
            raise c.fail(f"{p}.photo_sha256", "不是本记录中的照片", "is not one of the record's photos")
    if "signatures" in r:  # on-screen signatures (optional; absent in records of earlier releases)
        for i, sg in enumerate(c.array(r, "signatures")):
            p = f"signatures[{i}]"
            sg = c.obj(sg, p)
            role = c.string(sg, "role", p)
            if role not in ROLES:
                raise c.fail(f"{p}.role", f"应为 {'、'.join(ROLES)} 之一", f"must be one of {', '.join(ROLES)}")
            c.string(sg, "name", p, max_len=100)
            c.string(sg, "signed_at", p)
            try:
                check_strokes(c.get(sg, "strokes", p))
            except ValueError as exc:
                raise c.fail(f"{p}.strokes", f"签名笔画无效（{exc}）", f"invalid strokes ({exc})") from None
    score = c.get(r, "score", "")
    if score is not None:
        c.obj(score, "score")
    for i, au in enumerate(c.array(r, "audit")):
        c.obj(au, f"audit[{i}]")
    return r
