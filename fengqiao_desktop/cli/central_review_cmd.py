"""``fengqiao central review ...`` and ``fengqiao central findings ...``: the bureau's review of
imported inspections (received → approved / returned) and the rectification follow-up
(回头看 → 销号). Part of the ``central`` group (``central_cmd``).
"""

from __future__ import annotations

from datetime import datetime

import click

from fengqiao_desktop.cli.central_cmd import _DATE, _en, _say, _services, _url, central, central_option
from fengqiao_desktop.cli.common import echo_json, lang

# -- review -------------------------------------------------------------------------------------


@central.group("review")
@central_option
def review_group() -> None:
    """Review imported inspections: received (待审核) -> approved (已审核) or returned (退回)."""


def _reviewer(by: str | None) -> str:
    if by:
        return by
    from fengqiao_desktop.services import identity

    name = identity.identity(None).name
    if not name:
        from fengqiao_desktop.errors import KnownError

        raise KnownError(
            "请用 --by 写明审核人（本机还没有填写姓名）",
            message_en="say who reviews with --by (this computer has no profile name yet)",
        )
    return name


@review_group.command("list")
@click.option("--state", type=click.Choice(["received", "approved", "returned"]), help="Only this state.")
@click.option("--county", help="Only stations of a county whose name contains this.")
@click.option("--inspector", help="Only inspections by an inspector whose name contains this.")
@click.option("--from", "date_from", type=_DATE, help="Completed on or after (YYYY-MM-DD, China time).")
@click.option("--to", "date_to", type=_DATE, help="Completed on or before (YYYY-MM-DD, China time).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@central_option
def review_list(
    state: str | None,
    county: str | None,
    inspector: str | None,
    date_from: datetime | None,
    date_to: datetime | None,
    as_json: bool,
) -> None:
    """List imported inspections with their review state, newest first."""
    from fengqiao_desktop.merge.review import state_label

    rows = _services().review_list(
        url=_url(),
        state=state,
        county=county,
        inspector=inspector,
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
    )
    if as_json:
        echo_json([r.as_json() for r in rows])
        return
    if not rows:
        _say("没有符合条件的检查", "no inspections match")
    for r in rows:
        who = f"  {r.reviewed_by} {r.reviewed_at:%Y-%m-%d %H:%M}Z" if r.reviewed_at else ""
        note = f"  「{r.comment}」" if r.comment and not _en() else (f'  "{r.comment}"' if r.comment else "")
        click.echo(
            f"{r.inspection_id}  {r.station_code} {r.station_name}  {r.inspector}  "
            f"{(r.completed_at or '')[:10]}  {state_label(r.state, lang())}{who}{note}"
        )


@review_group.command("approve")
@click.argument("inspection_id")
@click.option("--by", help="Who approves (default: this computer's profile name).")
@click.option("--comment", default="", help="An optional note.")
@central_option
def review_approve(inspection_id: str, by: str | None, comment: str) -> None:
    """Approve INSPECTION_ID (its current revision)."""
    r = _services().review_set(inspection_id, "approved", by=_reviewer(by), comment=comment, url=_url())
    _say(f"已审核：{r.inspection_id}（{r.station_name}）", f"approved: {r.inspection_id} ({r.station_name})")


@review_group.command("return")
@click.argument("inspection_id")
@click.option("--comment", required=True, help="What the inspector must correct (sent back with it).")
@click.option("--by", help="Who returns it (default: this computer's profile name).")
@central_option
def review_return(inspection_id: str, comment: str, by: str | None) -> None:
    """Return INSPECTION_ID to its inspector with a comment; it stops counting in coverage."""
    r = _services().review_set(inspection_id, "returned", by=_reviewer(by), comment=comment, url=_url())
    _say(
        f"已退回：{r.inspection_id}（{r.station_name}）：{r.comment}",
        f"returned: {r.inspection_id} ({r.station_name}): {r.comment}",
    )


# -- rectification follow-up (回头看 → 销号) -----------------------------------------------------------


@central.group("findings")
@central_option
def findings_group() -> None:
    """Findings re-checked at later visits (回头看), and closing them (销号)."""


_FINDING_STATES = {
    "open": ("待整改", "open"),
    "rectified": ("已整改，待销号", "rectified, awaiting closure"),
    "verified": ("已销号", "closed"),
}


@findings_group.command("list")
@click.option(
    "--all", "show_all", is_flag=True, help="Every re-checked or closed finding, not only those awaiting closure."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@central_option
def findings_list(show_all: bool, as_json: bool) -> None:
    """List findings rectified at a re-check and awaiting closure (销号)."""
    rows = _services().followups(url=_url(), status=None if show_all else "rectified")
    if as_json:
        echo_json([{**r.__dict__, "closed_at": r.closed_at.isoformat() if r.closed_at else None} for r in rows])
        return
    if not rows:
        _say("没有待销号的整改问题", "no findings await closure")
    for r in rows:
        zh, en = _FINDING_STATES.get(r.status, (r.status, r.status))
        by = f"  {r.rechecked_by} {(r.rechecked_at or '')[:10]}" if r.recheck_verdict else ""
        note = f"  「{r.recheck_note}」" if r.recheck_note else ""
        click.echo(
            f"{r.inspection_id} {r.finding_id}  {r.station_code} {r.station_name}  {r.description}  "
            f"{en if _en() else zh}{by}{note}"
        )


@findings_group.command("close")
@click.argument("inspection_id")
@click.argument("finding_id")
@click.option("--by", help="Who closes it (default: this computer's profile name).")
@click.option("--note", default="", help="An optional note (e.g. how the rectification was confirmed).")
@central_option
def findings_close(inspection_id: str, finding_id: str, by: str | None, note: str) -> None:
    """Close (销号) FINDING_ID of INSPECTION_ID: it stops counting as open in coverage."""
    _services().finding_close(inspection_id, finding_id, by=_reviewer(by), note=note, url=_url())
    _say(f"已销号：{inspection_id} {finding_id}", f"closed: {inspection_id} {finding_id}")
