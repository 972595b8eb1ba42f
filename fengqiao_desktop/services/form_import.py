"""Importing a bureau's scoring sheet into the data directory's forms (plan, then write).

``plan_import`` reads the sheet and says what would happen: the form, the cells it
could not read, what it guessed, the version it would replace and the diff against it.
``apply_import`` writes the YAML only when the plan has no problem. The CLI
(``fengqiao forms import``) and the bureau's import dialog both call these.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fengqiao_desktop.errors import FormError
from fengqiao_desktop.formengine.lineage import FormDiff, diff
from fengqiao_desktop.formengine.loader import installed_registry, local_forms_dir, parse_form
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.xlsx_import import ImportReport, Options, form_yaml, import_sheet
from fengqiao_desktop.fsutil import write_atomic


@dataclass
class ImportPlan:
    report: ImportReport
    previous: FormDef | None
    diff: FormDiff | None
    dest: Path | None
    yaml_text: str = ""
    already_installed: bool = False

    @property
    def ok(self) -> bool:
        return self.report.ok


def plan_import(path: str | Path, options: Options | None = None, *, output: str | Path | None = None) -> ImportPlan:
    """Read ``path`` and plan where its form goes (default: ``<data dir>/forms/ID-VERSION.yaml``)."""
    options = options or Options()
    registry = installed_registry()
    previous = None
    guess_id = options.form_id or Path(path).stem
    if guess_id in {f.id for f in registry}:
        previous = registry.get(guess_id)
    report = import_sheet(path, options, previous)
    form = report.form
    if form is None:
        return ImportPlan(report, previous, None, None)
    if previous is not None and form.id != previous.id:
        previous = None
    if previous is None and form.id in {f.id for f in registry}:
        previous = registry.get(form.id)
    if previous is not None and form.version != previous.version and not options.version:
        same_content = form.model_copy(update={"version": previous.version, "supersedes": previous.supersedes})
        if same_content.sha256 == previous.sha256:  # the installed sheet again: nothing new
            report.form = form = previous
    change = None
    if previous is not None and form.supersedes is not None and form.version != previous.version:
        try:
            change = diff(form, registry.get(form.supersedes.form or form.id, form.supersedes.version))
        except FormError as exc:
            report.problems.append(_problem(report, exc))
    text = form_yaml(form)
    parse_form(text, source=f"{form.id}.yaml")  # what forms check will say: the same form
    same = [f for f in registry.versions(form.id) if f.version == form.version]
    already = bool(same) and same[0].sha256 == form.sha256
    if same and not already:
        report.problems.append(
            _problem(
                report,
                FormError(
                    f"表单 {form.id} 版本 {form.version} 已安装且内容不同；修改过的表单请用新的版本号（--form-version）",
                    message_en=f"Form {form.id} version {form.version} is already installed with other content; "
                    "give a changed form a new version (--form-version)",
                ),
            )
        )
    dest = Path(output) if output else local_forms_dir() / f"{form.id}-{form.version}.yaml"
    return ImportPlan(report, previous, change, dest, text, already)


def _problem(report: ImportReport, exc: FormError):
    from fengqiao_desktop.formengine.xlsx_import import Problem

    return Problem(report.source, "", exc.message, exc.message_en)


def apply_import(plan: ImportPlan) -> Path:
    """Write the planned YAML; refuse a plan with problems (nothing is written)."""
    if not plan.ok or plan.dest is None:
        raise FormError(
            "评分表有无法识别的内容，未写入任何文件", message_en="The scoring sheet has problems; nothing was written"
        )
    plan.dest.parent.mkdir(parents=True, exist_ok=True)
    if plan.dest.exists() and plan.dest.read_text(encoding="utf-8") != plan.yaml_text:
        raise FormError(f"文件 {plan.dest.name} 已存在，未覆盖", message_en=f"{plan.dest.name} exists; not overwritten")
    return write_atomic(plan.dest, plan.yaml_text.encode("utf-8"))
