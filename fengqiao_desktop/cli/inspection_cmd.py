"""``fengqiao inspection create|list|show``: inspections from the command line.

``create`` enters an inspection done on paper from an answers file (JSON:
``{"ITEM_ID": VALUE}`` or ``{"ITEM_ID": {"value": VALUE, "note": "...", "na": false}}``).
Everything is checked before anything is stored, and the inspection, its answers,
its photos and (with ``--complete``) its completion are written in one transaction:
a refusal leaves nothing behind. The new id is the last line of standard output.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from fengqiao_desktop.cli.common import echo_json, lang
from fengqiao_desktop.errors import InspectionError
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.scoring import Answer, AnswerValueError, validate_answer


def _store():
    from fengqiao_desktop.cli.common import open_local_store

    return open_local_store()


def read_answers(path: str | Path, form: FormDef) -> dict[str, Answer]:
    """Parse and check an answers file against ``form``; every problem in one InspectionError."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InspectionError(f"找不到答案文件 {p}", message_en=f"Answers file not found: {p}") from None
    except UnicodeDecodeError:
        raise InspectionError(
            f"答案文件 {p.name} 不是 UTF-8 编码", message_en=f"Answers file {p.name} is not UTF-8"
        ) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise InspectionError(
            f"答案文件 {p.name} 不是有效的 JSON（{where}）",
            message_en=f"Answers file {p.name} is not valid JSON ({where})",
        ) from None
    if not isinstance(raw, dict):
        raise InspectionError(
            f'答案文件 {p.name} 应是一个对象：{{"检查项": 答案, ...}}',
            message_en=f'Answers file {p.name} must be an object: {{"ITEM_ID": VALUE, ...}}',
        )
    answers: dict[str, Answer] = {}
    zh: list[str] = []
    en: list[str] = []
    for item_id, value in raw.items():
        item = form.items.get(item_id)
        if item is None:
            zh.append(f"{item_id}: 表单 {form.id} 中没有这个检查项")
            en.append(f"{item_id}: form {form.id} has no such item")
            continue
        try:
            answer = Answer.from_json(value)
            validate_answer(item, answer)
        except AnswerValueError as exc:
            from fengqiao_desktop.services.inspections import _zh_reason

            zh.append(f"{item_id}: {_zh_reason(exc.reason)}")
            en.append(f"{item_id}: {exc.reason}")
            continue
        except ValueError as exc:
            zh.append(f"{item_id}: {exc}")
            en.append(f"{item_id}: {exc}")
            continue
        answers[item_id] = answer
    if zh:
        raise InspectionError(
            f"答案文件 {p.name} 有误：" + "；".join(zh),
            message_en=f"Answers file {p.name} is invalid: " + "; ".join(en),
        )
    return answers


def _photo_specs(specs: tuple[str, ...], form: FormDef) -> list[tuple[str, str]]:
    out = []
    for spec in specs:
        item_id, sep, path = spec.partition("=")
        if not sep or not item_id or not path:
            raise InspectionError(
                f"--photo 的格式应为 检查项=文件路径：{spec}", message_en=f"--photo takes ITEM_ID=PATH, got {spec}"
            )
        if item_id not in form.items:
            raise InspectionError(
                f"--photo {spec}: 表单 {form.id} 中没有检查项 {item_id}",
                message_en=f"--photo {spec}: form {form.id} has no item {item_id}",
            )
        out.append((item_id, path))
    return out


@click.group("inspection")
def inspection() -> None:
    """Inspections: enter one done on paper, list, show."""


@inspection.command("create")
@click.option("--station", "station", required=True, help="12-digit station code.")
@click.option("--form", "form_id", required=True, help="Form id, e.g. five-haves or demonstration-town.")
@click.option(
    "--answers",
    "answers_file",
    required=True,
    type=click.Path(dir_okay=False),
    help='JSON file: {"ITEM_ID": VALUE} or {"ITEM_ID": {"value", "note", "na"}}.',
)
@click.option(
    "--photo",
    "photos",
    multiple=True,
    metavar="ITEM_ID=PATH",
    help="Attach a photo as evidence for an item (repeatable).",
)
@click.option("--inspector", default=None, help="Inspector's name (default: the profile's).")
@click.option(
    "--complete",
    is_flag=True,
    help="Complete (lock) the inspection; refused, storing nothing, if answers or evidence are missing.",
)
def create_cmd(
    station: str, form_id: str, answers_file: str, photos: tuple[str, ...], inspector: str | None, complete: bool
) -> None:
    """Enter an inspection done on paper; prints the new inspection id on the last line."""
    store = _store()
    try:
        form = store.forms.get(form_id)
        answers = read_answers(answers_file, form)
        specs = _photo_specs(photos, form)
        ingested = []
        try:
            for item_id, path in specs:
                ingested.append((item_id, store.photos.ingest(path)))
            iid = store.inspections.create_with_answers(
                station, form_id, answers, photos=ingested, complete=complete, inspector=inspector
            )
        except BaseException:
            for _item, ing in ingested:
                store.photos.discard(ing)
            raise
        result = store.inspections.score(iid)
        en = lang() == "en"
        status = ("completed" if complete else "draft") if en else ("已完成" if complete else "草稿")
        click.echo(
            f"{'total' if en else '总分'}: {result.total:g}/{result.max:g}  "
            f"{'verdict' if en else '结论'}: {result.verdict.value} ({result.verdict_label(lang())})  "
            f"{'status' if en else '状态'}: {status}"
        )
        click.echo(iid)
    finally:
        store.close()


