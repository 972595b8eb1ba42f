"""``fengqiao central ...`` (the bureau's central database) and ``fengqiao merge`` (import bundles).

Every command takes ``--central URL`` (a SQLAlchemy URL: ``sqlite:///path`` or
``postgresql+psycopg://user:pass@host/db``); without it ``FENGQIAO_CENTRAL``, else
the SQLite file in the data directory.
"""

from __future__ import annotations

import sys
from datetime import datetime

import click

from fengqiao_desktop.cli.common import echo_json, lang
from fengqiao_desktop.errors import RosterError


def _remember_central(ctx: click.Context, _param, value):
    if value:
        root = ctx.find_root()
        root.ensure_object(dict)
        root.obj["central"] = value
    return value


def central_option(f):
    return click.option(
        "--central",
        "central_url",
        metavar="URL",
        envvar="FENGQIAO_CENTRAL",
        expose_value=False,
        callback=_remember_central,
        is_eager=True,
        help="Central database URL (sqlite:///FILE or postgresql+psycopg://...); env FENGQIAO_CENTRAL.",
    )(f)


def _url() -> str | None:
    ctx = click.get_current_context()
    return (ctx.find_root().obj or {}).get("central")


def _en() -> bool:
    return lang() == "en"


def _say(zh: str, en: str) -> None:
    click.echo(en if _en() else zh)


def _services():
    from fengqiao_desktop.services import central

    return central


_DATE = click.DateTime(formats=["%Y-%m-%d"])
_TIME = click.DateTime(
    formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]
)


@click.group("central")
@central_option
def central() -> None:
    """The bureau's central database: trust store, forms, roster, digest, conflicts."""


@central.command("init")
@click.option(
    "--yes",
    "server_upgrade",
    is_flag=True,
    help="Upgrade a PostgreSQL database made by an earlier release (back it up with pg_dump first).",
)
@central_option
def init_cmd(server_upgrade: bool) -> None:
    """Create or upgrade the central database and print where it is."""
    from fengqiao_desktop.merge.db import open_central, redacted

    c = open_central(_url(), server_upgrade=server_upgrade)
    try:
        _say(
            f"中心库：{redacted(c.url)}\n文件夹：{c.files_dir}",
            f"central database: {redacted(c.url)}\nfolder: {c.files_dir}",
        )
    finally:
        c.dispose()


# -- trust store -------------------------------------------------------------------------------


@central.group("trust")
@central_option
def trust_group() -> None:
    """Inspectors' public keys: add, list, revoke."""


@trust_group.command("add")
@click.argument("pubfile", type=click.Path(dir_okay=False, exists=True))
@click.option("--name", required=True, help="Inspector's name (must match the bundles' manifest).")
@click.option("--unit", required=True, help="Inspector's unit (must match the bundles' manifest).")
@click.option("--valid-from", type=_DATE, help="First day the key is valid (YYYY-MM-DD, China time).")
@click.option("--valid-to", type=_DATE, help="Last day the key is valid (YYYY-MM-DD, China time).")
@central_option
def trust_add(pubfile: str, name: str, unit: str, valid_from: datetime | None, valid_to: datetime | None) -> None:
    """Trust the minisign public key in PUBFILE as NAME of UNIT."""
    e = _services().trust_add(
        pubfile,
        name=name,
        unit=unit,
        valid_from=valid_from.date() if valid_from else None,
        valid_to=valid_to.date() if valid_to else None,
        url=_url(),
    )
    _say(f"已加入信任库：{e.key_id} {e.name}（{e.unit}）", f"trusted: {e.key_id} {e.name} ({e.unit})")


_STATE = {
    "valid": ("有效", "valid"),
    "revoked": ("已吊销", "revoked"),
    "expired": ("已过期", "expired"),
    "not_yet_valid": ("未生效", "not yet valid"),
}


