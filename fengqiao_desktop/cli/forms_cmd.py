"""``fengqiao forms check|list|show|import|export|diff``: validate, list, inspect, import and export forms.

``forms list`` and ``forms show`` see the shipped forms plus a bureau's own forms
in ``<data dir>/forms``; ``forms check`` validates any files (default: those same forms).
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import click

from fengqiao_desktop.cli.common import echo_json, lang
from fengqiao_desktop.errors import FormError

_TYPE_ZH = {"yes_no": "是否", "graded": "分级", "deduction": "扣分", "choice": "单选", "number": "数值", "text": "文字"}


def _zh() -> bool:
    return lang() != "en"


def _width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _table(head: list[str], rows: list[list[str]]) -> str:
    widths = [max(_width(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = []
    for row in [head, *rows]:
        cells = [c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _pts(x: float) -> str:
    return f"{x:g}"


def _registry():
    from fengqiao_desktop.formengine.loader import installed_registry

    return installed_registry()


def _expand(paths: tuple[str, ...]) -> list[Path]:
    from fengqiao_desktop.formengine.loader import form_files, local_forms_dir

    if not paths:
        files = form_files()
        if local_forms_dir().is_dir():
            files += form_files(local_forms_dir())
        return files
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(form_files(p) if p.is_dir() else [p])
    return out


@click.group("forms")
def forms() -> None:
    """Checklist forms: validate YAML files, list the installed forms, show one."""


@forms.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
def check_cmd(paths: tuple[str, ...]) -> None:
    """Validate form files (default: the shipped forms and the bureau's own).

    PATH may be a YAML file or a folder of them. Prints one OK line per good
    form; a bad file is named with the item and the problem, and the exit
    status is 1.
    """
    from fengqiao_desktop.formengine.lineage import check_map
    from fengqiao_desktop.formengine.loader import FormRegistry, load_form_file

    files = _expand(paths)
    if not files:
        raise FormError("没有找到表单文件（*.yaml）", message_en="No form files (*.yaml) found")
    registry = FormRegistry([])
    bad = 0
    loaded = []
    for path in files:
        try:
            form = load_form_file(path)
            registry.add(form)  # the same id and version twice with different content is an error
        except FormError as exc:
            bad += 1
            click.echo(("错误: " if _zh() else "error: ") + exc.user_message(lang()), err=True)
            continue
        loaded.append((path, form))
    try:
        installed = _registry()
    except FormError:  # a bad file among the installed forms: already reported above
        installed = registry
    for path, form in loaded:
        if form.supersedes is not None:  # a version map is checked against the version it names
            sup = form.supersedes
            try:
                old = registry.get(sup.form or form.id, sup.version)
            except FormError:
                try:
                    old = installed.get(sup.form or form.id, sup.version)
                except FormError:
                    old = None
            try:
                if old is not None:
                    check_map(form, old)
            except FormError as exc:
                bad += 1
                click.echo(("错误: " if _zh() else "error: ") + f"{path.name}: " + exc.user_message(lang()), err=True)
                continue
        if _zh():
            click.echo(
                f"OK  {form.id}  版本 {form.version}  满分 {_pts(form.max)}  sha256 {form.sha256[:12]}  ({path.name})"
            )
        else:
            click.echo(
                f"OK  {form.id}  version {form.version}  max {_pts(form.max)}  sha256 {form.sha256[:12]}  ({path.name})"
            )
    if bad:
        sys.exit(1)


@forms.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a list of form summaries without items).")
def list_cmd(as_json: bool) -> None:
    """List the installed forms: id, version, kind, levels, max points, pass mark, title."""
    forms_ = list(_registry())
    if as_json:
        echo_json([{k: v for k, v in f.summary().items() if k != "sections"} for f in forms_])
        return
    lg = lang()
    head = (
        ["表单", "版本", "类型", "适用层级", "满分", "达标线", "名称"]
        if _zh()
        else ["id", "version", "kind", "levels", "max", "pass mark", "title"]
    )
    rows = [
        [
            f.id,
            f.version,
            f.kind.label(lg),
            "、".join(lv.label(lg) for lv in f.levels) if _zh() else ", ".join(lv.value for lv in f.levels),
            _pts(f.max),
            _pts(f.pass_mark),
            f.title.get(lg),
        ]
        for f in forms_
    ]
    click.echo(_table(head, rows))


def _find(form_id: str, version: str | None):
    p = Path(form_id)
    if p.suffix in (".yaml", ".yml") and p.is_file():
        from fengqiao_desktop.formengine.loader import load_form_file

        return load_form_file(p)
    return _registry().get(form_id, version)


@forms.command("show")
@click.argument("form_id")
@click.option("--form-version", "version", help="A particular version (default: the latest).")
@click.option(
    "--json", "as_json", is_flag=True, help='Print {"id","version","sha256","kind","pass_mark","max","sections":[...]}.'
)
@click.option("--guidance", "-g", is_flag=True, help="Also print each item's scoring guidance.")
def show_cmd(form_id: str, version: str | None, as_json: bool, guidance: bool) -> None:
    """Show one form (FORM_ID is an installed form's id, or a path to a YAML file)."""
    form = _find(form_id, version)
    if as_json:
        echo_json(form.summary())
        return
    zh = _zh()
    lg = lang()
    click.echo(f"{form.title.get(lg)}  ({form.id} {form.version})")
    click.echo(f"sha256 {form.sha256}")
    levels = ("、" if zh else ", ").join(lv.label(lg) for lv in form.levels)
    if zh:
        click.echo(f"类型 {form.kind.zh}  适用 {levels}  满分 {_pts(form.max)}  达标线 {_pts(form.pass_mark)}")
    else:
        click.echo(f"kind {form.kind.value}  levels {levels}  max {_pts(form.max)}  pass mark {_pts(form.pass_mark)}")
    for sec in form.sections:
        click.echo("")
        click.echo(f"{sec.id} {sec.title.get(lg)}  ({_pts(sec.max)}{' 分' if zh else ' pts'})")
        rows = []
        for it in sec.items:
            flags = []
            if it.veto:
                flags.append(("否决：" if zh else "veto: ") + (it.veto_reason or it.title.get(lg)))
            if it.na_allowed:
                flags.append("可不适用" if zh else "N/A allowed")
            if it.min_photos:
                flags.append(f"照片≥{it.min_photos}" if zh else f"photos>={it.min_photos}")
            kind = _TYPE_ZH[it.type.value] if zh else it.type.value
            if it.type.value in ("graded", "deduction"):
                kind += f"/{_pts(it.effective_step)}"
            rows.append(["  " + it.id, it.title.get(lg), kind, _pts(it.max), "; ".join(flags)])
        click.echo(
            _table(
                [
                    "  " + ("序号" if zh else "item"),
                    "考评内容" if zh else "title",
                    "方式" if zh else "type",
                    "分值" if zh else "max",
                    "备注" if zh else "notes",
                ],
                rows,
            )
        )
        if guidance:
            for it in sec.items:
                text = it.guidance_en if (not zh and it.guidance_en) else it.guidance
                if text:
                    click.echo(f"    {it.id}: {text}")


_LEVELS = click.Choice(["city", "county", "town", "village"])


@forms.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--id", "form_id", help="The form's id (default: from the sheet, else the file name).")
@click.option("--form-version", "version", help="The version (default: 1, or the next after the installed one).")
@click.option("--level", "levels", multiple=True, type=_LEVELS, help="A level the form applies to (repeatable).")
@click.option("--pass-mark", type=float, help="The pass mark (default: from the title, else 90% of the total).")
@click.option("--kind", type=click.Choice(["rubric", "gate"]), help="rubric (default) or gate.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the YAML here instead of adding it to the data directory's forms.",
)
@click.option("--dry-run", is_flag=True, help="Read and report only; write nothing.")
def import_cmd(
    file: str,
    form_id: str | None,
    version: str | None,
    levels: tuple[str, ...],
    pass_mark: float | None,
    kind: str | None,
    output: str | None,
    dry_run: bool,
) -> None:
    """Import a scoring sheet (XLSX or CSV) as a form.

    Reads the official table (考评项目 / 序号 / 考评内容 / 分值 / 评分标准 / 得分) and writes a
    form YAML that passes `forms check`. Every cell that could not be read is listed
    (sheet!cell: why) and nothing is written. By default the form joins the forms of the
    data directory, so `forms list` and new inspections find it.
    """
    from fengqiao_desktop.formengine.xlsx_import import Options
    from fengqiao_desktop.services.form_import import apply_import, plan_import

    zh = _zh()
    plan = plan_import(file, Options(form_id, version, levels, pass_mark, kind), output=output)
    lg = lang()
    for note in plan.report.notes:
        click.echo(("提示: " if zh else "note: ") + note.text(lg), err=True)
    if not plan.ok:
        n = len(plan.report.problems)
        click.echo(
            (
                f"错误: 评分表 {plan.report.source} 有 {n} 处无法识别，未写入任何文件："
                if zh
                else f"error: the scoring sheet {plan.report.source} has {n} problem(s); nothing was written:"
            ),
            err=True,
        )
        for p in plan.report.problems:
            click.echo("  " + p.text(lg), err=True)
        sys.exit(1)
    form = plan.report.form
    assert form is not None
    if plan.diff is not None:
        click.echo(
            f"与已安装的版本 {plan.diff.old.version} 相比："
            if zh
            else f"Against the installed version {plan.diff.old.version}:"
        )
        for line in plan.diff.lines(lg):
            click.echo("  " + line)
    summary = (
        f"{form.id}  版本 {form.version}  {len(form.sections)} 个分项  {len(form.items)} 个检查项  "
        f"满分 {_pts(form.max)}  达标线 {_pts(form.pass_mark)}"
        if zh
        else f"{form.id}  version {form.version}  {len(form.sections)} sections  {len(form.items)} items  "
        f"max {_pts(form.max)}  pass mark {_pts(form.pass_mark)}"
    )
    if dry_run:
        click.echo(("可以导入：" if zh else "would import: ") + summary)
        return
    if plan.already_installed and not output:
        click.echo(("已安装，无需导入：" if zh else "already installed: ") + summary)
        return
    path = apply_import(plan)
    click.echo(("已导入：" if zh else "imported: ") + summary + f"  ({path})")


@forms.command("export")
@click.argument("form_id")
@click.option("--form-version", "version", help="A particular version (default: the latest).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The XLSX file to write.")
def export_cmd(form_id: str, version: str | None, output: str) -> None:
    """Export a form to XLSX in the official layout (for review, printing, or editing and importing again)."""
    from fengqiao_desktop.formengine.xlsx_export import export_form

    form = _find(form_id, version)
    path = export_form(form, output)
    click.echo(
        f"已导出：{form.id} 版本 {form.version} → {path}"
        if _zh()
        else f"exported: {form.id} version {form.version} -> {path}"
    )


@forms.command("diff")
@click.argument("form_id")
@click.option("--form-version", "version", help="The newer version (default: the latest).")
def diff_cmd(form_id: str, version: str | None) -> None:
    """Show how a form version differs from the version it supersedes (FORM_ID or a YAML file)."""
    from fengqiao_desktop.formengine.lineage import diff

    new = _find(form_id, version)
    if new.supersedes is None:
        click.echo(f"{new.id} {new.version}: " + ("未声明替代的版本" if _zh() else "supersedes no version"))
        return
    old = _registry().get(new.supersedes.form or new.id, new.supersedes.version)
    click.echo(f"{old.id} {old.version} → {new.id} {new.version}")
    for line in diff(new, old).lines(lang()):
        click.echo("  " + line)


def register(cli: click.Group) -> None:
    cli.add_command(forms)
