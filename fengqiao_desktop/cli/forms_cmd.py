"""``fengqiao forms check|list|show``: validate, list and inspect checklist forms.

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

_TYPE_ZH = {"yes_no": "是否", "graded": "分级", "deduction": "扣分", "choice": "单选",
            "number": "数值", "text": "文字"}


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
    from fengqiao_desktop.formengine.loader import FormRegistry, load_form_file

    files = _expand(paths)
    if not files:
        raise FormError("没有找到表单文件（*.yaml）", message_en="No form files (*.yaml) found")
    registry = FormRegistry([])
    bad = 0
    for path in files:
        try:
            form = load_form_file(path)
            registry.add(form)  # the same id and version twice with different content is an error
        except FormError as exc:
            bad += 1
            click.echo(("错误: " if _zh() else "error: ") + exc.user_message(lang()), err=True)
            continue
        if _zh():
            click.echo(f"OK  {form.id}  版本 {form.version}  满分 {_pts(form.max)}  "
                       f"sha256 {form.sha256[:12]}  ({path.name})")
        else:
            click.echo(f"OK  {form.id}  version {form.version}  max {_pts(form.max)}  "
                       f"sha256 {form.sha256[:12]}  ({path.name})")
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
    head = (["表单", "版本", "类型", "适用层级", "满分", "达标线", "名称"] if _zh()
            else ["id", "version", "kind", "levels", "max", "pass mark", "title"])
    rows = [[f.id, f.version, f.kind.label(lg), "、".join(lv.label(lg) for lv in f.levels)
             if _zh() else ", ".join(lv.value for lv in f.levels),
             _pts(f.max), _pts(f.pass_mark), f.title.get(lg)] for f in forms_]
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
@click.option("--json", "as_json", is_flag=True,
              help='Print {"id","version","sha256","kind","pass_mark","max","sections":[...]}.')
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
        click.echo(f"kind {form.kind.value}  levels {levels}  max {_pts(form.max)}  "
                   f"pass mark {_pts(form.pass_mark)}")
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
        click.echo(_table(["  " + ("序号" if zh else "item"), "考评内容" if zh else "title",
                           "方式" if zh else "type", "分值" if zh else "max",
                           "备注" if zh else "notes"], rows))
        if guidance:
            for it in sec.items:
                text = it.guidance_en if (not zh and it.guidance_en) else it.guidance
                if text:
                    click.echo(f"    {it.id}: {text}")


def register(cli: click.Group) -> None:
    cli.add_command(forms)