@trust_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@central_option
def trust_list(as_json: bool) -> None:
    """List trusted keys with their state and fingerprint (key id and public key)."""
    entries = _services().trust_list(url=_url())
    if as_json:
        echo_json(
            [
                {
                    "key_id": e.key_id,
                    "public_key": e.public_key,
                    "name": e.name,
                    "unit": e.unit,
                    "valid_from": e.valid_from and e.valid_from.isoformat(),
                    "valid_to": e.valid_to and e.valid_to.isoformat(),
                    "revoked_at": e.revoked_at and e.revoked_at.isoformat(),
                    "revoke_reason": e.revoke_reason,
                    "added_at": e.added_at.isoformat(),
                    "state": e.state(),
                }
                for e in entries
            ]
        )
        return
    if not entries:
        _say("信任库为空", "the trust store is empty")
    for e in entries:
        state = _STATE[e.state()][1 if _en() else 0]
        span = f"{e.valid_from or '…'} ~ {e.valid_to or '…'}"
        extra = f"  [{e.revoke_reason}]" if e.revoked_at else ""
        click.echo(f"{e.key_id}  {e.public_key}  {e.name}  {e.unit}  {span}  {state}{extra}")


@trust_group.command("revoke")
@click.argument("key_id")
@click.option("--reason", required=True, help="Why (kept with the key).")
@click.option(
    "--since", type=_TIME, help="Effective from (China time; default now). Bundles made before it stay valid."
)
@central_option
def trust_revoke(key_id: str, reason: str, since: datetime | None) -> None:
    """Revoke KEY_ID: bundles it signs from now (or --since) on are refused."""
    e = _services().trust_revoke(key_id, reason=reason, since=since, url=_url())
    _say(
        f"已吊销：{e.key_id} {e.name}，自 {e.revoked_at:%Y-%m-%d %H:%M:%S}Z 起",
        f"revoked: {e.key_id} {e.name}, from {e.revoked_at:%Y-%m-%d %H:%M:%S}Z",
    )


def _date_or_none(value: str | None):
    if value is None:
        return "keep"
    if value.lower() in ("none", "-", ""):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"{value!r}: YYYY-MM-DD or none") from None


@trust_group.command("edit")
@click.argument("key_id")
@click.option("--name", help="Correct the inspector's name.")
@click.option("--unit", help="Correct the inspector's unit.")
@click.option("--valid-from", help="First valid day (YYYY-MM-DD), or 'none' for no limit.")
@click.option("--valid-to", help="Last valid day (YYYY-MM-DD), or 'none' for no limit.")
@click.option("--reason", default="", help="Why (kept in the key's history).")
@central_option
def trust_edit(
    key_id: str, name: str | None, unit: str | None, valid_from: str | None, valid_to: str | None, reason: str
) -> None:
    """Correct KEY_ID's name, unit or validity; the old values stay in its history."""
    e = _services().trust_edit(
        key_id,
        name=name,
        unit=unit,
        valid_from=_date_or_none(valid_from),
        valid_to=_date_or_none(valid_to),
        reason=reason,
        url=_url(),
    )
    _say(
        f"已修改：{e.key_id} {e.name}（{e.unit}）{e.valid_from or '…'} ~ {e.valid_to or '…'}",
        f"changed: {e.key_id} {e.name} ({e.unit}) {e.valid_from or '…'} ~ {e.valid_to or '…'}",
    )


@trust_group.command("retrust")
@click.argument("key_id")
@click.option("--reason", required=True, help="Why the key is trusted again (kept in its history).")
@central_option
def trust_retrust(key_id: str, reason: str) -> None:
    """Trust a revoked KEY_ID again from today on; bundles it signed before today stay refused."""
    e = _services().trust_retrust(key_id, reason=reason, url=_url())
    _say(
        f"已重新信任：{e.key_id} {e.name}，自 {e.valid_from} 起",
        f"trusted again: {e.key_id} {e.name}, from {e.valid_from}",
    )


@trust_group.command("history")
@click.argument("key_id")
@central_option
def trust_history(key_id: str) -> None:
    """Every change of KEY_ID: added, edited, revoked, trusted again."""
    for ch in _services().trust_history(key_id, url=_url()):
        click.echo(f"{ch.at:%Y-%m-%d %H:%M:%S}Z  {ch.action}  {ch.before} -> {ch.after}  {ch.reason}".rstrip())


