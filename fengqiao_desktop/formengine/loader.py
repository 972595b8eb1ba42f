"""Load and validate form YAML files; a registry of the forms known to this install.

Loader errors name the file, the item (when there is one) and the problem.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from fengqiao_desktop import config
from fengqiao_desktop.domain import FormKind, Level
from fengqiao_desktop.errors import FormError
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.paths import forms_dir

# libyaml's parser when PyYAML has it (several times faster: opening the local store parses
# every shipped form), else the pure-Python one; the same safe constructors either way
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that refuses duplicate mapping keys (a silent overwrite hides mistakes)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


_LIST_NAMES = {"sections": "section", "items": "item", "choices": "choice"}


def _locate(data, loc: tuple) -> str:
    """Turn a pydantic error location into 'section A / item A1 / field'.

    List entries are named by their id when they have one, else by position
    (``item #3``), so the author can find the spot in the file.
    """
    parts: list[str] = []
    node = data
    for key in loc:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
        if isinstance(key, int) and parts and parts[-1] in _LIST_NAMES:
            kind = _LIST_NAMES[parts.pop()]
            ident = None
            if isinstance(node, dict):
                ident = node.get("value") if kind == "choice" else node.get("id")
            parts.append(f"{kind} {ident}" if ident not in (None, "") else f"{kind} #{key + 1}")
        else:
            parts.append(str(key))
    return " / ".join(parts)


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """'line 12, column 5: duplicate key 'id'' instead of PyYAML's multi-line report."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    text = f"{context}; {problem}" if context and "duplicate" not in problem else problem
    if mark is not None:
        return f"line {mark.line + 1}, column {mark.column + 1}: {text}"
    return text


def parse_form(text: str, source: str = "<text>") -> FormDef:
    """Validate form YAML text; ``source`` (the file name) is named in every error."""
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        where = _yaml_problem(exc)
        raise FormError(
            f"表单文件 {source} 不是有效的 YAML：{where}", message_en=f"Form file {source} is not valid YAML: {where}"
        ) from None
    if not isinstance(data, dict):
        raise FormError(
            f"表单文件 {source} 的顶层必须是映射（键: 值）",
            message_en=f"Form file {source}: the top level must be a mapping",
        ) from None
    try:
        return FormDef.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = _locate(data, tuple(err["loc"]))
            msg = err["msg"].removeprefix("Value error, ")
            problems.append(f"{where}: {msg}" if where else msg)
        detail = "; ".join(problems)
        raise FormError(
            f"表单文件 {source} 有误：{detail}", message_en=f"Form file {source} is invalid: {detail}"
        ) from None


def load_form_file(path: str | Path) -> FormDef:
    """Read and validate one form file; FormError names the file, the item and the problem."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FormError(f"找不到表单文件 {p}", message_en=f"Form file not found: {p}") from None
    except UnicodeDecodeError:
        raise FormError(
            f"表单文件 {p.name} 不是 UTF-8 编码，请以 UTF-8 保存",
            message_en=f"Form file {p.name} is not UTF-8; save it as UTF-8",
        ) from None
    except OSError as exc:
        raise FormError(
            f"无法读取表单文件 {p}：{exc.strerror or exc}",
            message_en=f"Cannot read form file {p}: {exc.strerror or exc}",
        ) from None
    return parse_form(text, source=p.name)


def form_files(folder: Path | None = None) -> list[Path]:
    """The ``*.yaml`` files in ``folder`` (default: the shipped forms), sorted by name."""
    folder = folder or forms_dir()
    return sorted(p for p in folder.glob("*.yaml") if p.is_file())


class FormRegistry:
    """The forms known to this install, by id (latest version) and by sha256."""

    def __init__(self, forms: Iterable[FormDef]):
        self._by_sha: dict[str, FormDef] = {}
        self._by_id: dict[str, list[FormDef]] = {}
        for f in forms:
            self.add(f)

    def add(self, form: FormDef) -> None:
        """Add a form; the same id and version with other content is refused (ambiguous)."""
        versions = self._by_id.setdefault(form.id, [])
        for v in versions:
            if v.version == form.version and v.sha256 != form.sha256:
                raise FormError(
                    f"表单 {form.id} 版本 {form.version} 出现了两份不同的内容；修改过的表单请提高版本号",
                    message_en=f"Form {form.id} version {form.version} appears twice with different "
                    "content; give a changed form a new version",
                )
        self._by_sha[form.sha256] = form
        if all(v.sha256 != form.sha256 for v in versions):
            versions.append(form)
            versions.sort(key=lambda f: _version_key(f.version))

    def __iter__(self):
        return iter(sorted((v[-1] for v in self._by_id.values()), key=lambda f: (f.kind.value, f.id)))

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, form_id: str, version: str | None = None) -> FormDef:
        versions = self._by_id.get(form_id)
        if not versions:
            known = ", ".join(sorted(self._by_id)) or "-"
            raise FormError(
                f"未知表单：{form_id}（已知：{known}）", message_en=f"Unknown form: {form_id} (known: {known})"
            )
        if version is None:
            return versions[-1]
        for f in versions:
            if f.version == version:
                return f
        raise FormError(f"表单 {form_id} 没有版本 {version}", message_en=f"Form {form_id} has no version {version}")

    def check_links(self) -> None:
        """Every linked item (``from: form/item``) names a known form's item of the same type."""
        problems = []
        for form in self.all_versions():
            for it in form.items.values():
                if it.source is None:
                    continue
                src_form, src_item = it.source
                target = self._by_id.get(src_form)
                if not target:
                    problems.append(f"{form.id} {it.id}: from {it.link}: no form {src_form}")
                    continue
                src = target[-1].items.get(src_item)
                if src is None:
                    problems.append(f"{form.id} {it.id}: from {it.link}: form {src_form} has no item {src_item}")
                elif src.type is not it.type:
                    problems.append(
                        f"{form.id} {it.id}: from {it.link}: the item is {it.type.value}, "
                        f"its source is {src.type.value}"
                    )
        if problems:
            detail = "; ".join(problems)
            raise FormError(f"表单的关联项有误：{detail}", message_en=f"Linked form items are invalid: {detail}")

    def all_versions(self) -> list[FormDef]:
        """Every version of every form (the central registry keeps them all)."""
        return [f for versions in self._by_id.values() for f in versions]

    def versions(self, form_id: str) -> list[FormDef]:
        """Every version of a form, oldest first."""
        return list(self._by_id.get(form_id, []))

    def by_sha256(self, sha: str) -> FormDef | None:
        return self._by_sha.get(sha)

    def five_haves(self) -> FormDef | None:
        gates = [f for f in self if f.kind is FormKind.GATE]
        return gates[0] if gates else None

    def for_level(self, level: Level | str) -> list[FormDef]:
        level = Level(level)
        return [f for f in self if level in f.levels]

    def default_rubric_for(self, level: Level | str) -> FormDef | None:
        rubrics = [f for f in self.for_level(level) if f.kind is FormKind.RUBRIC]
        return rubrics[0] if rubrics else None


def _version_key(v: str) -> tuple:
    """Order versions numerically where they are numbers: 1 < 2 < 10 < 10.1 < 10.1-lz."""
    parts = v.replace("-", ".").replace("+", ".").split(".")
    # (0, n) sorts numbers before words in the same position and never compares int to str
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def load_forms(paths: Iterable[str | Path] | None = None) -> list[FormDef]:
    """Load the given files (default: every shipped form); the first bad file raises."""
    files = [Path(p) for p in paths] if paths else form_files()
    return [load_form_file(p) for p in files]


@cache
def shipped_registry() -> FormRegistry:
    """The forms shipped in ``forms/`` (cached for the process)."""
    reg = FormRegistry(load_forms())
    reg.check_links()
    return reg


def local_forms_dir() -> Path:
    """Where a bureau's own forms live on this machine: ``<data dir>/forms`` (may not exist)."""
    return config.data_dir() / "forms"


def installed_registry() -> FormRegistry:
    """The shipped forms plus the bureau's own from :func:`local_forms_dir`.

    A bureau replaces a reference form by giving its sheet the same id and a higher
    version (the registry serves the latest version of each id), or adds a form
    under a new id. Not cached: the folder may change while the app runs.
    """
    reg = FormRegistry(shipped_registry().all_versions())
    folder = local_forms_dir()
    if folder.is_dir():
        for path in form_files(folder):
            reg.add(load_form_file(path))
    reg.check_links()
    return reg
