"""The JSON shapes inside a task pack: manifest, roster, assignments, findings, returned inspections.

The validators run on parsed, untrusted JSON (after the signature and the
member hashes were checked) and raise a BundleError naming the field; the
verifier turns that into a PackError. Unknown extra keys are ignored, so v1
can grow compatibly.
"""

from __future__ import annotations

from typing import Any

from fengqiao_desktop.bundle import spec as bspec
from fengqiao_desktop.bundle.agecrypt import MAX_RECIPIENTS, RECIPIENT_RE
from fengqiao_desktop.bundle.manifest import _Checker
from fengqiao_desktop.packs import spec

LEVELS = ("city", "county", "town", "village")


def validate_manifest(m: Any) -> dict:
    c = _Checker(spec.MANIFEST)
    m = c.obj(m, "")
    c.version(m, "format_version", spec.FORMAT, spec.FORMAT_VERSION)
    c.string(m, "pack_id", pattern=bspec.UUID_RE)
    c.string(m, "created_at", pattern=bspec.CREATED_AT_RE)
    c.integer(m, "sequence", minimum=1)
    c.string(m, "inspector_key_id", pattern=bspec.KEY_ID_RE)
    bureau = c.obj(c.get(m, "bureau", ""), "bureau")
    c.string(bureau, "id", "bureau", pattern=bspec.UUID_RE)
    c.string(bureau, "name", "bureau", nonempty=True)
    c.string(bureau, "unit", "bureau")
    c.string(bureau, "key_id", "bureau", pattern=bspec.KEY_ID_RE)
    c.string(bureau, "public_key", "bureau", nonempty=True)
    if "age_recipients" in bureau:  # optional: whom the laptop encrypts its bundles to
        recipients = c.array(bureau, "age_recipients", "bureau")
        if len(recipients) > MAX_RECIPIENTS - 1:  # the inspector's own recipient comes on top
            raise c.fail("bureau.age_recipients", "接收方过多", "too many recipients")
        for r in recipients:
            if not isinstance(r, str) or not RECIPIENT_RE.match(r):
                raise c.fail("bureau.age_recipients", "应为 age1… 公钥", "must hold age1… public keys")
    names: set[str] = set()
    for i, e in enumerate(c.array(m, "members")):
        p = f"members[{i}]"
        e = c.obj(e, p)
        name = c.string(e, "name", p)
        assert name is not None
        problem = bspec.name_problem(name)
        if problem:
            raise c.fail(f"{p}.name", problem[0], problem[1])
        if name in names or name in (spec.MANIFEST, spec.SIGNATURE):
            raise c.fail(f"{p}.name", f"重复或保留的名称 {name}", f"duplicate or reserved name {name}")
        if name not in spec.REQUIRED_MEMBERS and not spec.FORM_NAME_RE.match(name):
            raise c.fail(f"{p}.name", f"v1 不允许的条目 {name}", f"member {name} is not allowed in v1")
        names.add(name)
        c.string(e, "sha256", p, pattern=bspec.HEX64_RE)
        c.integer(e, "size", p, minimum=0)
    for fixed in spec.REQUIRED_MEMBERS:
        if fixed not in names:
            raise c.fail("members", f"缺少 {fixed}", f"does not list {fixed}")
    return m


def validate_roster(r: Any) -> dict:
    c = _Checker(spec.ROSTER)
    r = c.obj(r, "")
    for code in c.array(r, "counties"):
        if not isinstance(code, str) or not bspec.STATION_RE.match(code):
            raise c.fail("counties", "应为 12 位站点代码", "must hold 12-digit station codes")
    codes: set[str] = set()
    for i, s in enumerate(c.array(r, "stations")):
        p = f"stations[{i}]"
        s = c.obj(s, p)
        code = c.string(s, "code", p, pattern=bspec.STATION_RE)
        c.string(s, "name", p, nonempty=True)
        if c.string(s, "level", p) not in LEVELS:
            raise c.fail(f"{p}.level", "级别不正确", "unknown level")
        c.string(s, "parent_code", p, pattern=bspec.STATION_RE, nullable=True)
        for key in ("address", "contact", "phone"):
            c.string(s, key, p)
        if s.get("veterans_served") is not None:
            c.integer(s, "veterans_served", p, minimum=0)
        if not isinstance(s.get("is_demo"), bool):
            raise c.fail(f"{p}.is_demo", "应为 true 或 false", "must be true or false")
        if code in codes:
            raise c.fail(p, f"重复的站点 {code}", f"duplicate station {code}")
        codes.add(code or "")
    return r


def validate_assignments(a: Any) -> dict:
    c = _Checker(spec.ASSIGNMENTS)
    a = c.obj(a, "")
    ids: set[str] = set()
    for i, e in enumerate(c.array(a, "assignments")):
        p = f"assignments[{i}]"
        e = c.obj(e, p)
        aid = c.string(e, "id", p, pattern=bspec.UUID_RE)
        c.string(e, "station_code", p, pattern=bspec.STATION_RE)
        c.string(e, "inspector_key_id", p, pattern=bspec.KEY_ID_RE)
        c.string(e, "due_date", p, pattern=spec.DATE_RE, nullable=True)
        c.string(e, "note", p)
        forms = c.array(e, "forms", p)
        if not forms:
            raise c.fail(f"{p}.forms", "至少需要一个表单", "must name at least one form")
        for j, f in enumerate(forms):
            f = c.obj(f, f"{p}.forms[{j}]")
            c.string(f, "sha256", f"{p}.forms[{j}]", pattern=bspec.HEX64_RE)
            c.string(f, "id", f"{p}.forms[{j}]", nonempty=True)
            c.string(f, "version", f"{p}.forms[{j}]", nonempty=True)
        if aid in ids:
            raise c.fail(p, "重复的任务", "duplicate assignment")
        ids.add(aid or "")
    return a


def validate_findings(f: Any) -> dict:
    c = _Checker(spec.FINDINGS)
    f = c.obj(f, "")
    for i, e in enumerate(c.array(f, "findings")):
        p = f"findings[{i}]"
        e = c.obj(e, p)
        c.string(e, "inspection_id", p, pattern=bspec.UUID_RE)
        c.string(e, "finding_id", p, nonempty=True)
        c.string(e, "station_code", p, pattern=bspec.STATION_RE)
        for key in ("item_id", "category", "severity", "deadline", "status"):
            c.string(e, key, p, nullable=True)
        for key in ("description", "measures", "responsible", "inspector_name"):
            c.string(e, key, p)
    return f


def validate_returned(r: Any) -> dict:
    c = _Checker(spec.RETURNED)
    r = c.obj(r, "")
    for i, e in enumerate(c.array(r, "returned")):
        p = f"returned[{i}]"
        e = c.obj(e, p)
        c.string(e, "inspection_id", p, pattern=bspec.UUID_RE)
        c.integer(e, "revision", p, minimum=0)
        c.string(e, "station_code", p, pattern=bspec.STATION_RE)
        c.string(e, "comment", p)
        c.string(e, "returned_by", p)
        c.string(e, "returned_at", p, pattern=bspec.CREATED_AT_RE)
    return r


VALIDATORS = {
    spec.ROSTER: validate_roster,
    spec.ASSIGNMENTS: validate_assignments,
    spec.FINDINGS: validate_findings,
    spec.RETURNED: validate_returned,
}