# -- forms, roster, demo ----------------------------------------------------------------------


@central.group("forms")
@central_option
def forms_group() -> None:
    """Forms accepted centrally (by sha256 of their content)."""


@forms_group.command("register")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--yes", "-y", is_flag=True, help="Accept a new version without asking (its diff is still shown).")
@central_option
def forms_register(files: tuple[str, ...], yes: bool) -> None:
    """Register form YAML files so bundles scored with them are accepted.

    A new version of a registered form is shown as a diff against the version it
    replaces (items added, removed, renamed, points changed) and registered once accepted.
    """
    from fengqiao_desktop.cli.common import lang

    plans = _services().forms_plan_register(list(files), url=_url())
    replacing = [p for p in plans if p.diff is not None]
    for p in replacing:
        _say(
            f"{p.form.id} 版本 {p.form.version} 替代已登记的版本 {p.replaces.version}：",
            f"{p.form.id} version {p.form.version} replaces the registered version {p.replaces.version}:",
        )
        for line in p.diff.lines(lang()):
            click.echo("  " + line)
    if replacing and not yes:
        zh = lang() != "en"
        if not click.confirm("接受以上变更并登记？" if zh else "Accept these changes and register?", default=False):
            _say("未登记任何表单", "nothing registered")
            raise SystemExit(1)
    for e, added in _services().forms_register(list(files), url=_url()):
        if added:
            _say(f"已登记：{e.form_id} {e.version} {e.sha256}", f"registered: {e.form_id} {e.version} {e.sha256}")
        else:
            _say(
                f"早已登记：{e.form_id} {e.version} {e.sha256}",
                f"already registered: {e.form_id} {e.version} {e.sha256}",
            )


@forms_group.command("results")
@click.argument("form_id")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The .xlsx or .csv file to write.")
@central_option
def forms_results(form_id: str, output: str) -> None:
    """Export the item results of FORM_ID's inspections across its versions (one column per item)."""
    from fengqiao_desktop.cli.common import lang

    path, n = _services().item_results_export(form_id, output, url=_url(), lang=lang())
    _say(f"已导出 {n} 次检查的检查项得分：{path}", f"exported the item results of {n} inspection(s): {path}")


@forms_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@central_option
def forms_list(as_json: bool) -> None:
    """List registered forms."""
    entries = _services().forms_list(url=_url())
    if as_json:
        echo_json(
            [
                {"id": e.form_id, "version": e.version, "sha256": e.sha256, "kind": e.kind, "title": e.title}
                for e in entries
            ]
        )
        return
    for e in entries:
        click.echo(f"{e.form_id}  {e.version}  {e.kind}  {e.sha256}  {e.title}")


@central.group("roster")
@central_option
def roster_group() -> None:
    """The central station roster."""


@roster_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@central_option
def roster_import(file: str) -> None:
    """Import stations from FILE into the central roster (all rows or none)."""
    try:
        res = _services().roster_import(file, url=_url())
    except RosterError as exc:
        click.echo(("error: " if _en() else "错误: ") + exc.user_message(lang()).replace("\n", " "), err=True)
        for issue in exc.rows:
            click.echo(
                issue.text(lang()) if hasattr(issue, "text") else f"第 {issue[0]} 行, 列 {issue[1]}: {issue[2]}",
                err=True,
            )
        sys.exit(1)
    _say(
        f"中心名册导入完成：新增 {res.added}，更新 {res.updated}，未变 {res.unchanged}",
        f"central roster imported: added {res.added}, updated {res.updated}, unchanged {res.unchanged}",
    )


@central.command("demo")
@central_option
def demo_cmd() -> None:
    """Load the 兰州市 demo roster into the central database (demo data, marked as such)."""
    res = _services().load_demo(url=_url())
    _say(
        f"演示名册（演示数据）：新增 {res.added}，更新 {res.updated}，未变 {res.unchanged}",
        f"demo roster (demo data): added {res.added}, updated {res.updated}, unchanged {res.unchanged}",
    )


# -- digest, conflicts, bundles, results -------------------------------------------------------