@inspection.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--station", "station", default=None, help="Only this station's inspections.")
def list_cmd(as_json: bool, station: str | None) -> None:
    """List inspections, newest first."""
    store = _store()
    try:
        rows = store.inspections.list(station)
    finally:
        store.close()
    if as_json:
        echo_json([r.to_json() for r in rows])
        return
    for r in rows:
        total = f"{r.total:g}/{r.max:g}" if r.total is not None else "-"
        verdict = r.verdict.label_for(r.form_kind, lang()) if r.verdict else "-"
        click.echo(
            f"{r.id}  {r.station_code} {r.station_name}  {r.form_id}  "
            f"{r.status.label(lang())} r{r.revision}  {total}  {verdict}"
        )


def inspection_json(view) -> dict:
    """The ``inspection show --json`` shape (a contract: keys may be added, never removed)."""
    sc = view.score
    counts = view.photo_counts()
    sections = []
    for sec, ssc in zip(view.form.sections, sc.sections, strict=True):
        items = []
        for it in sec.items:
            isc = sc.items[it.id]
            a = view.answers.get(it.id)
            items.append(
                {
                    "id": it.id,
                    "no": it.no,
                    "from": it.link,
                    "title": it.title.zh,
                    "type": it.type.value,
                    "points": isc.points,
                    "max": it.max,
                    "answered": isc.answered,
                    "na": isc.na,
                    "veto_failed": isc.veto_failed,
                    "value": a.value if a else None,
                    "note": a.note if a else "",
                    "photos": counts.get(it.id, 0),
                }
            )
        sections.append(
            {
                "id": sec.id,
                "title": sec.title.zh,
                "title_en": sec.title.en,
                "earned": ssc.earned,
                "max": ssc.max,
                "items": items,
            }
        )
    return {
        "id": view.id,
        "station": view.station_code,
        "station_name": view.station_name,
        "form": view.form.id,
        "form_version": view.form.version,
        "form_sha256": view.form_sha256,
        "kind": view.form.kind.value,
        "status": view.status.value,
        "revision": view.revision,
        "total": sc.total,
        "max": sc.max,
        "pass_mark": sc.pass_mark,
        "verdict": sc.verdict.value,
        "verdict_label": sc.verdict_label("zh"),
        "veto_reasons": list(sc.veto_reasons),
        "missing_answers": list(sc.missing_answers),
        "missing_evidence": [
            {"item": i, "no": _no(view.form, i), "have": h, "need": n} for i, h, n in sc.missing_evidence
        ],
        "missing_no": [_no(view.form, i) for i in sc.missing_answers],
        "sections": sections,
        "findings": [f.to_json() for f in view.findings],
        "photos": [p.to_json() for p in view.photos],
        "answers": {k: a.to_json() for k, a in view.answers.items()},
        "visit_id": view.visit_id,
        "visit_date": view.visit_date.isoformat(),
        "inspector": view.inspector,
        "created_at": view.created_at.isoformat() + "Z",
        "updated_at": view.updated_at.isoformat() + "Z",
        "completed_at": view.completed_at.isoformat() + "Z" if view.completed_at else None,
        "exported_revision": view.exported_revision,
        "audit": [
            {
                "at": a.at.isoformat() + "Z",
                "revision": a.revision,
                "action": a.action,
                "reason": a.reason,
                "by": a.by,
                "detail": a.detail,
            }
            for a in view.audit
        ],
    }


def _no(form, item_id: str) -> str:
    item = form.items.get(item_id)
    return item.no if item is not None else item_id


@inspection.command("show")
@click.argument("inspection_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show_cmd(inspection_id: str, as_json: bool) -> None:
    """Show one inspection with its score, sections and findings."""
    store = _store()
    try:
        view = store.inspections.get(inspection_id)
    finally:
        store.close()
    data = inspection_json(view)
    if as_json:
        echo_json(data)
        return
    en = lang() == "en"
    click.echo(
        f"{view.station_name} ({view.station_code})  {view.form.title.get(lang())}  "
        f"{view.status.label(lang())} r{view.revision}"
    )
    click.echo(f"{'total' if en else '总分'}: {data['total']:g}/{data['max']:g}  {view.score.verdict_label(lang())}")
    for sec in data["sections"]:
        click.echo(f"  {sec['id']} {sec['title_en'] if en else sec['title']}: {sec['earned']:g}/{sec['max']:g}")
    for reason in data["veto_reasons"]:
        click.echo(("veto: " if en else "否决：") + reason)
    if data["missing_answers"]:
        click.echo(("missing answers: " if en else "未作答：") + ", ".join(data["missing_no"]))


def register(cli: click.Group) -> None:
    cli.add_command(inspection)
