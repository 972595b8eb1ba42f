"""The central forms registry: which forms (by sha256 of canonical content) the bureau accepts.

The shipped forms are registered on first use; a bureau registers its own with
``fengqiao central forms register FILE...``. A form is stored as its canonical
JSON, so scores can be recomputed from the registry alone, years later, even if
the YAML file has changed or gone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from fengqiao_desktop.errors import FormError
from fengqiao_desktop.formengine.lineage import FormDiff, check_map, diff_against
from fengqiao_desktop.formengine.loader import _version_key, load_form_file, shipped_registry
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.merge.models import RegisteredForm, table_of

T = table_of(RegisteredForm)


@dataclass(frozen=True)
class FormEntry:
    sha256: str
    form_id: str
    version: str
    kind: str
    title: str
    registered_at: datetime


@dataclass(frozen=True)
class RegistrationPlan:
    """What registering a form would do: new or known, and the registered version it replaces."""

    form: FormDef
    known: bool  # this exact content is registered already
    replaces: FormDef | None
    diff: FormDiff | None


def registered_versions(conn: Connection, form_id: str) -> list[FormDef]:
    """Every registered version of ``form_id``, oldest first."""
    shas = conn.execute(select(T.c.sha256).where(T.c.form_id == form_id)).scalars().all()
    forms = [f for f in (load_form(conn, sha) for sha in shas) if f is not None]
    return sorted(forms, key=lambda f: _version_key(f.version))


def _replaced(conn: Connection, form: FormDef) -> FormDef | None:
    sup = form.supersedes
    if sup is not None:
        for f in registered_versions(conn, sup.form or form.id):
            if f.version == sup.version:
                return f
    older = [f for f in registered_versions(conn, form.id) if _version_key(f.version) < _version_key(form.version)]
    return older[-1] if older else None


def plan_registration(conn: Connection, forms: list[FormDef]) -> list[RegistrationPlan]:
    """Before registering: each form's diff against the registered version it replaces (pure reading)."""
    out = []
    for form in forms:
        known = conn.execute(select(T.c.sha256).where(T.c.sha256 == form.sha256)).first() is not None
        old = None if known else _replaced(conn, form)
        out.append(RegistrationPlan(form, known, old, diff_against(form, old) if old else None))
    return out


def register_forms(conn: Connection, forms: list[FormDef]) -> list[tuple[FormDef, bool]]:
    """Register forms; returns (form, newly added). Same id+version, other content: refused.

    A form whose version map names a registered version is checked against it first.
    """
    out = []
    for form in forms:
        if form.supersedes is not None:
            old = _replaced(conn, form)
            if old is not None and old.version == form.supersedes.version:
                check_map(form, old)
        existing = conn.execute(select(T.c.sha256).where(T.c.sha256 == form.sha256)).first()
        if existing:
            out.append((form, False))
            continue
        clash = conn.execute(select(T.c.sha256).where(T.c.form_id == form.id, T.c.version == form.version)).first()
        if clash:
            raise FormError(
                f"表单 {form.id} 版本 {form.version} 已登记为另一内容（{clash[0][:12]}…）；修改过的表单请提高版本号",
                message_en=f"form {form.id} version {form.version} is already registered with other "
                f"content ({clash[0][:12]}…); give a changed form a new version",
            )
        conn.execute(
            insert(T).values(
                sha256=form.sha256,
                form_id=form.id,
                version=form.version,
                kind=form.kind.value,
                title=form.title.zh,
                content=form.canonical_bytes().decode("utf-8"),
                registered_at=datetime.now(timezone.utc),
            )
        )
        out.append((form, True))
    return out


def register_files(conn: Connection, paths) -> list[tuple[FormDef, bool]]:
    return register_forms(conn, [load_form_file(p) for p in paths])


def register_shipped(central) -> None:
    """Register the forms shipped with the app, if not yet (cheap when they are)."""
    forms = shipped_registry().all_versions()  # earlier versions too: old bundles carry them
    if not forms:
        return
    with central.read() as conn:
        have = set(conn.execute(select(T.c.sha256)).scalars())
    missing = [f for f in forms if f.sha256 not in have]
    if missing:
        with central.write() as conn:
            for f in missing:
                try:
                    register_forms(conn, [f])
                except FormError:
                    # a bureau registered a different form under the shipped id+version;
                    # theirs stands (the shipped one stays unregistered here)
                    continue


def list_forms(conn: Connection) -> list[FormEntry]:
    rows = conn.execute(select(T.c.sha256, T.c.form_id, T.c.version, T.c.kind, T.c.title, T.c.registered_at)).all()
    return sorted((FormEntry(*r) for r in rows), key=lambda e: (e.form_id, e.version, e.sha256))


def load_form(conn: Connection, sha256: str) -> FormDef | None:
    """The registered form with this sha256, or None."""
    content = conn.execute(select(T.c.content).where(T.c.sha256 == sha256)).scalar()
    if content is None:
        return None
    return _parse(sha256, content)


@lru_cache(maxsize=64)
def _parse(sha256: str, content: str) -> FormDef:
    form = FormDef.model_validate(json.loads(content))
    if form.sha256 != sha256:  # pragma: no cover - only if the table was edited by hand
        raise FormError(
            f"登记的表单 {sha256[:12]}… 内容与其哈希不符",
            message_en=f"registered form {sha256[:12]}… does not match its hash",
        )
    return form