@central.command("digest")
@click.option("--dump", "show_dump", is_flag=True, help="Print the canonical dump (JSON) instead.")
@central_option
def digest_cmd(show_dump: bool) -> None:
    """Print the sha256 of the central content (not import times or logs)."""
    if show_dump:
        echo_json(_services().dump(url=_url()))
    else:
        click.echo(_services().digest(url=_url()))


@central.group("conflicts")
@central_option
def conflicts_group() -> None:
    """Competing revisions of one inspection: list, resolve."""


@conflicts_group.command("list")
@click.option("--open", "open_only", is_flag=True, help="Only conflicts not resolved yet.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@central_option
def conflicts_list(open_only: bool, as_json: bool) -> None:
    """List conflicts with their competing revisions."""
    items = _services().conflicts_list(url=_url(), open_only=open_only)
    if as_json:
        echo_json(
            [
                {
                    "inspection_id": c.inspection_id,
                    "station_code": c.station_code,
                    "status": c.status,
                    "auto_winner_sha256": c.auto_winner_sha256,
                    "winner_sha256": c.winner_sha256,
                    "resolved_by": c.resolved_by,
                    "reason": c.reason,
                    "revisions": [
                        {
                            "revision": r.revision,
                            "sha256": r.sha256,
                            "completed_at": r.completed_at,
                            "total": r.total,
                            "verdict": r.verdict,
                            "inspector": r.inspector,
                        }
                        for r in c.revisions
                    ],
                }
                for c in items
            ]
        )
        return
    if not items:
        _say("没有冲突", "no conflicts")
    for c in items:
        state = (
            ("open" if c.status == "open" else "resolved") if _en() else ("待处理" if c.status == "open" else "已处理")
        )
        click.echo(f"{c.inspection_id}  {c.station_code}  {state}")
        for r in c.revisions:
            mark = "*" if r.sha256 == c.winner_sha256 else " "
            click.echo(
                f"  {mark} r{r.revision}  {r.sha256[:16]}  {r.completed_at or '-'}  "
                f"{r.total if r.total is not None else '-'}  {r.verdict or '-'}  {r.inspector}"
            )


@conflicts_group.command("resolve")
@click.argument("inspection_id")
@click.option("--winner", required=True, help="Content sha256 (or a unique prefix) of the chosen revision.")
@click.option("--reason", required=True, help="Why this revision wins (recorded).")
@click.option("--by", "resolved_by", required=True, help="Who decides (recorded).")
@central_option
def conflicts_resolve(inspection_id: str, winner: str, reason: str, resolved_by: str) -> None:
    """Choose the winning revision of INSPECTION_ID's conflict."""
    c = _services().conflict_resolve(inspection_id, winner, reason=reason, resolved_by=resolved_by, url=_url())
    _say(
        f"已处理：{c.inspection_id} 采用 {c.winner_sha256[:16]}",
        f"resolved: {c.inspection_id} uses {c.winner_sha256[:16]}",
    )


@central.group("quarantine")
@central_option
def quarantine_group() -> None:
    """Bundles held because their device chain forked: list, release, reject."""


@quarantine_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@central_option
def quarantine_list(as_json: bool) -> None:
    """List quarantined bundles and why they are held."""
    items = _services().quarantine_list(url=_url())
    if as_json:
        echo_json([b.__dict__ for b in items])
        return
    if not items:
        _say("没有隔离中的数据包", "no quarantined bundles")
    for b in items:
        click.echo(
            f"{b.bundle_id}  {b.device_id}#{b.sequence}  {b.inspector}  {b.created_at}  {b.manifest_sha256[:16]}"
        )
        click.echo(f"    {b.reason_en if _en() else b.reason}")


def _decide(action: str, ident: str, reason: str, by: str) -> None:
    svc = _services()
    fn = svc.quarantine_release if action == "release" else svc.quarantine_reject
    changed = fn(ident, reason=reason, by=by, url=_url())
    imported = sum(1 for _old, new in changed.values() if new == "imported")
    held = sum(1 for _old, new in changed.values() if new == "quarantined")
    _say(
        f"已{'放行' if action == 'release' else '驳回'}：{ident}；转为导入 {imported} 个，转为隔离 {held} 个",
        f"{'released' if action == 'release' else 'rejected'}: {ident}; {imported} bundle(s) now "
        f"imported, {held} now quarantined",
    )


@quarantine_group.command("release")
@click.argument("bundle")
@click.option("--reason", required=True, help="Why this bundle stands (recorded).")
@click.option("--by", "by", required=True, help="Who decides (recorded).")
@central_option
def quarantine_release(bundle: str, reason: str, by: str) -> None:
    """Release BUNDLE (bundle id or manifest sha256): its lineage stands."""
    _decide("release", bundle, reason, by)


@quarantine_group.command("reject")
@click.argument("bundle")
@click.option("--reason", required=True, help="Why this bundle is rejected (recorded).")
@click.option("--by", "by", required=True, help="Who decides (recorded).")
@central_option
def quarantine_reject(bundle: str, reason: str, by: str) -> None:
    """Reject BUNDLE (bundle id or manifest sha256) for good; the rest of its chain is re-decided."""
    _decide("reject", bundle, reason, by)


@central.command("bundles")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@central_option
def bundles_cmd(as_json: bool) -> None:
    """List bundles seen: imported, refused, quarantined."""
    rows = _services().bundles_list(url=_url())
    if as_json:
        echo_json([{k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in r.items()} for r in rows])
        return
    for r in rows:
        click.echo(
            f"{r['bundle_id']}  {r['device_id']}#{r['sequence']}  {r['inspector_name']}  "
            f"{r['created_at']}  {r['status']}  {r['reason'] or ''}".rstrip()
        )


@central.command("results")
@click.option("--year", type=int, help="Calendar year (China time); default this year.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@central_option
def results_cmd(year: int | None, as_json: bool) -> None:
    """Each station's current result per form kind (latest completed inspection in the year)."""
    rows = _services().station_results(year=year, url=_url())
    if as_json:
        echo_json([r.__dict__ for r in rows])
        return
    for r in rows:
        click.echo(
            f"{r.station_code}  {r.form_kind}  {r.total if r.total is not None else '-'}  "
            f"{r.verdict or '-'}  {r.completed_at}  {r.inspection_id}  ({r.inspections_in_period})"
        )


# -- merge ----------------------------------------------------------------------------------------


@click.command("merge")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--dry-run", is_flag=True, help="Verify and plan only; change nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per bundle instead.")
@central_option
@click.pass_context
def merge_cmd(ctx: click.Context, paths: tuple[str, ...], dry_run: bool, as_json: bool) -> None:
    """Import signed bundles (files, or folders scanned for *.fqbundle) into the central database.

    One line per bundle: imported (with counts), already imported, or refused with the
    reason. Exit status 1 when any bundle was refused or quarantined. Encrypted bundles
    need the bureau key's passphrase (FENGQIAO_PASSPHRASE or a prompt, asked once).
    """
    import json

    from fengqiao_desktop.cli.keys_cmd import passphrase

    svc = _services()
    unlock = svc.bureau_unlocker(lambda: passphrase(prompt_zh="县局密钥口令", prompt_en="Bureau key passphrase"))
    outcomes = svc.import_bundles(list(paths), url=_url(), dry_run=dry_run, unlock=unlock)
    if not outcomes:
        _say("没有找到数据包（*.fqbundle）", "no bundles (*.fqbundle) found")
        ctx.exit(1)
    for o in outcomes:
        if as_json:
            click.echo(json.dumps({k: v for k, v in o.__dict__.items()}, ensure_ascii=False))
        else:
            click.echo(o.line(lang()))
        for w in o.warnings_en if _en() else o.warnings:
            click.echo(("warning: " if _en() else "警告: ") + w, err=True)
    if any(not o.ok for o in outcomes):
        ctx.exit(1)


def register(cli: click.Group) -> None:
    from fengqiao_desktop.cli import central_review_cmd  # noqa: F401 - its commands join ``central``

    cli.add_command(central)
    cli.add_command(merge_cmd)
